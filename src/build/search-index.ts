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

/** An index being made: its records are sent to Pagefind; `write` puts its files in a folder. */
export interface SearchIndexing {
  /** Writes the index into `outputDir/pagefind/` once every record is in, and closes it. */
  write(outputDir: string): Promise<SearchIndexSummary>;
  /** Closes the index without writing it (a build that failed before it was written). */
  discard(): Promise<void>;
}

/**
 * Starts an index of the records with Pagefind (its Node API drives the binary the `pagefind`
 * package ships) and sends them all at once: Pagefind's service reads its messages in the order
 * they were written and handles one at a time, so the index is the same as when each record
 * waited for the last (the same 4,000 articles gave byte-identical folders both ways), without
 * a round trip each. Pagefind works in a process of its own, so a build starts this right after
 * the content check and Eleventy renders the pages meanwhile. Every record is stemmed as the
 * site's language, whatever an article's own, so one index answers every query of the search
 * page. A Pagefind error fails the build: before the swap, so the published site and its index
 * stay as they were.
 * @example await startSearchIndex(searchRecords(articles, site), "ar").write("_site.new")
 */
export function startSearchIndex(
  records: readonly SearchRecord[],
  language: string,
): SearchIndexing {
  const started = performance.now();
  const opened = createIndex({ forceLanguage: language }).then(
    (created) => {
      if (!created.index) throw searchError("could not start an index", created.errors);
      return created.index;
    },
    (error: unknown) => {
      throw searchError("could not start Pagefind", [String(error)]);
    },
  );
  const filled = opened.then(async (index) => {
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    added.forEach(({ errors }, i) => {
      if (errors.length > 0) throw searchError(`could not index ${records[i]!.url}`, errors);
    });
    return index;
  });
  // Awaited by write or discard; until then a failure must not count as unhandled.
  filled.catch(() => undefined);
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= opened.then(
      (index) => index.deleteIndex().then(() => undefined),
      () => undefined,
    ));
  return {
    async write(outputDir) {
      try {
        const index = await filled;
        const folder = path.join(outputDir, SEARCH_INDEX_PATH);
        const written = await index.writeFiles({ outputPath: folder });
        if (written.errors.length > 0)
          throw searchError("could not write the index", written.errors);
        // Pagefind also writes its ready-made interfaces; the search page has its own.
        for (const name of await readdir(folder))
          if (UNUSED_FILES.test(name)) await rm(path.join(folder, name), { force: true });
      } finally {
        await close();
      }
      return { records: records.length, milliseconds: performance.now() - started };
    },
    discard: close,
  };
}

/**
 * Indexes the records and writes the index into `outputDir/pagefind/`: startSearchIndex and
 * its write in one step. Records are added in the given order, so the same articles give the
 * same files.
 * @example await writeSearchIndex("_site.new", searchRecords(articles, site), "ar")
 */
export function writeSearchIndex(
  outputDir: string,
  records: readonly SearchRecord[],
  language: string,
): Promise<SearchIndexSummary> {
  return startSearchIndex(records, language).write(outputDir);
}

/**
 * The records and language of the index of what a build publishes (in the preview, the
 * articles that are neither drafts nor scheduled after `now`).
 * @example const { records, language } = searchInput(content, undefined)
 */
export function searchInput(
  content: Content,
  now: number | undefined,
): { records: readonly SearchRecord[]; language: string } {
  const { site, articles } = content;
  const published =
    now === undefined
      ? articles
      : articles.filter((article) => !article.draft && article.date.toMillis() <= now);
  const records = searchRecords(published, site);
  const language = records[0]?.language ?? site.language.split("-")[0] ?? site.language;
  return { records, language };
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
  const { records, language } = searchInput(built.content, built.preview?.now);
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
