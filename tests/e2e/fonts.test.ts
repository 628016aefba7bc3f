// The Arabic face in Chromium: it is the face text is drawn with, it swaps and is preloaded, and the subset shapes like the full face.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FONT_FILES } from "../../src/assets/build-assets.ts";
import { ARTICLE_KIND, listFiles } from "../../scripts/lib/built-site.ts";
import { serveBuiltSite } from "../helpers/served-site.ts";

const FAMILY = "Noto Naskh Arabic";
const require = createRequire(import.meta.url);

const served = await serveBuiltSite();
// One page per kind: a kind added later (tag pages, archives) is checked without touching this file.
const kinds = served.kinds;
const articlePage = kinds.find((kind) => kind.kind === ARTICLE_KIND)?.path;

beforeAll(() => served.launch());
afterAll(() => served.close());

describe.each(kinds)("$kind ($path)", ({ path: sitePath }) => {
  it(`draws the site name, the headline and the first body text with ${FAMILY}`, async () => {
    const page = await served.open(sitePath);
    // The first element in <main> whose own text is set in the body face at regular weight
    // (a paragraph, a list of links: whatever the page kind has).
    const found = await page.evaluate((family) => {
      for (const element of document.querySelectorAll("main *")) {
        const ownText = [...element.childNodes].some(
          (node) =>
            node.nodeType === Node.TEXT_NODE && /[\u0621-\u064A]/.test(node.textContent ?? ""),
        );
        const style = getComputedStyle(element);
        if (ownText && style.fontFamily.startsWith(`"${family}"`) && style.fontWeight === "400") {
          element.setAttribute("data-font-probe", "");
          return true;
        }
      }
      return false;
    }, FAMILY);
    expect(found).toBe(true);
    for (const selector of [".site-name", "main h1", "[data-font-probe]"]) {
      const fonts = await platformFonts(page, selector);
      expect(fonts, selector).toContainEqual(
        expect.objectContaining({ familyName: FAMILY, isCustomFont: true }),
      );
      expect(
        fonts.find((font) => font.familyName === FAMILY)?.glyphCount ?? 0,
        selector,
      ).toBeGreaterThan(3);
    }
  });

  it("declares every face with font-display: swap, and preloads exactly the faces it then uses", async () => {
    const page = await served.open(sitePath);
    const faces = await page.evaluate(
      (family) =>
        [...document.fonts]
          .filter((face) => face.family.replace(/"/g, "") === family)
          .map((face) => ({ weight: face.weight, display: face.display, status: face.status })),
      FAMILY,
    );
    // The Arabic faces and the family's own Latin, each in both weights.
    expect(faces.map((face) => face.weight).sort()).toEqual(["400", "400", "700", "700"]);
    expect(faces.every((face) => face.display === "swap")).toBe(true);
    expect(faces.every((face) => face.status === "loaded")).toBe(true);

    const preloads = await page.evaluate(() => {
      const links = [
        ...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]'),
      ];
      const fetched = performance.getEntriesByType("resource").map((entry) => entry.name);
      return links.map((link) => ({
        href: link.href,
        type: link.type,
        crossOrigin: link.crossOrigin,
        // A preload the page then fetches again (crossorigin or URL mismatch) costs the bytes twice.
        fetches: fetched.filter((name) => name === link.href).length,
      }));
    });
    for (const preload of preloads) {
      expect(preload).toMatchObject({ type: "font/woff2", crossOrigin: "anonymous", fetches: 1 });
    }
    const cssUrls = await fontFaceUrls(page);
    expect(preloads.map((preload) => preload.href).sort()).toEqual([...cssUrls].sort());
  });
});

describe.each(served.site.htmlFiles)("%s", (file) => {
  it("has every character of its text in both subset faces, wherever the full face has it", async () => {
    // All text between tags that the page draws (not the <head>, whose <title> is drawn by the
    // browser's own interface, nor JSON-LD); Arabic is never written as an entity.
    const html = await readFile(path.join(served.site.root, file), "utf8");
    const text = html
      .replace(/<head>[^]*<\/head>|<script[^>]*>[^]*?<\/script>/g, " ")
      .replace(/<[^>]*>/g, " ")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    expect(text).toMatch(/[\u0621-\u064A]/);
    const missing: string[] = [];
    for (const font of FONT_FILES) {
      const full = new Set(fontkitFont(await readFile(require.resolve(font.source))).characterSet);
      const subset = new Set(fontkitFont(await builtFace(font.name)).characterSet);
      for (const character of new Set(text)) {
        const code = character.codePointAt(0) as number;
        if (full.has(code) && !subset.has(code))
          missing.push(`${font.name}: ${character} U+${code.toString(16)}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("the subset face in Chromium", () => {
  it.skipIf(!articlePage)(
    "lays out every paragraph of the article as wide as the full face does",
    async () => {
      const page = await served.open(articlePage ?? "");
      for (const weight of ["400", "700"]) {
        const name = `noto-naskh-arabic-${weight}.woff2`;
        const full = await readFile(require.resolve(fontSource(name)));
        const subset = await builtFace(name);
        const widths = await compareWidths(page, weight, full, subset);
        expect(widths.paragraphs).toBeGreaterThan(5);
        expect(widths.different).toEqual([]);
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Helpers

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** The fonts Chromium actually drew an element's text with (DevTools' "Rendered Fonts"). */
async function platformFonts(page: Page, selector: string): Promise<PlatformFont[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`${selector} not found`);
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    return fonts;
  } finally {
    await cdp.detach();
  }
}

/** The URL of each of the family's faces, as the page's stylesheet declares them. */
async function fontFaceUrls(page: Page): Promise<string[]> {
  return page.evaluate((family) => {
    const found: string[] = [];
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (!(rule instanceof CSSFontFaceRule)) continue;
        if (rule.style.getPropertyValue("font-family").replace(/"/g, "") !== family) continue;
        const src = /url\("?([^")]+)"?\)/.exec(rule.style.getPropertyValue("src"))?.[1];
        if (src) found.push(new URL(src, sheet.href ?? location.href).href);
      }
    }
    return found;
  }, FAMILY);
}

/** Lays each article paragraph out on one line with the full and with the subset face, and compares widths. */
async function compareWidths(
  page: Page,
  weight: string,
  full: Buffer,
  subset: Buffer,
): Promise<{ paragraphs: number; different: string[] }> {
  return page.evaluate(
    async ({ weight, full, subset }) => {
      const load = async (name: string, base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
        const face = new FontFace(name, bytes, { weight });
        document.fonts.add(await face.load());
      };
      await load("Full face", full);
      await load("Subset face", subset);
      const different: string[] = [];
      const paragraphs = [...document.querySelectorAll(".article-body p, .article-title")];
      const measure = (family: string, text: string) => {
        const span = document.createElement("span");
        span.style.cssText = `font: ${weight} 20px "${family}", monospace; white-space: pre; position: absolute`;
        span.textContent = text;
        document.body.append(span);
        const width = span.getBoundingClientRect().width;
        span.remove();
        return width;
      };
      for (const paragraph of paragraphs) {
        // Arabic only: the full Arabic face has no Latin, so digits would fall back either way.
        const text = (paragraph.textContent ?? "").replace(/[^\u0600-\u06FF\s]/g, "");
        const a = measure("Full face", text);
        const b = measure("Subset face", text);
        if (Math.abs(a - b) > 0.01) different.push(`${text.slice(0, 30)}…: ${a} vs ${b}`);
      }
      return { paragraphs: paragraphs.length, different };
    },
    { weight, full: full.toString("base64"), subset: subset.toString("base64") },
  );
}

/** The subset the build wrote for a face of FONT_FILES (its name with a hash before .woff2). */
async function builtFace(faceName: string): Promise<Buffer> {
  const folder = path.join(served.site.root, "assets/fonts");
  const names = await listFiles(folder, ".woff2");
  const stem = faceName.replace(/\.woff2$/, "");
  const name = names.find((candidate) => path.basename(candidate).startsWith(`${stem}.`));
  if (!name) throw new Error(`no built ${faceName} in ${names.join(", ")}`);
  return readFile(path.join(folder, name));
}

function fontSource(faceName: string): string {
  const font = FONT_FILES.find((candidate) => candidate.name === faceName);
  if (!font) throw new Error(`no ${faceName} in FONT_FILES`);
  return font.source;
}

function fontkitFont(bytes: Buffer): fontkit.Font {
  const font = fontkit.create(bytes);
  if (!("characterSet" in font)) throw new Error("expected a single font");
  return font;
}
