// The search index: Pagefind's files for the articles a build publishes, written into the build's folder.

import { createHash } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { createIndex } from "pagefind";
import type { Content } from "../content/article.ts";
import { SEARCH_INDEX_PATH, searchRecords, type SearchRecord } from "../publish/search-records.ts";
import type { PreviewMarks } from "../templates/page-data.ts";
import type { DevSession } from "./context.ts";

export interface SearchIndexSummary {
  /** Articles indexed. */
  records: number;
  milliseconds: number;
}

/**
 * Indexes the records with Pagefind (its Node API drives the binary the `pagefind` package
 * ships) and writes the index into `outputDir/pagefind/`. Every record is stemmed as the site's
 * language, whatever an article's own, so one index answers every query of the search page.
 * Records are added in the given order, so the same articles give the same files. A Pagefind
 * error fails the build: before the swap, so the published site and its index stay as they were.
 * @example await writeSearchIndex("_site.new", searchRecords(articles, site), "ar")
 */
export async function writeSearchIndex(
  outputDir: string,
  records: readonly SearchRecord[],
  language: string,
): Promise<SearchIndexSummary> {
  const started = performance.now();
  const created = await createIndex({ forceLanguage: language }).catch((error: unknown) => {
    throw searchError("could not start Pagefind", [String(error)]);
  });
  const index = created.index;
  if (!index) throw searchError("could not start an index", created.errors);
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw searchError(`could not index ${record.url}`, added.errors);
    }
    const written = await index.writeFiles({ outputPath: path.join(outputDir, SEARCH_INDEX_PATH) });
    if (written.errors.length > 0) throw searchError("could not write the index", written.errors);
    // Pagefind also writes its ready-made interfaces; the search page has its own.
    const folder = path.join(outputDir, SEARCH_INDEX_PATH);
    for (const name of await readdir(folder))
      if (UNUSED_FILES.test(name)) await rm(path.join(folder, name), { force: true });
  } finally {
    await index.deleteIndex();
  }
  return { records: records.length, milliseconds: performance.now() - started };
}

/**
 * Indexes what a build publishes. The preview shows drafts and scheduled articles (marked);
 * its index leaves them out, as a build's would. A build waits for its index; the preview
 * writes its first one before serving, then writes a new one only when the records changed,
 * in the background, so a saved edit still shows at once (indexing 4,000 articles takes
 * seconds). A preview's failed index is reported and the preview goes on without it.
 * @example await indexForSearch(staging, { content }, context.session, console)
 */
export async function indexForSearch(
  outputDir: string,
  built: { content: Content; preview?: PreviewMarks | undefined },
  session: DevSession,
  log: Pick<Console, "error">,
): Promise<void> {
  const { site, articles } = built.content;
  const now = built.preview?.now;
  const published =
    now === undefined
      ? articles
      : articles.filter((article) => !article.draft && article.date.toMillis() <= now);
  const records = searchRecords(published, site);
  const language = records[0]?.language ?? site.language.split("-")[0] ?? site.language;
  if (!session.watching) {
    await writeSearchIndex(outputDir, records, language);
    return;
  }
  const key = createHash("sha256").update(JSON.stringify(records)).digest("hex");
  if (session.search?.key === key) return;
  const previous = session.search?.done;
  const done = (previous ?? Promise.resolve())
    .then(() => writeSearchIndex(outputDir, records, language))
    .then(
      () => undefined,
      (error: unknown) => log.error(error instanceof Error ? error.message : String(error)),
    );
  session.search = { key, done };
  if (previous === undefined) await done;
}

/** Pagefind's default, modular and component interfaces and its highlighter: not used. */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

function searchError(what: string, errors: readonly string[]): Error {
  return new Error(`search index (Pagefind): ${what}: ${errors.join("; ")}`);
}
