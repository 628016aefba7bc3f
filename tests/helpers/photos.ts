// Test photos made with sharp at test time: a few blocks of colour, so every encoder has edges to keep.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { buildSite, type BuildSummary } from "../../src/build/build-site.ts";
import { articleText, writeContent } from "./sites.ts";

/**
 * Writes a photo of `width`×`height` in the format its name ends with (.jpg, .png, .webp).
 * @example await writePhoto("content/media/port.jpg", 2000, 1300)
 */
export async function writePhoto(file: string, width: number, height: number): Promise<void> {
  const block = (w: number, h: number, r: number, g: number, b: number) => ({
    input: { create: { width: w, height: h, channels: 3 as const, background: { r, g, b } } },
  });
  const image = sharp({
    create: { width, height, channels: 3, background: { r: 120, g: 80, b: 40 } },
  }).composite([
    { ...block(Math.ceil(width / 3), Math.ceil(height / 3), 20, 160, 200), left: 0, top: 0 },
    {
      ...block(Math.ceil(width / 4), Math.ceil(height / 2), 230, 220, 90),
      left: Math.floor(width / 2),
      top: Math.floor(height / 3),
    },
  ]);
  const format = /\.png$/i.test(file) ? "png" : /\.webp$/i.test(file) ? "webp" : "jpeg";
  await writeFile(file, await image.toFormat(format).toBuffer());
}

/**
 * Writes and builds the photo site (SITE_YAML's, at https://example.org/news/): an article
 * folder, gaza/index.md (slug gaza-port), with a 2000×1300 lead photo from content/media/, two
 * body photos beside it (1600×1000 PNG with a caption and credit, 1200×800 WebP with a caption),
 * and small.md, whose 300×200 lead photo still gives width and height.
 * @example const summary = await buildPhotoSite("/tmp/x/content", "/tmp/x/_site");
 */
export async function buildPhotoSite(contentDir: string, outputDir: string): Promise<BuildSummary> {
  const content = await writeContent(contentDir, {
    "small.md": articleText({
      slug: "small",
      date: "2023-06-20",
      extra: ["image: {src: /media/tiny.jpg, alt: صورة صغيرة, width: 300, height: 200}"],
    }),
  });
  await mkdir(path.join(content, "media"));
  await mkdir(path.join(content, "articles/gaza"));
  await writePhoto(path.join(content, "media/port.jpg"), 2000, 1300);
  await writePhoto(path.join(content, "media/tiny.jpg"), 300, 200);
  await writePhoto(path.join(content, "articles/gaza/street.png"), 1600, 1000);
  await writePhoto(path.join(content, "articles/gaza/market.webp"), 1200, 800);
  await writeFile(
    path.join(content, "articles/gaza/index.md"),
    articleText({
      slug: "gaza-port",
      extra: [
        "image:",
        "  src: /media/port.jpg",
        "  alt: سفن الصيد في الميناء",
        "  caption: عادت السفن إلى الميناء صباح الأربعاء",
        "  credit: أحمد سالم",
      ],
      body: [
        "فقرة أولى من المقال.",
        "",
        '![شارع مزدحم](street.png "الشارع الرئيسي قرب الميناء | ليلى حداد")',
        "",
        "فقرة ثانية.",
        "",
        '![سوق السمك](market.webp "سوق السمك")',
      ].join("\n"),
    }),
  );
  const saved = process.env.SAHIFA_CONTENT;
  process.env.SAHIFA_CONTENT = content;
  try {
    return await buildSite({ outputDir });
  } finally {
    if (saved === undefined) delete process.env.SAHIFA_CONTENT;
    else process.env.SAHIFA_CONTENT = saved;
  }
}
