// npm run bench: builds synthetic archives of N articles with Sahifa and with plain Eleventy, alternating, and reports times, pages/s and peak memory; then the search and photo rows.

import {
  copyFile,
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BUILDS_FOLDER } from "../src/build/output-folder.ts";
import { writeBaselineProject } from "./bench-baseline.ts";
import { benchPhotoSite, formatPhotoReport, PHOTO_ROWS } from "./bench-photo-site.ts";
import {
  freePort,
  measureRebuilds,
  median,
  type Rebuild,
  measureRun,
  type Command,
  type RunResult,
} from "./bench-process.ts";
import {
  formatSearchReport,
  indexSize,
  measureQueries,
  pagefindVersion,
  timeIndexing,
  type SearchQueries,
  type SearchSize,
} from "./bench-search.ts";
import {
  CORPUS_BYLINES,
  CORPUS_SECTIONS,
  generateCorpus,
  readAstanaText,
  writeCorpus,
} from "./corpus.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1,1000,4000,10000" },
    runs: { type: "string", default: "3" },
    "rebuild-size": { type: "string", default: "4000" },
    edits: { type: "string", default: "3" },
    doc: { type: "string", default: "docs/performance.md" },
    "print-only": { type: "boolean", default: false },
    // What to run: the builder comparison by size, the dev server's rebuild, search, photos.
    rows: { type: "string", default: "builds,rebuild,search,photos" },
    // Search: index and builds at these sizes, and cold queries on the largest.
    "search-sizes": { type: "string", default: "1000,4000" },
    "photo-rows": { type: "string", default: PHOTO_ROWS.join(",") },
    "photo-articles": { type: "string", default: "1000" },
    // A disk cache to use and keep (a later run with --photo-rows warm,plain reuses it).
    "photo-cache": { type: "string" },
    "photo-sources": {
      type: "string",
      default: path.join(os.tmpdir(), "sahifa-bench-photo-sources"),
    },
  },
});

const ROOT = path.resolve(import.meta.dirname, "..");
const ELEVENTY_CLI = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
const sizes = sizeList(values.sizes);
const searchSizes = sizeList(values["search-sizes"]);
const runs = Number(values.runs);
const rebuildSize = Number(values["rebuild-size"]);
const edits = Number(values.edits);
if (
  [...sizes, ...searchSizes].some((size) => !Number.isInteger(size) || size < 1) ||
  !(runs >= 1)
) {
  throw new Error(
    "--sizes and --search-sizes take whole numbers ≥ 1 separated by commas; --runs a whole number ≥ 1",
  );
}
const rows = listOption("--rows", values.rows, ["builds", "rebuild", "search", "photos"] as const);
const photoRows = listOption("--photo-rows", values["photo-rows"], PHOTO_ROWS);
const photoArticles = Number(values["photo-articles"].replace(/_/g, ""));
if (!Number.isInteger(photoArticles) || photoArticles < 1) {
  throw new Error("--photo-articles takes a whole number ≥ 1");
}

// "Sahifa, search off": the same corpus with `search: false` in its site.yaml (plain Eleventy
// builds no search index: the like-for-like row). "Sahifa + twins": the default build with
// precompression on (npm run build -- --precompress).
type Builder = "Sahifa" | "Sahifa, search off" | "Sahifa + twins" | "Eleventy";
const BUILDERS: readonly Builder[] = ["Sahifa", "Sahifa, search off", "Sahifa + twins", "Eleventy"];
// The order builds are run in, each run reversing the one before: the like-for-like pair (search
// off and Eleventy) always one right after the other, so a machine whose speed drifts during the
// bench (these two shared cores slowed by 40% within one run) moves both of a pair alike.
const RUN_ORDER: readonly Builder[] = [
  "Sahifa",
  "Sahifa + twins",
  "Sahifa, search off",
  "Eleventy",
];

