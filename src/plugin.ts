// The one Eleventy plugin: loads and checks content once per build, exposes it as global data, renders TSX, writes assets.

import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TemplateRenderContext, UserConfig } from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { createContentLoader, type Content } from "./content.ts";
import { buildAssets, type Assets } from "./assets.ts";
import { buildNavigation, type Navigation } from "./navigation.ts";
import {
  choosePages,
  reusableNavigation,
  takeSnapshot,
  versionArticles,
  type BuildSnapshot,
  type PagesToWrite,
} from "./rebuild.ts";

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
  /** The pages this build writes: all of them, except in a dev-server rebuild. */
  pages: PagesToWrite;
  snapshot?: BuildSnapshot;
}

/** What one dev session (Eleventy's --serve or --watch) remembers from build to build. */
interface Session {
  watching: boolean;
  last?: BuildSnapshot | undefined;
  assets?: { key: string; assets: Assets } | undefined;
}

/**
 * Registers Sahifa with Eleventy. Content is read and checked once per build, in one place, so
 * every problem is reported together and templates only ever see typed, trusted values.
 */
export function sahifaPlugin(eleventyConfig: UserConfig, options: SahifaOptions): void {
  const loadContent = createContentLoader(options);
  const session: Session = { watching: false };
  let inputs: Promise<BuildInputs> | undefined;
  const current = (): Promise<BuildInputs> => (inputs ??= prepare(loadContent, options, session));

  eleventyConfig.on("eleventy.before", ({ runMode }) => {
    inputs = undefined;
    session.watching = runMode !== "build";
  });
  eleventyConfig.addGlobalData("site", async () => (await current()).content.site);
  eleventyConfig.addGlobalData("articles", async () => (await current()).content.articles);
  eleventyConfig.addGlobalData("assets", async () => (await current()).assets.urls);
  // Eleventy deep-copies plain objects of global data into each template's data, but passes a
  // frozen one as it is (@11ty/eleventy-utils Merge): at 4,000 articles, copying the navigation
  // for every template cost more than building it.
  eleventyConfig.addGlobalData("navigation", async () =>
    Object.freeze((await current()).navigation),
  );
  eleventyConfig.addGlobalData("pagesToWrite", async () => Object.freeze((await current()).pages));
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const built = await current();
    await writeFiles(directories.output, built.assets.files);
    if (session.watching) {
      await removePages(directories.output, built.pages.removed);
      session.last = built.snapshot;
    }
  });

  eleventyConfig.addExtension(["11ty.tsx"], { key: "11ty.js", compile: () => renderDocument });
  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.addWatchTarget(options.stylesheet);
}

async function prepare(
  loadContent: () => Promise<Content>,
  options: SahifaOptions,
  session: Session,
): Promise<BuildInputs> {
  const content = await loadContent();
  const css = await readFile(options.stylesheet, "utf8");
  // The stylesheet pipeline takes about half a second: a dev rebuild reuses it unless it changed.
  const assetsKey = JSON.stringify([css, content.site.dir, content.site.pathPrefix]);
  if (session.assets?.key !== assetsKey) {
    const assets = await buildAssets({ css, cssPath: options.stylesheet, site: content.site });
    session.assets = { key: assetsKey, assets };
  }
  const { assets } = session.assets;
  if (!session.watching) {
    const navigation = buildNavigation(content.articles, content.site);
    const pages = { articles: content.articles, listings: navigation.listings, removed: [] };
    return { content, assets, navigation, pages };
  }
  // A dev-server rebuild writes only the pages that show something new (src/rebuild.ts).
  const shared = JSON.stringify([content.site, assets.urls]);
  const versions = versionArticles(content.articles, session.last);
  const navigation =
    reusableNavigation(content.articles, versions, shared, session.last) ??
    buildNavigation(content.articles, content.site);
  const snapshot = takeSnapshot(content.articles, versions, navigation, shared);
  const pages = choosePages(content.articles, navigation, snapshot, session.last);
  return { content, assets, navigation, pages, snapshot };
}

/** Renders a TSX page to a complete HTML document; preact escapes every value by default. */
async function renderDocument(this: TemplateRenderContext, data: unknown): Promise<string> {
  const tree = (await this.defaultRenderer(data)) as VNode;
  return `<!doctype html>\n${renderToStaticMarkup(tree)}\n`;
}

/** Deletes the pages of paths that no longer exist, so the dev server stops serving them. */
async function removePages(outputDir: string, paths: readonly string[]): Promise<void> {
  await Promise.all(
    paths.map((page) => rm(path.join(outputDir, page, "index.html"), { force: true })),
  );
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
