// A throwaway build of the site in a temporary folder, for browser tests, screenshots and the audit.

import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build.ts";

export interface BuiltSite {
  /** The built site's folder (what `_site/` would hold). */
  root: string;
  /** Every HTML file, relative to `root` with "/" separators, sorted: "404.html", "index.html", … */
  htmlFiles: string[];
  remove(): Promise<void>;
}

/**
 * Builds the project's site (content/, or SAHIFA_CONTENT) into a fresh temporary folder.
 * @example const site = await buildTemporarySite(); site.htmlFiles //=> ["404.html", "articles/…/index.html", "index.html"]
 */
export async function buildTemporarySite(): Promise<BuiltSite> {
  const parent = await mkdtemp(path.join(tmpdir(), "sahifa-site-"));
  const root = path.join(parent, "_site");
  try {
    await buildSite({ outputDir: root });
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
