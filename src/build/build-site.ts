// Publish: runs Eleventy into a fresh folder and swaps it in only when everything succeeded.

import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MessageLanguage, Problem } from "../content/problems.ts";
import { ContentError } from "../content/problems.ts";
import { ContentLoadError } from "../content/load.ts";
import { createPhotoCache } from "../assets/photo-cache.ts";
import { publishArticlePhotos, writePhotoFiles } from "./photos.ts";
import { ELEVENTY_CONFIG, ELEVENTY_INPUT } from "./code-paths.ts";
import { CACHE_ROOT } from "../assets/disk-cache.ts";
import { createBuildContext, photosOf, stylesheetsOf } from "./context.ts";
import { errorChain, firstAfterListener, silenceLogger } from "./eleventy-adapter.ts";
import { buildOptionsFromEnv, type BuildOptions } from "./options.ts";
import {
  checkOutputFolder,
  discardBuildFolder,
  outputLayoutFromEnv,
  publishBuildFolder,
  startBuildFolder,
} from "./output-folder.ts";
import { sahifaPlugin } from "./plugin.ts";
import { startPageWriter } from "./page-writer.ts";
import { searchInput, startSearchIndex } from "./search-index.ts";
import { PRECOMPRESSION_STAMP, precompressSite } from "./precompress.ts";
import { exampleAddressWarnings } from "../publish/site-address.ts";

export interface BuildSummary {
  outputDir: string;
  /** HTML pages in the new site. */
  pages: number;
  /** Articles published. */
  articles: number;
  draftsSkipped: number;
  scheduledSkipped: number;
  warnings: readonly Problem[];
  /** The language editors are spoken to in (site.yaml's editorLanguage, or its override). */
  editorLanguage: MessageLanguage;
  /** Whether .br and .gz twins were written beside the text files. */
  precompressed: boolean;
  milliseconds: number;
}

/**
 * Builds the site into a staging folder beside `outputDir`, then swaps it in
 * (src/build/output-folder.ts). An output that is neither missing, empty nor a Sahifa site is
 * refused (a ContentError, with the content's problems) before anything is written. A failed build
 * removes its staging folder and leaves the published site byte for byte as it was. Options not
 * given come from the environment (src/build/options.ts); set SAHIFA_NOW first so every load of
 * this build schedules articles against the same moment (the CLI does).
 * @example await buildSite({ outputDir: "_site" }) //=> { pages: 12, articles: 1, … }
 */
