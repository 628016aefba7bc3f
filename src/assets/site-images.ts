// Site images: the default share card, publisher logo and icon (SVG drawn with resvg), and the image each page shares.

import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { CACHE_ROOT, packageVersion, readCacheFile, writeCacheFile } from "./disk-cache.ts";
import type { Site } from "../content/site-settings.ts";
import { contentHash, type BuiltFile } from "./styles.ts";
import { absoluteUrl, sitePath } from "../site/urls.ts";
import {
  SITE_IMAGE_KINDS,
  type SiteImage,
  type SiteImageKind,
  type SiteImages,
} from "../publish/share-image.ts";
import { xmlDocument, type XmlElement } from "../publish/xml.ts";
import type { Woff2Lock } from "./woff2-lock.ts";

/** The stylesheet's light palette, so the images look like the site. */
export const IMAGE_COLOURS = { paper: "#fdfcf9", ink: "#1b1b1b", accent: "#8a1c1c" } as const;

/**
 * How each image is drawn: canvas, the box the text's ink is scaled to fill (never past
 * `maxFontSize`), the text (the whole name, or its first letter) and the colours.
 */
export const IMAGE_LAYOUTS = {
  /** 1200×630, the size Open Graph and X recommend: shared when an article has no image. */
  card: {
    width: 1200,
    height: 630,
    box: { width: 1000, height: 300 },
    maxFontSize: 180,
    text: "name",
    ink: IMAGE_COLOURS.ink,
    background: IMAGE_COLOURS.paper,
    bands: IMAGE_COLOURS.accent,
  },
  /** 600×60, the publisher logo of the structured data (Google: fit 600×60). */
  logo: {
    width: 600,
    height: 60,
    box: { width: 580, height: 50 },
    maxFontSize: 60,
    text: "name",
    ink: IMAGE_COLOURS.accent,
    background: undefined,
    bands: undefined,
  },
  /**
   * 512×512, the page icon (so browsers ask for no /favicon.ico that would end in a 404) and
   * the JSON Feed icon, which the spec asks to be square and 512 px.
   */
  icon: {
    width: 512,
    height: 512,
    box: { width: 340, height: 340 },
    maxFontSize: 1000,
    text: "initial",
    ink: IMAGE_COLOURS.paper,
    background: IMAGE_COLOURS.accent,
    bands: undefined,
  },
  /**
   * 32×32, the icon pages link: browsers fetch it with every first view, so it stays a few
   * hundred bytes (the 512 px icon alone would be 8 KB, the whole page's budget without fonts).
   */
  favicon: {
    width: 32,
    height: 32,
    box: { width: 22, height: 22 },
    maxFontSize: 64,
    text: "initial",
    ink: IMAGE_COLOURS.paper,
    background: IMAGE_COLOURS.accent,
    bands: undefined,
  },
} as const;

/** The face the text is drawn in: the bold Arabic cut of the site's body face. */
export const IMAGE_FONT = {
  family: "Noto Naskh Arabic",
  source: "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2",
};

/**
 * Draws the card, logo and icon from the site's name. Same name, same bytes: resvg draws with
 * only the bundled face (no system fonts), and the file names carry the content hash. The PNGs
 * are kept in the disk cache (node_modules/.cache/sahifa/images), keyed by the name, the code
 * that draws them and the versions of the face and the tools: drawing them is about 0.1 s of
 * every build, at any size, and they change only with the site's name.
 * @example (await buildSiteImages(site)).images.card.path //=> "/news/assets/card.1bb7470407.png"
 */
export async function buildSiteImages(
  site: Pick<Site, "name" | "url" | "pathPrefix">,
  options: { woff2: Woff2Lock; cacheDir?: string },
): Promise<{ images: SiteImages; files: BuiltFile[] }> {
  const folder = path.join(
    options.cacheDir ?? path.join(CACHE_ROOT, "images"),
    contentHash(JSON.stringify([site.name, drawingVersion()])),
  );
  const cached = await Promise.all(
    SITE_IMAGE_KINDS.map((kind) => readCacheFile(path.join(folder, `${kind}.png`))),
  );
  const pngs = cached.every((png) => png !== undefined && isWholePng(png))
    ? (cached as Buffer[])
    : await drawSiteImages(site.name, options.woff2);
  if (pngs !== cached) {
    await Promise.all(
      SITE_IMAGE_KINDS.map((kind, index) =>
        writeCacheFile(path.join(folder, `${kind}.png`), pngs[index] as Buffer),
      ),
    );
  }
  const files: BuiltFile[] = [];
  const image = (kind: SiteImageKind, png: Buffer): SiteImage => {
    const file = { path: `assets/${kind}.${contentHash(png)}.png`, contents: png };
    files.push(file);
    const { width, height } = IMAGE_LAYOUTS[kind];
    const [url, href] = [absoluteUrl(site, file.path), sitePath(site, file.path)];
    return { url, path: href, width, height, alt: site.name, type: "image/png" };
  };
  const [card, logo, icon, favicon] = SITE_IMAGE_KINDS.map((kind, index) =>
    image(kind, pngs[index] as Buffer),
  ) as [SiteImage, SiteImage, SiteImage, SiteImage];
  return { images: { card, logo, icon, favicon }, files };
}

