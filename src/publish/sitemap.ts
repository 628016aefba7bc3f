// Search engines: sitemap.xml with each page's last change, and robots.txt pointing at it.

import type { DateTime } from "luxon";
import type { Article } from "../content/article.ts";
import { lastChanged, toIsoDateTime } from "../arabic/dates.ts";
import type { Site } from "../content/site-settings.ts";
import { absoluteUrl } from "../site/urls.ts";
import { xmlDocument } from "./xml.ts";

/** Where the sitemap and robots.txt are written, site-relative. */
export const SITEMAP_PATH = "/sitemap.xml";
export const ROBOTS_PATH = "/robots.txt";

/**
 * The sitemap (sitemaps.org 0.9): the home page and the first page of each list given (sections,
 * authors), dated by the newest change among their articles, and every article, dated by its
 * `updated` or else its `date`. The 404 page is left out.
 * @example sitemapXml(site, articles) //=> '…<url><loc>https://example.org/news/</loc><lastmod>2023-06-22T10:00:00+03:00</lastmod>…'
 */
export function sitemapXml(
  site: Site,
  articles: readonly Article[],
  lists: readonly { path: string; articles: readonly Article[] }[] = [],
): string {
  const listing = (path: string, list: readonly Article[]) => {
    let newest: DateTime | undefined;
    for (const article of list) {
      const changed = lastChanged(article);
      if (!newest || changed.toMillis() > newest.toMillis()) newest = changed;
    }
    return {
      loc: absoluteUrl(site, path),
      lastmod: newest ? toIsoDateTime(newest, site.timeZone) : undefined,
    };
  };
  const pages = articles.map((article) => ({
    loc: absoluteUrl(site, article.path),
    lastmod: toIsoDateTime(lastChanged(article), site.timeZone),
  }));
  return xmlDocument("urlset", {
    "@xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9",
    url: [
      listing("/", articles),
      ...lists.map((list) => listing(list.path, list.articles)),
      ...pages,
    ],
  });
}

/**
 * robots.txt: everything may be crawled; the sitemap by absolute URL, as the protocol requires.
 * Crawlers read it only at a host's root, so a sub-folder site's copy is advice to the deployer.
 * @example robotsTxt({ url: "https://example.org/" }) //=> "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
 */
export function robotsTxt(site: Pick<Site, "url">): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, SITEMAP_PATH)}\n`;
}
