// Worker threads that run compress-worker.js, with a bounded number of jobs in flight and the first failure kept.

import type { ZlibOptions } from "node:zlib";
import { Worker } from "node:worker_threads";

/** How the twins are made; given to every worker, and part of the reuse stamp. */
export interface CompressionSettings {
  gzip: ZlibOptions;
  /** Brotli parameters by their zlib constant (the size hint is added per file). */
  brotli: Record<number, number>;
}

/** One file to compress: its bytes, or read from disk; skipped when `digest` matches them. */
export interface CompressionJob {
  file: string;
  content?: string | Uint8Array;
  /** Write the file itself from `content` too (the build leaves writing pages to the threads). */
  write?: boolean;
  /** false: only write it (a file with no text ending, such as _headers). */
  compress?: false;
  /** SHA-256 (hex) of the bytes whose twins were already written. */
  digest?: string;
  /** Only make these folders (absolute paths), ahead of the files written into them. */
  folders?: readonly string[];
}

/** What a worker answers for a job that succeeded. */
export type CompressionAnswer =
  | { file: string; digest: string; written: false }
  | {
      file: string;
      /** SHA-256 (hex) of the bytes; empty for a file the thread wrote itself (see stamp). */
      digest: string;
      /** For a file the thread wrote itself: its stamp right after (see compress-worker.js). */
      stamp?: string;
      written: true;
      bytes: number;
      gzipBytes: number;
      brotliBytes: number;
    };

type WorkerMessage =
  ({ ok: true } & CompressionAnswer) | { ok: false; file: string; error: string };

export interface PoolOptions {
  /** The folder being compressed, and the earlier site whose checked twins may be reused. */
  dir: string;
  previous?: string | undefined;
  settings: CompressionSettings;
  threads: number;
  onAnswer(answer: CompressionAnswer): void;
}

/**
 * A few compression threads fed from one queue. A thread is given up to IN_FLIGHT_BYTES of
 * jobs ahead (what it holds is a copy); the queue itself holds only references to the pages' text, which
 * Eleventy keeps until its write ends anyway, and `submit` waits once the queue holds more than
 * MAX_QUEUED_BYTES. The first failure stops every thread and rejects `submit` and `drain`.
 * Which thread runs a job never changes its bytes: each file's twins depend only on the file
 * and the settings.
 * @example const pool = new CompressionPool({ dir, settings, threads: 1, onAnswer }); await pool.submit({ file }); await pool.drain(); await pool.close();
 */
export class CompressionPool {
  readonly #options: PoolOptions;
  readonly #threads: Thread[] = [];
  readonly #queue: CompressionJob[] = [];
  #queueHead = 0;
  #queuedBytes = 0;
  #waiting: (() => void)[] = [];
  #failure: Error | undefined;
  #closing = false;
  // Set to 1 to ask every thread to stop before its next file (see close).
  readonly #stop = new Int32Array(new SharedArrayBuffer(4));

  constructor(options: PoolOptions) {
    this.#options = options;
    for (let thread = 0; thread < options.threads; thread++) this.#start();
  }

