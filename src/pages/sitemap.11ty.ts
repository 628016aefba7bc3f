// Eleventy entry for sitemap.xml.
import { SITEMAP_PATH, sitemapXml } from "../publish/sitemap.ts";
import type { PageData } from "../templates/page-data.ts";

export const data = { permalink: SITEMAP_PATH };

export function render(data: PageData): string {
  // Section and author pages are pages of their own; tag and month lists are reached by links.
  const authors = data.navigation.listings
    .filter((listing) => listing.kind === "author" && listing.page.number === 1)
    .map((listing) => ({ path: listing.page.path, articles: listing.page.items }));
  return sitemapXml(data.site, data.articles, [...data.navigation.sections, ...authors]);
}
