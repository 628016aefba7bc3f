// Built assets: the stylesheets and the self-hosted Arabic face, content-hashed, with the URLs pages link to.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Site } from "./site.ts";
import { buildStylesheets, contentHash, type BuiltFile } from "./styles.ts";
import type { AssetUrls } from "./templates/page-data.ts";
import { sitePath } from "./urls.ts";

export interface Assets {
  urls: AssetUrls;
  files: BuiltFile[];
}

/** A font face file the stylesheet names by `url(fonts/<name>)`, and the package file it comes from. */
export interface FontFile {
  name: string;
  source: string;
  /** Preloaded on every page: the face the body text needs first. */
  preload: boolean;
}

/**
 * Noto Naskh Arabic (SIL Open Font License), a Naskh face drawn for long-form reading; only its
 * Arabic subset is served, Latin falls back to the reader's system fonts.
 */
export const FONT_FILES: readonly FontFile[] = [
  {
    name: "noto-naskh-arabic-400.woff2",
    source: "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2",
    preload: true,
  },
  {
    name: "noto-naskh-arabic-700.woff2",
    source: "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2",
    preload: false,
  },
];

/**
 * Builds every asset for a site: fonts renamed with their content hash, the stylesheet pointed
 * at those names, then both stylesheets hashed.
 */
export async function buildAssets(input: {
  css: string;
  cssPath: string;
  site: Site;
}): Promise<Assets> {
  const { fonts, stylesheets } = await buildSiteIndependentFiles(input.css, input.cssPath);
  const stylesheet = input.site.dir === "rtl" ? stylesheets.rtl : stylesheets.ltr;
  return {
    urls: {
      stylesheet: sitePath(input.site, stylesheet.path),
      preloadFonts: fonts
        .filter(({ font }) => font.preload)
        .map(({ file }) => sitePath(input.site, file.path)),
    },
    files: [stylesheets.rtl, stylesheets.ltr, ...fonts.map(({ file }) => file)],
  };
}

/**
 * Starts building the stylesheets for `cssPath` (on a worker thread) without waiting: a build
 * checks its content meanwhile, and its buildAssets then finds them built.
 * @example warmAssets("styles/main.css") // later: await buildAssets({ css, cssPath, site })
 */
export function warmAssets(cssPath: string): void {
  readFile(cssPath, "utf8")
    .then((css) => buildSiteIndependentFiles(css, cssPath))
    // A failure here is reported by the build's own buildAssets.
    .catch(() => undefined);
}

async function buildSiteIndependentFiles(css: string, cssPath: string) {
  const fonts = await Promise.all(
    FONT_FILES.map(async (font) => {
      const bytes = new Uint8Array(await readFile(require.resolve(font.source)));
      const stem = font.name.replace(/\.woff2$/, "");
      return {
        font,
        file: { path: `assets/fonts/${stem}.${contentHash(bytes)}.woff2`, contents: bytes },
      };
    }),
  );
  let linked = css;
  for (const { font, file } of fonts) {
    linked = linked.replaceAll(`fonts/${font.name}`, file.path.replace(/^assets\//, ""));
  }
  return { fonts, stylesheets: await buildStylesheets(linked, cssPath) };
}

const require = createRequire(import.meta.url);