  /** Queues `job`; waits while the queue is full. */
  async submit(job: CompressionJob): Promise<void> {
    this.#throwIfStopped();
    this.#queue.push(job);
    this.#queuedBytes += sizeOf(job);
    this.#dispatch();
    while (!this.#stopped() && this.#queuedBytes > MAX_QUEUED_BYTES) await this.#changed();
    this.#throwIfStopped();
  }

  /** Waits until every submitted job is done; rejects with the first failure. */
  async drain(): Promise<void> {
    while (!this.#stopped() && (this.#pending() > 0 || this.#unanswered() > 0))
      await this.#changed();
    this.#throwIfStopped();
  }

  /**
   * Stops every thread; unfinished jobs are dropped. A thread is asked to stop and ends between
   * two files (it checks a shared flag before each): terminating a thread in the middle of a
   * zlib call aborts the whole process in Node 20 ("close before init" in node_zlib.cc). A thread
   * that has not stopped after STOP_TIMEOUT_MS is terminated.
   */
  async close(): Promise<void> {
    this.#closing = true;
    this.#notify();
    Atomics.store(this.#stop, 0, 1);
    await Promise.all(
      this.#threads.map(async (thread) => {
        if (thread.exited) return;
        const exited = new Promise<void>((resolve) => thread.worker.once("exit", () => resolve()));
        // Wakes a thread waiting for work; one busy with a file sees the flag before its next.
        thread.worker.postMessage(STOP_JOB);
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<"late">((resolve) => {
          timer = setTimeout(() => resolve("late"), STOP_TIMEOUT_MS);
        });
        if ((await Promise.race([exited, late])) === "late") await thread.worker.terminate();
        clearTimeout(timer);
      }),
    );
  }

  #start(): void {
    const { dir, previous, settings } = this.#options;
    const finished = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(new URL("./compress-worker.js", import.meta.url), {
      workerData: {
        dir,
        previous,
        gzip: settings.gzip,
        brotli: settings.brotli,
        finished,
        stop: this.#stop,
      },
      // None of the parent's flags: the thread is plain JavaScript and needs no loader (tsx),
      // and flags such as --input-type would stop it from starting.
      execArgv: [],
    });
    const thread: Thread = {
      worker,
      posted: 0,
      postedBytes: 0,
      cumulativeBytes: [],
      answered: 0,
      finished,
      exited: false,
    };
    worker.on("message", (message: WorkerMessage) => {
      thread.answered += 1;
      if (message.ok) {
        this.#options.onAnswer(message);
      } else {
        this.#fail(new Error(`could not compress ${message.file}: ${message.error}`));
      }
      this.#dispatch();
      this.#notify();
    });
    worker.on("error", (error) => this.#fail(error));
    worker.on("exit", (code) => {
      thread.exited = true;
      if (!this.#closing) this.#fail(new Error(`a compression thread stopped (exit code ${code})`));
    });
    this.#threads.push(thread);
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#notify();
    // Nothing more will be asked of the threads: stop them now, so none keeps the process up.
    void this.close();
  }

  /**
   * Gives each queued job to the thread with the least unfinished work, while that thread holds
   * less than IN_FLIGHT_BYTES. Counted from each thread's shared counter, not its answers: while
   * Eleventy renders and writes, this thread's event loop may not get to answers (or to anything)
   * for seconds, so each thread is given enough to stay busy until then; spread evenly, no
   * thread is left with the others' backlog when the rest is compressed at the end.
   */
  #dispatch(): void {
    if (this.#stopped()) return;
    const unfinished = (thread: Thread) => {
      const finished = Atomics.load(thread.finished, 0);
      return thread.postedBytes - (finished > 0 ? (thread.cumulativeBytes[finished - 1] ?? 0) : 0);
    };
    while (this.#pending() > 0) {
      let target: Thread | undefined;
      let least = Infinity;
      for (const thread of this.#threads) {
        const load = unfinished(thread);
        const idle = thread.posted - Atomics.load(thread.finished, 0) < MIN_JOBS_PER_THREAD;
        if ((idle || load < IN_FLIGHT_BYTES) && load < least) {
          least = load;
          target = thread;
        }
      }
      if (!target) break;
      const job = this.#queue[this.#queueHead] as CompressionJob;
      this.#queue[this.#queueHead] = EMPTY_JOB;
      this.#queueHead += 1;
      const size = sizeOf(job);
      this.#queuedBytes -= size;
      target.posted += 1;
      target.postedBytes += size;
      target.cumulativeBytes.push(target.postedBytes);
      target.worker.postMessage(job);
    }
    if (this.#queueHead === this.#queue.length) {
      this.#queue.length = 0;
      this.#queueHead = 0;
    }
  }

  #pending(): number {
    return this.#queue.length - this.#queueHead;
  }

  #unanswered(): number {
    return this.#threads.reduce((sum, thread) => sum + thread.posted - thread.answered, 0);
  }

  #throwIfStopped(): void {
    const stopped = this.#stopped();
    if (stopped) throw stopped;
  }

  /** Why no more jobs can run: the first failure, or the pool was closed. */
  #stopped(): Error | undefined {
    return (
      this.#failure ??
      (this.#closing ? new Error("the compression threads were stopped") : undefined)
    );
  }

  #changed(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #notify(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resolve of waiting) resolve();
  }
}

// What a thread is given ahead: its next files always at hand, and about two seconds of work
// (the length of Eleventy's write at 4,000 articles, when nothing new is handed out), in copies
// of the pages' text that stay small beside the site Eleventy holds.
const MIN_JOBS_PER_THREAD = 4;
const IN_FLIGHT_BYTES = 48 * 1024 * 1024;
// A bound in case Eleventy ever stops keeping the pages it wrote (the text of a 4,000-article
// site is 76 MB, counted here at two bytes a character).
const MAX_QUEUED_BYTES = 512 * 1024 * 1024;
const EMPTY_JOB: CompressionJob = { file: "" };
// Posted by close to wake a thread waiting for work; it only has to see the stop flag.
const STOP_JOB: CompressionJob = { file: "" };
const STOP_TIMEOUT_MS = 30_000;

interface Thread {
  worker: Worker;
  /** Jobs given to the thread, and jobs it answered, so far. */
  posted: number;
  /** Bytes of the jobs given so far, and after each job (to tell what is still unfinished). */
  postedBytes: number;
  cumulativeBytes: number[];
  answered: number;
  /** How many jobs the thread has finished, answered or not (shared memory: read it with Atomics). */
  finished: Int32Array;
  exited: boolean;
}

/** Memory a queued job holds: its text (two bytes a character at most) or bytes; see folders. */
function sizeOf(job: CompressionJob): number {
  // Folders weigh something, so that two shares of them go to two threads.
  if (job.folders !== undefined) return job.folders.length * 1024;
  if (job.content === undefined) return 0;
  return typeof job.content === "string" ? job.content.length * 2 : job.content.byteLength;
}
