// npm run bench:photos: N distinct generated photos through the photo pipeline, cold (empty cache) and warm, with sizes by format.

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { putPhotoFile, createPhotoCache, type PublishedPhoto } from "../src/assets/photo-cache.ts";
import { DEFAULT_PHOTO_PLAN, type PhotoPlan } from "../src/assets/photos.ts";

/**
 * A photo-like JPEG, the same bytes for the same seed: soft shapes of colour (a tiny random
 * image enlarged), finer detail at a tenth of the size, and grain, so encoders do the work a
 * real photo asks of them (a flat gradient compresses to almost nothing).
 * @example await samplePhoto(7) //=> <Buffer ff d8 …> (2000×1300)
 */
export async function samplePhoto(seed: number, width = 2000, height = 1300): Promise<Buffer> {
  const random = xorshift(seed);
  const layer = async (w: number, h: number, amplitude: number): Promise<Buffer> => {
    const cells = Buffer.alloc(w * h * 3);
    for (let i = 0; i < cells.length; i += 1) cells[i] = 128 + ((random() % 256) - 128) * amplitude;
    return sharp(cells, { raw: { width: w, height: h, channels: 3 } })
      .resize(width, height, { kernel: "cubic" })
      .raw()
      .toBuffer();
  };
  const shapes = await layer(8 + (seed % 5), 6 + (seed % 3), 0.9);
  const detail = await layer(Math.round(width / 12), Math.round(height / 12), 0.12);
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) {
    const value = (shapes[i] ?? 0) + (detail[i] ?? 0) - 128 + ((random() & 7) - 4);
    pixels[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

// ---------------------------------------------------------------------------------------------

function xorshift(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

interface Run {
  seconds: number;
  cpuSeconds: number;
  photos: PublishedPhoto[];
  hits: number;
  misses: number;
}

async function publishAll(
  sources: readonly string[],
  cacheFolder: string,
  site: string,
  plan: PhotoPlan,
): Promise<Run> {
  await rm(site, { recursive: true, force: true });
  await mkdir(site, { recursive: true });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const cache = createPhotoCache({ folder: cacheFolder, plan });
  const photos = await Promise.all(
    sources.map(async (source) => {
      const photo = await cache.publish(source);
      if (!photo.ok) throw new Error(`${source}: ${photo.message.en}`);
      await Promise.all(photo.files.map((file) => putPhotoFile(file, path.join(site, file.name))));
      return photo;
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    photos,
    ...cache.stats,
  };
}

/**
 * What @11ty/eleventy-img's default configuration asks of sharp for each photo (its widths
 * ["auto"] and formats ["webp", "jpeg"], sharp's default encoder options, rotated by EXIF), so
 * the cold figure has a neighbour without installing it (version 7 needs Node 22).
 */
async function eleventyImgDefaults(sources: readonly string[], site: string): Promise<Run> {
  await rm(site, { recursive: true, force: true });
  await mkdir(site, { recursive: true });
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    sources.map(async (source, index) => {
      for (const format of ["webp", "jpeg"] as const)
        await sharp(source)
          .rotate()
          .toFormat(format)
          .toFile(path.join(site, `${index}.${format}`));
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    photos: [],
    hits: 0,
    misses: sources.length,
  };
}

function sizesByFormat(photos: readonly PublishedPhoto[]): string[] {
  const rows: string[] = [];
  const kinds = new Map<string, { total: number; count: number }>();
  for (const photo of photos)
    for (const file of photo.files) {
      const label =
        file.role === "column"
          ? `column ${file.width} ${file.format}`
          : `${file.role} ${file.ratio ?? ""} ${file.width}×${file.height} ${file.format}`;
      const kind = kinds.get(label) ?? { total: 0, count: 0 };
      kind.total += file.bytes;
      kind.count += 1;
      kinds.set(label, kind);
    }
  for (const [label, { total, count }] of kinds)
    rows.push(`| ${label.replace(/\s+/g, " ")} | ${(total / count / 1024).toFixed(1)} KB |`);
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "1000" },
      "avif-effort": { type: "string" },
      keep: { type: "boolean", default: false },
    },
  });
  const count = Number(values.count);
  const plan: PhotoPlan =
    values["avif-effort"] === undefined
      ? DEFAULT_PHOTO_PLAN
      : {
          ...DEFAULT_PHOTO_PLAN,
          avif: { ...DEFAULT_PHOTO_PLAN.avif, effort: Number(values["avif-effort"]) },
        };
  const root = await mkdtemp(path.join(tmpdir(), "sahifa-bench-photos-"));
  const sources: string[] = [];
  const setup = performance.now();
  await mkdir(path.join(root, "media"));
  for (let i = 1; i <= count; i += 1) {
    const file = path.join(root, "media", `photo-${String(i).padStart(4, "0")}.jpg`);
    await writeFile(file, await samplePhoto(i));
    sources.push(file);
  }
  console.log(
    `generated ${count} photos of 2000×1300 in ${((performance.now() - setup) / 1000).toFixed(1)} s (not timed below)`,
  );
  const cacheFolder = path.join(root, "cache");
  const site = path.join(root, "_site");
  const cold = await publishAll(sources, cacheFolder, site, plan);
  const warm = await publishAll(sources, cacheFolder, site, plan);
  const eleventyImg = await eleventyImgDefaults(sources, site);
  const files = cold.photos.reduce((sum, photo) => sum + photo.files.length, 0);
  const bytes = cold.photos.reduce(
    (sum, photo) => sum + photo.files.reduce((total, file) => total + file.bytes, 0),
    0,
  );
  console.log(
    [
      `photos: ${count}, files: ${files} (${(bytes / 1024 / 1024).toFixed(1)} MB), sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, AVIF effort ${plan.avif.effort}`,
      `| run | wall | CPU | processed | from cache |`,
      `| --- | --- | --- | --- | --- |`,
      `| cold (empty cache) | ${cold.seconds.toFixed(1)} s | ${cold.cpuSeconds.toFixed(1)} s | ${cold.misses} | ${cold.hits} |`,
      `| warm (cache kept, output removed) | ${warm.seconds.toFixed(2)} s | ${warm.cpuSeconds.toFixed(2)} s | ${warm.misses} | ${warm.hits} |`,
      `| sharp as eleventy-img's defaults call it (WebP and JPEG at full size, no cache) | ${eleventyImg.seconds.toFixed(1)} s | ${eleventyImg.cpuSeconds.toFixed(1)} s | ${eleventyImg.misses} | 0 |`,
      "",
      `| output | mean size |`,
      `| --- | --- |`,
      ...sizesByFormat(cold.photos),
    ].join("\n"),
  );
  if (values.keep) console.log(`kept in ${root}`);
  else await rm(root, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
