// npm run bench's photo rows: N articles each with a distinct lead photo, built cold (empty photo cache), warm (cache kept, output removed), and without photos, in one run.

import { copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { samplePhoto } from "./bench-photos.ts";
import { measureRun, median, type Command, type RunResult } from "./bench-process.ts";
import { generateCorpus, writeCorpus, type CorpusFile } from "./corpus.ts";

/** cold: an empty photo cache; warm: the cache kept, the output removed; plain: no photos. */
export type PhotoRow = "cold" | "warm" | "plain";
export const PHOTO_ROWS: readonly PhotoRow[] = ["cold", "warm", "plain"];

export interface PhotoBenchOptions {
  /** A scratch folder (removed by the caller). */
  work: string;
  articles: number;
  rows: readonly PhotoRow[];
  /** Warm and plain builds each, alternating (cold is built once). */
  runs: number;
  sourceText: string;
  /** Where the generated photos are kept between runs (made once: about 0.4 s each). */
  sourcesFolder: string;
  /** The disk cache the builds use (SAHIFA_CACHE); kept by the caller when given. */
  cacheFolder: string;
  /** How a build is run: the command for a content folder, an output and a cache. */
  command: (content: string, output: string, cache: string) => Command;
}

export interface PhotoBench {
  articles: number;
  sourceBytes: number;
  rows: Partial<Record<PhotoRow, { pages: number; mediaFiles: number; runs: RunResult[] }>>;
}

/**
 * Builds the photo site and its twin without photos and measures the rows asked for. A warm
 * row without cold finds the cache a previous run left in `cacheFolder` (or fills it first,
 * unmeasured). Every build writes a fresh output folder, and none is deleted until the end.
 * @example await benchPhotoSite({ articles: 20, rows: PHOTO_ROWS, runs: 1, … })
 */
export async function benchPhotoSite(options: PhotoBenchOptions): Promise<PhotoBench> {
  const { work, articles } = options;
  const sources = await generateSources(options.sourcesFolder, articles);
  const folder = path.join(work, `photos-n${articles}`);
  const plain = path.join(folder, "plain");
  const photos = path.join(folder, "photos");
  const corpus = generateCorpus({ count: articles, sourceText: options.sourceText });
  await writeCorpus(plain, corpus);
  await writeCorpus(
    photos,
    corpus.map((file) =>
      file.path === "site.yaml" ? file : { ...file, contents: withLeadPhoto(file) },
    ),
  );
  await mkdir(path.join(photos, "media"));
  await Promise.all(
    sources.map((source) =>
      link(source, path.join(photos, "media", path.basename(source))).catch(() =>
        copyFile(source, path.join(photos, "media", path.basename(source))),
      ),
    ),
  );
  const result: PhotoBench = {
    articles,
    sourceBytes: (await Promise.all(sources.map(async (file) => (await stat(file)).size))).reduce(
      (sum, size) => sum + size,
      0,
    ),
    rows: {},
  };
  let outputs = 0;
  const build = async (row: PhotoRow | "fill", content: string) => {
    const output = path.join(folder, `out-${row}-${outputs++}`);
    const measured = await measureRun(options.command(content, output, options.cacheFolder));
    if (row === "fill") return;
    const entry = (result.rows[row] ??= { pages: 0, mediaFiles: 0, runs: [] });
    entry.runs.push(measured);
    entry.pages = await countFiles(output, ".html");
    entry.mediaFiles = await readdir(path.join(output, "media")).then(
      (names) => names.length,
      () => 0,
    );
    console.log(
      `photos N=${articles} ${row} ${entry.runs.length}: ${measured.seconds.toFixed(2)} s wall, ${measured.cpuSeconds.toFixed(2)} s CPU, ${entry.pages} pages, ${entry.mediaFiles} media files`,
    );
  };
  // Fonts, stylesheet and site images cached first, so that cold is the photos' cost alone.
  await build("fill", plain);
  if (options.rows.includes("cold")) {
    await rm(path.join(options.cacheFolder, "photos"), { recursive: true, force: true });
    await build("cold", photos);
  } else if (options.rows.includes("warm")) await build("fill", photos);
  for (let run = 0; run < options.runs; run += 1) {
    // Alternate who goes first, so neither always builds on a warmer page cache.
    const order: PhotoRow[] = run % 2 === 0 ? ["warm", "plain"] : ["plain", "warm"];
    for (const row of order)
      if (options.rows.includes(row)) await build(row, row === "warm" ? photos : plain);
  }
  return result;
}

/** The photo rows as a Markdown table, with the warm / no-photos ratio the issue limits to 1.2. */
export function formatPhotoReport(bench: PhotoBench, runs: number): string {
  const wall = (row: PhotoRow) => median(bench.rows[row]?.runs.map((run) => run.seconds) ?? []);
  const cpu = (row: PhotoRow) => median(bench.rows[row]?.runs.map((run) => run.cpuSeconds) ?? []);
  const labels: Record<PhotoRow, string> = {
    cold: "cold: empty photo cache (built once)",
    warm: "warm: photo cache kept, output removed",
    plain: "the same articles without photos",
  };
  const lines = [
    `Photos: ${bench.articles.toLocaleString("en")} articles, each with a distinct lead photo (generated 2000×1300 JPEGs, ${(bench.sourceBytes / 1024 / 1024).toFixed(0)} MB in all), sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}. Warm and no-photos builds ${runs} each, alternating (medians); every build into a fresh output folder, with the fonts, stylesheet and site images already cached.`,
    "",
    "| build | HTML pages | files in media/ | wall time | CPU time | peak RSS | / no photos |",
    "| ----- | ---------: | --------------: | --------: | -------: | -------: | ----------: |",
  ];
  for (const row of PHOTO_ROWS) {
    const entry = bench.rows[row];
    if (!entry) continue;
    const ratio =
      row !== "plain" && bench.rows.plain
        ? `${(wall(row) / wall("plain")).toFixed(2)}× (${(cpu(row) / cpu("plain")).toFixed(2)}×)`
        : "";
    const peak = Math.max(...entry.runs.map((run) => run.peakRss));
    lines.push(
      `| ${labels[row]} | ${entry.pages.toLocaleString("en")} | ${entry.mediaFiles.toLocaleString("en")} | ${wall(row).toFixed(2)} s | ${cpu(row).toFixed(2)} s | ${(peak / 1024 / 1024).toFixed(0)} MB | ${ratio} |`,
    );
  }
  if (bench.rows.warm && bench.rows.plain) {
    const ratio = wall("warm") / wall("plain");
    lines.push(
      "",
      `Warm / no photos: ${ratio.toFixed(2)}× wall, ${(cpu("warm") / cpu("plain")).toFixed(2)}× CPU (the issue's limit: 1.2× wall).`,
    );
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------

/** The article's text with a lead photo of its own: article N shows media/photo-N.jpg. */
function withLeadPhoto(file: CorpusFile): string {
  const number = Number(/(\d+)\.md$/.exec(file.path)?.[1]);
  return file.contents.replace(
    /^slug: .*$/m,
    (slug) => `${slug}\nimage:\n  src: /media/${photoName(number)}\n  alt: "صورة المقال ${number}"`,
  );
}

function photoName(seed: number): string {
  return `photo-${String(seed).padStart(5, "0")}.jpg`;
}

/** Photos 1..count (samplePhoto's seeds), made once into `folder` and reused by later runs. */
async function generateSources(folder: string, count: number): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const present = new Set(await readdir(folder));
  const files = Array.from({ length: count }, (_, index) =>
    path.join(folder, photoName(index + 1)),
  );
  const missing = files.filter((file) => !present.has(path.basename(file)));
  const started = performance.now();
  // Two at a time: sharp's part of one runs while JavaScript draws the other's pixels.
  for (let i = 0; i < missing.length; i += 2) {
    await Promise.all(
      missing.slice(i, i + 2).map(async (file) => {
        const seed = Number(/(\d+)\.jpg$/.exec(file)?.[1]);
        await writeFile(`${file}.partial`, await samplePhoto(seed));
        await rename(`${file}.partial`, file);
      }),
    );
  }
  if (missing.length > 0)
    console.log(
      `generated ${missing.length} photos of 2000×1300 into ${folder} in ${((performance.now() - started) / 1000).toFixed(0)} s (not timed; kept for later runs)`,
    );
  return files;
}

async function countFiles(folder: string, extension: string): Promise<number> {
  return (await readdir(folder, { recursive: true })).filter((name) => name.endsWith(extension))
    .length;
}
