// Eleventy entry for robots.txt.
import { ROBOTS_PATH, robotsTxt } from "../publish/sitemap.ts";
import type { PageData } from "../templates/page-data.ts";

export const data = { permalink: ROBOTS_PATH };

export function render(data: PageData): string {
  return robotsTxt(data.site);
}
