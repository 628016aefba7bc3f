// The one Eleventy plugin: loads and checks content once per build, exposes it as global data, renders TSX, writes assets.

import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TemplateRenderContext, UserConfig } from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { createContentLoader, type Content } from "./content.ts";
import { buildAssets, type Assets } from "./assets.ts";
import { buildSiteImages } from "./share-image.ts";
import type { BuiltFile } from "./styles.ts";
import {
  loadForPreview,
  previewBuildWritten,
  previewErrorMiddleware,
  type PreviewState,
} from "./preview.tsx";
import { siteText } from "./font-subset.ts";

export interface SahifaOptions {
  /** The content folder: site.yaml and articles/. */
  contentDir: string;
  /** The authored stylesheet. */
  stylesheet: string;
  /** Replaces site.yaml's url (deploying the same content under another address). */
  urlOverride?: string | undefined;
  /** Publish drafts (the dev server does). */
  includeDrafts: boolean;
  /** Publish articles dated after `now` (the dev server does). */
  includeFuture: boolean;
  /** The moment scheduling is decided against; the clock at each load when absent. */
  now?: Date | undefined;
}

interface BuildInputs {
  content: Content;
  assets: Assets;
  images: Awaited<ReturnType<typeof buildSiteImages>>;
}

/**
 * Registers Sahifa with Eleventy. Content is read and checked once per build, in one place, so
 * every problem is reported together and templates only ever see typed, trusted values.
 */
export function sahifaPlugin(eleventyConfig: UserConfig, options: SahifaOptions): void {
  const loadContent = createContentLoader(options);
  // In the dev server a content error is shown on every page instead of failing the build.
  const preview: PreviewState = { shown: undefined, latest: undefined };
  let serving = false;
  const load = () => (serving ? loadForPreview(loadContent, preview, console) : loadContent());
  let inputs: Promise<BuildInputs> | undefined;
  const current = (): Promise<BuildInputs> => (inputs ??= prepare(load, options));

  eleventyConfig.on("eleventy.before", ({ runMode }) => {
    inputs = undefined;
    serving = runMode === "serve";
  });
  eleventyConfig.setServerOptions({ middleware: [previewErrorMiddleware(preview)] });
  eleventyConfig.addGlobalData("site", async () => (await current()).content.site);
  eleventyConfig.addGlobalData("articles", async () => (await current()).content.articles);
  eleventyConfig.addGlobalData("assets", async () => (await current()).assets.urls);
  eleventyConfig.addGlobalData("images", async () => (await current()).images.images);
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const { assets, images } = await current();
    await writeFiles(directories.output, [...assets.files, ...images.files]);
    previewBuildWritten(preview);
  });

  eleventyConfig.addExtension(["11ty.tsx"], { key: "11ty.js", compile: () => renderDocument });
  // Text outputs (feeds, sitemap, robots.txt, _headers): the entry returns the file's text.
  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js", compile: () => renderText });
  eleventyConfig.addTemplateFormats("11ty.ts");
  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.addWatchTarget(options.stylesheet);
}

async function prepare(
  loadContent: () => Promise<Content>,
  options: SahifaOptions,
): Promise<BuildInputs> {
  const content = await loadContent();
  const css = await readFile(options.stylesheet, "utf8");
  const [assets, images] = await Promise.all([
    buildAssets({ css, cssPath: options.stylesheet, site: content.site, text: siteText(content) }),
    buildSiteImages(content.site),
  ]);
  return { content, assets, images };
}

/** Renders a TSX page to a complete HTML document; preact escapes every value by default. */
async function renderDocument(this: TemplateRenderContext, data: unknown): Promise<string> {
  const tree = (await this.defaultRenderer(data)) as VNode;
  return `<!doctype html>\n${renderToStaticMarkup(tree)}\n`;
}

/** Passes a text entry's output through untouched. */
async function renderText(this: TemplateRenderContext, data: unknown): Promise<string> {
  return String(await this.defaultRenderer(data));
}

async function writeFiles(outputDir: string, files: readonly BuiltFile[]): Promise<void> {
  await Promise.all(
    files.map(async (file) => {
      const target = path.join(outputDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }),
  );
}