// Markers around the figures in the doc: a rerun replaces what is between them, nothing else.
const START = "<!-- bench:start (written by npm run bench) -->";
const END = "<!-- bench:end -->";
const PHOTOS_START = "<!-- bench:photos:start (written by npm run bench) -->";
const PHOTOS_END = "<!-- bench:photos:end -->";
const REBUILD_START = "<!-- bench:rebuild:start (written by npm run bench) -->";
const REBUILD_END = "<!-- bench:rebuild:end -->";
const SEARCH_START = "<!-- bench:search:start (written by npm run bench) -->";
const SEARCH_END = "<!-- bench:search:end -->";

interface SizeResult {
  articles: number;
  builds: Partial<Record<Builder, { pages: number; runs: RunResult[] }>>;
}

interface RebuildResult {
  articles: number;
  seconds: Record<"Sahifa" | "Eleventy", Rebuild[]>;
}

const work = await mkdtemp(path.join(os.tmpdir(), "sahifa-bench-"));
const sourceText = await readAstanaText();
const loadBefore = os.loadavg()[0] ?? 0;
const results: SizeResult[] = [];
// Outputs moved aside so far (see retire).
let retired = 0;
const searchSizeResults: SearchSize[] = [];
let searchQueries: SearchQueries | undefined;

try {
  // One build first, untimed: scripts/run.mjs compiles the sources when they changed, and the
  // disk cache fills (fonts, stylesheet), which no timed build should pay for.
  if (rows.includes("builds") || rows.includes("search")) {
    const corpus = await prepareCorpus(1);
    await measureRun(buildCommand("Sahifa", corpus, path.join(corpus.folder, "warm-up")));
  }
  for (const articles of rows.includes("builds") ? sizes : []) {
    results.push(await measureBuilders(await prepareCorpus(articles), RUN_ORDER));
  }
  // Each block is written as soon as its rows are measured: a later row that fails loses only its own.
  await writeBlock(START, END, results.length > 0 ? formatReport(results, loadBefore) : undefined);
  if (rows.includes("search")) {
    for (const articles of searchSizes) {
      const corpus = await prepareCorpus(articles);
      // The builder comparison's builds of this size when it ran, else these two alone.
      const builds =
        results.find((result) => result.articles === articles)?.builds ??
        (await measureBuilders(corpus, ["Sahifa", "Sahifa, search off"])).builds;
      // The last default build's output is still in place (retire moves it only before the next).
      const site = path.join(corpus.folder, "out-Sahifa");
      const indexing = await timeIndexing(
        corpus.content,
        (run) => path.join(corpus.folder, `index-${run}`),
        runs,
      );
      console.log(
        `search N=${articles}: Pagefind alone ${indexing.runs.map((run) => `${run.seconds.toFixed(2)} s`).join(", ")}`,
      );
      searchSizeResults.push({
        articles,
        records: indexing.records,
        index: await indexSize(site),
        indexing: indexing.runs,
        on: builds.Sahifa?.runs ?? [],
        off: builds["Sahifa, search off"]?.runs ?? [],
      });
      if (articles === Math.max(...searchSizes))
        searchQueries = { articles, loads: await measureQueries(site, runs) };
    }
    await writeBlock(
      SEARCH_START,
      SEARCH_END,
      `${machineLine(loadBefore)}\n\n${formatSearchReport(searchSizeResults, searchQueries, await pagefindVersion())}`,
    );
  }
  if (rebuildSize > 0 && rows.includes("rebuild")) {
    const corpus = await prepareCorpus(rebuildSize);
    const middle = Math.ceil(rebuildSize / 2);
    const number = String(middle).padStart(5, "0");
    const file = path.join(corpus.content, "articles", `${number}-article-${number}.md`);
    const seconds = {} as Record<"Sahifa" | "Eleventy", Rebuild[]>;
    for (const builder of ["Sahifa", "Eleventy"] as const) {
      const port = await freePort();
      seconds[builder] = await measureRebuilds(
        {
          command: devCommand(builder, corpus, port),
          port,
          pagePath:
            builder === "Sahifa" ? `/articles/article-${number}/` : `/${number}-article-${number}/`,
          file,
        },
        edits,
      );
      console.log(
        `rebuild N=${rebuildSize} ${builder}: ${seconds[builder].map((r) => `${r.seconds.toFixed(2)} s (${r.reported})`).join(", ")}`,
      );
    }
    const rebuild = { articles: rebuildSize, seconds };
    await writeBlock(REBUILD_START, REBUILD_END, formatRebuildReport(rebuild, loadBefore));
  }
  if (rows.includes("photos")) {
    const photos = await benchPhotoSite({
      work,
      articles: photoArticles,
      rows: photoRows,
      runs,
      sourceText,
      sourcesFolder: path.resolve(values["photo-sources"]),
      cacheFolder: path.resolve(values["photo-cache"] ?? path.join(work, "cache")),
      // What npm run build runs, as in the builder comparison, with the disk cache in `cache`.
      command: (content, output, cache) => ({
        argv: [process.execPath, "scripts/run.mjs", "build", "--output", output],
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: "", SAHIFA_CONTENT: content, SAHIFA_CACHE: cache },
      }),
    });
    await writeBlock(
      PHOTOS_START,
      PHOTOS_END,
      `${machineLine(loadBefore)}\n\n${formatPhotoReport(photos, runs)}`,
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------

interface Corpus {
  articles: number;
  folder: string;
  content: string;
  /** The same site.yaml with `search: false`, and the same articles (hard links). */
  searchOffContent: string;
  baselineConfig: string;
}

/**
 * Builds the corpus with each builder `runs` times, alternating, every build into a fresh
 * folder: the last one of each builder stays at out-<builder> until the bench ends.
 */
async function measureBuilders(corpus: Corpus, builders: readonly Builder[]): Promise<SizeResult> {
  const result: SizeResult = { articles: corpus.articles, builds: {} };
  for (let run = 0; run < runs; run++) {
    // Alternate who goes first, so neither always builds on a warmer disk cache.
    const order: Builder[] = run % 2 === 0 ? [...builders] : [...builders].reverse();
    for (const builder of order) {
      const output = path.join(corpus.folder, `out-${builder}`);
      // The last run's output is moved aside, not deleted: ext4 skips inodes freed in the last
      // half minute when it allocates new ones, so deleting 15,000 files just before a build
      // made that build pay for the deletion (seconds of system time). Removed at the end.
      await retire(output);
      const measured = await measureRun(buildCommand(builder, corpus, output));
      const entry = (result.builds[builder] ??= { pages: 0, runs: [] });
      entry.runs.push(measured);
      entry.pages = await countPages(output);
      console.log(
        `N=${corpus.articles} ${builder} run ${run + 1}/${runs}: ${measured.seconds.toFixed(2)} s wall, ${measured.cpuSeconds.toFixed(2)} s CPU, ${megabytes(measured.peakRss)} MB`,
      );
    }
  }
  return result;
}

async function prepareCorpus(articles: number): Promise<Corpus> {
  const folder = path.join(work, `n${articles}`);
  const content = path.join(folder, "content");
  const searchOffContent = path.join(folder, "content-search-off");
  try {
    await readFile(path.join(searchOffContent, "site.yaml"));
  } catch {
    // A newsroom's site has sections and bylines: their pages, feeds and front-page blocks are
    // timed too.
    const corpus = generateCorpus({
      count: articles,
      sourceText,
      sections: CORPUS_SECTIONS,
      bylines: CORPUS_BYLINES,
    });
    await writeCorpus(content, corpus);
    await writeSearchOffTwin(content, searchOffContent);
  }
  const baseline = await writeBaselineProject(
    path.join(folder, "baseline"),
    path.join(content, "articles"),
  );
  return { articles, folder, content, searchOffContent, baselineConfig: baseline.config };
}

/** The content folder again with `search: false` added to its site.yaml, its articles linked. */
async function writeSearchOffTwin(content: string, twin: string): Promise<void> {
  await mkdir(path.join(twin, "articles"), { recursive: true });
  const siteYaml = await readFile(path.join(content, "site.yaml"), "utf8");
  await writeFile(path.join(twin, "site.yaml"), `${siteYaml.trimEnd()}\nsearch: false\n`);
  await copyFile(path.join(content, "authors.yaml"), path.join(twin, "authors.yaml"));
  // Hard links: the same files in the page cache for both builds (the loader refuses symlinks).
  for (const name of await readdir(path.join(content, "articles"))) {
    const from = path.join(content, "articles", name);
    const to = path.join(twin, "articles", name);
    await link(from, to).catch(() => copyFile(from, to));
  }
}

function buildCommand(builder: Builder, corpus: Corpus, output: string): Command {
  const env = { ...process.env, NODE_OPTIONS: "" };
  const twins = builder === "Sahifa + twins" ? ["--precompress"] : [];
  const content = builder === "Sahifa, search off" ? corpus.searchOffContent : corpus.content;
  return builder !== "Eleventy"
    ? {
        // What npm run build runs (the compiled code: scripts/run.mjs), without npm's own start.
        argv: [process.execPath, "scripts/run.mjs", "build", "--output", output, ...twins],
        cwd: ROOT,
        env: { ...env, SAHIFA_CONTENT: content },
      }
    : {
        argv: [
          process.execPath,
          ELEVENTY_CLI,
          `--config=${corpus.baselineConfig}`,
          `--output=${output}`,
          "--quiet",
        ],
        cwd: path.dirname(corpus.baselineConfig),
        env,
      };
}

function devCommand(builder: "Sahifa" | "Eleventy", corpus: Corpus, port: number): Command {
  const env = { ...process.env, NODE_OPTIONS: "" };
  const output = path.join(corpus.folder, `dev-${builder}`);
  return builder === "Sahifa"
    ? {
        // What `npm start` supervises: Eleventy watching, Sahifa's server on 127.0.0.1.
        argv: [
          process.execPath,
          "--import",
          "tsx",
          "scripts/preview.ts",
          `--port=${port}`,
          `--output=${output}`,
        ],
        cwd: ROOT,
        env: {
          ...env,
          SAHIFA_CONTENT: corpus.content,
          SAHIFA_DRAFTS: "1",
          SAHIFA_EDITOR_LANGUAGE: "en",
        },
      }
    : {
        argv: [
          process.execPath,
          ELEVENTY_CLI,
          `--config=${corpus.baselineConfig}`,
          "--serve",
          "--incremental",
          `--port=${port}`,
          `--output=${output}`,
        ],
        cwd: path.dirname(corpus.baselineConfig),
        env,
      };
}

async function retire(folder: string): Promise<void> {
  const trash = path.join(work, "retired");
  await mkdir(trash, { recursive: true });
  // Sahifa's output is a link into .sahifa-builds/<name>/ beside it: those sites go aside too,
  // or the next build would delete them (and pay for it) as it publishes.
  const builds = path.join(path.dirname(folder), BUILDS_FOLDER, path.basename(folder));
  for (const moved of [folder, builds]) {
    await rename(moved, path.join(trash, String(retired++))).catch((error: unknown) => {
      if ((error as { code?: string }).code !== "ENOENT") throw error;
    });
  }
}

async function countPages(folder: string): Promise<number> {
  return (await readdir(folder, { recursive: true })).filter((file) => file.endsWith(".html"))
    .length;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

function formatReport(sizes: SizeResult[], load: number): string {
  const lines = [
    machineLine(load),
    `Runs: ${runs} builds of each size by each builder, alternating; wall and CPU (user + system) times are medians, peak RSS the largest. Ratios: Sahifa / Eleventy, wall (CPU), each run's build against the same run's Eleventy build, the median of those (the search-off and Eleventy builds run one right after the other). "Sahifa" is the default build, search index included; "Sahifa, search off" the same corpus with \`search: false\` in its site.yaml, like for like with plain Eleventy, which builds no search index (issue 17's 1.5× is judged on it); "Sahifa + twins" the default build with precompression on (--precompress), for nginx-style hosts.`,
    "",
    "| articles | builder | HTML pages | median wall time | pages/s | CPU time | peak RSS | Sahifa / Eleventy |",
    "| -------: | ------- | ---------: | ---------------: | ------: | -------: | -------: | ----------------: |",
  ];
  for (const size of sizes) {
    const wall = (builder: Builder) =>
      median(size.builds[builder]?.runs.map((run) => run.seconds) ?? []);
    const cpu = (builder: Builder) =>
      median(size.builds[builder]?.runs.map((run) => run.cpuSeconds) ?? []);
    for (const builder of BUILDERS) {
      const build = size.builds[builder];
      if (!build) continue;
      const peak = Math.max(...build.runs.map((run) => run.peakRss));
      const eleventy = size.builds.Eleventy?.runs ?? [];
      // Run by run: each run's build against the same run's Eleventy build, then the median.
      const paired = (of: (run: RunResult) => number) =>
        median(
          build.runs.flatMap((run, index) => {
            const other = eleventy[index];
            return other ? [of(run) / of(other)] : [];
          }),
        );
      const ratio =
        builder !== "Eleventy"
          ? `${paired((run) => run.seconds).toFixed(2)}× (${paired((run) => run.cpuSeconds).toFixed(2)}×)`
          : "";
      lines.push(
        `| ${size.articles.toLocaleString("en")} | ${builder} | ${build.pages.toLocaleString("en")} | ${wall(builder).toFixed(2)} s | ${(build.pages / wall(builder)).toFixed(0)} | ${cpu(builder).toFixed(2)} s | ${megabytes(peak)} MB | ${ratio} |`,
      );
    }
  }
  return lines.join("\n");
}

function formatRebuildReport(rebuilds: RebuildResult, load: number): string {
  const row = (label: string, list: readonly Rebuild[]) =>
    `| ${label} | ${median(list.map((r) => r.seconds)).toFixed(2)} s | ${list.map((r) => r.seconds.toFixed(2)).join(", ")} s | ${list.map((r) => r.reported).join("; ")} |`;
  return [
    machineLine(load),
    "",
    `Dev-server rebuild after editing one article's body at N = ${rebuilds.articles.toLocaleString("en")}, from saving the file until the server serves the changed page (median of ${edits} edits), and what each server logged for the rebuild:`,
    "",
    "| builder | median | each edit | Eleventy's log: written, in |",
    "| ------- | -----: | --------- | --------------------------- |",
    row("Sahifa (`npm start`: Eleventy watching, its own server)", rebuilds.seconds.Sahifa),
    row("Eleventy --serve --incremental", rebuilds.seconds.Eleventy),
  ].join("\n");
}

/** Prints a block of figures and, unless --print-only, writes it between its markers in the doc. */
async function writeBlock(
  startMarker: string,
  endMarker: string,
  report: string | undefined,
): Promise<void> {
  if (report === undefined) return;
  console.log(`\n${report}\n`);
  if (values["print-only"]) return;
  await updateDoc(path.resolve(ROOT, values.doc), startMarker, endMarker, report);
  console.log(`Updated ${values.doc}`);
}

function machineLine(load: number): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `Machine: ${os.availableParallelism()} cores (${cpu}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, Node.js ${process.version}, ${os.type()} ${os.release()}; load average ${load.toFixed(2)} when the run began.`;
}

/** A comma-separated list of sizes: "1,1_000,4000" //=> [1, 1000, 4000] */
function sizeList(value: string): number[] {
  return value.split(",").map((size) => Number(size.trim().replace(/_/g, "")));
}

/** A comma-separated option's values, each one of `known`. */
function listOption<T extends string>(name: string, value: string, known: readonly T[]): T[] {
  const list = value.split(",").map((item) => item.trim());
  const unknown = list.filter((item) => !(known as readonly string[]).includes(item));
  if (unknown.length > 0)
    throw new Error(`${name}: ${unknown.join(", ")}? expected ${known.join(", ")}`);
  return list as T[];
}

/** Replaces the measured figures between the markers, leaving the rest of the file as it is. */
async function updateDoc(
  file: string,
  startMarker: string,
  endMarker: string,
  report: string,
): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    text = "# Performance\n\n## Build performance\n\n";
  }
  const block = `${startMarker}\n${report}\n${endMarker}`;
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  text =
    start !== -1 && end > start
      ? text.slice(0, start) + block + text.slice(end + endMarker.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, text);
}
