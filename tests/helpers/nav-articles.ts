// Minimal Article values for unit tests of navigation: only what grouping and links read is real.

import { DateTime } from "luxon";
import type { Article } from "../../src/content/article.ts";

/** An article dated `iso` (with offset) carrying `tags` and signed by `authors`; everything else is filler. */
export function makeArticle(
  slug: string,
  iso: string,
  tags: string[] = [],
  authors: string[] = [],
): Article {
  const date = DateTime.fromISO(iso, { setZone: true });
  if (!date.isValid) throw new Error(`bad test date ${iso}`);
  return {
    title: `عنوان ${slug}`,
    standfirst: "ملخص.",
    photos: [],
    date,
    slug,
    tags,
    authors,
    hasTime: { date: true, updated: false },
    lang: "ar",
    draft: false,
    file: `content/articles/${slug}.md`,
    path: `/articles/${slug}/`,
    html: "<p>نص.</p>\n",
    characters: ".صن",
    wordCount: 1,
    readingMinutes: 1,
  };
}

/** Newest first, as the content loader returns them. */
export function newestFirst(articles: Article[]): Article[] {
  return [...articles].sort((a, b) => b.date.toMillis() - a.date.toMillis());
}
