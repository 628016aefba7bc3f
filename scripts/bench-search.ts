// npm run bench's search rows: Pagefind alone on a corpus's records, the index it writes, and cold queries on the built site's search page.

import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { close as closePagefind } from "pagefind";
import { searchInput, startSearchIndex } from "../src/build/search-index.ts";
import { createContentLoader } from "../src/content/load.ts";
import { SEARCH_INDEX_PATH } from "../src/publish/search-records.ts";
import { median, type RunResult } from "./bench-process.ts";
import { launchChromium } from "./lib/chromium.ts";
import { CPU_SLOWDOWN, SLOW_4G } from "./lib/measure-page.ts";
import { kb } from "./lib/page-budget.ts";
import {
  measureSearch,
  SEARCH_BYTE_KINDS,
  SEARCH_BYTE_LABELS,
  type SearchByteKind,
  type SearchLoad,
} from "./lib/search-load.ts";
import { startStaticServer, type SentResponse } from "./lib/static-server.ts";

/**
 * Queries of docs/search.md's table whose words the bench's corpus has (its words are the Astana
 * report's), and a person that report names: the table's people are not in it, and its «إيران»
 * is always «وإيران», which row 27 does not find.
 */
export const BENCH_QUERIES: readonly { query: string; row: number | undefined; what: string }[] = [
  { query: "أستانا", row: 1, what: "a place name as written" },
  { query: "استانا", row: 2, what: "the same without hamza" },
  { query: "للاجئين", row: 6, what: "لـ + اللاجئين: a prefix, searched two ways" },
  { query: "زلزال", row: 29, what: "a common noun" },
  { query: "لافرنتييف", row: undefined, what: "a person" },
];

/** The issue's aim for one query on the 4,000-article site. */
export const SEARCH_AIM = { bytes: 300_000, firstResultMs: 2_000 } as const;

/** Pagefind alone on one corpus: one run. */
export interface Indexing {
  seconds: number;
  /** CPU of this Node process while it sent the records and waited (all its threads). */
  nodeCpuSeconds: number;
  /** CPU of Pagefind's own process (read from /proc before it is closed). */
  pagefindCpuSeconds: number;
}

/** One size's search figures. */
export interface SearchSize {
  articles: number;
  records: number;
  /** Files and bytes of the default build's pagefind/ folder. */
  index: { files: number; bytes: number };
  indexing: Indexing[];
  /** The default build (search on) and the same corpus with `search: false`. */
  on: RunResult[];
  off: RunResult[];
}

/** Cold queries on one size's built site: each query's runs. */
export interface SearchQueries {
  articles: number;
  loads: SearchLoad[][];
}

/**
 * Times Pagefind alone on a content folder's records, `runs` times, as a build starts it
 * (startSearchIndex, then write), each run with a Pagefind process of its own and into a fresh
 * folder. The content is loaded first, untimed, by the project's content loader.
 * @example await timeIndexing("content", (run) => `/tmp/index-${run}`, 2)
 */
export async function timeIndexing(
  contentDir: string,
  outputFor: (run: number) => string,
  runs: number,
): Promise<{ records: number; runs: Indexing[] }> {
  const content = await createContentLoader({ contentDir }).load();
  const { records, language } = searchInput(content, undefined);
  const measured: Indexing[] = [];
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await startSearchIndex(records, language).write(outputFor(run));
    const seconds = (performance.now() - started) / 1000;
    const node = process.cpuUsage(cpu);
    const pagefindCpuSeconds = await childrenCpuSeconds(/^pagefind/);
    // A build's Pagefind process ends with it: the next run starts one afresh.
    await closePagefind();
    measured.push({ seconds, nodeCpuSeconds: (node.user + node.system) / 1e6, pagefindCpuSeconds });
  }
  return { records: records.length, runs: measured };
}

/** The files and bytes of a built site's search index. */
export async function indexSize(siteFolder: string): Promise<{ files: number; bytes: number }> {
  const folder = path.join(siteFolder, SEARCH_INDEX_PATH);
  const names = await readdir(folder, { recursive: true });
  const sizes = await Promise.all(names.map((name) => stat(path.join(folder, name))));
  const files = sizes.filter((info) => info.isFile());
  return { files: files.length, bytes: files.reduce((sum, info) => sum + info.size, 0) };
}

