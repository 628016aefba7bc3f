// Built assets: the stylesheets and the self-hosted Arabic face, content-hashed, with the URLs pages link to.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { subsetWoff2 } from "./font-subset.ts";
import type { Woff2Lock } from "./woff2-lock.ts";
import type { Site } from "../content/site-settings.ts";
import { contentHash, type BuiltFile, type Stylesheets } from "./styles.ts";
import { sitePath } from "../site/urls.ts";

/** URLs of built assets, already prefixed, for <link> elements. */
export interface AssetUrls {
  stylesheet: string;
  /** Fonts worth preloading on every page (the Arabic faces the first screen uses). */
  preloadFonts: readonly string[];
  /** The search page's script (src/assets/search-script.ts), on a site with search. */
  searchScript?: string;
}

export interface Assets {
  urls: AssetUrls;
  files: BuiltFile[];
}

/** A font face file the stylesheet names by `url(fonts/<name>)`, and the package file it comes from. */
export interface FontFile {
  name: string;
  source: string;
  /** Preloaded on every page: a face the first screen needs (the subset faces are ~10 KB each). */
  preload: boolean;
}

/**
 * Noto Naskh Arabic (SIL Open Font License), a Naskh face drawn for long-form reading: its Arabic
 * faces, and its own Latin (letters, digits, punctuation) for the Latin inside Arabic text, so
 * years, figures and names in the body are drawn in the body's face, not in a system serif. All
 * four are preloaded: a face that arrives late redraws its glyphs in another width and can move
 * the lines (CLS); the Latin faces cut to a site's characters are a few KB each.
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
    // Every page sets the site name and its headline in bold: preloaded, the face arrives with
    // the stylesheet, so no headline is first drawn in a fallback face and then reflowed.
    preload: true,
  },
  {
    name: "noto-naskh-arabic-latin-400.woff2",
    source: "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-400-normal.woff2",
    preload: true,
  },
  {
    name: "noto-naskh-arabic-latin-700.woff2",
    source: "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-700-normal.woff2",
    preload: true,
  },
];

/**
 * Builds every asset for a site: fonts cut down to the site's characters and renamed with their
 * content hash, and both stylesheets pointed at those names, then hashed. The stylesheet
 * pipeline depends on the CSS alone, so a build starts it early (`buildStylesheets`, cached on
 * disk) and hands it in; only the cheap linking step depends on the site's text.
 */
export async function buildAssets(input: {
  stylesheets: Promise<Stylesheets>;
  site: Site;
  /** Every character the site shows (`siteText`): the fonts keep these glyphs and no others. */
  text: string;
  /** The build's lock around wawoff2 (src/assets/woff2-lock.ts). */
  woff2: Woff2Lock;
}): Promise<Assets> {
  const [built, fonts] = await Promise.all([
    input.stylesheets,
    subsetFonts(input.text, input.woff2),
  ]);
  const stylesheets = {
    rtl: linkFonts("assets/sahifa.rtl", built.rtl, fonts),
    ltr: linkFonts("assets/sahifa.ltr", built.ltr, fonts),
  };
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

interface BuiltFont {
  font: FontFile;
  file: BuiltFile;
}

function subsetFonts(text: string, woff2: Woff2Lock): Promise<BuiltFont[]> {
  return Promise.all(
    FONT_FILES.map(async (font) => {
      const bytes = await subsetWoff2(
        new Uint8Array(await readFile(require.resolve(font.source))),
        text,
        { woff2 },
      );
      const stem = font.name.replace(/\.woff2$/, "");
      return {
        font,
        file: { path: `assets/fonts/${stem}.${contentHash(bytes)}.woff2`, contents: bytes },
      };
    }),
  );
}

/** The built stylesheet with `url(fonts/<name>)` pointed at the hashed subsets, renamed by its own hash. */
function linkFonts(stem: string, stylesheet: BuiltFile, fonts: readonly BuiltFont[]): BuiltFile {
  let css = String(stylesheet.contents);
  for (const { font, file } of fonts) {
    css = css.replaceAll(`fonts/${font.name}`, file.path.replace(/^assets\//, ""));
  }
  return { path: `${stem}.${contentHash(css)}.css`, contents: css };
}

const require = createRequire(import.meta.url);
