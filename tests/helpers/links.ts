// Link check for a built site: every local href and src, parsed with a real HTML parser, must name a built file.

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";

export interface BrokenLink {
  /** The page, relative to the site folder. */
  page: string;
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  /** Local links checked (external ones are not counted). */
  checked: number;
  broken: BrokenLink[];
}

/**
 * Checks every `href` and `src` in every HTML file under `siteDir`. Links are resolved against
 * the page's address under `siteUrl`; those on the site's origin must stay under its path
 * prefix and resolve to a file (a folder means its index.html); same-page fragments must name
 * an id on the page.
 */
export async function checkLinks(siteDir: string, siteUrl: string): Promise<LinkReport> {
  const base = new URL(siteUrl);
  const files = new Set(
    (await readdir(siteDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
      ),
  );
  const report: LinkReport = { pages: 0, checked: 0, broken: [] };
  for (const page of [...files].filter((file) => file.endsWith(".html")).sort()) {
    report.pages += 1;
    const document = parse(await readFile(path.join(siteDir, page), "utf8"));
    const pageUrl = new URL(page.replace(/(^|\/)index\.html$/, "$1"), base);
    const ids = new Set(document.querySelectorAll("[id]").map((element) => element.id));
    for (const element of document.querySelectorAll("[href], [src]")) {
      for (const attribute of ["href", "src"]) {
        const link = element.getAttribute(attribute);
        if (link === undefined) continue;
        const problem = checkLink(link, pageUrl, base, files, ids);
        if (problem === "external") continue;
        report.checked += 1;
        if (problem) report.broken.push({ page, link, reason: problem });
      }
    }
  }
  return report;
}

function checkLink(
  link: string,
  pageUrl: URL,
  base: URL,
  files: ReadonlySet<string>,
  ids: ReadonlySet<string>,
): string | "external" | undefined {
  if (link.trim() === "") return "empty link";
  let url: URL;
  try {
    url = new URL(link, pageUrl);
  } catch {
    return "not a URL";
  }
  if (url.origin !== base.origin) return "external";
  if (!url.pathname.startsWith(base.pathname)) return `outside the site's path ${base.pathname}`;
  let relative = decodeURIComponent(url.pathname.slice(base.pathname.length));
  if (relative === "" || relative.endsWith("/")) relative += "index.html";
  if (!files.has(relative)) return `no file ${relative}`;
  const samePage = url.pathname === pageUrl.pathname;
  if (samePage && url.hash && !ids.has(decodeURIComponent(url.hash.slice(1)))) {
    return `no element with id ${url.hash}`;
  }
  return undefined;
}
