// The address a production build publishes for: a site still at the starter's example address would send every reader nowhere.

import path from "node:path";
import type { Problem } from "../content/problems.ts";
import type { Site } from "../content/site-settings.ts";

/** What the check needs of a build: where site.yaml is, and whether it is a preview. */
export interface AddressCheck {
  contentDir: string;
  /** SAHIFA_URL, when the address came from the environment rather than site.yaml. */
  urlOverride?: string | undefined;
  /** A build that publishes drafts is a preview, not for readers: it is not warned. */
  includeDrafts: boolean;
}

/**
 * A warning when a production build still uses an address under `.example`, the top-level
 * domain kept for examples (RFC 2606), as the starter site.yaml's https://sahifa.example/ is:
 * every canonical URL, feed link, sitemap entry and share card would point nowhere.
 * @example exampleAddressWarnings({ url: "https://sahifa.example/" }, { contentDir: "content", includeDrafts: false })[0]?.field //=> "url"
 */
export function exampleAddressWarnings(site: Pick<Site, "url">, build: AddressCheck): Problem[] {
  const { hostname } = new URL(site.url);
  if (build.includeDrafts || !/(?:^|\.)example\.?$/i.test(hostname)) return [];
  const absolute = path.resolve(build.contentDir, "site.yaml");
  const relative = path.relative(process.cwd(), absolute);
  const file = relative.startsWith("..") ? absolute : relative;
  const where = build.urlOverride ? "SAHIFA_URL" : "url";
  return [
    {
      file: file.split(path.sep).join("/"),
      field: "url",
      severity: "warning",
      message: {
        en: `${site.url} is an example address (${where}): links, feeds and share cards would point nowhere; set the address the site is served at, in site.yaml's url or SAHIFA_URL`,
        ar: `${site.url} عنوان للمثال فقط (${where}): ستشير الروابط والخلاصات وبطاقات المشاركة إلى عنوان لا وجود له؛ اكتب العنوان الذي يُنشر عليه الموقع في url في site.yaml أو في SAHIFA_URL`,
      },
    },
  ];
}
