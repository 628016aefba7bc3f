// The stylesheet pipeline: the authored left-to-right CSS, its rtlcss mirror, both minified and content-hashed.

import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";

/** A built file: where it goes under the output folder, and its bytes. */
export interface BuiltFile {
  /** Output-relative path, such as assets/sahifa.rtl.3f9c2a1b7e.css */
  path: string;
  contents: string | Uint8Array;
}

export interface Stylesheets {
  /** For right-to-left pages (Arabic): rtlcss output. */
  rtl: BuiltFile;
  /** For left-to-right pages: the authored stylesheet, minified. */
  ltr: BuiltFile;
}

/**
 * Builds both directions of the stylesheet from the authored (left-to-right) CSS. The work runs
 * on a worker thread (PostCSS, rtlcss and cssnano take about a second to load and run), so a
 * build can check its content meanwhile; the same CSS is built once per process.
 * @example (await buildStylesheets(".a{margin-left:1px}", "main.css")).rtl.contents //=> ".a{margin-right:1px}"
 */
export function buildStylesheets(css: string, from: string): Promise<Stylesheets> {
  const key = `${from}\n${css}`;
  if (built?.key !== key) built = { key, stylesheets: runPipeline({ css, from }) };
  return built.stylesheets;
}

/**
 * A content hash short enough for a file name and long enough never to collide in one site.
 * @example contentHash("body{}") //=> "…10 hex digits…"
 */
export function contentHash(contents: string | Uint8Array): string {
  return createHash("sha256").update(contents).digest("hex").slice(0, 10);
}

/** What styles-worker.js is given, and what it answers. */
interface StylesheetJob {
  css: string;
  from: string;
}
type StylesheetResult = { ok: true; ltr: string; rtl: string } | { ok: false; error: string };

// The last stylesheet built: the build's early start and Eleventy's data step ask for the same one.
let built: { key: string; stylesheets: Promise<Stylesheets> } | undefined;

async function runPipeline(job: StylesheetJob): Promise<Stylesheets> {
  const worker = new Worker(new URL("./styles-worker.js", import.meta.url), { workerData: job });
  const result = await new Promise<StylesheetResult>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the stylesheet worker exited with ${code}`)));
  });
  await worker.terminate();
  if (!result.ok) throw new Error(`the stylesheet could not be built: ${result.error}`);
  return {
    ltr: hashed("assets/sahifa.ltr", result.ltr),
    rtl: hashed("assets/sahifa.rtl", result.rtl),
  };
}

function hashed(stem: string, css: string): BuiltFile {
  return { path: `${stem}.${contentHash(css)}.css`, contents: css };
}
