// Dev-server rebuilds: which article and list pages show something new since the last build, so a rebuild writes only those.

import type { Article } from "../content/article.ts";
import type { ListingPage, Navigation } from "../site/navigation.ts";

/** What a build showed, kept until the next build of the same dev session. */
export interface BuildSnapshot {
  /** The site settings and asset URLs every page shows; any change means every page changes. */
  shared: string;
  /** Each article's serialised forms, with revision numbers that change when they do. */
  versions: ArticleVersions;
  /** Article paths, newest first. */
  order: string[];
  navigation: Navigation;
  /** Page path → a short key standing for everything the page shows. */
  pages: Map<string, string>;
}

/** Each article's versions, by path. */
export type ArticleVersions = Map<string, ArticleVersion>;

interface ArticleVersion {
  /** The article object these forms were made from (the loader keeps it while unchanged). */
  article: Article;
  /** Everything on the article's own page but the body. */
  full: string;
  /** The body (kept apart: the loader hands out the same string while the body is unchanged). */
  html: string;
  fullRevision: number;
  /**
   * What lists and links may show of it: every field but the body and its word count. Lists show
   * less today (title, standfirst, date, dateline, language, path); keeping the rest in means a
   * template that starts showing the author in lists cannot leave stale lists in the dev server.
   */
  summary: string;
  summaryRevision: number;
}

/** The pages a build writes, and the page paths that no longer exist. */
export interface PagesToWrite {
  articles: Article[];
  listings: ListingPage[];
  /** Site-relative paths of pages the previous build wrote and this one does not have. */
  removed: string[];
}

/**
 * Serialises each article and numbers its revisions, carrying them over from `previous`: an
 * article that did not change keeps its numbers, and every page showing it keeps its key.
 * @example versionArticles(articles, undefined).get("/articles/x/")?.fullRevision //=> 0
 */
export function versionArticles(
  articles: readonly Article[],
  previous: BuildSnapshot | undefined,
): ArticleVersions {
  const versions: ArticleVersions = new Map();
  for (const article of articles) {
    const before = previous?.versions.get(article.path);
    // The same object as last time: the same article, already serialised.
    const { summary, full } = before?.article === article ? before : serialised(article);
    const same = before?.full === full && before.html === article.html;
    versions.set(article.path, {
      article,
      full,
      html: article.html,
      summary,
      fullRevision: before ? before.fullRevision + (same ? 0 : 1) : 0,
      summaryRevision: before ? before.summaryRevision + (before.summary === summary ? 0 : 1) : 0,
    });
  }
  return versions;
}

/** An article's summary and page forms. */
function serialised(article: Article): { summary: string; full: string } {
  // Dates as milliseconds: luxon's toISO is the slowest part of serialising an article, and
  // the zone they are shown in is part of the shared inputs.
  const summary = JSON.stringify({
    ...article,
    html: undefined,
    wordCount: undefined,
    characters: undefined,
    date: article.date.toMillis(),
    updated: article.updated?.toMillis(),
  });
  return { summary, full: `${summary} ${article.wordCount}` };
}

/**
 * The previous build's navigation, when it would come out the same: the same articles in the
 * same order, none showing anything new in lists (only bodies or other page-only fields
 * changed), and the same shared inputs. Its article references then still show the right
 * summaries, so a body edit skips recomputing the lists, indexes and related articles.
 */
export function reusableNavigation(
  articles: readonly Article[],
  versions: ArticleVersions,
  shared: string,
  previous: BuildSnapshot | undefined,
): Navigation | undefined {
  if (!previous || previous.shared !== shared || previous.order.length !== articles.length) {
    return undefined;
  }
  for (const [index, article] of articles.entries()) {
    if (previous.order[index] !== article.path) return undefined;
    const before = previous.versions.get(article.path)?.summaryRevision;
    if (versions.get(article.path)?.summaryRevision !== before) return undefined;
  }
  return previous.navigation;
}

/**
 * Describes a build's pages by short keys built from article revisions. `scheduled` names the
 * articles the preview marks as scheduled: one that falls due while the preview runs changes
 * nothing in the article itself, but its page loses the mark.
 * @example takeSnapshot(articles, versions, navigation, shared).pages.get("/articles/x/") //=> "/articles/x/#0 /articles/y/#0 …"
 */
export function takeSnapshot(
  articles: readonly Article[],
  versions: ArticleVersions,
  navigation: Navigation,
  shared: string,
  scheduled: ReadonlySet<string> = new Set(),
): BuildSnapshot {
  const summaryKey = (article: Article) =>
    `${article.path}#${versions.get(article.path)?.summaryRevision}`;
  const pages = new Map<string, string>();
  for (const article of articles) {
    const links = navigation.neighbours[article.path];
    const shown = [links?.newer, links?.older, ...(links?.related ?? [])];
    const key = shown.map((other) => (other ? summaryKey(other) : "-")).join(" ");
    const own = `${article.path}#${versions.get(article.path)?.fullRevision}`;
    pages.set(article.path, `${own}${scheduled.has(article.path) ? " scheduled" : ""} ${key}`);
  }
  for (const listing of navigation.listings) {
    const { kind, title, total, page } = listing;
    const head = JSON.stringify([kind, title, total, page.number, page.count, page.firstPath]);
    pages.set(page.path, `${head} ${page.items.map(summaryKey).join(" ")}`);
  }
  return { shared, versions, order: articles.map((article) => article.path), navigation, pages };
}

/**
 * The pages to write after `previous`: all of them for a first build or when the shared inputs
 * changed, else those whose key changed, plus the paths that disappeared.
 * @example choosePages(articles, navigation, now, before).articles.length //=> 1 after editing one body
 */
export function choosePages(
  articles: readonly Article[],
  navigation: Navigation,
  current: BuildSnapshot,
  previous: BuildSnapshot | undefined,
): PagesToWrite {
  const removed = previous
    ? [...previous.pages.keys()].filter((path) => !current.pages.has(path))
    : [];
  if (!previous || previous.shared !== current.shared) {
    return { articles: [...articles], listings: [...navigation.listings], removed };
  }
  const changed = (path: string) => previous.pages.get(path) !== current.pages.get(path);
  return {
    articles: articles.filter((article) => changed(article.path)),
    listings: navigation.listings.filter((listing) => changed(listing.page.path)),
    removed,
  };
}
