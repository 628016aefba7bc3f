// Site URLs: every link goes through here, so a sub-folder deploy (path prefix) needs no template changes.

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
