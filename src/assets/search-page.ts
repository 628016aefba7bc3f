// The search page's script, for the browser: reads ?q= from the address, asks Pagefind, shows the results.
/// <reference lib="dom" />

// Bundled by src/assets/search-script.ts into one file the search page loads, and only that page:
// every other page runs no script. Everything it shows comes from the index the build wrote
// (the articles' own headlines, dates and text) and is put in with textContent, never as HTML.

import { formatCount, ARTICLE_COUNT_FORMS } from "../arabic/plurals.ts";
import { anyDigitsAs, directionalNumbers, type DigitStyle } from "../arabic/digits.ts";
import { querySpellings } from "../arabic/normalize.ts";
import { SEARCH_TEXT } from "./search-text.ts";

/** Pagefind's JavaScript API, as far as this page uses it (https://pagefind.app/docs/api/). */
interface Pagefind {
  options(options: { excerptLength?: number; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(
    query: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[]; filters: FilterCounts } | null>;
}

/** Articles by filter value, by filter: `{ year: { "2023": 12 } }`. */
type FilterCounts = Record<string, Record<string, number>>;

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

/** One result's fragment, with the meta fields src/publish/search-records.ts writes. */
interface ResultData {
  url: string;
  /** The record's text as written (Pagefind drops its zero-width spaces only). */
  content: string;
  /** The positions of the matched words in `content`, counted in words. */
  locations: number[];
  meta: Record<string, string | undefined>;
}

/**
 * Results shown at first, and added by each press of «المزيد». Five fill a phone's first
 * screen and more; each result is one fragment of about 3 KB to download on slow networks.
 */
const FIRST_PAGE = 5;
const PAGE_SIZE = 10;
/** Words in an excerpt. */
const EXCERPT_WORDS = 30;

/**
 * Runs the search page. `load` imports Pagefind's module from its URL: the bundle's entry
 * passes `(url) => import(url)` (src/assets/search-script.ts), so this file has no import of a
 * computed URL, which tsc's compiled copy would wrap in a helper (and other bytes).
 *
 * The order is the one that shows the first result soonest on a slow network: search at once
 * (the filters in the address apply: Pagefind loads the lists of the chosen ones only), show
 * each result as its fragment arrives, and only then load every filter's lists for the counts.
 * @example startSearchPage((url) => import(url))
 */
export async function startSearchPage(load: (url: string) => Promise<unknown>): Promise<void> {
  const script = document.querySelector<HTMLScriptElement>("script[data-pagefind]");
  const form = document.querySelector<HTMLFormElement>("#search-form");
  const input = document.querySelector<HTMLInputElement>("#search-q");
  const status = document.querySelector<HTMLElement>("#search-status");
  const list = document.querySelector<HTMLOListElement>("#search-results");
  if (!script || !form || !input || !status || !list) return;
  // The script runs: the note that search needs JavaScript is not for this reader.
  for (const note of document.querySelectorAll<HTMLElement>(".search-needs-js")) note.hidden = true;
  const digits = (script.dataset.digits === "arab" ? "arab" : "latn") satisfies DigitStyle;
  const params = new URLSearchParams(location.search);
  const query = (params.get("q") ?? "").trim();
  const chosen: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) chosen[name] = value;
  }
  input.value = query;
  const pagefindUrl = script.dataset.pagefind ?? "";
  if (query === "") {
    status.textContent = SEARCH_TEXT.prompt;
    // The reader came to search: Pagefind's files (which the head preloads) and its index's
    // metadata load while they type, and the page of results finds them in the browser's cache.
    void startPagefind(load, pagefindUrl)
      .then((pagefind) => pagefind.init())
      .catch(() => undefined);
    return;
  }
  status.textContent = SEARCH_TEXT.searching;
  list.setAttribute("aria-busy", "true");
  // The query and the other spellings the stemmer does not join to it (a final ه as ة, لـ + الـ:
  // src/arabic/normalize.ts, which says what each costs): an article found by any is a result,
  // ranked by its best score.
  // Digits as the site writes them (`digits` in site.yaml): a reader may type 2023 or ٢٠٢٣.
  const spellings = querySpellings(anyDigitsAs(query, digits));
  let pagefind: Pagefind;
  let results: PagefindResult[];
  /** The spelling that found the most: the filters count its results. */
  let widest: string;
  try {
    pagefind = await startPagefind(load, pagefindUrl);
    const searches = await Promise.all(
      spellings.map((spelling) => pagefind.search(spelling, { filters: chosen })),
    );
    const lists = searches.map((search) => search?.results ?? []);
    results = mergeResults(lists);
    const sizes = lists.map((list) => list.length);
    widest = spellings[sizes.indexOf(Math.max(...sizes))] ?? query;
  } catch {
    status.textContent = SEARCH_TEXT.failed;
    list.setAttribute("aria-busy", "false");
    return;
  }
  // The filters stand in the form before the first result does, so filling them later moves
  // no result.
  const selects = filterSelects(form, chosen);
  let shown = 0;
  const more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.textContent = SEARCH_TEXT.more;
  more.hidden = true;
  // Every fragment of a page is asked for at once; a result is added as soon as it and those
  // before it are in, so the list grows in rank order.
  const showMore = async (size: number): Promise<HTMLLIElement[]> => {
    const next = results.slice(shown, shown + size).map((result) => result.data());
    shown += next.length;
    const items: HTMLLIElement[] = [];
    for (const data of next) {
      const item = resultItem(await data);
      list.append(item);
      items.push(item);
    }
    more.hidden = shown >= results.length;
    return items;
  };
  // «More» moves focus to the first result it added: the reader goes on from there.
  more.addEventListener("click", () => {
    void showMore(PAGE_SIZE).then((items) => items[0]?.querySelector("a")?.focus());
  });
  list.after(more);
  await showMore(FIRST_PAGE);
  list.setAttribute("aria-busy", "false");
  // The status is a live region: the count is announced once the results are there; focus
  // stays where the reader left it.
  const count = formatCount(results.length, ARTICLE_COUNT_FORMS, digits);
  status.textContent = `${SEARCH_TEXT.results} «${query}»: ${count}`;
  // Every filter's lists, then the same search again for its counts by filter: the index
  // chunks are loaded by now, so only the filter lists travel.
  try {
    await pagefind.filters();
    const counted = await pagefind.search(widest, { filters: chosen });
    fillFilters(form, selects, counted?.filters ?? {}, chosen, digits);
  } catch {
    fillFilters(form, selects, {}, chosen, digits);
  }
}

