// Eleventy entry for _headers, the header rules Netlify and Cloudflare Pages read (other hosts ignore it).
import { headersFile } from "../publish/http-headers.ts";
import type { PageData } from "../templates/page-data.ts";

export const data = { permalink: "/_headers" };

export function render(data: PageData): string {
  return headersFile(data.site, data.photos.size > 0, data.site.search);
}
