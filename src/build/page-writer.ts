// Pages written on a thread of their own while Eleventy renders the rest; Eleventy's results then say what the site is.

import type { EleventyResult } from "@11ty/eleventy";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

/** One output Eleventy reports (its `toJSON()` results): where it goes and its final text. */
export type RenderedOutput = Pick<EleventyResult, "outputPath" | "content">;

/**
 * Writes a build's pages into its folder from the moment each is rendered, on a worker thread
 * with the file system's synchronous calls, one file at a time (on these disks files made in
 * parallel contend, and each then costs more). The main thread goes on rendering instead of
 * creating 5,700 folders and writing 100 MB once everything is rendered, as Eleventy's own
 * write does.
 */
export interface PageWriter {
  /** Queues a rendered page (`page.outputPath`: relative to the working folder, or absolute). */
  write(outputPath: string, content: string): void;
  /**
   * Makes the folder match Eleventy's results, and returns once every file is on disk: an output
   * written with other text (a transform changed it) or not written at all is written now, one
   * written but not in the results is removed. Synchronous, so that whatever runs after it (the
   * other `eleventy.after` listeners: build-site.ts registers this one first) finds the site
   * written, as after Eleventy's own write.
   * Throws the first failed write's error.
   * @returns how many HTML pages the site has
   */
  finish(results: readonly RenderedOutput[]): number;
  /** The count `finish` returned, once it has run. */
  readonly pages: number | undefined;
  /** Stops the thread (after `finish`, or instead of it when the build failed). */
  close(): Promise<void>;
}

// Pages go to the thread in batches: one message per page costs more than the copy itself.
const BATCH = 25;
// What finish waits at most for the queue's tail (milliseconds): most pages were written while
// the rest rendered.
const ANSWER_WITHIN = 10 * 60 * 1000;

/**
 * Starts the writing thread; every write goes under `folder`.
 * @example const writer = startPageWriter("/tmp/site"); writer.write("/tmp/site/a/index.html", html);
 */
export function startPageWriter(folder: string): PageWriter {
  const root = path.resolve(folder);
  // The thread answers `finish` on a port of its own and wakes the waiting main thread.
  const { port1: answers, port2: answerPort } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WRITER_THREAD, {
    eval: true,
    workerData: { answerPort, done },
    transferList: [answerPort],
  });
  let crash: Error | undefined;
  worker.on("error", (error) => (crash ??= error));
  const written = new Map<string, string>();
  let batch: [string, string][] = [];
  let pages: number | undefined;
  const flush = (): void => {
    if (batch.length === 0) return;
    worker.postMessage(batch);
    batch = [];
  };
  const queue = (file: string, content: string): void => {
    written.set(file, content);
    batch.push([file, content]);
    if (batch.length >= BATCH) flush();
  };
  const isInside = (file: string): boolean => file.startsWith(root + path.sep);
  return {
    write(outputPath, content) {
      // One outside the folder is not written early; finish refuses it.
      const file = path.resolve(outputPath);
      if (isInside(file)) queue(file, content);
    },
    finish(results) {
      const wanted = new Set<string>();
      let count = 0;
      for (const { outputPath, content } of results) {
        if (typeof outputPath !== "string") continue;
        const file = path.resolve(outputPath);
        if (!isInside(file)) throw new Error(`Eleventy put ${outputPath} outside ${root}`);
        wanted.add(file);
        if (file.endsWith(".html")) count++;
        if (written.get(file) !== content) queue(file, content);
      }
      flush();
      worker.postMessage({ remove: [...written.keys()].filter((file) => !wanted.has(file)) });
      // The thread has its own event loop: waiting here blocks nothing it needs. It answers
      // even after a failed write; the bound is for a thread that died some other way.
      if (crash) throw crash;
      if (Atomics.wait(done, 0, 0, ANSWER_WITHIN) === "timed-out")
        throw new Error("the page writer did not answer");
      const failure = receiveMessageOnPort(answers)?.message as string | null | undefined;
      if (failure) throw new Error(failure);
      pages = count;
      return count;
    },
    get pages() {
      return pages;
    },
    async close() {
      answers.close();
      await worker.terminate();
    },
  };
}

/** The thread: folders made once each, files written in the order they came. */
const WRITER_THREAD = `
const { mkdirSync, rmSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { parentPort, workerData } = require("node:worker_threads");
serve(workerData);
// One build's writes: its folders made once each, its first failure kept and answered.
function serve({ answerPort, done }) {
  const folders = new Set();
  let failure = null;
  parentPort.on("message", (message) => {
    if (!Array.isArray(message)) {
      try {
        if (failure === null) for (const file of message.remove) rmSync(file, { force: true });
      } catch (error) {
        failure = String(error);
      } finally {
        answerPort.postMessage(failure);
        Atomics.store(done, 0, 1);
        Atomics.notify(done, 0);
      }
      return;
    }
    if (failure !== null) return;
    for (const [file, content] of message) {
      try {
        const folder = path.dirname(file);
        if (!folders.has(folder)) {
          mkdirSync(folder, { recursive: true });
          folders.add(folder);
        }
        writeFileSync(file, content);
      } catch (error) {
        failure = String(error);
        return;
      }
    }
  });
}
`;
