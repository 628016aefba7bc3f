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
 * A short name for everything in a site's settings (or another build-wide record: its asset
 * URLs, its icon) that templates read, for `reused` keys: records with the same content get the
 * same name. Made once per object, which must not change after (the plugin freezes them). Short
 * on purpose: keys are hashed at every lookup, and with the settings written out in full (a few
 * kilobytes) the lookups cost 0.3 s of a 4,000-article build.
 * @example recordKey(site) //=> "record 0"
 */
export function recordKey(record: object): string {
  let key = RECORD_KEYS.get(record);
  if (key === undefined) {
    const content = JSON.stringify(record);
    key = RECORD_NAMES.get(content);
    if (key === undefined) RECORD_NAMES.set(content, (key = `record ${RECORD_NAMES.size}`));
    RECORD_KEYS.set(record, key);
  }
  return key;
}

const MARKUP = new WeakMap<object, Map<string, string>>();
const RECORD_KEYS = new WeakMap<object, string>();
// One name per distinct content for the life of the process: a dev session adds one each time
// site.yaml or the stylesheet changes.
const RECORD_NAMES = new Map<string, string>();
