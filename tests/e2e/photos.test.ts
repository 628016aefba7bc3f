// What a reader's browser does with an article's photos, in Chromium at 360 and 1280 px: the file it picks, no layout shift, captions shown.

import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import { startStaticServer, type StaticServer } from "../../scripts/lib/static-server.ts";
import { OBSERVE_SHIFTS } from "../helpers/layout-shift.ts";
import { buildPhotoSite } from "../helpers/photos.ts";
import { makeTempDir, removeTempDirs } from "../helpers/sites.ts";
import { expectNoAxeViolations } from "../helpers/axe.ts";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const dir = await makeTempDir("photos-browser");
  // Served from a root holding news/, as the site's address says (https://example.org/news/).
  await buildPhotoSite(path.join(dir, "content"), path.join(dir, "root/news"));
  server = await startStaticServer({ root: path.join(dir, "root") });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeTempDirs();
});

describe.each([
  // A phone at 2×: the column is 328 CSS px, 656 device px, so the 720 px file.
  { width: 360, scale: 2, expected: 720 },
  // A laptop at 1×: the column is 36rem (576 px), so the 720 px file again, never the 1440.
  { width: 1280, scale: 1, expected: 720 },
])("at $width px ($scale×)", ({ width, scale, expected }) => {
  it("picks an AVIF of a sensible width, lays out without a shift, and shows every caption and credit", async () => {
    const context = await browser.newContext({
      viewport: { width, height: 800 },
      deviceScaleFactor: scale,
    });
    try {
      const page = await context.newPage();
      await page.addInitScript({ content: OBSERVE_SHIFTS });
      await page.goto(new URL("news/articles/gaza-port/", server.url).href, { waitUntil: "load" });
      // Scroll to each photo, so the lazy ones load, then wait until every one is decoded.
      for (const figure of await page.locator("figure.photo").all()) {
        await figure.scrollIntoViewIfNeeded();
      }
      await page.waitForFunction(() =>
        [...document.images].every((image) => image.complete && image.naturalWidth > 0),
      );
      const photos = await page.evaluate(() =>
        [...document.querySelectorAll("figure.photo")].map((figure) => {
          const image = figure.querySelector("img") as HTMLImageElement;
          const caption = figure.querySelector("figcaption");
          const box = caption?.getBoundingClientRect();
          return {
            currentSrc: new URL(image.currentSrc).pathname,
            shown: image.getBoundingClientRect().width,
            ratio: image.getBoundingClientRect().height / image.getBoundingClientRect().width,
            natural: image.naturalHeight / image.naturalWidth,
            caption: caption?.textContent ?? "",
            captionVisible:
              box !== undefined &&
              box.width > 0 &&
              box.height > 0 &&
              getComputedStyle(caption as Element).visibility === "visible",
          };
        }),
      );
      expect(photos.length).toBe(3);
      for (const photo of photos) {
        expect(photo.currentSrc).toMatch(
          new RegExp(`^/news/media/[a-z]+-[0-9a-f]{10}-${expected}\\.avif$`),
        );
        expect(photo.shown).toBeLessThanOrEqual(width);
        // The box the width and height attributes reserved is the photo's own shape.
        expect(Math.abs(photo.ratio - photo.natural)).toBeLessThan(0.01);
        expect(photo.captionVisible, photo.caption).toBe(true);
      }
      expect(photos.map((photo) => photo.caption)).toEqual([
        "عادت السفن إلى الميناء صباح الأربعاءتصوير: أحمد سالم",
        "الشارع الرئيسي قرب الميناءتصوير: ليلى حداد",
        "سوق السمك",
      ]);
      expect(await page.evaluate("window.__shifts")).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe("the photo article in light, dark and print", () => {
  it.each(["light", "dark"] as const)(
    "has no axe violations (%s)",
    async (colorScheme) => {
      const context = await browser.newContext({
        colorScheme,
        viewport: { width: 1280, height: 800 },
      });
      try {
        const page = await context.newPage();
        await page.goto(new URL("news/articles/gaza-port/", server.url).href, {
          waitUntil: "load",
        });
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    },
    60_000,
  );

  it("prints each photo whole with its caption and credit, the credit smaller than the caption", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1000 } });
    try {
      const page = await context.newPage();
      await page.goto(new URL("news/articles/gaza-port/", server.url).href, { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      const figures = await page.evaluate(() =>
        [...document.querySelectorAll("figure.photo")].map((figure) => {
          const style = (selector: string) => {
            const element = figure.querySelector(selector);
            return element ? getComputedStyle(element) : undefined;
          };
          return {
            breakInside: getComputedStyle(figure).breakInside,
            caption: style("figcaption")?.display,
            captionSize: parseFloat(style("figcaption")?.fontSize ?? "0"),
            creditSize: parseFloat(style(".photo-credit")?.fontSize ?? "0"),
          };
        }),
      );
      expect(figures.map((figure) => [figure.breakInside, figure.caption])).toEqual([
        ["avoid", "block"],
        ["avoid", "block"],
        ["avoid", "block"],
      ]);
      const [lead] = figures;
      expect(lead?.creditSize).toBeGreaterThan(0);
      expect(lead?.creditSize).toBeLessThan(lead?.captionSize ?? 0);
    } finally {
      await context.close();
    }
  }, 60_000);
});

// The front page leads with the newest story's photo itself; other lists show thumbnails.
describe("a month's list with a thumbnail", () => {
  it.each([360, 1280])(
    "draws it 6rem wide at the start of the line (the right, in Arabic), without a shift or sideways scroll at %i px",
    async (width) => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        await page.addInitScript({ content: OBSERVE_SHIFTS });
        await page.goto(new URL("news/archive/2023/06/", server.url).href, { waitUntil: "load" });
        await page.waitForFunction(() =>
          [...document.images].every((image) => image.complete && image.naturalWidth > 0),
        );
        const layout = await page.evaluate(() => {
          const image = document.querySelector("img.article-thumb") as HTMLImageElement;
          const item = image.closest("li") as HTMLElement;
          const box = image.getBoundingClientRect();
          const row = item.getBoundingClientRect();
          return {
            currentSrc: new URL(image.currentSrc).pathname,
            width: box.width,
            fromRight: row.right - box.right,
            scrollWidth: document.documentElement.scrollWidth,
          };
        });
        expect(layout.currentSrc).toMatch(/^\/news\/media\/port-[0-9a-f]{10}-thumb-160\.avif$/);
        expect(layout.width).toBe(96);
        expect(layout.fromRight).toBeLessThan(1);
        expect(layout.scrollWidth).toBe(width);
        expect(await page.evaluate("window.__shifts")).toBe(0);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});
