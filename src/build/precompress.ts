// Precompression: a .br and a .gz beside every text file of a finished site, for hosts that serve them as they are (nginx gzip_static, brotli_static).

import { readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from "node:zlib";
import type { ZlibOptions } from "node:zlib";

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

/** How the twins are made; part of PRECOMPRESSION_STAMP. */
export interface CompressionSettings {
  gzip: ZlibOptions;
  /**
   * Brotli parameters by their zlib constant. The compression threads also gave each file's size
   * as BROTLI_PARAM_SIZE_HINT: at these settings that changed none of the 5,106 twins of a
   * 4,000-article site, so it is left out.
   */
  brotli: Record<number, number>;
}

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
 * site's twins are reused only when it recorded the same stamp, so a rebuild writes exactly
 * what a build from nothing would.
 */
export const PRECOMPRESSION_STAMP = JSON.stringify({
  settings: COMPRESSION_SETTINGS,
  brotli: process.versions.brotli ?? "",
  zlib: process.versions.zlib ?? "",
});

/**
 * How many files are compressed at once. Each holds its bytes and two twins in memory, so the
 * memory used is the same at 10 pages or 10,000; 8 files are 16 zlib calls, enough to keep
 * libuv's four threads (and both cores) busy while the next files are read and written.
 */
export const FILES_IN_FLIGHT = 8;

/**
 * Writes `x.br` and `x.gz` beside every compressible file under `dir`, once the site is
 * completely written. The work runs on libuv's thread pool (node:zlib's asynchronous calls),
 * FILES_IN_FLIGHT files at a time. Every twin is written, smaller or not, and its bytes are
 * reproducible: zlib writes no file name and a zero time into the gzip header (RFC 1952 MTIME 0),
 * Brotli has no header fields, and each twin depends only on its file and the settings.
 * `previous`, the site this one replaces (given only when it recorded PRECOMPRESSION_STAMP), lends
 * the twins of files whose bytes did not change, once they are checked to decompress to them:
 * at 4,000 articles with nothing changed, 2.2–2.8 s wall and 2.8–3.2 s CPU instead of 3.8–4.2 s
 * and 4.0–4.5 s (three runs each, on tmpfs, the machine shared).
 * The first file that cannot be read or whose twins cannot be written fails the whole run, with
 * its path; files not started by then are left alone.
 * @example
 * await precompressSite("_site") //=> { textFiles: ["404.html", …], files: 5106, bytes: 72816694, gzipBytes: 21503445, brotliBytes: 18035678 }
 * await precompressSite(staging, { previous: "_site" }) // unchanged pages take the twins of _site
 */
export async function precompressSite(
  dir: string,
  options: { previous?: string | undefined } = {},
): Promise<CompressionSummary> {
  const root = path.resolve(dir);
  const previous = options.previous === undefined ? undefined : path.resolve(options.previous);
  const textFiles = compressibleFiles(root);
  const summary = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  // One shared iterator, drained by FILES_IN_FLIGHT loops: each takes the next file when its
  // last one is written, and none takes another after the first failure.
  const queue = textFiles.values();
  let failure: Error | undefined;
  const drain = async (): Promise<void> => {
    for (const file of queue) {
      if (failure !== undefined) return;
      try {
        const twins = await compressFile(root, file, previous);
        summary.files += 1;
        summary.bytes += twins.bytes;
        summary.gzipBytes += twins.gzipBytes;
        summary.brotliBytes += twins.brotliBytes;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        failure ??= new Error(`could not compress ${path.join(root, file)}: ${reason}`, {
          cause: error,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, textFiles.length) }, drain));
  if (failure !== undefined) throw failure;
  return { textFiles, ...summary };
}

/**
 * Whether a file name has a text ending worth compressing.
 * @example isCompressible("feed.xml") //=> true
 */
export function isCompressible(name: string): boolean {
  return (COMPRESSIBLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

// ---------------------------------------------------------------------------------------------

const gzipBytes = promisify(gzip);
const brotliBytes = promisify(brotliCompress);
const gunzipBytes = promisify(gunzip);
const unbrotliBytes = promisify(brotliDecompress);

interface Twins {
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/** The compressible files under `root`, relative to it, sorted. */
function compressibleFiles(root: string): string[] {
  // Synchronous: nothing else runs meanwhile, and the asynchronous listing of a 4,000-article
  // site (20,000 entries in 4,500 folders) took 175–215 ms against 35–70 ms.
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Compresses `root/file` (or takes its twins from `previous`) and writes both twins beside it. */
async function compressFile(
  root: string,
  file: string,
  previous: string | undefined,
): Promise<Twins> {
  const target = path.join(root, file);
  const bytes = await readFile(target);
  const reused =
    previous === undefined ? undefined : await previousTwins(path.join(previous, file), bytes);
  const [gzipped, brotlied] = reused ?? (await compress(bytes));
  await Promise.all([writeFile(`${target}.gz`, gzipped), writeFile(`${target}.br`, brotlied)]);
  return { bytes: bytes.length, gzipBytes: gzipped.length, brotliBytes: brotlied.length };
}

/** The gzip and Brotli twins of `bytes`, made at the same time on libuv's threads. */
function compress(bytes: Buffer): Promise<[Buffer, Buffer]> {
  return Promise.all([
    gzipBytes(bytes, COMPRESSION_SETTINGS.gzip),
    brotliBytes(bytes, { params: COMPRESSION_SETTINGS.brotli }),
  ]);
}

/** The twins of the same file in the site this one replaces, when they hold exactly `bytes`. */
async function previousTwins(before: string, bytes: Buffer): Promise<[Buffer, Buffer] | undefined> {
  try {
    // Compared first so that a changed file's old twins are not read and decompressed for nothing;
    // the bytes, not the times: a rebuild writes every file anew.
    if (!(await readFile(before)).equals(bytes)) return undefined;
    const [gzipped, brotlied] = await Promise.all([
      readFile(`${before}.gz`),
      readFile(`${before}.br`),
    ]);
    const [fromGzip, fromBrotli] = await Promise.all([
      gunzipBytes(gzipped),
      unbrotliBytes(brotlied),
    ]);
    return fromGzip.equals(bytes) && fromBrotli.equals(bytes) ? [gzipped, brotlied] : undefined;
  } catch {
    return undefined;
  }
}
