// The one Eleventy plugin: loads and checks content once per build, exposes it as global data, renders TSX, writes assets.

import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TemplateRenderContext, UserConfig } from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { createContentLoader, type Content } from "../content/load.ts";
import { buildAssets, type Assets } from "../assets/build-assets.ts";
import { TEMPLATE_FORMATS } from "./code-paths.ts";
import { siteText } from "../assets/font-subset.ts";
import { buildNavigation, type Navigation } from "../site/navigation.ts";
import {
  loadForPreview,
  previewBuildWritten,
  previewErrorMiddleware,
  type PreviewState,
} from "./preview.tsx";
import {
  choosePages,
  reusableNavigation,
  takeSnapshot,
  versionArticles,
  type BuildSnapshot,
  type PagesToWrite,
} from "./rebuild.ts";
import { buildSiteImages } from "../assets/site-images.ts";
import type { BuiltFile } from "../assets/styles.ts";

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

type SiteImageFiles = Awaited<ReturnType<typeof buildSiteImages>>;

interface BuildInputs {
  content: Content;
  assets: Assets;
  images: SiteImageFiles;
  navigation: Navigation;
  /** The pages this build writes: all of them, except in a dev-server rebuild. */
  pages: PagesToWrite;
  snapshot?: BuildSnapshot;
}

/** What one dev session (Eleventy's --serve or --watch) remembers from build to build. */
interface Session {
  watching: boolean;
  last?: BuildSnapshot | undefined;
  assets?: { key: string; assets: Assets; images: SiteImageFiles } | undefined;
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
  const session: Session = { watching: false };
  let inputs: Promise<BuildInputs> | undefined;
  const current = (): Promise<BuildInputs> => (inputs ??= prepare(load, options, session));

  eleventyConfig.on("eleventy.before", ({ runMode }) => {
    inputs = undefined;
    serving = runMode === "serve";
    session.watching = runMode !== "build";
  });
  eleventyConfig.setServerOptions({ middleware: [previewErrorMiddleware(preview)] });
  // Eleventy deep-copies plain objects of global data into each template's data, but passes a
  // frozen one as it is (@11ty/eleventy-utils Merge): at 4,000 articles, copying the navigation
  // for every template cost more than building it. One site object per build also lets the
  // templates reuse the markup every page shares (src/templates/reuse.tsx).
  eleventyConfig.addGlobalData("site", async () => Object.freeze((await current()).content.site));
  eleventyConfig.addGlobalData("articles", async () => (await current()).content.articles);
  eleventyConfig.addGlobalData("assets", async () => Object.freeze((await current()).assets.urls));
  eleventyConfig.addGlobalData("images", async () =>
    Object.freeze((await current()).images.images),
  );
  eleventyConfig.addGlobalData("navigation", async () =>
    Object.freeze((await current()).navigation),
  );
  eleventyConfig.addGlobalData("pagesToWrite", async () => Object.freeze((await current()).pages));
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const built = await current();
    await writeFiles(directories.output, [...built.assets.files, ...built.images.files]);
    if (session.watching) {
      await removePages(directories.output, built.pages.removed);
      session.last = built.snapshot;
    }
    previewBuildWritten(preview);
  });

  // Each page goes to the onPageRendered listeners as soon as it is rendered (see there).
  (eleventyConfig as AnnouncingConfig)[ANNOUNCING] = true;
  const announced = (render: Renderer): Renderer =>
    async function (this: TemplateRenderContext, data: unknown) {
      const output = await render.call(this, data);
      // A page a listener writes itself is not kept by Eleventy (which would hold every page's
      // text until the end of the build, for a write it will not do).
      return (await announcePage(eleventyConfig, data, output)) ? "" : output;
    };
  // Pages (TSX) and text outputs (feeds, sitemap, robots.txt, _headers), from the sources or
  // compiled (src/build/code-paths.ts).
  eleventyConfig.addExtension([...TEMPLATE_FORMATS], {
    key: "11ty.js",
    compile: () => announced(renderPage),
  });
  eleventyConfig.addTemplateFormats(TEMPLATE_FORMATS.join(","));
  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.addWatchTarget(options.stylesheet);
}

type Renderer = (this: TemplateRenderContext, data: unknown) => Promise<string>;

/**
 * Receives a page the moment it is rendered: where it will be written, and its text. Resolves
 * to true when it writes the page itself (Eleventy then writes nothing: a dry run).
 */
export type PageListener = (outputPath: string, content: string) => Promise<boolean>;

// Kept on the configuration object under global symbols, not in this module: a test runner may
// load this module twice (once for the test, once for Eleventy's config file), and both copies
// must reach the same listeners.
const LISTENERS = Symbol.for("sahifa.pageListeners");
const ANNOUNCING = Symbol.for("sahifa.announcing");

interface AnnouncingConfig {
  [LISTENERS]?: PageListener[];
  /** Set by the plugin: its renderers announce every page they render. */
  [ANNOUNCING]?: true;
}

/**
 * Calls `listener` with every page as soon as it is rendered, while Eleventy goes on to render
 * the rest; Eleventy writes its pages only once all are rendered. The build starts compressing
 * each page here (src/build/build-site.ts). What a later transform changes, or a page that is never
 * written, is the listener's to check after the write.
 * @example onPageRendered(eleventyConfig, async (outputPath, html) => (queue.push({ outputPath, html }), false))
 */
