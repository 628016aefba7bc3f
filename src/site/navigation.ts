// The site's navigation, computed once per build: paginated home, tag and month listings, the tag and archive indexes, and each article's neighbours.

import {
  groupByMonth,
  groupYears,
  monthNameInYear,
  monthPath,
  monthTitle,
  type Calendar,
} from "./archive.ts";
import type { Article } from "../content/article.ts";
import type { AuthorDirectory } from "../content/authors.ts";
import { groupByAuthor, type PagedAuthor } from "./authors.ts";
import { authorPath, feedsBeside } from "./urls.ts";
import { localizeDigits } from "../arabic/digits.ts";
import { calendarDay } from "../arabic/times.ts";
import { paginate, type Page } from "./pagination.ts";
import {
  ContentError,
  escapeName,
  quoteValue,
  type MessageLanguage,
  type Problem,
} from "../content/problems.ts";
import { DEFAULT_RELATED, findNeighbours, type ArticleNeighbours } from "./related.ts";
import { groupBySection, type SectionListing } from "./sections.ts";
import type { Site } from "../content/site-settings.ts";
import { tagName, tagPath, tagSlug } from "./tags.ts";

/** Articles per listing page (home, section, tag and month pages alike). */
export const PAGE_SIZE = 20;

/** How many of each section's newest articles the navigation keeps for the front page. */
export const SECTION_LATEST = 10;

/** One page of a list of articles. */
export interface ListingPage {
  kind: "home" | "section" | "tag" | "month" | "author";
  /**
   * What the list is: the section's or tag's name, «أرشيف يونيو/حزيران 2023», the author's name;
   * empty for the home page.
   */
  title: string;
  /** An author's page: the author (bio and link when content/authors.yaml gives them). */
  author?: PagedAuthor;
  /** Articles in the whole list, across its pages. */
  total: number;
  page: Page<Article>;
  /** A section's or an author's own feeds, site-relative (its pages announce them). */
  feeds?: { atom: string; json: string };
}

/** A section as the header, the front page and its feeds use it. */
export interface SectionSummary extends Omit<SectionListing<Article>, "articles"> {
  count: number;
  /** Its newest articles (SECTION_LATEST), for the front page's blocks. */
  latest: Article[];
  /** All its articles, newest first (its feeds carry the newest). */
  articles: readonly Article[];
}

/** A list with feeds of its own (a section's, an author's): what its feeds are made from. */
export interface FeedChannelSummary {
  /** The section's or author's name, shown after the site's in the feeds' titles. */
  title: string;
  /** Site-relative path of its first page. */
  path: string;
  /** Its two feeds, site-relative, beside its page. */
  feeds: { atom: string; json: string };
  /** All its articles, newest first (the feeds carry the newest). */
  articles: readonly Article[];
}

/** A tag in the tags index. */
export interface TagSummary {
  name: string;
  path: string;
  count: number;
}

/** A year of the archive index, in one calendar. */
export interface ArchiveYear {
  calendar: Calendar;
  year: number;
  /** As readers see it: "2023", "1444 هـ", in the site's digits. */
  label: string;
  /** Each month's name without its year (the year heads the list), path and article count. */
  months: { name: string; path: string; count: number }[];
}

export interface Navigation {
  /** Every page of every list: the home page's, then each section's, tag's, month's, author's. */
  listings: ListingPage[];
  /** Every declared section, in site.yaml's order (the header's). */
  sections: SectionSummary[];
  /** Every list with feeds of its own: each section's, then each author's (as `listings`). */
  channels: FeedChannelSummary[];
  /** Every tag, in Arabic alphabetical order. */
  tags: TagSummary[];
  /**
   * Each tag's site-relative path, by its name (`tagName`): made once per build, so pages that
   * show a tag do not transliterate and hash it again.
   */
  tagPaths: ReadonlyMap<string, string>;
  archive: { gregorian: ArchiveYear[]; hijri: ArchiveYear[] };
  /**
   * The calendar day (ISO, in the site's zone) of the newest article: lists show the time of
   * the stories of that day. The newest article's, not the build machine's today, so the output
   * follows from the content alone.
   */
  newestDay: string | undefined;
  /** Each byline's author, by the byline as articles write it (its page: `authorPath(id)`). */
  bylines: ReadonlyMap<string, PagedAuthor>;
  /** Each article's newer, older and related articles, by the article's path. */
  neighbours: Record<string, ArticleNeighbours<Article>>;
}

/**
 * Builds all navigation for newest-first articles. Throws a ContentError when two tags would
 * share a URL. `authors` is content/authors.yaml (bylines not in it get a page with the name).
 * @example buildNavigation(articles, site).listings[1]?.page.path //=> "/page/2/"
 */
