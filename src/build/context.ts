// One value per build: its options and everything it loads and remembers, made here and passed explicitly.

import { readFile } from "node:fs/promises";
import type { Assets } from "../assets/build-assets.ts";
import type { buildSiteImages } from "../assets/site-images.ts";
import { buildStylesheets, type Stylesheets } from "../assets/styles.ts";
import { createPhotoCache } from "../assets/photo-cache.ts";
import type { Article, Content } from "../content/article.ts";
import { ContentError } from "../content/problems.ts";
import { createContentLoader, type ContentLoader } from "../content/load.ts";
import { TemplateMemo } from "../templates/reuse.tsx";
import type { BuildOptions } from "./options.ts";
import type { PageWriter } from "./page-writer.ts";
import { publishArticlePhotos, type PublishedPhotos } from "./photos.ts";
import type { SitePhotos } from "../templates/picture.tsx";
import { createPreviewState, type PreviewState } from "./preview.tsx";
import type { BuildSnapshot } from "./rebuild.ts";
import type { SearchIndexing } from "./search-index.ts";
import { createWoff2Lock, type Woff2Lock } from "../assets/woff2-lock.ts";

export type SiteImageFiles = Awaited<ReturnType<typeof buildSiteImages>>;

/**
 * What one build knows. `npm run build` makes one per build (src/build/build-site.ts); the dev
 * server makes one per session, and its rebuilds share it, which is how a rebuild renders only
 * the articles that changed. No module of Sahifa keeps state of its own: a memo or cache is a
 * field here, so two sites built one after the other in one process never see each other
 * (tests/build/two-sites.test.ts).
 */
export interface BuildContext {
  readonly options: BuildOptions;
  /** Reads content/ and remembers what it may reuse on the next load (a dev session's). */
  readonly loader: ContentLoader;
  /**
   * Content the build checked before starting Eleventy (a problem report must not wait for
   * Eleventy to load): the plugin's first load takes it instead of reading content/ again.
   */
  preloaded: Content | undefined;
  /** The stylesheets of the last CSS asked for: started early, while the content is checked. */
  stylesheets: { css: string; built: Promise<Stylesheets> } | undefined;
  /** The photos of the last articles asked for (the up-front check's, then the plugin's). */
  photos: { articles: readonly Article[]; published: Promise<PublishedPhotos> } | undefined;
  /**
   * Photo files a build started putting into its folder before Eleventy renders the pages (the
   * links are made while the pages are rendered); the plugin waits for them instead of writing
   * them again.
   */
  photoFiles: { folder: string; photos: SitePhotos; written: Promise<void> } | undefined;
  /**
   * The search index a build started right after the content check (Pagefind's own process
   * takes the records while Eleventy renders); the plugin writes it when that content is built.
   */
  searchIndexing: { content: Content; indexing: SearchIndexing } | undefined;
  /**
   * A one-shot build's pages, written on a thread as each is rendered (src/build/page-writer.ts);
   * without one, Eleventy writes them.
   */
  pageWriter: PageWriter | undefined;
  /** What the templates remember: reused markup, formatted dates. */
  readonly templates: TemplateMemo;
  /** One wawoff2 call at a time: the font subsets and the drawn images are made together. */
  readonly woff2: Woff2Lock;
  /** What a dev session carries from one rebuild to the next; unused by a one-shot build. */
  readonly session: DevSession;
}

/** What one dev session (Eleventy's --serve or --watch) remembers from build to build. */
export interface DevSession {
  /** Whether this Eleventy run rebuilds on changes (serve or watch). */
  watching: boolean;
  /** Whether it serves the preview (content errors are shown on every page). */
  serving: boolean;
  /** What the last build showed, for choosing the pages a rebuild writes. */
  last: BuildSnapshot | undefined;
  /** The last assets and the inputs they were made from (a rebuild reuses them while equal). */
  assets: { key: string; assets: Assets; images: SiteImageFiles } | undefined;
  /** The problems the preview shows. */
  readonly preview: PreviewState;
  /** The search index the preview last wrote (a hash of its records) and its writing. */
  search: { key: string; done: Promise<void> } | undefined;
}

/**
 * A fresh context for a build with these options.
 * @example const context = createBuildContext(buildOptionsFromEnv(process.env));
 */
export function createBuildContext(options: BuildOptions): BuildContext {
  return {
    options,
    loader: createContentLoader(options),
    preloaded: undefined,
    stylesheets: undefined,
    photos: undefined,
    photoFiles: undefined,
    searchIndexing: undefined,
    pageWriter: undefined,
    templates: new TemplateMemo(),
    woff2: createWoff2Lock(),
    session: {
      watching: false,
      serving: false,
      last: undefined,
      assets: undefined,
      preview: createPreviewState(),
      search: undefined,
    },
  };
}

/**
 * The stylesheets built from the build's stylesheet as it is now: started on the first call,
 * and the same promise while the CSS does not change.
 * @example const { css, built } = await stylesheetsOf(context);
 */
export async function stylesheetsOf(
  context: BuildContext,
): Promise<{ css: string; built: Promise<Stylesheets> }> {
  const path = context.options.stylesheet;
  const css = await readFile(path, "utf8");
  if (context.stylesheets?.css !== css) {
    const built = buildStylesheets(css, path);
    // A failure is reported where the stylesheets are awaited (the plugin's assets step).
    built.catch(() => undefined);
    context.stylesheets = { css, built };
  }
  return context.stylesheets;
}

/**
 * The content's photos, published through a photo cache made for this load (it remembers the
 * work in flight); the same promise while the articles are the same. A photo that cannot be
 * published is a ContentError carrying the content's warnings too, so it is one report.
 * @example const { photos, problems } = await photosOf(context, content);
 */
export async function photosOf(context: BuildContext, content: Content): Promise<PublishedPhotos> {
  if (context.photos?.articles !== content.articles) {
    const published = publishArticlePhotos(
      content.articles,
      context.options.contentDir,
      createPhotoCache(),
    );
    published.catch(() => undefined);
    context.photos = { articles: content.articles, published };
  }
  const published = await context.photos.published;
  if (published.problems.some((problem) => problem.severity !== "warning"))
    throw new ContentError(
      [...content.warnings, ...published.problems],
      content.site.editorLanguage,
    );
  return published;
}
