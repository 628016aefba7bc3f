// Markup rendered once per build and reused: the parts many pages share (the page shell, an article's entry in lists), escaped by preact like the rest.

import type { DateTime } from "luxon";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { jsxTemplate } from "preact/jsx-runtime";
import { calendarDay } from "../arabic/times.ts";

/**
 * What the templates of one build remember: markup rendered once and inserted as it is after
 * that, the short names of build-wide records, and formatted dates. The build makes one
 * (src/build/context.ts) and hands it to every page as `data.memo`; nothing of it outlives the
 * build (or, in the dev server, the session), so two sites built in one process never share it.
 * At 4,000 articles each article's entry appears in about six lists and every page has the same shell.
 */
export class TemplateMemo {
  readonly #markup = new WeakMap<object, Map<string, string>>();
  readonly #recordKeys = new WeakMap<object, string>();
  readonly #recordNames = new Map<string, string>();
  readonly #dates = new WeakMap<DateTime, Map<string, unknown>>();

  /**
   * The markup of `make()`, rendered the first time `owner` and `key` are seen and inserted as it
   * is after that. Preact's own renderer made it, so it is escaped like any other part of a page.
   * `owner` is an object whose life bounds the inputs' (an article of one content load, the site
   * of one build); `key` must name every other input of `make`, since a hit skips it.
   * @example memo.reused(article, `list item ${memo.recordKey(site)}`, () => <li>…</li>)
   */
  reused(owner: object, key: string, make: () => VNode): VNode {
    let markup = this.#markup.get(owner);
    if (!markup) this.#markup.set(owner, (markup = new Map()));
    let html = markup.get(key);
    if (html === undefined) markup.set(key, (html = renderToStaticMarkup(make())));
    // A fragment of ready markup: preact-render-to-string writes its strings out unchanged.
    return jsxTemplate([html]);
  }

  /**
   * A short name for everything in a site's settings (or another build-wide record: its asset
   * URLs, its icon) that templates read, for `reused` keys: records with the same content get
   * the same name. Made once per object, which must not change after (the plugin freezes them).
   * Short on purpose: keys are hashed at every lookup, and with the settings written out in full
   * (a few kilobytes) the lookups cost 0.3 s of a 4,000-article build.
   * @example memo.recordKey(site) //=> "record 0"
   */
  recordKey(record: object): string {
    let key = this.#recordKeys.get(record);
    if (key === undefined) {
      const content = JSON.stringify(record);
      key = this.#recordNames.get(content);
      if (key === undefined)
        this.#recordNames.set(content, (key = `record ${this.#recordNames.size}`));
      this.#recordKeys.set(record, key);
    }
    return key;
  }

  /**
   * calendarDay(date, zone), worked out once per date object and zone: every list asks it of
   * each article it shows with a time of day (about 12,000 calls of luxon's setZone and
   * toISODate at 4,000 articles, 0.5 s of a build, before this).
   * @example memo.calendarDay(article.date, site.timeZone) //=> "2026-12-05"
   */
  calendarDay(date: DateTime, zone: string): string {
    return this.date(date, `calendar day ${zone}`, () => calendarDay(date, zone));
  }

  /**
   * `make()` for a date, made once per date object and `key` (the settings it depends on): an
   * article's date is shown on its page and in every list it appears in.
   * @example memo.date(article.date, settingsKey, () => formatGregorianDate(article.date, options))
   */
  date<Value>(date: DateTime, key: string, make: () => Value): Value {
    let values = this.#dates.get(date);
    if (!values) this.#dates.set(date, (values = new Map()));
    if (values.has(key)) return values.get(key) as Value;
    const value = make();
    values.set(key, value);
    return value;
  }
}
