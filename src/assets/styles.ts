// The stylesheet pipeline: the authored left-to-right CSS, its rtlcss mirror, both minified and content-hashed.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { CACHE_ROOT, packageVersion, readCacheFile, writeCacheFile } from "./disk-cache.ts";

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
 * Builds both directions of the stylesheet from the authored (left-to-right) CSS. PostCSS,
 * rtlcss and cssnano take about a second to load and run, so the result is kept on disk
 * (`node_modules/.cache/sahifa/`), keyed by everything it depends on, and a miss runs on a
 * worker thread while the build checks its content (the build starts it first and keeps the
 * promise in its context: src/build/context.ts).
 * @example (await buildStylesheets(".a{margin-left:1px}", "main.css")).rtl.contents //=> ".a{margin-right:1px}"
 */
export function buildStylesheets(
  css: string,
  from: string,
  options: { cacheDir?: string } = {},
): Promise<Stylesheets> {
  return buildOrReuse({ css, from }, options.cacheDir ?? DEFAULT_CACHE_DIR);
}

/**
 * A content hash short enough for a file name and long enough never to collide in one site.
 * @example contentHash("body{}") //=> "…10 hex digits…"
 */
export function contentHash(contents: string | Uint8Array): string {
  return createHash("sha256").update(contents).digest("hex").slice(0, 10);
}

/** What styles-worker.ts is given, and what it answers. */
interface StylesheetJob {
  css: string;
  from: string;
}
type StylesheetResult = { ok: true; ltr: string; rtl: string } | { ok: false; error: string };

async function buildOrReuse(job: StylesheetJob, cacheDir: string): Promise<Stylesheets> {
  const key = await cacheKey(job);
  const file = key === undefined ? undefined : path.join(cacheDir, `${key}.json`);
  let result = file === undefined ? undefined : await readCached(file);
  if (!result) {
    result = await runPipeline(job);
    if (file !== undefined) await writeCacheFile(file, JSON.stringify(result));
  }
  return {
    ltr: hashed("assets/sahifa.ltr", result.ltr),
    rtl: hashed("assets/sahifa.rtl", result.rtl),
  };
}

async function runPipeline(job: StylesheetJob): Promise<{ ltr: string; rtl: string }> {
  const worker = startWorker(job);
  const result = await new Promise<StylesheetResult>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the stylesheet worker exited with ${code}`)));
  });
  await worker.terminate();
  if (!result.ok) throw new Error(`the stylesheet could not be built: ${result.error}`);
  return { ltr: result.ltr, rtl: result.rtl };
}

/**
 * The worker beside this module in its own language: styles-worker.js when compiled, or
 * styles-worker.ts from the sources. Node 20 starts a worker thread without tsx's hooks (tsx
 * registers them on the main thread only: https://github.com/privatenumber/tsx/issues/354), so
 * from the sources the thread first loads tsx's documented API, which then imports the worker.
 */
function startWorker(job: StylesheetJob): Worker {
  const self = new URL(import.meta.url);
  const worker = new URL(`./styles-worker${path.extname(self.pathname)}`, self);
  if (worker.pathname.endsWith(".js")) return new Worker(worker, { workerData: job });
  const [tsx, entry, parent] = [import.meta.resolve("tsx/esm/api"), worker.href, self.href];
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(parent)}))`;
  return new Worker(code, { eval: true, workerData: job });
}

const DEFAULT_CACHE_DIR = path.join(CACHE_ROOT, "stylesheets");

/** The pipeline's packages: a new version of any of them may write different CSS. */
const PIPELINE_PACKAGES = [
  "postcss",
  "rtlcss",
  "cssnano",
  "cssnano-preset-default",
  "browserslist",
  "caniuse-lite",
];

/**
 * Everything the output depends on: the CSS, the pipeline's versions, and the browserslist
 * configuration cssnano would find for the file (config files up from its folder, and the
 * environment variables browserslist reads). Undefined when a version cannot be read.
 */
async function cacheKey(job: StylesheetJob): Promise<string | undefined> {
  const versions: string[] = [];
  for (const name of PIPELINE_PACKAGES) {
    try {
      versions.push(`${name}@${packageVersion(name)}`);
    } catch {
      return undefined;
    }
  }
  const configs: string[] = [];
  for (let folder = path.dirname(path.resolve(job.from)); ; folder = path.dirname(folder)) {
    for (const name of ["package.json", ".browserslistrc", "browserslist"]) {
      const text = await readFile(path.join(folder, name), "utf8").catch(() => undefined);
      if (text !== undefined) configs.push(`${folder}/${name}\n${text}`);
    }
    if (path.dirname(folder) === folder) break;
  }
  const environment = ["BROWSERSLIST", "BROWSERSLIST_CONFIG", "BROWSERSLIST_ENV", "NODE_ENV"].map(
    (name) => process.env[name] ?? "",
  );
  return createHash("sha256")
    .update(JSON.stringify([job.css, job.from, versions, configs, environment]))
    .digest("hex");
}

async function readCached(file: string): Promise<{ ltr: string; rtl: string } | undefined> {
  try {
    const stored = await readCacheFile(file);
    if (stored === undefined) return undefined;
    const cached: unknown = JSON.parse(String(stored));
    const { ltr, rtl } = cached as { ltr?: unknown; rtl?: unknown };
    return typeof ltr === "string" && typeof rtl === "string" ? { ltr, rtl } : undefined;
  } catch {
    return undefined;
  }
}

function hashed(stem: string, css: string): BuiltFile {
  return { path: `${stem}.${contentHash(css)}.css`, contents: css };
}
