// A link checker for a built site: every internal link, anchor and asset reference must resolve to a file (and an id) in the folder.

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import postcss from "postcss";

export interface LinkProblem {
  /** The file the reference is in, relative to the site folder. */
  file: string;
  reference: string;
  reason: string;
}

export interface LinkReport {
  /** Internal references checked (external ones are counted out). */
  checked: number;
  problems: LinkProblem[];
}

/**
 * Checks every reference in a built site deployed at `siteUrl`: in HTML (href, src, srcset and
 * the URL-valued meta tags), in CSS (url()), and the absolute URLs in feeds, the sitemap and
 * robots.txt. A reference is internal when it resolves to the site's origin; it must then stay
 * under the site's path prefix and name a file that exists, and its #fragment an id on that page.
 */
export async function checkLinks(siteDir: string, siteUrl: string): Promise<LinkReport> {
  const base = new URL(siteUrl);
  const files = await listFiles(siteDir);
  const fileSet = new Set(files);
  const ids = new Map<string, Set<string>>();
  const references: { file: string; url: URL; reference: string }[] = [];

  for (const file of files) {
    const pageUrl = new URL(file.replace(/(^|\/)index\.html$/, "$1"), base);
    if (!/\.(html|css|xml|json|txt)$/.test(file)) continue;
    const text = await readFile(path.join(siteDir, file), "utf8");
    const add = (reference: string, relativeTo = pageUrl) => {
      if (!URL.canParse(reference, relativeTo)) {
        references.push({ file, url: new URL("invalid:"), reference });
        return;
      }
      references.push({ file, url: new URL(reference, relativeTo), reference });
    };
    if (file.endsWith(".html")) {
      const document = parse(text);
      ids.set(file, new Set(document.querySelectorAll("[id]").map((e) => e.id)));
      for (const element of document.querySelectorAll("[href], [src], [srcset], meta[content]")) {
        const href = element.getAttribute("href");
        const src = element.getAttribute("src");
        if (href !== undefined) add(href);
        if (src !== undefined) add(src);
        for (const candidate of (element.getAttribute("srcset") ?? "").split(",")) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) add(url);
        }
        const content = element.getAttribute("content") ?? "";
        if (element.tagName === "META" && /^https?:\/\//.test(content)) add(content);
      }
    } else if (file.endsWith(".css")) {
      postcss.parse(text).walkDecls((declaration) => {
        for (const match of declaration.value.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
          if (match[1] && !match[1].startsWith("data:")) add(match[1]);
        }
      });
    } else {
      // Feeds, sitemap, robots: their URLs are absolute by contract.
      for (const match of text.matchAll(/https?:\/\/[^\s"'<>&\\]+/g)) add(match[0]);
    }
  }

  const problems: LinkProblem[] = [];
  let checked = 0;
  for (const { file, url, reference } of references) {
    if (url.protocol === "invalid:") {
      problems.push({ file, reference, reason: "not a URL" });
      continue;
    }
    if (url.origin !== base.origin) continue;
    checked += 1;
    const problem = resolve(url, base, fileSet, ids);
    if (problem) problems.push({ file, reference, reason: problem });
  }
  return { checked, problems };
}

// ---------------------------------------------------------------------------------------------

function resolve(
  url: URL,
  base: URL,
  files: ReadonlySet<string>,
  ids: ReadonlyMap<string, ReadonlySet<string>>,
): string | undefined {
  if (!url.pathname.startsWith(base.pathname)) {
    return `outside the site's path ${base.pathname}`;
  }
  let target = decodeURIComponent(url.pathname.slice(base.pathname.length));
  if (target === "" || target.endsWith("/")) target += "index.html";
  if (!files.has(target)) {
    return files.has(`${target}/index.html`)
      ? "a folder without its trailing slash (hosts answer with a redirect)"
      : `no file ${target}`;
  }
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment && !ids.get(target)?.has(fragment)) return `no id "${fragment}" in ${target}`;
  return undefined;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    )
    .sort();
}
