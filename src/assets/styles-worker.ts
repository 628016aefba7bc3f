// The stylesheet pipeline's heavy part, on a worker thread started by styles.ts: PostCSS with rtlcss and cssnano.

import { parentPort, workerData } from "node:worker_threads";
import cssnano from "cssnano";
import postcss from "postcss";
import rtlcss from "rtlcss";

/** What the worker is given (styles.ts's StylesheetJob): the authored CSS and its file name. */
interface Job {
  css: string;
  from: string;
}

/** What it answers (styles.ts's StylesheetResult). */
type Answer = { ok: true; ltr: string; rtl: string } | { ok: false; error: string };

parentPort?.postMessage(await answer(workerData));

async function answer(data: unknown): Promise<Answer> {
  try {
    const { css, from } = readJob(data);
    const [ltr, rtl] = await Promise.all([
      postcss([cssnano({ preset: "default" })]).process(css, { from, map: false }),
      postcss([rtlcss(), cssnano({ preset: "default" })]).process(css, { from, map: false }),
    ]);
    return { ok: true, ltr: ltr.css, rtl: rtl.css };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

/** workerData comes untyped across the thread boundary: checked once here. */
function readJob(data: unknown): Job {
  const job = data as Partial<Record<keyof Job, unknown>> | null;
  if (typeof job?.css !== "string" || typeof job.from !== "string")
    throw new TypeError("the stylesheet worker needs { css, from } as strings");
  return { css: job.css, from: job.from };
}
