// Share images: the site's default card and publisher logo (SVG drawn with resvg), and the image each page shares.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { Article } from "./content.ts";
import type { Site } from "./site.ts";
import { contentHash, type BuiltFile } from "./styles.ts";
import { absoluteUrl } from "./urls.ts";
import { xmlDocument, type XmlElement } from "./xml.ts";

/** An image a page points social cards and structured data at. */
export interface ShareImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
  /** MIME type when known (the site's own images are PNG). */
  type?: string;
}

/** The images every site has, drawn from its name at build time. */
export interface SiteImages {
  /** 1200×630, the size Open Graph and X recommend: used when an article has no image. */
  card: ShareImage;
  /** 600×60, the publisher logo for structured data (Google: fit 600×60). */
  logo: ShareImage;
}

/** How each default image is drawn: canvas size, the box the name must fit, colours. */
export const IMAGE_LAYOUTS = {
  card: { width: 1200, height: 630, box: { width: 1000, height: 300 }, maxFontSize: 180 },
  logo: { width: 600, height: 60, box: { width: 580, height: 50 }, maxFontSize: 60 },
} as const;

/** The stylesheet's light palette, so the card looks like the site. */
export const IMAGE_COLOURS = {
  paper: "#fdfcf9",
  ink: "#1b1b1b",
  accent: "#8a1c1c",
};

/** The face the name is drawn in: the bold Arabic cut of the site's body face. */
export const IMAGE_FONT = {
  family: "Noto Naskh Arabic",
  source: "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2",
};

/**
 * Draws the default card and the logo from the site's name. Same name, same bytes: resvg draws
 * with only the bundled face (no system fonts), and the names carry the content hash.
 */
export async function buildSiteImages(
  site: Pick<Site, "name" | "url">,
): Promise<{ images: SiteImages; files: BuiltFile[] }> {
  const fontDir = await mkdtemp(path.join(tmpdir(), "sahifa-font-"));
  try {
    // resvg reads TrueType/OpenType files only: unpack the WOFF2 the site serves.
    const fontFile = path.join(fontDir, "face.ttf");
    const woff2 = await readFile(require.resolve(IMAGE_FONT.source));
    await writeFile(fontFile, await wawoff2.decompress(woff2));
    const files: BuiltFile[] = [];
    const draw = (kind: keyof typeof IMAGE_LAYOUTS): ShareImage => {
      const png = renderPng(kind, site.name, fontFile);
      const file = { path: `assets/${kind}.${contentHash(png)}.png`, contents: png };
      files.push(file);
      const { width, height } = IMAGE_LAYOUTS[kind];
      return {
        url: absoluteUrl(site, file.path),
        width,
        height,
        alt: site.name,
        type: "image/png",
      };
    };
    return { images: { card: draw("card"), logo: draw("logo") }, files };
  } finally {
    await rm(fontDir, { recursive: true, force: true });
  }
}

/**
 * The image a page shares: the article's own (a site path made absolute), else the site's card.
 * @example shareImageFor(site, { image: { src: "/media/a.jpg", alt, width: 800, height: 450 } }, images).url
 * //=> "https://example.org/news/media/a.jpg"
 */
export function shareImageFor(
  site: Pick<Site, "url">,
  article: Pick<Article, "image"> | undefined,
  images: SiteImages,
): ShareImage {
  const image = article?.image;
  if (!image) return images.card;
  const url = /^https?:/i.test(image.src) ? new URL(image.src).href : absoluteUrl(site, image.src);
  return { url, width: image.width, height: image.height, alt: image.alt };
}

/** The name's ink drawn at MEASURE.size (resvg's bounding box), `top` relative to the baseline. */
export interface Ink {
  top: number;
  width: number;
  height: number;
}

/**
 * The SVG for one default image. Without `ink`, only the name at MEASURE.size on a canvas large
 * enough to hold it, for measuring; with it, the whole image, the name scaled to fill its box
 * and its ink centred.
 */
export function drawingFor(kind: keyof typeof IMAGE_LAYOUTS, name: string, ink?: Ink): string {
  const layout = ink ? IMAGE_LAYOUTS[kind] : MEASURE;
  const scale = ink
    ? Math.min(
        layout.box.width / ink.width,
        layout.box.height / ink.height,
        layout.maxFontSize / MEASURE.size,
      )
    : 1;
  const fontSize = Math.floor(MEASURE.size * scale);
  const factor = fontSize / MEASURE.size;
  // The baseline that puts the middle of the scaled ink on the middle of the canvas.
  const y = ink
    ? Math.round(layout.height / 2 - (ink.top + ink.height / 2) * factor)
    : MEASURE.baseline;
  const svg: XmlElement = {
    "@xmlns": "http://www.w3.org/2000/svg",
    "@width": layout.width,
    "@height": layout.height,
    "@viewBox": `0 0 ${layout.width} ${layout.height}`,
  };
  if (ink && kind === "card") {
    const band = (top: number) => ({
      "@y": top,
      "@width": layout.width,
      "@height": 24,
      "@fill": IMAGE_COLOURS.accent,
    });
    svg["rect"] = [
      { "@width": layout.width, "@height": layout.height, "@fill": IMAGE_COLOURS.paper },
      band(0),
      band(layout.height - 24),
    ];
  }
  svg["text"] = {
    "@x": layout.width / 2,
    "@y": y,
    "@text-anchor": "middle",
    "@direction": "rtl",
    "@font-family": IMAGE_FONT.family,
    "@font-weight": 700,
    "@font-size": fontSize,
    "@fill": kind === "card" ? IMAGE_COLOURS.ink : IMAGE_COLOURS.accent,
    "#text": name,
  };
  return xmlDocument("svg", svg);
}

// ---------------------------------------------------------------------------------------------
// Internals

// The measuring canvas: wide enough for a 200-character name at 100 px.
const MEASURE = {
  width: 20_000,
  height: 400,
  baseline: 250,
  size: 100,
  box: { width: 0, height: 0 },
  maxFontSize: 100,
};

const require = createRequire(import.meta.url);
// wawoff2 is Google's woff2 compiled to WebAssembly; it ships no type declarations.
const wawoff2 = require("wawoff2") as { decompress(bytes: Uint8Array): Promise<Uint8Array> };

/** Measures the name, then draws the image with it fitted. */
function renderPng(kind: keyof typeof IMAGE_LAYOUTS, name: string, fontFile: string): Buffer {
  const options = {
    font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: IMAGE_FONT.family },
    logLevel: "error" as const,
  };
  const box = new Resvg(drawingFor(kind, name), options).innerBBox();
  const ink =
    box && box.width > 0
      ? { top: box.y - MEASURE.baseline, width: box.width, height: box.height }
      : undefined;
  // A name with no ink at all still gets its background.
  return new Resvg(
    drawingFor(kind, ink ? name : "", ink ?? { top: 0, width: 1, height: 1 }),
    options,
  )
    .render()
    .asPng();
}
