// Test photos made with sharp at test time: a few blocks of colour, so every encoder has edges to keep.

import { writeFile } from "node:fs/promises";
import sharp from "sharp";

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
