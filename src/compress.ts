// Precompression: a .br and a .gz beside every text file of a built site, for hosts that serve them as they are (nginx gzip_static, brotli_static).

import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from "node:zlib";

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
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/**
 * Writes `x.br` (Brotli, quality 7) and `x.gz` (gzip, level 9) beside every compressible file
 * under `dir`. Both are byte-for-byte reproducible: zlib writes no file name and a zero time
 * into the gzip header, and Brotli has no header fields at all.
 * `previous`, the site this build replaces, lends the twins of files that did not change (once
 * they are checked to decompress to the same bytes): a newsroom's rebuild compresses only what
 * is new.
 * @example await precompress("_site") //=> { files: 7, bytes: 93211, gzipBytes: 25002, brotliBytes: 20873 }
 */
export async function precompress(
  dir: string,
  options: { previous?: string } = {},
): Promise<CompressionSummary> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const summary: CompressionSummary = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  // zlib's async calls run on libuv's thread pool: files compress in parallel, a few at a time,
  // so a site of thousands of pages is never held in memory at once.
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let file = files[next++]; file !== undefined; file = files[next++]) {
      const bytes = await readFile(file);
      const reused =
        options.previous === undefined
          ? undefined
          : await previousTwins(path.join(options.previous, path.relative(dir, file)), bytes);
      const [gzipped, brotli] =
        reused ?? (await Promise.all([gzipBytes(bytes), brotliBytes(bytes)]));
      await Promise.all([writeFile(`${file}.gz`, gzipped), writeFile(`${file}.br`, brotli)]);
      summary.files += 1;
      summary.bytes += bytes.length;
      summary.gzipBytes += gzipped.length;
      summary.brotliBytes += brotli.length;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_FILES }, worker));
  return summary;
}

/**
 * Whether a file name has a text ending worth compressing.
 * @example isCompressible("feed.xml") //=> true
 */
export function isCompressible(name: string): boolean {
  return (COMPRESSIBLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

/** gzip at the highest level. */
export function gzipBytes(bytes: Uint8Array): Promise<Buffer> {
  return gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION });
}

/**
 * Brotli at quality 7, tuned for text. Qualities 9 to 11 switch to Brotli's slow block search:
 * on a 1,000-article site quality 10 took 12.7 s of CPU a build (the largest single cost of a
 * build) for files about 10% smaller; quality 7 is some 15 times faster (docs/publishing.md).
 */
export function brotliBytes(bytes: Uint8Array): Promise<Buffer> {
  return brotliAsync(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** The .gz and .br of `file` in an earlier build, when `file` held exactly `bytes` there. */
async function previousTwins(file: string, bytes: Buffer): Promise<[Buffer, Buffer] | undefined> {
  try {
    const before = await readFile(file);
    if (!before.equals(bytes)) return undefined;
    const [gzipped, brotli] = await Promise.all([readFile(`${file}.gz`), readFile(`${file}.br`)]);
    const [fromGzip, fromBrotli] = await Promise.all([
      gunzipAsync(gzipped),
      brotliDecompressAsync(brotli),
    ]);
    return fromGzip.equals(bytes) && fromBrotli.equals(bytes) ? [gzipped, brotli] : undefined;
  } catch {
    return undefined;
  }
}

const BROTLI_QUALITY = 7;
const gunzipAsync = promisify(gunzip);
/**
 * What decides the bytes of a twin: the settings and the compressors' versions. An earlier
 * build's twins are reused only when it recorded the same stamp, so a rebuild writes exactly
 * what a build from nothing would.
 */
export const PRECOMPRESSION_STAMP = JSON.stringify({
  brotli: { quality: BROTLI_QUALITY, mode: "text", version: process.versions.brotli ?? "" },
  gzip: { level: constants.Z_BEST_COMPRESSION, zlib: process.versions.zlib ?? "" },
});

const brotliDecompressAsync = promisify(brotliDecompress);
// Enough to keep libuv's four threads busy with a gzip and a Brotli job each.
const CONCURRENT_FILES = 8;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
