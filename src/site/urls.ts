// Site URLs: every link goes through here, so a sub-folder deploy (path prefix) needs no template changes.

import { createHash } from "node:crypto";
import transliterate from "@sindresorhus/transliterate";
import { nameKey } from "../arabic/letters.ts";
import type { Site } from "../content/site-settings.ts";

/**
 * The href for a site-relative path, with the site's path prefix.
 * @example sitePath({ pathPrefix: "/news/" }, "/articles/x/") //=> "/news/articles/x/"
 */
export function sitePath(site: Pick<Site, "pathPrefix">, path: string): string {
  return site.pathPrefix + path.replace(/^\/+/, "");
}

/**
 * The absolute URL of a site-relative path, for canonical links, feeds and social cards.
 * @example absoluteUrl({ url: "https://example.org/news/" }, "/articles/x/") //=> "https://example.org/news/articles/x/"
 */
export function absoluteUrl(site: Pick<Site, "url">, path: string): string {
  return new URL(path.replace(/^\/+/, ""), site.url).href;
}

/**
 * The site-relative path of an author's page: their `id` from content/authors.yaml, else the
 * `nameSlug` of their name.
 * @example authorPath({ id: "news-desk", name: "قسم الأخبار" }) //=> "/authors/news-desk/"
 */
export function authorPath(author: { id?: string | undefined; name: string }): string {
  return `/authors/${author.id ?? nameSlug(author.name)}/`;
}

/**
 * The Atom and JSON feeds of a page's list (a section's, an author's), beside the page.
 * @example feedsBeside("/authors/news-desk/").json //=> "/authors/news-desk/feed.json"
 */
export function feedsBeside(path: string): { atom: string; json: string } {
  return { atom: `${path}feed.xml`, json: `${path}feed.json` };
}

/**
 * The URL slug of an author with no `id`: a name in lower-case ASCII letters and digits is its
 * own slug (words joined by hyphens); any other is transliterated (at most 40 characters) and
 * followed by the first 8 hex digits of the SHA-256 of its `nameKey`, as tags are: the
 * transliteration drops vowels and hamza forms, so two names could meet without it, and a page
 * must never show one person's articles under another's name. ASCII paths also spare every host
 * and header rule the question of how it matches an Arabic path.
 * @example nameSlug("Reuters / AFP") //=> "reuters-afp"
 * @example nameSlug("سارة الأحمد") //=> "sart-alahmd-…"
 */
export function nameSlug(name: string): string {
  const key = nameKey(name);
  if (/^[a-z0-9 ]+$/.test(key)) return key.replace(/ /g, "-");
  const readable = transliterate(key)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
  const hash = createHash("sha256").update(key, "utf8").digest("hex").slice(0, 8);
  return `${readable || "author"}-${hash}`;
}
