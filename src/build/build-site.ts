// Publish: runs Eleventy into a fresh folder and swaps it in only when everything succeeded.

import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { warmAssets } from "../assets/build-assets.ts";
import { PRECOMPRESSION_STAMP, startPrecompression } from "./compress.ts";
import { ELEVENTY_CONFIG, ELEVENTY_INPUT } from "./code-paths.ts";
import { createContentLoader, offerLoadedContent } from "../content/load.ts";
import { CACHE_ROOT } from "../assets/disk-cache.ts";
import { buildOptionsFromEnv } from "./options.ts";
import { announcesEveryPage, onPageRendered } from "./plugin.ts";
import { ContentError, type Problem } from "../content/problems.ts";

export interface BuildOptions {
  /** The published folder (default _site). It is replaced whole, or not touched at all. */
  outputDir?: string;
  /** Eleventy's config file (default .eleventy.ts, or its compiled copy: src/build/code-paths.ts). */
  configPath?: string;
  /** Let Eleventy print its own "[11ty]" lines (the CLI's --verbose); silent by default. */
  eleventyLog?: boolean;
}

export interface BuildSummary {
  outputDir: string;
  /** HTML pages in the new site. */
  pages: number;
  /** Articles published. */
  articles: number;
  draftsSkipped: number;
  scheduledSkipped: number;
  warnings: readonly Problem[];
  milliseconds: number;
}

/**
 * Builds the site into a staging folder beside `outputDir`, then swaps it in. A failed build
 * removes its staging folder and leaves the published site byte for byte as it was. Options
 * come from the environment (src/build/options.ts); set SAHIFA_NOW first so the up-front check and
 * Eleventy's own load schedule articles against the same moment (the CLI does).
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const sahifaOptions = buildOptionsFromEnv(process.env);
  // The stylesheet builds on a worker thread while the content is checked.
  warmAssets(sahifaOptions.stylesheet);
  // Check all content before Eleventy starts: a ContentError here is the whole report, and
  // nothing has been written yet.
  const content = await createContentLoader(sahifaOptions)();
  const outputDir = path.resolve(options.outputDir ?? "_site");
  const parent = path.dirname(outputDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(outputDir)}.building-`));
  const stampFile = path.join(STAMP_DIR, `${contentHashOf(outputDir)}.json`);
  const previousStamp = await readFile(stampFile, "utf8").catch(() => undefined);
  // Pages are compressed on other threads while Eleventy writes them (src/build/compress.ts).
  const precompression = startPrecompression(staging, {
    previous: previousStamp === PRECOMPRESSION_STAMP ? outputDir : undefined,
  });
  let pages: number;
  try {
    // Every published article gets a page at its path (src/pages/article.11ty.tsx): its folder
    // is made now, by the threads, while this thread imports Eleventy.
    await precompression.prepareFolders(
      content.articles.map((article) => path.join(staging, article.path)),
    );
    // Loaded only now: importing Eleventy takes about half a second, and a report of content
    // problems should not wait for it.
    const { Eleventy } = await import("@11ty/eleventy");
    // Set once the configuration is complete: whether the threads write the pages too.
    let threadsWrite = false;
    const eleventy = new Eleventy(ELEVENTY_INPUT, staging, {
      configPath: options.configPath ?? ELEVENTY_CONFIG,
      quietMode: true,
      // Only this API build compresses (the dev server and plain Eleventy runs never do), each
      // page as soon as it is rendered: Eleventy writes nothing until every page is rendered.
      config: (config) => {
        onPageRendered(config, async (outputPath, html) => {
          await precompression.page(outputPath, html, { write: threadsWrite });
          return threadsWrite;
        });
        // When every page is announced as it will be written, the compression threads write
        // the pages as well, and Eleventy (whose writes are synchronous, on this thread) none;
        // except with Eleventy's log on (--verbose), whose "Writing …" lines should stay true.
        config.on("eleventy.config", () => {
          threadsWrite = !options.eleventyLog && announcesEveryPage(config);
          eleventy.setDryRun(threadsWrite);
        });
        // Every page is on disk before any "eleventy.after" handler runs (one may read the
        // site: a search index, a link check). Eleventy runs those handlers all at once, but
        // awaits its older "afterBuild" event just before them.
        config.on("afterBuild", () => (threadsWrite ? precompression.drain() : undefined));
      },
    });
    // Eleventy prints "[11ty] Wrote …" even when quiet; its errors reach us as exceptions.
    if (!options.eleventyLog) eleventy.logger.overrideLogger(false);
    // Eleventy's data step takes this content rather than reading content/ a second time.
    offerLoadedContent(sahifaOptions, content);
    try {
      await eleventy.write();
    } finally {
      offerLoadedContent(sahifaOptions, undefined);
    }
    // The pages are counted in the listing the precompression makes anyway.
    const { textFiles } = await precompression.finish();
    pages = textFiles.filter((file) => file.endsWith(".html")).length;
    await swapIn(staging, outputDir);
    // Recorded after the swap: the published site's twins were made with these settings.
    await mkdir(STAMP_DIR, { recursive: true });
    await writeFile(stampFile, PRECOMPRESSION_STAMP);
  } catch (error) {
    // Threads stopped first, so none writes into the folder being removed.
    await precompression.close();
    await rm(staging, { recursive: true, force: true });
    throw findContentError(error) ?? error;
  }
  return {
    outputDir,
    pages,
    articles: content.articles.length,
    draftsSkipped: content.draftsSkipped,
    scheduledSkipped: content.scheduledSkipped,
    warnings: content.warnings,
    milliseconds: performance.now() - started,
  };
}

// Which settings made the compressed twins of each published folder (see precompress).
const STAMP_DIR = path.join(CACHE_ROOT, "precompressed");

function contentHashOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The ContentError behind an error Eleventy wrapped, if there is one. */
export function findContentError(error: unknown): ContentError | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    if (current instanceof ContentError) return current;
    seen.add(current);
    const wrapped = current as { cause?: unknown; originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return undefined;
}

async function swapIn(staging: string, outputDir: string): Promise<void> {
  // Two renames on one file system: the old site is replaced whole, never half-written.
  const retired = `${staging}.previous`;
  const existed = await exists(outputDir);
  if (existed) await rename(outputDir, retired);
  await rename(staging, outputDir);
  if (existed) await rm(retired, { recursive: true, force: true });
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}