export function buildNavigation(
  articles: readonly Article[],
  site: Site,
  pageSize = PAGE_SIZE,
  authors: AuthorDirectory = { authors: [] },
): Navigation {
  const listings = (
    kind: ListingPage["kind"],
    title: string,
    list: readonly Article[],
    path: string,
    feeds?: ListingPage["feeds"],
  ) =>
    paginate(list, pageSize, path).map((page): ListingPage => ({
      kind,
      title,
      total: list.length,
      page,
      ...(feeds ? { feeds } : {}),
    }));

  const sections = groupBySection(articles, site.sections);
  const sectionPages = sections.flatMap((section) =>
    listings("section", section.name, section.articles, section.path, section.feeds),
  );

  const { groups: tagGroups, paths: tagPaths } = groupByTag(articles, site.editorLanguage);
  const pathOf = (name: string) => tagPaths.get(name) ?? tagPath(name);
  const tagPages = [...tagGroups].flatMap(([name, list]) =>
    listings("tag", name, list, pathOf(name)),
  );
  const { groups: authorGroups, bylines } = groupByAuthor(articles, authors);
  const authorChannels = authorGroups.map(({ author, articles: signed }) => {
    const path = authorPath(author);
    return { author, title: author.name, path, feeds: feedsBeside(path), articles: signed };
  });
  const authorPages = authorChannels.flatMap(({ author, title, articles: signed, path, feeds }) =>
    listings("author", title, signed, path, feeds).map((listing) => ({ ...listing, author })),
  );
  const calendars = { gregorian: [] as ArchiveYear[], hijri: [] as ArchiveYear[] };
  const monthPages: ListingPage[] = [];
  for (const calendar of ["gregorian", "hijri"] as const) {
    const months = groupByMonth(articles, calendar, site);
    for (const month of months) {
      monthPages.push(
        ...listings("month", monthTitle(month, site), month.articles, monthPath(month)),
      );
    }
    calendars[calendar] = groupYears(months).map((year) => ({
      calendar,
      year: year.year,
      label: localizeDigits(
        calendar === "hijri" ? `${year.year} هـ` : String(year.year),
        site.digits,
      ),
      months: year.months.map((month) => ({
        name: monthNameInYear(month, site),
        path: monthPath(month),
        count: month.articles.length,
      })),
    }));
  }
  const neighbours: Record<string, ArticleNeighbours<Article>> = {};
  findNeighbours(articles, DEFAULT_RELATED).forEach((links, index) => {
    const article = articles[index];
    if (article) neighbours[article.path] = links;
  });
  return {
    listings: [
      ...listings("home", "", articles, "/"),
      ...sectionPages,
      ...tagPages,
      ...monthPages,
      ...authorPages,
    ],
    sections: sections.map((section) => ({
      ...section,
      count: section.articles.length,
      latest: section.articles.slice(0, SECTION_LATEST),
    })),
    channels: [
      ...sections.map(({ name, path, feeds, articles: list }) => ({
        title: name,
        path,
        feeds,
        articles: list,
      })),
      ...authorChannels,
    ],
    tags: [...tagGroups]
      .map(([name, list]) => ({ name, path: pathOf(name), count: list.length }))
      .sort((a, b) => ARABIC_ORDER.compare(a.name, b.name)),
    tagPaths,
    archive: calendars,
    bylines,
    newestDay: articles[0] && calendarDay(articles[0].date, site.timeZone),
    neighbours,
  };
}

// ---------------------------------------------------------------------------------------------
// Internals

const ARABIC_ORDER = new Intl.Collator("ar");

/** Articles by tag name, newest first within each tag, and each tag's path; refuses two tags with one slug. */
function groupByTag(
  articles: readonly Article[],
  language: MessageLanguage,
): {
  groups: Map<string, Article[]>;
  paths: Map<string, string>;
} {
  const groups = new Map<string, Article[]>();
  const paths = new Map<string, string>();
  const bySlug = new Map<string, { name: string; file: string }>();
  const problems: Problem[] = [];
  for (const article of articles) {
    for (const name of new Set(article.tags.map(tagName))) {
      let list = groups.get(name);
      if (!list) {
        groups.set(name, (list = []));
        const slug = tagSlug(name);
        const other = bySlug.get(slug);
        if (other) {
          const [a, b] = [quoteValue(name), quoteValue(other.name)];
          const file = escapeName(other.file);
          problems.push({
            file: article.file,
            field: "tags",
            message: {
              en: `the tags ${a.en} and ${b.en} (${file}) would share the URL /tags/${slug}/; rename one of them`,
              ar: `الوسمان ${a.ar} و${b.ar} (${file}) سيشتركان في الرابط /tags/${slug}/: غيّر اسم أحدهما`,
            },
          });
        }
        bySlug.set(slug, { name, file: article.file });
        paths.set(name, `/tags/${slug}/`);
      }
      list.push(article);
    }
  }
  if (problems.length > 0) throw new ContentError(problems, language);
  return { groups, paths };
}