/** The four PNGs, in SITE_IMAGE_KINDS order, drawn with resvg. */
async function drawSiteImages(name: string, woff2Lock: Woff2Lock): Promise<Buffer[]> {
  const { Resvg } = await import("@resvg/resvg-js");
  const fontDir = await mkdtemp(path.join(tmpdir(), "sahifa-font-"));
  try {
    // resvg reads TrueType/OpenType files only: unpack the WOFF2 the site serves.
    const fontFile = path.join(fontDir, "face.ttf");
    const woff2 = await readFile(require.resolve(IMAGE_FONT.source));
    // wawoff2 is Google's woff2 compiled to WebAssembly, loaded only to draw (a cache miss); it
    // ships no type declarations.
    const wawoff2 = require("wawoff2") as { decompress(bytes: Uint8Array): Promise<Uint8Array> };
    const face = await woff2Lock(async () => Buffer.from(await wawoff2.decompress(woff2)));
    await writeFile(fontFile, face);
    return SITE_IMAGE_KINDS.map((kind) => renderPng(Resvg, kind, name, fontFile));
  } finally {
    await rm(fontDir, { recursive: true, force: true });
  }
}

/**
 * What besides the name decides the pictures: this module and the SVG writer (their source
 * text), and the versions of the face and the tools. Read once per build (a few small files).
 */
function drawingVersion(): string {
  return JSON.stringify([
    contentHash(readFileSync(new URL(import.meta.url))),
    contentHash(
      readFileSync(
        new URL(
          "../publish/xml" + path.extname(new URL(import.meta.url).pathname),
          import.meta.url,
        ),
      ),
    ),
    ...["@resvg/resvg-js", "@fontsource/noto-naskh-arabic", "wawoff2"].map(packageVersion),
  ]);
}

/** Whether bytes are a whole PNG file: its signature, and its IEND chunk at the end. */
function isWholePng(bytes: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const end = Buffer.from(bytes.subarray(bytes.length - 8, bytes.length - 4)).toString("latin1");
  return (
    bytes.length > 20 && signature.every((byte, index) => bytes[index] === byte) && end === "IEND"
  );
}

/**
 * The text's ink drawn at MEASURE.size (resvg's bounding box): `left` relative to the anchor
 * point, `top` relative to the baseline.
 */
export interface Ink {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The SVG for one image. Without `ink`: only the text at MEASURE.size, on a canvas large enough
 * to hold it, for measuring. With it: the whole image, the text scaled to fill its box and its
 * ink centred.
 */
export function drawingFor(kind: SiteImageKind, name: string, ink?: Ink): string {
  const layout = IMAGE_LAYOUTS[kind];
  const canvas = ink ? layout : MEASURE;
  const factor = ink
    ? Math.floor(
        MEASURE.size *
          Math.min(
            layout.box.width / ink.width,
            layout.box.height / ink.height,
            layout.maxFontSize / MEASURE.size,
          ),
      ) / MEASURE.size
    : 1;
  // The anchor and baseline that put the middle of the scaled ink on the middle of the canvas
  // (glyph advances are not ink: ص has a wide tail on one side).
  const x = ink
    ? Math.round(layout.width / 2 - (ink.left + ink.width / 2) * factor)
    : MEASURE.width / 2;
  const y = ink
    ? Math.round(layout.height / 2 - (ink.top + ink.height / 2) * factor)
    : MEASURE.baseline;
  const svg: XmlElement = {
    "@xmlns": "http://www.w3.org/2000/svg",
    "@width": canvas.width,
    "@height": canvas.height,
    "@viewBox": `0 0 ${canvas.width} ${canvas.height}`,
  };
  if (ink && layout.background) {
    const rect = (top: number, height: number, fill: string) => ({
      "@y": top,
      "@width": layout.width,
      "@height": height,
      "@fill": fill,
    });
    svg["rect"] = [
      rect(0, layout.height, layout.background),
      ...(layout.bands
        ? [rect(0, 24, layout.bands), rect(layout.height - 24, 24, layout.bands)]
        : []),
    ];
  }
  svg["text"] = {
    "@x": x,
    "@y": y,
    "@text-anchor": "middle",
    "@direction": "rtl",
    "@font-family": IMAGE_FONT.family,
    "@font-weight": 700,
    "@font-size": Math.round(MEASURE.size * factor),
    "@fill": layout.ink,
    "#text": layout.text === "initial" ? initialOf(name) : name,
  };
  return xmlDocument("svg", svg);
}

/**
 * The first letter of a name, as a reader sees it (one grapheme: a letter and its marks).
 * @example initialOf("صحيفة") //=> "ص"
 */
export function initialOf(name: string): string {
  const [first] = GRAPHEMES.segment(name.trim());
  return first?.segment ?? "";
}

// ---------------------------------------------------------------------------------------------
// Internals

// The measuring canvas: wide enough for a 200-character name at 100 px.
const MEASURE = { width: 20_000, height: 400, baseline: 250, size: 100 };

const GRAPHEMES = new Intl.Segmenter("ar", { granularity: "grapheme" });

const require = createRequire(import.meta.url);

/** Measures the text, then draws the image with it fitted; text without ink leaves the background. */
function renderPng(
  Resvg: typeof import("@resvg/resvg-js").Resvg,
  kind: SiteImageKind,
  name: string,
  fontFile: string,
): Buffer {
  const options = {
    font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: IMAGE_FONT.family },
    logLevel: "error" as const,
  };
  const box = new Resvg(drawingFor(kind, name), options).innerBBox();
  const drawing =
    box && box.width > 0 && box.height > 0
      ? drawingFor(kind, name, {
          left: box.x - MEASURE.width / 2,
          top: box.y - MEASURE.baseline,
          width: box.width,
          height: box.height,
        })
      : drawingFor(kind, "", { left: 0, top: 0, width: 1, height: 1 });
  return new Resvg(drawing, options).render().asPng();
}
