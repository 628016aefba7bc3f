// Precompression's heavy part, on a worker thread: gzip and Brotli one file at a time, its twins written beside it.
// Plain JavaScript on purpose, like styles-worker.js: a worker thread does not inherit tsx's
// loader in every setup. Its settings, jobs and answers are typed in compress-pool.ts.
// Synchronous zlib: this thread has nothing else to do, and libuv's pool would only add threads
// competing for the same cores as Eleventy.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  gunzipSync,
  gzipSync,
} from "node:zlib";

const { dir, previous, gzip, brotli, finished, stop } = workerData;

parentPort?.on("message", (job) => {
  // Asked to stop (compress-pool.ts, close): end between two files, never inside a zlib call.
  if (Atomics.load(stop, 0) === 1) {
    parentPort?.close();
    return;
  }
  let answer;
  try {
    answer = { ok: true, ...compressJob(job) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    answer = { ok: false, file: job.file, error: message };
  }
  // Counted in shared memory, so the main thread knows this thread wants more work even while
  // it is too busy to read answers.
  Atomics.add(finished, 0, 1);
  parentPort?.postMessage(answer);
});

/**
 * Compresses the file `job.file` (its bytes given as `job.content`, or read from disk) and
 * writes `.gz` and `.br` beside it, unless `job.digest` says its twins already match. With
 * `job.write`, writes the file itself from `job.content` first.
 */
function compressJob(job) {
  if (job.folders !== undefined) {
    // Folders made ahead, while the main thread still imports Eleventy and this one is idle:
    // creating a folder costs about 0.1 ms on these disks, 5,100 of them at 4,000 articles.
    for (const folder of job.folders) mkdirSync(folder, { recursive: true });
    return { file: job.file, digest: "", written: false };
  }
  const bytes = job.content === undefined ? readFileSync(job.file) : Buffer.from(job.content);
  if (job.compress === false) {
    mkdirSync(path.dirname(job.file), { recursive: true });
    writeFileSync(job.file, bytes);
    return { file: job.file, digest: "", written: false };
  }
  // A page this thread writes needs no digest: the stamp of its write stands for its bytes
  // (compress.ts compares stamps after the build, and sends a changed file back here).
  const digest = job.write ? "" : createHash("sha256").update(bytes).digest("hex");
  if (!job.write && job.digest === digest) return { file: job.file, digest, written: false };
  const [gzipped, brotlied] = previousTwins(job.file, bytes) ?? [
    gzipSync(bytes, gzip),
    brotliCompressSync(bytes, {
      params: { ...brotli, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  ];
  mkdirSync(path.dirname(job.file), { recursive: true });
  // A page this thread writes itself carries the stamp of that write: while the file keeps it,
  // nobody has written it since, and the check after the build need not read it again.
  let stamp;
  if (job.write) {
    writeFileSync(job.file, bytes);
    stamp = fileStamp(job.file);
  }
  writeFileSync(`${job.file}.gz`, gzipped);
  writeFileSync(`${job.file}.br`, brotlied);
  return {
    file: job.file,
    digest,
    ...(stamp === undefined ? {} : { stamp }),
    written: true,
    bytes: bytes.length,
    gzipBytes: gzipped.length,
    brotliBytes: brotlied.length,
  };
}

/**
 * What identifies one version of a file without reading it: inode, size, and modification and
 * change times in nanoseconds (compress.ts compares it after the build). The change time cannot
 * be set back by anyone writing the file.
 */
function fileStamp(file) {
  const stats = statSync(file, { bigint: true });
  return `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** The twins of the same file in the site this build replaces, when they hold exactly `bytes`. */
function previousTwins(file, bytes) {
  if (previous === undefined) return undefined;
  const before = path.join(previous, path.relative(dir, file));
  try {
    if (!readFileSync(before).equals(bytes)) return undefined;
    const gzipped = readFileSync(`${before}.gz`);
    const brotlied = readFileSync(`${before}.br`);
    const same = gunzipSync(gzipped).equals(bytes) && brotliDecompressSync(brotlied).equals(bytes);
    return same ? [gzipped, brotlied] : undefined;
  } catch {
    return undefined;
  }
}
