// A throwaway build of the site in a temporary folder, for browser tests, screenshots and the audit.

import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";

export interface BuiltSite {
  /** The built site's folder (what `_site/` would hold). */
  root: string;
  /** Every HTML file, relative to `root` with "/" separators, sorted: "404.html", "index.html", … */
  htmlFiles: string[];
  remove(): Promise<void>;
}

/**
 * Builds the project's site (content/, or SAHIFA_CONTENT) into a fresh temporary folder; or,
 * with `prepare`, the content it writes into a folder of its own beside the site (removed with it).
 * @example const site = await buildTemporarySite(); site.htmlFiles //=> ["404.html", "articles/…/index.html", "index.html"]
 * @example await buildTemporarySite((folder) => writePhotoSiteContent("content", folder))
 */
export async function buildTemporarySite(
  prepare?: (contentFolder: string) => Promise<string>,
): Promise<BuiltSite> {
  const parent = await mkdtemp(path.join(tmpdir(), "sahifa-site-"));
  const root = path.join(parent, "_site");
  try {
    const contentDir = prepare ? await prepare(path.join(parent, "content")) : undefined;
    await buildSite({ outputDir: root, ...(contentDir ? { contentDir } : {}) });
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw error;
  }
  return {
    root,
    htmlFiles: await listFiles(root, ".html"),
    remove: () => rm(parent, { recursive: true, force: true }),
  };
}

/** One kind of page and the one page that stands for it. */
export interface PageKind {
  /** "home", "404", or the file's path with its variable parts starred: "articles/*", "tags". */
  kind: string;
  /** The built file: "index.html", "articles/x/index.html", "404.html". */
  file: string;
  /** The URL path to load. For "404", a path that does not exist, as a reader meets the page. */
  path: string;
}

/** The kind the article budget applies to. */
export const ARTICLE_KIND = "articles/*";

/**
 * One page per kind, so browser checks and the audit cover a page kind added later without
 * growing with the number of articles: files whose paths differ only below their first folder
 * are one kind, and the first of them in sort order stands for it.
 * @example pageKinds(["404.html", "articles/a/index.html", "articles/b/index.html", "index.html"]).map((k) => k.kind)
 * //=> ["home", "articles/*", "404"]
 */
export function pageKinds(htmlFiles: readonly string[]): PageKind[] {
  const kinds = new Map<string, PageKind>();
  for (const file of [...htmlFiles].sort()) {
    if (file === "404.html") continue;
    const segments = file
      .replace(/(^|\/)index\.html$/, "")
      .replace(/\.html$/, "")
      .split("/");
    const kind =
      file === "index.html"
        ? "home"
        : segments.map((part, index) => (index === 0 ? part : "*")).join("/");
    if (!kinds.has(kind)) kinds.set(kind, { kind, file, path: pagePath(file) });
  }
  const ordered = [...kinds.values()].sort(
    (a, b) => Number(b.kind === "home") - Number(a.kind === "home"),
  );
  if (htmlFiles.includes("404.html"))
    ordered.push({ kind: "404", file: "404.html", path: "/no-such-page/" });
  return ordered;
}

/**
 * The URL path a built HTML file is served at: folders for index.html, the file otherwise.
 * @example pagePath("articles/x/index.html") //=> "/articles/x/"
 */
export function pagePath(htmlFile: string): string {
  return `/${htmlFile.replace(/(^|\/)index\.html$/, "$1")}`;
}

/** Files under `root` whose names end in `suffix`, relative, "/"-separated, sorted. */
export async function listFiles(root: string, suffix: string): Promise<string[]> {
  const names = await readdir(root, { recursive: true });
  return names
    .filter((name) => name.endsWith(suffix))
    .map((name) => name.split(path.sep).join("/"))
    .sort();
}
