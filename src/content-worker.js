// Checks and renders a share of a large site's articles on a worker thread (src/content.ts, checkArticles).
// Plain JavaScript that loads the TypeScript sources through tsx's API: a worker thread does not
// inherit tsx's loader in every setup (NODE_OPTIONS, vitest). Its input is checkShare's job, its
// answer content.ts's WorkerAnswer.

import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

try {
  const { checkShare } = await tsImport("./content.ts", import.meta.url);
  parentPort?.postMessage({ ok: true, ...checkShare(workerData) });
} catch (error) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  parentPort?.postMessage({ ok: false, error: message });
}
