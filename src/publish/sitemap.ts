// Search engines: sitemap.xml with each page's last change, and robots.txt pointing at it.

import type { Article } from "../content/article.ts";
import { lastChanged, toIsoDateTime } from "../arabic/dates.ts";
import type { Site } from "../content/site-settings.ts";
import { absoluteUrl } from "../site/urls.ts";
import { xmlDocument } from "./xml.ts";

/** Where the sitemap and robots.txt are written, site-relative. */
export const SITEMAP_PATH = "/sitemap.xml";
export const ROBOTS_PATH = "/robots.txt";

/** A list page the sitemap names (an author's first page), dated by its articles' newest change. */
export interface SitemapList {
  path: string;
  articles: readonly Article[];
}

/**
 * The sitemap (sitemaps.org 0.9): the home page, dated by the newest change, every article,
 * dated by its `updated` or else its `date`, then the `lists` given (author pages), each dated
 * by the newest change among its articles. The 404 page is left out.
 * @example sitemapXml(site, articles) //=> '…<url><loc>https://example.org/news/</loc><lastmod>2023-06-22T10:00:00+03:00</lastmod>…'
 */
export function sitemapXml(
  site: Site,
  articles: readonly Article[],
  lists: readonly SitemapList[] = [],
): string {
  const entry = (path: string, dated: readonly Article[]) => {
    const newest = dated.map(lastChanged).sort((a, b) => b.toMillis() - a.toMillis())[0];
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
    url: [entry("/", articles), ...pages, ...lists.map((list) => entry(list.path, list.articles))],
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
