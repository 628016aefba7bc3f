// The stylesheet pipeline's heavy part, on a worker thread: PostCSS with rtlcss and cssnano.
// Plain JavaScript on purpose: a worker thread does not inherit tsx's loader in every setup
// (NODE_OPTIONS, vitest), and this file needs nothing from the TypeScript sources.
// Its input and answer are typed in styles.ts (StylesheetJob, StylesheetResult).

import { parentPort, workerData } from "node:worker_threads";
import cssnano from "cssnano";
import postcss from "postcss";
import rtlcss from "rtlcss";

try {
  const { css, from } = workerData;
  const [ltr, rtl] = await Promise.all([
    postcss([cssnano({ preset: "default" })]).process(css, { from, map: false }),
    postcss([rtlcss(), cssnano({ preset: "default" })]).process(css, { from, map: false }),
  ]);
  parentPort?.postMessage({ ok: true, ltr: ltr.css, rtl: rtl.css });
} catch (error) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  parentPort?.postMessage({ ok: false, error: message });
}
