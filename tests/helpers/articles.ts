// Typed sites and articles for unit tests, made through the real schemas (no hand-built DateTimes).

import { hasTimeOfDay } from "../../src/arabic/times.ts";
import { distinctCharacters } from "../../src/content/characters.ts";
import type { Article } from "../../src/content/article.ts";
import { createArticleSchema } from "../../src/content/schema.ts";
import { resolveSite, siteSchema, type Site } from "../../src/content/site-settings.ts";

/** A site as site.yaml would give it; `url` decides the path prefix. */
export function makeSite(overrides: Record<string, unknown> = {}): Site {
  const settings = siteSchema.parse({
    name: "صحيفة",
    description: "أخبار عربية.",
    url: "https://example.org/news/",
    timeZone: "Europe/Istanbul",
    ...overrides,
  });
  return resolveSite(settings);
}

/** An article from frontmatter fields (checked by the real schema) and an HTML body. */
export function makeArticle(
  site: Site,
  frontmatter: Record<string, unknown>,
  html = "<p>نص.</p>\n",
): Article {
  const meta = createArticleSchema(site.timeZone).parse({
    title: "عنوان",
    standfirst: "مقدمة.",
    date: "2024-03-10",
    slug: "a-story",
    ...frontmatter,
  });
  const { author, ...fields } = meta;
  return {
    ...fields,
    authors: author ?? [],
    hasTime: {
      date: typeof frontmatter["date"] === "string" && hasTimeOfDay(frontmatter["date"]),
      updated: typeof frontmatter["updated"] === "string" && hasTimeOfDay(frontmatter["updated"]),
    },
    file: `content/articles/${meta.slug}.md`,
    photos: [],
    path: `/articles/${meta.slug}/`,
    html,
    characters: distinctCharacters([html.replace(/<[^>]*>/g, "")]),
    wordCount: 2,
    readingMinutes: 1,
  };
}