/**
 * Serves a built site as `npm run audit` does (brotli, each path's `_headers`), and opens its
 * search page cold for each query, `runs` times, after one unmeasured load (a fresh browser
 * warms its own caches on its first page).
 */
export async function measureQueries(siteFolder: string, runs: number): Promise<SearchLoad[][]> {
  const responses: SentResponse[] = [];
  const server = await startStaticServer({
    root: siteFolder,
    compress: true,
    headersFile: true,
    onResponse: (response) => responses.push(response),
  });
  const browser = await launchChromium();
  try {
    const site = { url: server.url, responses };
    await measureSearch(browser, site, BENCH_QUERIES[0]?.query ?? "");
    const loads: SearchLoad[][] = [];
    for (const { query } of BENCH_QUERIES) {
      const each: SearchLoad[] = [];
      for (let run = 0; run < runs; run++) each.push(await measureSearch(browser, site, query));
      console.log(
        `search «${query}»: ${each.map((load) => `${(load.firstResultMs / 1000).toFixed(2)} s`).join(", ")} to the first result, ${kb(total(each[0]?.bytes))}`,
      );
      loads.push(each);
    }
    return loads;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The search figures as Markdown: the index by size, then the queries. */
export function formatSearchReport(
  sizes: readonly SearchSize[],
  queries: SearchQueries | undefined,
  pagefindVersion: string,
): string {
  const lines: string[] = [];
  if (sizes.length > 0) {
    const runs = Math.max(...sizes.map((size) => size.indexing.length));
    lines.push(
      `Search index, Pagefind ${pagefindVersion}. "Pagefind alone": the corpus's records (loaded first, untimed, by the content loader, as a build loads them) indexed by src/build/search-index.ts's startSearchIndex and written, ${runs} run${runs === 1 ? "" : "s"}, each with a Pagefind process of its own: median wall time, with the CPU of Node (sending the records) and of Pagefind's process. Builds: the default (search on) and the same corpus with \`search: false\`, alternating, medians; CPU is the build process's as GNU time reports it (Pagefind's process, which a build leaves to end on its own, may fall outside it).`,
      "",
      "| articles | records | index files | index size | indexing, Pagefind alone | its CPU: Node + Pagefind | build, search on | build, search off | on − off |",
      "| -------: | ------: | ----------: | ---------: | -----------------------: | ------------------------ | ---------------: | ----------------: | -------: |",
    );
    for (const size of sizes) {
      const wall = (list: readonly RunResult[]) => median(list.map((run) => run.seconds));
      const cpu = (list: readonly RunResult[]) => median(list.map((run) => run.cpuSeconds));
      const indexing = median(size.indexing.map((run) => run.seconds));
      const node = median(size.indexing.map((run) => run.nodeCpuSeconds));
      const pagefind = median(size.indexing.map((run) => run.pagefindCpuSeconds));
      lines.push(
        `| ${size.articles.toLocaleString("en")} | ${size.records.toLocaleString("en")} | ${size.index.files.toLocaleString("en")} | ${megabytes(size.index.bytes)} | ${indexing.toFixed(2)} s | ${node.toFixed(2)} + ${pagefind.toFixed(2)} s | ${wall(size.on).toFixed(2)} s (${cpu(size.on).toFixed(2)} s CPU) | ${wall(size.off).toFixed(2)} s (${cpu(size.off).toFixed(2)} s CPU) | ${(wall(size.on) - wall(size.off)).toFixed(2)} s (${(cpu(size.on) - cpu(size.off)).toFixed(2)} s CPU) |`,
      );
    }
  }
  if (queries) lines.push(...(lines.length > 0 ? [""] : []), ...formatQueries(queries));
  return lines.join("\n");
}

/** The installed Pagefind's version, for the report. */
export async function pagefindVersion(): Promise<string> {
  const file = path.join(import.meta.dirname, "../node_modules/pagefind/package.json");
  return (JSON.parse(await readFile(file, "utf8")) as { version: string }).version;
}

// ---------------------------------------------------------------------------------------------
// Internals

function formatQueries({ articles, loads }: SearchQueries): string[] {
  const runs = loads[0]?.length ?? 0;
  const kinds = SEARCH_BYTE_KINDS.filter((kind) =>
    loads.some((each) => each.some((load) => load.bytes[kind] > 0)),
  );
  const lines = [
    `One query on the ${articles.toLocaleString("en")}-article site: /search/?q=<query> opened cold (a fresh context, cache disabled) in Chromium under ${SLOW_4G.name} and a ${CPU_SLOWDOWN}× CPU slowdown (npm run audit's profile, through the page's DevTools session; it throttles the requests of Pagefind's web worker too), served with brotli and each path's \`_headers\`, ${runs} run${runs === 1 ? "" : "s"} each. Bytes are what the server put on the wire (headers included), counted by the server: Chromium's page session does not see the worker's requests. First result: from the start of the navigation to the frame after the first result was added to the list (median of the runs).`,
    "",
    `| query | docs/search.md | found | downloaded | ${kinds.map((kind) => SEARCH_BYTE_LABELS[kind]).join(" | ")} | requests | first result |`,
    `| ----- | -------------- | ----: | ---------: | ${kinds.map(() => "---:").join(" | ")} | -------: | -----------: |`,
  ];
  const rows = BENCH_QUERIES.map((entry, index) => {
    const each = loads[index] ?? [];
    const last = each.at(-1);
    return { entry, last, firstResultMs: median(each.map((load) => load.firstResultMs)), each };
  });
  for (const { entry, last, firstResultMs, each } of rows) {
    if (!last) continue;
    const requests = SEARCH_BYTE_KINDS.reduce((sum, kind) => sum + last.requests[kind], 0);
    lines.push(
      `| «${entry.query}» (${entry.what}) | ${entry.row === undefined ? "not in the table" : `row ${entry.row}`} | ${last.results.toLocaleString("en")} | ${kb(total(last.bytes))} | ${kinds.map((kind) => kb(last.bytes[kind])).join(" | ")} | ${requests} | ${seconds(firstResultMs)}${each.length > 1 ? ` (${each.map((load) => (load.firstResultMs / 1000).toFixed(2)).join(", ")})` : ""} |`,
    );
  }
  const measured = rows.filter((row) => row.last !== undefined);
  if (measured.length === 0) return lines;
  const bytes = median(measured.map((row) => total(row.last?.bytes)));
  const time = median(measured.map((row) => row.firstResultMs).filter((ms) => !Number.isNaN(ms)));
  const byKind = (kind: SearchByteKind) =>
    median(measured.map((row) => row.last?.bytes[kind] ?? 0));
  lines.push(
    `| median | | | ${kb(bytes)} | ${kinds.map((kind) => kb(byKind(kind))).join(" | ")} | | ${seconds(time)} |`,
    "",
    `Aim (issue 18): under ${kb(SEARCH_AIM.bytes)} and under ${seconds(SEARCH_AIM.firstResultMs)}. Median: ${kb(bytes)} (${versus(bytes - SEARCH_AIM.bytes, kb)}) and ${seconds(time)} (${versus(time - SEARCH_AIM.firstResultMs, seconds)}). The largest shares of the median: ${[
      ...kinds,
    ]
      .sort((a, b) => byKind(b) - byKind(a))
      .slice(0, 2)
      .map(
        (kind) =>
          `${SEARCH_BYTE_LABELS[kind]} ${kb(byKind(kind))} (${Math.round((byKind(kind) / bytes) * 100)}%)`,
      )
      .join(", ")}.`,
  );
  return lines;
}

function versus(difference: number, unit: (value: number) => string): string {
  return difference > 0 ? `over by ${unit(difference)}` : `under by ${unit(-difference)}`;
}

function total(bytes: Record<SearchByteKind, number> | undefined): number {
  return bytes ? SEARCH_BYTE_KINDS.reduce((sum, kind) => sum + bytes[kind], 0) : 0;
}

/** Seconds, or "no result" for a query that showed none. */
function seconds(milliseconds: number): string {
  if (Number.isNaN(milliseconds)) return "no result";
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

/**
 * The user and system CPU so far of this process's children whose command name matches: fields
 * 14 and 15 of /proc/<pid>/stat, in clock ticks (USER_HZ, 100 on every Linux Node supports).
 */
async function childrenCpuSeconds(name: RegExp): Promise<number> {
  let ticks = 0;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const open = stat.indexOf(" (");
    const close = stat.lastIndexOf(") ");
    if (open === -1 || close === -1 || !name.test(stat.slice(open + 2, close))) continue;
    const fields = stat.slice(close + 2).split(" ");
    if (Number(fields[1]) !== process.pid) continue;
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / 100;
}
