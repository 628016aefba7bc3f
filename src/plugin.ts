// The one Eleventy plugin: loads and checks content once per build, exposes it as global data, renders TSX, writes assets.

import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TemplateRenderContext, UserConfig } from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { createContentLoader, type Content } from "./content.ts";
import { buildAssets, type Assets } from "./assets.ts";
import { buildNavigation, type Navigation } from "./navigation.ts";

export interface SahifaOptions {
  /** The content folder: site.yaml and articles/. */
  contentDir: string;
  /** The authored stylesheet. */
  stylesheet: string;
  /** Replaces site.yaml's url (deploying the same content under another address). */
  urlOverride?: string | undefined;
  /** Publish drafts (the dev server does). */
  includeDrafts: boolean;
}

interface BuildInputs {
  content: Content;
  assets: Assets;
  navigation: Navigation;
}

/**
 * Registers Sahifa with Eleventy. Content is read and checked once per build, in one place, so
 * every problem is reported together and templates only ever see typed, trusted values.
 */
export function sahifaPlugin(eleventyConfig: UserConfig, options: SahifaOptions): void {
  const loadContent = createContentLoader(options);
  let inputs: Promise<BuildInputs> | undefined;
  const current = (): Promise<BuildInputs> => (inputs ??= prepare(loadContent, options));

  eleventyConfig.on("eleventy.before", () => {
    inputs = undefined;
  });
  eleventyConfig.addGlobalData("site", async () => (await current()).content.site);
  eleventyConfig.addGlobalData("articles", async () => (await current()).content.articles);
  eleventyConfig.addGlobalData("assets", async () => (await current()).assets.urls);
  eleventyConfig.addGlobalData("navigation", async () => (await current()).navigation);
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    await writeFiles(directories.output, (await current()).assets.files);
  });

  eleventyConfig.addExtension(["11ty.tsx"], { key: "11ty.js", compile: () => renderDocument });
  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.addWatchTarget(options.stylesheet);
}

async function prepare(
  loadContent: () => Promise<Content>,
  options: SahifaOptions,
): Promise<BuildInputs> {
  const content = await loadContent();
  const css = await readFile(options.stylesheet, "utf8");
  const assets = await buildAssets({ css, cssPath: options.stylesheet, site: content.site });
  const navigation = buildNavigation(content.articles, content.site);
  return { content, assets, navigation };
}

/** Renders a TSX page to a complete HTML document; preact escapes every value by default. */
async function renderDocument(this: TemplateRenderContext, data: unknown): Promise<string> {
  const tree = (await this.defaultRenderer(data)) as VNode;
  return `<!doctype html>\n${renderToStaticMarkup(tree)}\n`;
}

async function writeFiles(outputDir: string, files: Assets["files"]): Promise<void> {
  await Promise.all(
    files.map(async (file) => {
      const target = path.join(outputDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }),
  );
}
