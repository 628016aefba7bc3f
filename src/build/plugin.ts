// The one Eleventy plugin: loads and checks content once per build, exposes it as global data, renders TSX, writes assets.

import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TemplateRenderContext, UserConfig } from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { calendarDay } from "../arabic/times.ts";
import { buildAssets, type Assets } from "../assets/build-assets.ts";
import { PREVIEW_TEXT, siteText } from "../assets/font-subset.ts";
import { distinctCharacters } from "../content/characters.ts";
import { buildSearchScript } from "../assets/search-script.ts";
import { buildSiteImages } from "../assets/site-images.ts";
import type { BuiltFile } from "../assets/styles.ts";
import type { PreviewMarks } from "../templates/page-data.ts";
import type { Content } from "../content/article.ts";
import type { Site } from "../content/site-settings.ts";
import { buildNavigation, type Navigation } from "../site/navigation.ts";
import { sitePath } from "../site/urls.ts";
import { TEMPLATE_FORMATS } from "./code-paths.ts";
import {
  createBuildContext,
  photosOf,
  stylesheetsOf,
  type BuildContext,
  type SiteImageFiles,
} from "./context.ts";
import { onlyTheFirst } from "./eleventy-adapter.ts";
import type { BuildOptions } from "./options.ts";
import { writePhotoFiles } from "./photos.ts";
import { indexForSearch } from "./search-index.ts";
import type { SitePhotos } from "../templates/picture.tsx";
import { loadForPreview, previewBuildWritten } from "./preview.tsx";
import {
  choosePages,
  reusableNavigation,
  takeSnapshot,
  versionArticles,
  type BuildSnapshot,
  type PagesToWrite,
} from "./rebuild.ts";

/**
 * What the plugin is given: the build's context (npm run build makes one and adds the plugin
 * before Eleventy reads the config file), or options to make one from (the config file's own
 * call, which Eleventy then skips in that case: see onlyTheFirst).
 */
export type SahifaPluginOptions = { context: BuildContext } | { options: BuildOptions };

interface BuildInputs {
  content: Content;
  assets: Assets;
  images: SiteImageFiles;
  navigation: Navigation;
  photos: SitePhotos;
  /** The pages this build writes: all of them, except in a dev-server rebuild. */
  pages: PagesToWrite;
  snapshot?: BuildSnapshot;
  /** Set when serving the preview: what its marks need. */
  preview?: PreviewMarks;
}

/**
 * Registers Sahifa with Eleventy. Content is read and checked once per build, in one place, so
 * every problem is reported together and templates only ever see typed, trusted values.
 */
export const sahifaPlugin = onlyTheFirst(function sahifaPlugin(
  eleventyConfig: UserConfig,
  given: SahifaPluginOptions,
): void {
  const context = "context" in given ? given.context : createBuildContext(given.options);
  const { session } = context;
  let inputs: Promise<BuildInputs> | undefined;
  const current = (): Promise<BuildInputs> => (inputs ??= prepare(context));

  eleventyConfig.on("eleventy.before", async ({ runMode, directories }) => {
    inputs = undefined;
    session.serving = runMode === "serve";
    session.watching = runMode !== "build";
    session.preview.started = performance.now();
    // The dev server puts the photo files in before the pages that name them are written, so a
    // page never names a file that is not there yet (a replaced photo has new names).
    if (session.watching) await writePhotoFiles(directories.output, (await current()).photos);
  });
  // The preview reports each rebuild with the files that started it (src/build/preview.tsx).
  eleventyConfig.on("eleventy.beforeWatch", (changed: readonly string[]) => {
    session.preview.changed = changed;
  });
  // Eleventy deep-copies plain objects of global data into each template's data, but passes a
  // frozen one (or a class instance) as it is (@11ty/eleventy-utils Merge): at 4,000 articles,
  // copying the navigation for every template cost more than building it. One site object per
  // build also lets the templates reuse the markup every page shares (src/templates/reuse.tsx).
  eleventyConfig.addGlobalData("site", async () => Object.freeze((await current()).content.site));
  eleventyConfig.addGlobalData("articles", async () => (await current()).content.articles);
  eleventyConfig.addGlobalData("assets", async () => Object.freeze((await current()).assets.urls));
  eleventyConfig.addGlobalData("images", async () =>
    Object.freeze((await current()).images.images),
  );
  eleventyConfig.addGlobalData("navigation", async () =>
    Object.freeze((await current()).navigation),
  );
  eleventyConfig.addGlobalData("photos", async () => (await current()).photos);
  eleventyConfig.addGlobalData("pagesToWrite", async () => Object.freeze((await current()).pages));
  eleventyConfig.addGlobalData("memo", () => context.templates);
  // Drafts and scheduled articles are marked in the preview only, never in a build.
  eleventyConfig.addGlobalData("preview", async () => (await current()).preview);
  eleventyConfig.on("eleventy.after", async ({ directories, results }) => {
    const built = await current();
    await writeFiles(directories.output, [...built.assets.files, ...built.images.files]);
    // A build started them before Eleventy (build-site.ts); the dev server writes them here.
    const early = context.photoFiles;
    if (
      early?.photos === built.photos &&
      path.resolve(early.folder) === path.resolve(directories.output)
    )
      await early.written;
    else if (!session.watching) await writePhotoFiles(directories.output, built.photos);
    // Last, once every page is written; before the swap, so a failed index publishes nothing.
    if (built.content.site.search) {
      const early = context.searchIndexing;
      if (!session.watching && early?.content === built.content)
        await early.indexing.write(directories.output);
      else await indexForSearch(directories.output, built, session, console);
    }
    if (session.watching) {
      await removePages(directories.output, built.pages.removed);
      session.last = built.snapshot;
    }
    if (session.serving) {
      const pages = results.filter((result) => String(result.outputPath).endsWith(".html")).length;
      previewBuildWritten(session.preview, pages, console);
    }
  });

  // Pages (TSX) and text outputs (feeds, sitemap, robots.txt, _headers), from the sources or
  // compiled (src/build/code-paths.ts).
  eleventyConfig.addExtension([...TEMPLATE_FORMATS], {
    key: "11ty.js",
    compile: () =>
      async function (this: TemplateRenderContext, data: unknown): Promise<string> {
        const output = await renderPage.call(this, data);
        // A one-shot build writes each page as soon as it is rendered (src/build/page-writer.ts).
        const at = (data as { page?: { outputPath?: unknown } }).page?.outputPath;
        if (typeof at === "string") context.pageWriter?.write(at, output);
        return output;
      },
  });
  eleventyConfig.addTemplateFormats(TEMPLATE_FORMATS.join(","));
  eleventyConfig.addWatchTarget(context.options.contentDir);
  eleventyConfig.addWatchTarget(context.options.stylesheet);
});

