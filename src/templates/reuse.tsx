// Markup rendered once and reused: the parts many pages share (the page shell, an article's entry in lists), escaped by preact like the rest.

import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { jsxTemplate } from "preact/jsx-runtime";

/**
 * The markup of `make()`, rendered the first time `owner` and `key` are seen and inserted as it
 * is after that. Preact's own renderer made it, so it is escaped like any other part of a page.
 * `owner` is an object whose life bounds the inputs' (an article of one content load, the site
 * of one build); `key` must name every other input of `make`, since a hit skips it. At 4,000
 * articles each article's entry appears in about six lists and every page has the same shell.
 * @example reused(article, `list item ${recordKey(site)}`, () => <li>…</li>)
 */
export function reused(owner: object, key: string, make: () => VNode): VNode {
  let markup = MARKUP.get(owner);
  if (!markup) MARKUP.set(owner, (markup = new Map()));
  let html = markup.get(key);
  if (html === undefined) markup.set(key, (html = renderToStaticMarkup(make())));
  // A fragment of ready markup: preact-render-to-string writes its strings out unchanged.
  return jsxTemplate([html]);
}

/**
 * A string that names everything in a site's settings (or another build-wide record: its asset
 * URLs, its icon) that templates read, for `reused` keys; made once per object, which must not
 * change after (the plugin freezes them).
 * @example recordKey(site) //=> '{"name":"صحيفة",…}'
 */
export function recordKey(record: object): string {
  let key = RECORD_KEYS.get(record);
  if (key === undefined) RECORD_KEYS.set(record, (key = JSON.stringify(record)));
  return key;
}

const MARKUP = new WeakMap<object, Map<string, string>>();
const RECORD_KEYS = new WeakMap<object, string>();