/**
 * Pagefind's module, given its options before its first call, which starts it with them. It
 * runs on the page's own thread, not in its web worker: its fetches then take the files the
 * page's head preloads (a worker's do not), and the worker's script is not downloaded at all.
 * The page searches once per load, so the work the worker would move off the thread is small.
 */
async function startPagefind(
  load: (url: string) => Promise<unknown>,
  url: string,
): Promise<Pagefind> {
  const pagefind = (await load(url)) as Pagefind;
  await pagefind.options({ excerptLength: EXCERPT_WORDS, noWorker: true });
  return pagefind;
}

/** One list of the results of several searches: each page once, at its best score, best first. */
function mergeResults(lists: readonly PagefindResult[][]): PagefindResult[] {
  const best = new Map<string, PagefindResult>();
  for (const result of lists.flat()) {
    const seen = best.get(result.id);
    if (!seen || result.score > seen.score) best.set(result.id, result);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** The filters a result list can be narrowed by: names as the URL and the form carry them. */
const FILTERS = ["tag", "year"] as const;
type Filter = (typeof FILTERS)[number];

/**
 * One `<select>` per filter, inside the search form, so a choice goes into the address with the
 * query (a plain GET: linkable, and the back button works). Each holds «all» and the value the
 * address chose until fillFilters adds the values with their counts.
 */
function filterSelects(
  form: HTMLFormElement,
  chosen: Record<string, string>,
): Map<Filter, HTMLSelectElement> {
  const selects = new Map<Filter, HTMLSelectElement>();
  const box = form.querySelector<HTMLElement>(".search-filters");
  if (!box) return selects;
  for (const name of FILTERS) {
    const id = `search-${name}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = SEARCH_TEXT.filters[name].label;
    const select = document.createElement("select");
    select.id = id;
    select.name = name;
    select.add(new Option(SEARCH_TEXT.filters[name].all, ""));
    const value = chosen[name];
    if (value !== undefined) select.add(new Option(value, value, false, true));
    const field = element("div", "search-field");
    field.append(label, " ", select);
    box.append(field);
    selects.set(name, select);
  }
  box.hidden = false;
  return selects;
}

/**
 * Puts the values some result has into each filter, with their counts; a filter none has is
 * left out, and the box with it when none is left.
 */
function fillFilters(
  form: HTMLFormElement,
  selects: ReadonlyMap<Filter, HTMLSelectElement>,
  counts: FilterCounts,
  chosen: Record<string, string>,
  digits: DigitStyle,
): void {
  for (const [name, select] of selects) {
    const values = Object.entries(counts[name] ?? {}).filter(
      ([value, count]) => count > 0 || value === chosen[name],
    );
    if (values.length === 0) {
      if (chosen[name] === undefined) select.parentElement?.remove();
      continue;
    }
    values.sort(([a], [b]) => (name === "year" ? b.localeCompare(a) : a.localeCompare(b, "ar")));
    select.length = 1;
    for (const [value, count] of values) {
      const text = `${value} (${formatCount(count, ARTICLE_COUNT_FORMS, digits)})`;
      select.add(new Option(text, value, false, value === chosen[name]));
    }
  }
  const box = form.querySelector<HTMLElement>(".search-filters");
  if (box) box.hidden = box.childElementCount === 0;
}

/** A result as the article lists show an article: dates, linked headline, excerpt, tags. */
function resultItem(data: ResultData): HTMLLIElement {
  const { meta } = data;
  const item = document.createElement("li");
  // An article in another language (meta.lang) is marked so and keeps its numbers as typed.
  if (meta.lang) item.lang = meta.lang;
  const isolate = !meta.lang || /^ar(?:-|$)/i.test(meta.lang);
  const dates = element("p", "article-meta");
  dates.append(time(meta.date, meta.date_iso));
  if (meta.updated)
    dates.append(` · ${SEARCH_TEXT.updated} `, time(meta.updated, meta.updated_iso));
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  appendText(link, meta.title ?? data.url, isolate);
  heading.append(link);
  item.append(dates, heading, excerpt(data, isolate));
  const tags = parseTags(meta.tags);
  if (tags.length > 0) {
    const list = element("ul", "tags");
    list.setAttribute("aria-label", SEARCH_TEXT.tags);
    for (const [name, href] of tags) {
      const tag = document.createElement("a");
      tag.href = href;
      tag.textContent = name;
      const entry = document.createElement("li");
      entry.append(tag);
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

/**
 * The words around the first match in the body, matches marked, in the article's own spelling:
 * the index holds the text as written, and Pagefind's word positions count the words of its
 * `content` split as here (its own excerpts split so). Pagefind's ready-made `excerpt` is not
 * used: it is HTML, and it may start in the headline. A match in the headline or standfirst
 * alone shows the standfirst.
 */
function excerpt(data: ResultData, isolate: boolean): HTMLParagraphElement {
  const paragraph = element("p", "search-excerpt");
  const words = data.content.split(/[^\S\uFEFF]+/u);
  const bodyAt = Number(data.meta.body_at ?? 0);
  const inBody = data.locations.filter((at) => at >= bodyAt && at < words.length);
  const first = inBody[0];
  if (first === undefined) {
    appendText(paragraph, data.meta.standfirst ?? "", isolate);
    return paragraph;
  }
  const start = Math.max(bodyAt, Math.min(first - 8, words.length - EXCERPT_WORDS));
  const end = Math.min(words.length, start + EXCERPT_WORDS);
  const marked = new Set(inBody);
  if (start > bodyAt) paragraph.append("… ");
  for (let at = start; at < end; at++) {
    const word = words[at] ?? "";
    if (marked.has(at)) {
      const mark = document.createElement("mark");
      appendText(mark, word, isolate);
      paragraph.append(mark);
    } else appendText(paragraph, word, isolate);
    if (at < end - 1) paragraph.append(" ");
  }
  if (end < words.length) paragraph.append(" …");
  return paragraph;
}

/**
 * Text from the index, as text: in Arabic, a signed number, range or percentage in a
 * `<bdi dir="ltr">`, as the pages show them (src/arabic/runs.ts), so "-0.5" is not shown "0.5-".
 */
function appendText(parent: HTMLElement, text: string, isolate: boolean): void {
  let at = 0;
  for (const [start, end] of isolate ? directionalNumbers(text) : []) {
    const bdi = document.createElement("bdi");
    bdi.dir = "ltr";
    bdi.textContent = text.slice(start, end);
    if (start > at) parent.append(text.slice(at, start));
    parent.append(bdi);
    at = end;
  }
  if (at < text.length) parent.append(text.slice(at));
}

function parseTags(json: string | undefined): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(parsed)
      ? parsed.filter(
          (tag): tag is [string, string] =>
            Array.isArray(tag) && typeof tag[0] === "string" && typeof tag[1] === "string",
        )
      : [];
  } catch {
    return [];
  }
}

function time(text: string | undefined, iso: string | undefined): HTMLTimeElement {
  const element = document.createElement("time");
  if (iso) element.dateTime = iso;
  element.textContent = text ?? "";
  return element;
}

function element<K extends keyof HTMLElementTagNameMap>(
  name: K,
  className: string,
): HTMLElementTagNameMap[K] {
  const made = document.createElement(name);
  made.className = className;
  return made;
}