/** The content of this build: what the build checked before Eleventy started, or a fresh load. */
async function loadContent(context: BuildContext): Promise<Content> {
  const { preloaded } = context;
  if (preloaded) {
    context.preloaded = undefined;
    return preloaded;
  }
  // The preview shows a photo's problem as it shows the content's (photosOf throws a ContentError).
  if (context.session.serving)
    return loadForPreview(async () => {
      const content = await context.loader.load();
      const { problems } = await photosOf(context, content);
      // Its warnings (a photo too small) are shown with the content's.
      return problems.length === 0
        ? content
        : { ...content, warnings: [...content.warnings, ...problems] };
    }, context.session.preview);
  return context.loader.load();
}

async function prepare(context: BuildContext): Promise<BuildInputs> {
  const { session } = context;
  // The moment the preview's load decides scheduling against (it reads the clock at each load).
  const now = context.options.now?.getTime() ?? Date.now();
  const content = await loadContent(context);
  const preview = session.serving ? { preview: Object.freeze({ now }) } : {};
  const stylesheets = await stylesheetsOf(context);
  // Fonts are cut to the site's characters, so assets follow the text too; a dev rebuild
  // reuses them (and the drawn images) while nothing they depend on changed.
  // Only the set of characters matters to the subset: an edit that adds none keeps every asset.
  // The preview keeps Latin letters, both digit styles and common signs whatever the content
  // (PREVIEW_TEXT), so an edit that brings the first of them does not rename the fonts and
  // rewrite every page.
  const text = distinctCharacters([siteText(content), session.watching ? PREVIEW_TEXT : ""]);
  const assetsKey = JSON.stringify([stylesheets.css, text, content.site]);
  if (session.assets?.key !== assetsKey) {
    const [assets, images, script] = await Promise.all([
      buildAssets({
        stylesheets: stylesheets.built,
        site: content.site,
        text,
        woff2: context.woff2,
      }),
      buildSiteImages(content.site, { woff2: context.woff2 }),
      content.site.search ? buildSearchScript() : undefined,
    ]);
    session.assets = {
      key: assetsKey,
      assets: withSearchScript(assets, script, content.site),
      images,
    };
  }
  const { assets, images } = session.assets;
  const { photos } = await photosOf(context, content);
  if (!session.watching) {
    const navigation = buildNavigation(content.articles, content.site, undefined, content.authors);
    const pages = { articles: content.articles, listings: navigation.listings, removed: [] };
    return { content, assets, images, navigation, photos, pages, ...preview };
  }
  // A dev-server rebuild writes only the pages that show something new (src/build/rebuild.ts);
  // a photo replaced under the same name has new files, so its key is part of what pages share.
  const photoKeys = [...photos].map(([at, { lead, body }]) => [
    at,
    lead?.key,
    body.map((p) => p.key),
  ]);
  // Lists show the time of the newest day's stories: a new day changes which items show it.
  const newest =
    content.articles[0] && calendarDay(content.articles[0].date, content.site.timeZone);
  const shared = JSON.stringify([content.site, content.authors, assets.urls, photoKeys, newest]);
  const versions = versionArticles(content.articles, session.last);
  const navigation =
    reusableNavigation(content.articles, versions, shared, session.last) ??
    buildNavigation(content.articles, content.site, undefined, content.authors);
  const scheduled = new Set(
    session.serving
      ? content.articles
          .filter((article) => article.date.toMillis() > now)
          .map((article) => article.path)
      : [],
  );
  const snapshot = takeSnapshot(content.articles, versions, navigation, shared, scheduled);
  const pages = choosePages(content.articles, navigation, snapshot, session.last);
  return { content, assets, images, navigation, photos, pages, snapshot, ...preview };
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

/** The assets, with the search page's script when the site has search. */
function withSearchScript(assets: Assets, script: BuiltFile | undefined, site: Site): Assets {
  if (script === undefined) return assets;
  return {
    urls: { ...assets.urls, searchScript: sitePath(site, script.path) },
    files: [...assets.files, script],
  };
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