export function onPageRendered(eleventyConfig: UserConfig, listener: PageListener): void {
  ((eleventyConfig as AnnouncingConfig)[LISTENERS] ??= []).push(listener);
}

/**
 * Whether every page Eleventy builds with this configuration is what onPageRendered announces,
 * byte for byte: only Sahifa's template formats, and no transform that changes a page after it
 * is rendered. Eleventy always adds three transforms of its own, which change nothing until a
 * plugin gives them work (a bundle, or an HTML transformation such as HtmlBasePlugin's). Then
 * the pages can be written from the announcements (src/build/build-site.ts does) and Eleventy asked to
 * write nothing. Ask once the configuration is complete ("eleventy.config").
 * @example announcesEveryPage(eleventyConfig) //=> true
 */
export function announcesEveryPage(eleventyConfig: UserConfig): boolean {
  // Unset, Eleventy's own defaults apply (Markdown, Liquid, …).
  if (eleventyConfig.templateFormats === undefined) return false;
  if ((eleventyConfig as AnnouncingConfig)[ANNOUNCING] !== true) return false;
  const formats = [eleventyConfig.templateFormats, ...eleventyConfig.templateFormatsAdded]
    .flat()
    .flatMap((format) => format.split(","))
    .map((format) => format.trim());
  // The HTML transformer works only with a URL callback or an enabled posthtml plugin (its
  // bundle plugin's is enabled only once there is a bundle).
  const html = eleventyConfig.htmlTransformer;
  const htmlIdle =
    html !== undefined &&
    Object.values(html.callbacks).every((callbacks) => callbacks.length === 0) &&
    Object.keys(html.plugins).every((extension) => html.getPlugins(extension).length === 0);
  return (
    formats.every((format) => TEMPLATE_FORMATS.includes(format)) &&
    Object.keys(eleventyConfig.transforms).every((name) => ELEVENTY_TRANSFORMS.has(name)) &&
    Object.keys(eleventyConfig.getBundleManagers?.() ?? {}).length === 0 &&
    htmlIdle
  );
}

/** The transforms Eleventy 3 adds to every configuration (its bundle plugin and HTML transformer). */
const ELEVENTY_TRANSFORMS = new Set([
  "@11ty/eleventy-bundle",
  "@11ty/eleventy-bundle/delayed",
  "@11ty/eleventy/html-transformer",
]);

/** Gives a rendered page to the listeners; true when one of them writes it. */
async function announcePage(
  eleventyConfig: UserConfig,
  data: unknown,
  output: string,
): Promise<boolean> {
  const listeners = (eleventyConfig as AnnouncingConfig)[LISTENERS];
  const outputPath = (data as { page?: { outputPath?: unknown } }).page?.outputPath;
  if (!listeners || typeof outputPath !== "string") return false;
  let written = false;
  for (const listener of listeners) written = (await listener(outputPath, output)) || written;
  return written;
}

async function prepare(
  loadContent: () => Promise<Content>,
  options: SahifaOptions,
  session: Session,
): Promise<BuildInputs> {
  const content = await loadContent();
  const css = await readFile(options.stylesheet, "utf8");
  // Fonts are cut to the site's characters, so assets follow the text too; a dev rebuild
  // reuses them (and the drawn images) while nothing they depend on changed.
  // Only the set of characters matters to the subset: an edit that adds none keeps every asset.
  const text = siteText(content);
  const assetsKey = JSON.stringify([css, text, content.site]);
  if (session.assets?.key !== assetsKey) {
    const [assets, images] = await Promise.all([
      buildAssets({ css, cssPath: options.stylesheet, site: content.site, text }),
      buildSiteImages(content.site),
    ]);
    session.assets = { key: assetsKey, assets, images };
  }
  const { assets, images } = session.assets;
  if (!session.watching) {
    const navigation = buildNavigation(content.articles, content.site);
    const pages = { articles: content.articles, listings: navigation.listings, removed: [] };
    return { content, assets, images, navigation, pages };
  }
  // A dev-server rebuild writes only the pages that show something new (src/build/rebuild.ts).
  const shared = JSON.stringify([content.site, assets.urls]);
  const versions = versionArticles(content.articles, session.last);
  const navigation =
    reusableNavigation(content.articles, versions, shared, session.last) ??
    buildNavigation(content.articles, content.site);
  const snapshot = takeSnapshot(content.articles, versions, navigation, shared);
  const pages = choosePages(content.articles, navigation, snapshot, session.last);
  return { content, assets, images, navigation, pages, snapshot };
}

/**
 * Renders a TSX page to a complete HTML document (preact escapes every value by default); a
 * text output's entry returns the file's text, passed through untouched.
 */
async function renderPage(this: TemplateRenderContext, data: unknown): Promise<string> {
  const output = (await this.defaultRenderer(data)) as VNode | string;
  if (typeof output === "string") return output;
  return `<!doctype html>\n${renderToStaticMarkup(output)}\n`;
}

/** Deletes the pages of paths that no longer exist, so the dev server stops serving them. */
async function removePages(outputDir: string, paths: readonly string[]): Promise<void> {
  await Promise.all(
    paths.map((page) => rm(path.join(outputDir, page, "index.html"), { force: true })),
  );
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
