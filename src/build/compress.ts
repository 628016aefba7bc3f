// Precompression: a .br and a .gz beside every text file of a built site, for hosts that serve them as they are (nginx gzip_static, brotli_static).

import { readdirSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { constants } from "node:zlib";
import {
  CompressionPool,
  type CompressionAnswer,
  type CompressionSettings,
} from "./compress-pool.ts";

/** File endings worth compressing: text formats. Fonts (WOFF2) and PNG are compressed already. */
export const COMPRESSIBLE_EXTENSIONS = [
  ".html",
  ".css",
  ".js",
  ".mjs",
  ".json",
  ".xml",
  ".txt",
  ".svg",
  ".webmanifest",
] as const;

export interface CompressionSummary {
  /** The text files under the folder, each now with its twins (paths relative to it, sorted). */
  textFiles: readonly string[];
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/**
 * gzip level 3 and Brotli quality 5 with a 64 KB window (text mode), chosen by measurement on the
 * 5,106 text files of a 4,000-article site, one thread, sync zlib (docs/publishing.md has the
 * table). Brotli is what browsers take: 5 with a 64 KB window (pages are 2–20 KB) costs 6–8% less
 * than 6 for twins 0.4% larger, 4 another 20% less for 13% larger. gzip is for clients without
 * Brotli: 3 costs 12% less than 4 for 5% larger, 9 about twice as much for 2% smaller.
 */
export const COMPRESSION_SETTINGS: CompressionSettings = {
  gzip: { level: 3 },
  brotli: {
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_QUALITY]: 5,
    [constants.BROTLI_PARAM_LGWIN]: 16,
  },
};

/**
 * What decides the bytes of a twin: the settings and the compressors' versions. An earlier
 * build's twins are reused only when it recorded the same stamp, so a rebuild writes exactly
 * what a build from nothing would.
 */
export const PRECOMPRESSION_STAMP = JSON.stringify({
  settings: COMPRESSION_SETTINGS,
  brotli: process.versions.brotli ?? "",
  zlib: process.versions.zlib ?? "",
});

/** A precompression running beside a build: started before Eleventy writes, finished after. */
export interface Precompression {
  /**
   * Queues a text page for the compression threads, given the path it will be written to and
   * its text (src/build/build-site.ts calls it as each page is rendered: see onPageRendered). With `write`,
   * a thread writes the page too (any page, text or not); otherwise it is somebody else's to
   * write. Waits while the threads are far behind.
   */
  readonly page: (
    outputPath: string,
    content: string | Uint8Array,
    options?: { write?: boolean },
  ) => Promise<void>;
  /**
   * Compresses every text file under the folder whose twins are missing or do not match its
   * bytes on disk (assets written after the pages, a page a transform changed), removes
   * the twins of pages that were never written, and stops the threads.
   */
  finish(): Promise<CompressionSummary>;
  /**
   * Has the threads make folders that pages will be written into, before the pages come: work
   * they can do while the main thread has none for them. Only folders that will hold a page:
   * none is removed if it stays empty.
   */
  prepareFolders(folders: readonly string[]): Promise<void>;
  /** Waits until every page queued so far is compressed (and written, if it was to be). */
  drain(): Promise<void>;
  /** Stops the threads at once (a failed build); safe to call after `finish`. */
  close(): Promise<void>;
}

/**
 * Starts compression threads (one per core) for the site being written to `dir`. Pages handed
 * over while Eleventy renders are compressed meanwhile; `finish` covers the rest.
 * Twins are byte-for-byte reproducible: zlib writes no file name and a zero time into the gzip
 * header, Brotli has no header fields, and each twin depends only on its file and the settings.
 * `previous`, the site this build replaces, lends the twins of files that did not change (once
 * they are checked to decompress to the same bytes): a newsroom's rebuild compresses only what
 * is new.
 * @example
 * const run = startPrecompression(staging);
 * await new Eleventy("src/pages", staging, { config: (c) => onPageRendered(c, run.page) }).write();
 * await run.finish() //=> { textFiles: ["404.html", …], files: 5106, bytes: 75896014, gzipBytes: 20816033, brotliBytes: 18229114 }
 */
export function startPrecompression(
  dir: string,
  options: { previous?: string | undefined } = {},
): Precompression {
  const root = path.resolve(dir);
  const done = new Map<string, CompressionAnswer & { written: true }>();
  const onAnswer = (answer: CompressionAnswer): void => {
    if (answer.written) done.set(answer.file, answer);
  };
  // A thread per core from the start: with Eleventy's thread they share the cores while pages
  // render, and each holds an even part of the backlog when Eleventy is done (with one thread
  // until then, the other core had nothing to take over at the end).
  const threads = availableParallelism();
  const pool = new CompressionPool({
    dir: root,
    previous: options.previous === undefined ? undefined : path.resolve(options.previous),
    settings: COMPRESSION_SETTINGS,
    threads,
    onAnswer,
  });
  const page = async (
    outputPath: string,
    content: string | Uint8Array,
    options: { write?: boolean } = {},
  ): Promise<void> => {
    const file = path.resolve(outputPath);
    const write = options.write === true;
    if (path.relative(root, file).startsWith("..")) {
      if (write) throw new Error(`${outputPath} is outside the folder being written (${root})`);
      return;
    }
    if (isCompressible(file)) await pool.submit({ file, content, write });
    else if (write) await pool.submit({ file, content, write, compress: false });
  };
  const finish = async (): Promise<CompressionSummary> => {
    try {
      await pool.drain();
      const files = compressibleFiles(root);
      for (const file of files) {
        const answer = done.get(file);
        // Written by a thread and not touched since: its twins are of these very bytes.
        if (answer?.stamp !== undefined && answer.stamp === stampOf(file)) continue;
        await pool.submit({ file, ...digestOf(answer) });
      }
      await pool.drain();
      const written = new Set(files);
      for (const file of done.keys()) {
        if (!written.has(file)) await removeTwins(file);
      }
      return {
        textFiles: files.map((file) => path.relative(root, file)),
        ...summarize(files.map((file) => done.get(file))),
      };
    } finally {
      await pool.close();
    }
  };
  const prepareFolders = async (folders: readonly string[]): Promise<void> => {
    const inside = folders
      .map((folder) => path.resolve(folder))
      .filter((folder) => !path.relative(root, folder).startsWith(".."));
    // One share per thread, each from the first folder to the last in turn.
    for (let thread = 0; thread < threads; thread++) {
      const share = inside.filter((_, index) => index % threads === thread);
      if (share.length > 0) await pool.submit({ file: "", folders: share });
    }
  };
  return {
    page,
    finish,
    prepareFolders,
    drain: () => pool.drain(),
    close: () => pool.close(),
  };
}

/**
 * Writes `x.br` and `x.gz` beside every compressible file under `dir` (see startPrecompression).
 * @example await precompress("_site") //=> { textFiles: ["404.html", …], files: 7, bytes: 93211, gzipBytes: 25121, brotliBytes: 21004 }
 */
export async function precompress(
  dir: string,
  options: { previous?: string } = {},
): Promise<CompressionSummary> {
  return startPrecompression(dir, options).finish();
}

/**
 * Whether a file name has a text ending worth compressing.
 * @example isCompressible("feed.xml") //=> true
 */
export function isCompressible(name: string): boolean {
  return (COMPRESSIBLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

function compressibleFiles(dir: string): string[] {
  // Synchronous: the asynchronous listing of a 4,000-article site (20,000 entries in 4,500
  // folders) took 175–215 ms against 35–70 ms, and the threads need nothing from this one meanwhile.
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The same stamp as compress-worker.js's fileStamp, or undefined if the file is gone. */
function stampOf(file: string): string | undefined {
  const stats = statSync(file, { bigint: true, throwIfNoEntry: false });
  return stats && `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

function digestOf(answer: CompressionAnswer | undefined): { digest?: string } {
  return answer === undefined ? {} : { digest: answer.digest };
}

async function removeTwins(file: string): Promise<void> {
  await Promise.all([rm(`${file}.gz`, { force: true }), rm(`${file}.br`, { force: true })]);
}

function summarize(
  answers: readonly (CompressionAnswer | undefined)[],
): Omit<CompressionSummary, "textFiles"> {
  const summary = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const answer of answers) {
    if (!answer?.written) throw new Error("a file was left without its compressed twins");
    summary.files += 1;
    summary.bytes += answer.bytes;
    summary.gzipBytes += answer.gzipBytes;
    summary.brotliBytes += answer.brotliBytes;
  }
  return summary;
}
