// Sections as readers meet them: each declared section's articles, its page and its feeds' paths, in site.yaml's order.

import type { Section } from "../content/sections.ts";
import { feedsBeside } from "./urls.ts";

/** A section with its articles (newest first) and where its pages and feeds are. */
export interface SectionListing<T> extends Section {
  /** Site-relative path of its first page: /sections/economy/ */
  path: string;
  /** Its own feeds, site-relative. */
  feeds: { atom: string; json: string };
  articles: T[];
}

/**
 * Every declared section, in site.yaml's order, with the articles that name it (an empty
 * section keeps its page: the header links to it).
 * @example groupBySection(articles, [{ slug: "economy", name: "اقتصاد" }])[0]?.path //=> "/sections/economy/"
 */
export function groupBySection<T extends { section?: string | undefined }>(
  articles: readonly T[],
  sections: readonly Section[],
): SectionListing<T>[] {
  const listings = sections.map((section) => ({
    ...section,
    path: sectionPath(section),
    feeds: sectionFeeds(section),
    articles: [] as T[],
  }));
  const byName = new Map(listings.map((listing) => [listing.name, listing]));
  for (const article of articles) {
    if (article.section !== undefined) byName.get(article.section)?.articles.push(article);
  }
  return listings;
}

/**
 * The site-relative path of a section's first page.
 * @example sectionPath({ slug: "economy" }) //=> "/sections/economy/"
 */
export function sectionPath(section: Pick<Section, "slug">): string {
  return `/sections/${section.slug}/`;
}

/**
 * A section's Atom and JSON feeds, beside its page.
 * @example sectionFeeds({ slug: "economy" }).atom //=> "/sections/economy/feed.xml"
 */
export function sectionFeeds(section: Pick<Section, "slug">): { atom: string; json: string } {
  return feedsBeside(sectionPath(section));
}

/**
 * The declared section an article is in (the content check made sure its name is declared).
 * @example sectionOf(site.sections, { section: "اقتصاد" })?.slug //=> "economy"
 */
export function sectionOf(
  sections: readonly Section[],
  article: { section?: string | undefined },
): Section | undefined {
  return article.section === undefined
    ? undefined
    : sections.find((section) => section.name === article.section);
}
