// Eleventy entry for sitemap.xml.
import { SITEMAP_PATH, sitemapXml } from "../publish/sitemap.ts";
import type { PageData } from "../templates/page-data.ts";

export const data = { permalink: SITEMAP_PATH };

export function render(data: PageData): string {
  return sitemapXml(data.site, data.articles, data.navigation.sections);
}
