// Publish: runs Eleventy into a fresh folder and swaps it in only when everything succeeded.

import { mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { warmAssets } from "./assets.ts";
import { createContentLoader } from "./content.ts";
import { buildOptionsFromEnv } from "./options.ts";
import { ContentError } from "./problems.ts";

export interface BuildOptions {
  /** The published folder (default _site). It is replaced whole, or not touched at all. */
  outputDir?: string;
  /** Eleventy's config file (default .eleventy.ts). */
  configPath?: string;
}

export interface BuildSummary {
  outputDir: string;
  milliseconds: number;
}

/**
 * Builds the site into a staging folder beside `outputDir`, then swaps it in. A failed build
 * removes its staging folder and leaves the published site byte for byte as it was.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const sahifaOptions = buildOptionsFromEnv(process.env);
  // The stylesheet builds on a worker thread while the content is checked.
  warmAssets(sahifaOptions.stylesheet);
  // Check all content before Eleventy starts: a ContentError here is the whole report, and
  // nothing has been written yet.
  await createContentLoader(sahifaOptions)();
  const outputDir = path.resolve(options.outputDir ?? "_site");
  const parent = path.dirname(outputDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(outputDir)}.building-`));
  try {
    const eleventy = new Eleventy("src/pages", staging, {
      configPath: options.configPath ?? ".eleventy.ts",
      quietMode: true,
    });
    await eleventy.write();
    await swapIn(staging, outputDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw findContentError(error) ?? error;
  }
  return { outputDir, milliseconds: performance.now() - started };
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