export async function buildSite(given: Partial<BuildOptions> = {}): Promise<BuildSummary> {
  const started = performance.now();
  const options: BuildOptions = { ...buildOptionsFromEnv(process.env), ...defined(given) };
  const outputDir = path.resolve(options.outputDir ?? "_site");
  // An output path it may not replace is reported with the content's problems, in one report.
  const refusal = await checkOutputFolder(outputDir, options);
  const context = createBuildContext(options);
  // The stylesheet builds on a worker thread while the content is checked.
  await stylesheetsOf(context);
  // Check all content before Eleventy starts: a ContentError here is the whole report, and
  // nothing has been written yet. Eleventy's data step then takes this content (the plugin).
  const content = await context.loader.load().catch(async (error: unknown) => {
    if (!(error instanceof ContentError)) throw error;
    // The photos of the articles that passed join the report: one report of everything.
    const photos =
      error instanceof ContentLoadError
        ? await publishArticlePhotos(error.articles, options.contentDir, createPhotoCache())
        : { problems: [] };
    if (refusal === undefined && photos.problems.length === 0) throw error;
    const problems = [...error.problems, ...photos.problems];
    // With a refused output the report stays as it was (in English: no language was passed).
    if (refusal !== undefined) throw new ContentError([...problems, refusal]);
    throw new ContentError(problems, error.language);
  });
  if (refusal !== undefined) throw new ContentError([refusal]);
  // Photos are checked and made before Eleventy starts too: a bad photo is in the same report.
  const photos = await photosOf(context, content);
  context.preloaded = content;
  // Pagefind takes the records in its own process while Eleventy renders the pages.
  if (content.site.search) {
    const { records, language } = searchInput(content, undefined);
    context.searchIndexing = { content, indexing: startSearchIndex(records, language) };
  }
  const staging = await startBuildFolder(outputDir);
  // The photo files go into the new folder while Eleventy renders the pages: 22 links a lead
  // photo, about half a second at 1,000 photos, done by libuv's threads beside the main thread.
  const written = writePhotoFiles(staging, photos.photos);
  written.catch(() => undefined);
  context.photoFiles = { folder: staging, photos: photos.photos, written };
  // The build flag, else site.yaml: hosts that compress on their own gain nothing from twins.
  const twins = options.precompress ?? content.site.precompress;
  const stampFile = path.join(STAMP_DIR, `${contentHashOf(outputDir)}.json`);
  let pages: number;
  try {
    // Loaded only now: importing Eleventy takes about half a second, and a report of content
    // problems should not wait for it.
    const { Eleventy } = await import("@11ty/eleventy");
    // Eleventy renders and reports every output without writing it (its documented toJSON); the
    // plugin's renderer hands each page to the writer as it is rendered, and the writer settles
    // the folder against Eleventy's results in the first eleventy.after listener.
    const writer = startPageWriter(staging);
    context.pageWriter = writer;
    try {
      const eleventy = new Eleventy(ELEVENTY_INPUT, staging, {
        configPath: options.configPath ?? ELEVENTY_CONFIG,
        quietMode: true,
        // Run before the config file: the plugin with this build's context is the one Eleventy
        // keeps, and the config file's own addPlugin is skipped (src/build/eleventy-adapter.ts).
        // The listener registered here is therefore eleventy.after's first, and it finishes
        // synchronously: every other listener (a plugin's, the config file's) finds every page
        // on disk, as after Eleventy's own write.
        config: (config) => {
          firstAfterListener(config, ({ results }) => void writer.finish(results));
          config.addPlugin(sahifaPlugin, { context });
        },
      });
      if (!options.eleventyLog) silenceLogger(eleventy);
      await eleventy.toJSON();
    } finally {
      context.pageWriter = undefined;
      await writer.close();
    }
    if (writer.pages === undefined) throw new Error("Eleventy ended without eleventy.after");
    pages = writer.pages;
    // Twins are made once the whole site is written (the assets come last, in eleventy.after).
    if (twins) {
      // The published site lends the twins of unchanged files when it was made with these settings.
      const stamp = await readFile(stampFile, "utf8").catch(() => undefined);
      await precompressSite(staging, {
        previous: stamp === PRECOMPRESSION_STAMP ? outputDir : undefined,
      });
    }
    // Forgotten before the swap: a site published without twins (or a failed swap) lends none.
    await rm(stampFile, { force: true });
    await publishBuildFolder(
      staging,
      outputDir,
      options.outputLayout ?? outputLayoutFromEnv(process.env),
    );
    if (twins) {
      await mkdir(STAMP_DIR, { recursive: true });
      await writeFile(stampFile, PRECOMPRESSION_STAMP);
    }
  } catch (error) {
    // Links still being made would land in a folder being removed.
    await written.catch(() => undefined);
    await context.searchIndexing?.indexing.discard();
    await discardBuildFolder(staging);
    throw findContentError(error) ?? error;
  }
  return {
    outputDir,
    pages,
    articles: content.articles.length,
    draftsSkipped: content.draftsSkipped,
    scheduledSkipped: content.scheduledSkipped,
    warnings: [
      ...content.warnings,
      ...photos.problems,
      ...exampleAddressWarnings(content.site, options),
    ],
    editorLanguage: content.site.editorLanguage,
    precompressed: twins,
    milliseconds: performance.now() - started,
  };
}

// Which settings made the compressed twins of each published folder (see precompressSite).
const STAMP_DIR = path.join(CACHE_ROOT, "precompressed");

function contentHashOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The ContentError behind an error Eleventy wrapped, if there is one. */
export function findContentError(error: unknown): ContentError | undefined {
  return errorChain(error).find((inner): inner is ContentError => inner instanceof ContentError);
}

/** The options actually given (an `undefined` value does not replace the environment's). */
function defined(given: Partial<BuildOptions>): Partial<BuildOptions> {
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
}
