import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { subsetWoff2 } from "../../src/assets/font-subset.ts";
import {
  buildSiteImages,
  drawingFor,
  IMAGE_LAYOUTS,
  initialOf,
} from "../../src/assets/site-images.ts";
import { shareImageFor } from "../../src/publish/share-image.ts";
import { makeSite } from "../helpers/articles.ts";
import { pngSize } from "../helpers/png.ts";
import { createWoff2Lock } from "../../src/assets/woff2-lock.ts";

/** One lock for the file's calls, as a build has one for its own. */
const woff2 = createWoff2Lock();

const site = makeSite({ name: "صحيفة" });

describe("buildSiteImages", () => {
  it("draws a card, a logo, an icon and a favicon as PNGs of their declared sizes, hashed names under assets/", async () => {
    const { images, files } = await buildSiteImages(site, { woff2 });
    expect(files).toHaveLength(4);
    for (const [kind, image] of Object.entries(images)) {
      const layout = IMAGE_LAYOUTS[kind as keyof typeof IMAGE_LAYOUTS];
      const file = files.find((candidate) => image.path === `/news/${candidate.path}`);
      expect(file?.path).toMatch(new RegExp(`^assets/${kind}\\.[0-9a-f]{10}\\.png$`));
      expect(pngSize(file?.contents as Uint8Array)).toEqual({
        width: layout.width,
        height: layout.height,
      });
      expect(image.url).toBe(`https://example.org${image.path}`);
      expect({ width: image.width, height: image.height }).toEqual({
        width: layout.width,
        height: layout.height,
      });
    }
  });

  it("keeps the favicon every page fetches small", async () => {
    const { images, files } = await buildSiteImages(site, { woff2 });
    const favicon = files.find((file) => images.favicon.path === `/news/${file.path}`);
    expect(favicon?.contents.length).toBeLessThan(1024);
  });

  it("gives the same bytes for the same name, and other bytes for another name", async () => {
    const [first, again, other] = await Promise.all([
      buildSiteImages(site, { woff2 }),
      buildSiteImages(site, { woff2 }),
      buildSiteImages(makeSite({ name: "الأخبار" }), { woff2 }),
    ]);
    expect(again.files.map((file) => file.path)).toEqual(first.files.map((file) => file.path));
    const cards = [first, other].map((built) => built.files.find((f) => f.path.includes("card")));
    expect(cards[0]?.path).not.toBe(cards[1]?.path);
  });

  it("draws the same bytes when several builds draw at once, beside a font subset", async () => {
    // wawoff2 is used one call at a time (src/assets/woff2-lock.ts): before, a face unpacked while
    // another call ran was now and then written corrupt, and its card drawn without its text.
    const alone = await buildSiteImages(site, { woff2 });
    const face = await readFile(
      createRequire(import.meta.url).resolve(
        "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2",
      ),
    );
    const cacheDir = await mkdtemp(path.join(tmpdir(), "sahifa-subset-"));
    try {
      // Each build with a cache of its own, so that each one draws.
      const [subset, ...together] = await Promise.all([
        subsetWoff2(new Uint8Array(face), "صحيفة الاختبار", { woff2, cacheDir }),
        ...Array.from({ length: 6 }, (_, index) =>
          buildSiteImages(site, { woff2, cacheDir: path.join(cacheDir, `images-${index}`) }),
        ),
      ]);
      expect(subset.byteLength).toBeGreaterThan(0);
      for (const built of together) expect(built.files).toEqual(alone.files);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it("keeps the drawn images on disk and uses them in a later build, unless one is damaged", async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), "sahifa-images-"));
    try {
      const drawn = await buildSiteImages(site, { woff2, cacheDir });
      const [folder] = await readdir(cacheDir);
      const card = path.join(cacheDir, folder ?? "", "card.png");
      expect(await readFile(card)).toEqual(drawn.files[0]?.contents);
      // A different picture under the card's name is used as it is: the cache was read.
      const logo = drawn.files[1]?.contents as Uint8Array;
      await writeFile(card, logo);
      const cached = await buildSiteImages(site, { woff2, cacheDir });
      expect(cached.files[0]?.contents).toEqual(logo);
      // A cut-off file is a miss: drawn again, and stored again.
      await writeFile(card, logo.subarray(0, logo.length - 6));
      const redrawn = await buildSiteImages(site, { woff2, cacheDir });
      expect(redrawn.files).toEqual(drawn.files);
      expect(await readFile(card)).toEqual(drawn.files[0]?.contents);
      // Another name, another entry.
      await buildSiteImages(makeSite({ name: "الأخبار" }), { woff2, cacheDir });
      expect(await readdir(cacheDir)).toHaveLength(2);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it("draws the name: a blank name gives a different (empty) card", async () => {
    const named = await buildSiteImages(site, { woff2 });
    const blank = await buildSiteImages(makeSite({ name: "\u200f" }), { woff2 });
    const card = (built: typeof named) => built.files.find((f) => f.path.includes("card"));
    expect(card(named)?.path).not.toBe(card(blank)?.path);
    expect((card(named)?.contents.length ?? 0) > (card(blank)?.contents.length ?? 0)).toBe(true);
  });
});

describe("drawingFor", () => {
  it("escapes the name inside the SVG", () => {
    const svg = drawingFor("card", "<أخبار & رأي>", {
      left: -50,
      top: -60,
      width: 100,
      height: 80,
    });
    expect(svg).toContain("&lt;أخبار &amp; رأي&gt;");
    expect(svg).toContain('width="1200" height="630"');
  });

  it("scales the ink to its box, never past the largest size", () => {
    const wide = drawingFor("card", "x", { left: -1000, top: -60, width: 2000, height: 80 });
    expect(wide).toContain('font-size="50"');
    const small = drawingFor("card", "x", { left: -5, top: -6, width: 10, height: 8 });
    expect(small).toContain(`font-size="${IMAGE_LAYOUTS.card.maxFontSize}"`);
  });
});

describe("initialOf", () => {
  it("takes the first letter with its marks", () => {
    expect(initialOf("صحيفة")).toBe("ص");
    expect(initialOf("  شُروق")).toBe("شُ");
    expect(initialOf("")).toBe("");
  });
});

describe("shareImageFor", () => {
  const images = {
    card: {
      url: "https://example.org/news/assets/card.png",
      path: "/news/assets/card.png",
      width: 1200,
      height: 630,
      alt: "صحيفة",
    },
    logo: { url: "l", path: "l", width: 600, height: 60, alt: "صحيفة" },
    icon: { url: "i", path: "i", width: 192, height: 192, alt: "صحيفة" },
    favicon: { url: "f", path: "f", width: 32, height: 32, alt: "صحيفة" },
  };

  it("uses the site's card when the article has no lead photo", () => {
    expect(shareImageFor(site, undefined, images)).toBe(images.card);
  });

  it("makes a lead photo's share JPEG absolute under the site's URL", () => {
    const photo = { path: "/media/a-1200x630.jpg", alt: "صورة", width: 1200, height: 630 };
    expect(shareImageFor(site, photo, images)).toEqual({
      url: "https://example.org/news/media/a-1200x630.jpg",
      width: 1200,
      height: 630,
      alt: "صورة",
      type: "image/jpeg",
    });
  });
});
