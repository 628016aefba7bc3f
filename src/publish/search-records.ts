// What the search index holds for each published article: its words, the details a result shows, and its filters.

import { formatGregorianDate, toIsoDateTime } from "../arabic/dates.ts";
import { localizeDigits } from "../arabic/digits.ts";
import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-settings.ts";
import { tagName, tagPath } from "../site/tags.ts";
import { sitePath } from "../site/urls.ts";

/** The search page's path, and the folder of the index it loads (`pagefind.js` and its files). */
export const SEARCH_PAGE_PATH = "/search/";
export const SEARCH_INDEX_PATH = "/pagefind/";

/**
 * The language an index is stemmed as: the site's, without its region (`ar-EG` is indexed as `ar`).
 * @example searchLanguage({ language: "ar-EG" }) //=> "ar"
 */
export function searchLanguage(site: Pick<Site, "language">): string {
  return site.language.split("-")[0] ?? site.language;
}

/**
 * The WebAssembly Pagefind's script loads for an index of `language`, in the index's folder:
 * its stemmer's, or the plain one for a language it has no stemmer for. The search page
 * preloads it, so its name must be the one Pagefind writes.
 * @example searchWasmFile("ar") //=> "wasm.ar.pagefind"
 * @example searchWasmFile("ja") //=> "wasm.unknown.pagefind"
 */
export function searchWasmFile(language: string): string {
  return `wasm.${PAGEFIND_STEMMERS.has(language) ? language : "unknown"}.pagefind`;
}

/** One article as Pagefind's Node API takes it (its `CustomRecord`). */
export interface SearchRecord {
  /**
   * The article's site-relative path: Pagefind's script puts the site's folder (where it is
   * served from, above pagefind/) before it, so a site in a sub-folder needs nothing more.
   */
  url: string;
  /**
   * Headline, standfirst, dateline, byline and body, as written, white space collapsed: what is
   * searched, and what the search page takes an excerpt from (the fragment Pagefind writes for
   * a result holds it). Indexed once: Pagefind indexes the words of every meta field too, so the
   * text is not also a meta field. Pagefind's Arabic stemmer finds a word whatever its marks,
   * tatweel or hamza on alef; what it does not join, the search page searches as well
   * (querySpellings in src/arabic/normalize.ts).
   */
  content: string;
  /** The site's language: one index, stemmed as that language, for every article. */
  language: string;
  /** What a result shows, as the page shows it (meta values are text). */
  meta: SearchMeta;
  /** What results can be narrowed by: the article's tags, and its year. */
  filters: { tag: string[]; year: string[] };
  // No `sort`: results are ranked by relevance, and a sort key puts every page's place in that
  // order into the metadata each query downloads (10.9 of 42.5 KB at 4,000 articles).
}

/** A result's details, beside its `content`. */
export interface SearchMeta extends Record<string, string> {
  title: string;
  standfirst: string;
  /**
   * How many words of `content` come before the body (headline, standfirst, dateline, byline):
   * the search page takes an excerpt from the body.
   */
  body_at: string;
  /** The publication date as the site writes it, and as an ISO moment. */
  date: string;
  date_iso: string;
  /** The tags as `[[name, url], …]` in JSON: meta values must be text. */
  tags: string;
  /** The article's language, when it is not the site's (`lang: en`). */
  lang?: string;
}

/**
 * The search records of the articles a build publishes (the caller passes only those: never
 * drafts or scheduled articles). Only what the article itself says is indexed (headline,
 * standfirst, dateline, byline, body, captions), never the page around it: navigation, share links and
 * related articles would make every page match every query.
 * @example searchRecords([astana], site)[0].meta.title //=> "اجتماع أستانا العشرون…"
 */
export function searchRecords(articles: readonly Article[], site: Site): SearchRecord[] {
  return articles.map((article) => searchRecord(article, site));
}

/**
 * Visible text of trusted body HTML (the one markdown renderer's output): tags and comments
 * dropped, the entities it writes decoded, white space collapsed.
 * @example htmlText("<p>قال <em>لافروف</em> &amp; آخرون</p>") //=> "قال لافروف & آخرون"
 */
export function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, (tag) => (INLINE_TAG.test(tag) ? "" : " "))
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) =>
      decodeEntity(entity, name),
    )
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------

function searchRecord(article: Article, site: Site): SearchRecord {
  const head = collapse(
    [article.title, article.standfirst, article.dateline ?? "", ...article.authors].join(" "),
  );
  const text = collapse(`${head} ${htmlText(article.html)}`);
  const zone = site.timeZone;
  const shown = (date: Article["date"]) =>
    formatGregorianDate(date, { zone, monthNames: site.monthNames, digits: site.digits });
  const updated: Record<string, string> =
    article.updated === undefined
      ? {}
      : { updated: shown(article.updated), updated_iso: toIsoDateTime(article.updated, zone) };
  return {
    url: article.path,
    content: text,
    language: searchLanguage(site),
    meta: {
      title: article.title,
      standfirst: article.standfirst,
      body_at: String(head.split(" ").length),
      date: shown(article.date),
      date_iso: toIsoDateTime(article.date, zone),
      ...updated,
      tags: JSON.stringify(article.tags.map((tag) => [tagName(tag), sitePath(site, tagPath(tag))])),
      ...(article.lang === site.language ? {} : { lang: article.lang }),
    },
    filters: {
      tag: article.tags.map(tagName),
      year: [localizeDigits(String(article.date.setZone(zone).year), site.digits)],
    },
  };
}

/** The languages Pagefind 1.6 has a stemmer for: its binary's `pagefind_web_bg.<language>.1.6.0.wasm.gz`. */
const PAGEFIND_STEMMERS: ReadonlySet<string> = new Set(
  "ar ca da de el en eo es et eu fi fr ga hi hu hy id it lt nb ne nl nn no pl pt ro ru sr sv ta tr yi".split(
    " ",
  ),
);

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Elements inside a word's run of text: removing them must not split a word. */
const INLINE_TAG = /^<\/?(?:a|em|strong|b|i|s|del|code|sub|span|abbr|mark|bdi|bdo|q)\b/i;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith("#")) {
    const code =
      name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : entity;
  }
  return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
}
