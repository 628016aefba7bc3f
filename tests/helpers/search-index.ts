// Reads back the Pagefind index a build wrote: what each page's fragment holds.

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";

export interface IndexedPage {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Every page in the index under `site/pagefind/`, by URL (fragments are gzipped JSON after a signature). */
export async function readSearchIndex(site: string): Promise<Map<string, IndexedPage>> {
  const folder = path.join(site, "pagefind", "fragment");
  const pages = new Map<string, IndexedPage>();
  for (const name of (await readdir(folder)).sort()) {
    const text = gunzipSync(await readFile(path.join(folder, name))).toString("utf8");
    const page = JSON.parse(text.replace(/^pagefind_dcd/, "")) as IndexedPage;
    pages.set(page.url, page);
  }
  return pages;
}
