// The page-weight budget: which pages the audit loads, how it sorts what they transfer, what passes, and the report it writes.

import { ARTICLE_KIND } from "./built-site.ts";

/** What the audit sorts transfers into. */
export const RESOURCE_CLASSES = ["html", "css", "fonts", "images", "js", "other"] as const;
export type ResourceClass = (typeof RESOURCE_CLASSES)[number];

/** One page load under throttling, as measured in Chromium. */
export interface PageLoad {
  kind: string;
  path: string;
  status: number;
  /** Bytes on the wire per class (compressed bodies plus headers), and requests per class. */
  bytes: Record<ResourceClass, number>;
  requests: Record<ResourceClass, number>;
  /** Largest Contentful Paint, ms after navigation start (the median of the runs). */
  lcp: number;
  /** LCP of each run, in the order they ran. */
  lcpRuns: number[];
  /** Cumulative Layout Shift over the whole load. */
  cls: number;
  /** LCP (median) and CLS (worst) under the harsher DevTools network preset, for reference. */
  harsherNetwork: { lcp: number; cls: number };
  /** Lighthouse category scores, 0–100. */
  lighthouse: Record<LighthouseCategory, number>;
  /** Lighthouse audits that lost points, for the report: `<category>: <audit id> (<its title>)`. */
  lighthouseFailures: string[];
}

export const LIGHTHOUSE_CATEGORIES = ["accessibility", "best-practices", "seo"] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

/** The budget of issue 4: the article page's first view on a slow phone connection. */
export const ARTICLE_BUDGET = {
  totalBytes: 50_000,
  bytesWithoutFonts: 8_000,
  jsBytes: 0,
  cls: 0,
  lcpMs: 1_500,
  lighthouseScore: 100,
} as const;

/**
 * The search page (issue 18): the one page that runs a script. It loads two: its own, and
 * Pagefind's `pagefind.js`, preloaded from the head and started before any query so the first
 * query does not wait for it (about 3 KB and 13 KB compressed); the index's files come with the
 * first query (npm run bench measures those).
 */
export const SEARCH_KIND = "search";
export const SEARCH_PAGE_BUDGET = { jsBytes: 20_000, jsRequests: 2 } as const;

/**
 * The one Lighthouse audit the search page fails on purpose: it asks search engines not to index
 * it (`noindex`: a page of results for whatever query is in its address, nothing of its own), and
 * Lighthouse's SEO category counts that as "blocked from indexing".
 */
export const SEARCH_PAGE_NOT_INDEXED = "seo: is-crawlable";

/**
 * An article with a lead photo (issue 16): its photo is the largest paint, so its budget is
 * Lighthouse's own mobile LCP (simulated slow 4G and 4× CPU) at most 2.5 s, Google's "good"
 * threshold; no layout shift while the photo loads, no JavaScript. Its bytes are reported, not
 * held to the article's 50 KB, which has no photo in it.
 */
export const PHOTO_ARTICLE_BUDGET = { lighthouseLcpMs: 2_500, cls: 0, jsBytes: 0 } as const;

/** A photo article's load: as any page's, with Lighthouse's performance audit's LCP. */
export interface PhotoArticleLoad extends PageLoad {
  /** Lighthouse's largest-contentful-paint, ms (its simulated mobile throttling). */
  lighthouseLcp: number;
  /** Lighthouse's performance score, 0–100. */
  performance: number;
}

/**
 * Every way a photo article's load misses its budget; empty when it is within.
 * @example checkPhotoBudget({ ...load, lighthouseLcp: 2600 }) //=> ["Lighthouse LCP 2600 ms, over 2500 ms"]
 */
export function checkPhotoBudget(load: PhotoArticleLoad): string[] {
  const misses: string[] = [];
  if (load.lighthouseLcp > PHOTO_ARTICLE_BUDGET.lighthouseLcpMs)
    misses.push(
      `Lighthouse LCP ${Math.round(load.lighthouseLcp)} ms, over ${PHOTO_ARTICLE_BUDGET.lighthouseLcpMs} ms`,
    );
  if (load.cls > PHOTO_ARTICLE_BUDGET.cls) misses.push(`CLS ${load.cls.toFixed(3)}`);
  if (load.bytes.js > PHOTO_ARTICLE_BUDGET.jsBytes)
    misses.push(`${kb(load.bytes.js)} of JavaScript`);
  misses.push(...lighthouseMisses(load));
  return misses;
}

/**
 * Sorts a response into a class by Chromium's resource type.
 * @example classifyResource("Font", "font/woff2") //=> "fonts"
 */
export function classifyResource(resourceType: string, mimeType: string): ResourceClass {
  switch (resourceType) {
    case "Document":
      return "html";
    case "Stylesheet":
      return "css";
    case "Font":
      return "fonts";
    case "Image":
      return "images";
    case "Script":
      return "js";
    case "Fetch":
    case "XHR":
      return /javascript|ecmascript/.test(mimeType) ? "js" : "other";
    default:
      // The browser's own requests (a favicon probe answered by 404.html) are not page HTML.
      return "other";
  }
}

/** What one cold load measures (the audit repeats it and keeps the median). */
export type LoadFigures = Pick<PageLoad, "status" | "bytes" | "requests" | "lcp" | "cls">;

/**
 * Several cold loads of one page as one: the median LCP (a shared machine's timings scatter),
 * and the worst of everything else, so a budget is never met by luck.
 * @example combineRuns([{ lcp: 900, … }, { lcp: 1200, … }, { lcp: 1000, … }]).lcp //=> 1000
 */
export function combineRuns(runs: readonly LoadFigures[]): LoadFigures & { lcpRuns: number[] } {
  const [first] = runs;
  if (!first) throw new Error("no runs to combine");
  const worst = (pick: (run: LoadFigures) => Record<ResourceClass, number>) =>
    Object.fromEntries(
      RESOURCE_CLASSES.map((name) => [name, Math.max(...runs.map((run) => pick(run)[name]))]),
    ) as Record<ResourceClass, number>;
  const lcps = runs.map((run) => run.lcp).sort((a, b) => a - b);
  return {
    status: first.status,
    bytes: worst((run) => run.bytes),
    requests: worst((run) => run.requests),
    lcp: lcps[Math.floor((lcps.length - 1) / 2)] ?? first.lcp,
    lcpRuns: runs.map((run) => run.lcp),
    cls: Math.max(...runs.map((run) => run.cls)),
  };
}

/** The sum of a per-class record. */
export function total(record: Record<ResourceClass, number>): number {
  return RESOURCE_CLASSES.reduce((sum, key) => sum + record[key], 0);
}

/**
 * Every way a page load misses the budget; empty when it is within. The byte and LCP limits
 * are the article page's; no JavaScript, no layout shift and Lighthouse 100 hold for every page.
 * @example checkBudget(load).join("; ") //=> "" when within budget
 */
export function checkBudget(load: PageLoad): string[] {
  const misses = checkBytes(load.kind, load.bytes);
  if (load.kind === ARTICLE_KIND && load.lcp > ARTICLE_BUDGET.lcpMs) {
    misses.push(`LCP ${Math.round(load.lcp)} ms, over ${ARTICLE_BUDGET.lcpMs} ms`);
  }
  if (load.cls > ARTICLE_BUDGET.cls) misses.push(`CLS ${load.cls.toFixed(3)}`);
  misses.push(...lighthouseMisses(load));
  return misses;
}

/**
 * The byte part of the budget alone (it does not depend on the machine, so tests hold it):
 * the article's total and total without fonts, and no JavaScript anywhere.
 * @example checkBytes("articles/*", { html: 2500, css: 1600, fonts: 21000, images: 0, js: 0, other: 0 }) //=> []
 */
export function checkBytes(kind: string, bytes: Record<ResourceClass, number>): string[] {
  const misses: string[] = [];
  if (kind === ARTICLE_KIND) {
    const all = total(bytes);
    const withoutFonts = all - bytes.fonts;
    if (all > ARTICLE_BUDGET.totalBytes) {
      misses.push(`${kb(all)} transferred, over ${kb(ARTICLE_BUDGET.totalBytes)}`);
    }
    if (withoutFonts > ARTICLE_BUDGET.bytesWithoutFonts) {
      misses.push(
        `${kb(withoutFonts)} without fonts, over ${kb(ARTICLE_BUDGET.bytesWithoutFonts)}`,
      );
    }
  }
  const jsBudget = kind === SEARCH_KIND ? SEARCH_PAGE_BUDGET.jsBytes : ARTICLE_BUDGET.jsBytes;
  if (bytes.js > jsBudget) misses.push(`${kb(bytes.js)} of JavaScript`);
  return misses;
}

/** The conditions the loads ran under, for the report's heading. */
export interface AuditConditions {
  runs: number;
  /** The harsher network the second LCP and CLS columns were measured under. */
  harsherNetwork: string;
  /** Lighthouse's measure of this machine's speed (about 1000+ on a fast desktop). */
  benchmarkIndex: number;
  /** The machine's one-minute load average and core count when the audit ended. */
  load: { average: number; cores: number };
  network: string;
  cpu: string;
  viewport: string;
  browser: string;
  lighthouse: string;
}

/**
 * docs/page-weight.md: the conditions, one table of transfers, one of timings and scores,
 * and the verdict against the budget.
 */
export function renderReport(
  loads: readonly PageLoad[],
  conditions: AuditConditions,
  photo?: PhotoArticleLoad,
): string {
  const lines = [
    "# Performance budget",
    "",
    `Written by \`npm run audit\` (scripts/audit.ts); do not edit by hand. Each page kind is loaded`,
    `${conditions.runs} times, cold (empty cache, new browser context), in Chromium from a local server that`,
    "compresses text with brotli as a static host would, under the conditions below. Bytes are what",
    "crossed the wire: compressed bodies plus response headers (the largest of the runs). LCP and",
    "CLS come from `PerformanceObserver` in the page: LCP is the median run, CLS the worst.",
    "",
    `- Network: ${conditions.network}; the budget is held here`,
    `- Harsher network, for reference: ${conditions.harsherNetwork}`,
    `- CPU: ${conditions.cpu}`,
    `- Viewport: ${conditions.viewport}`,
    `- Browser: ${conditions.browser}; Lighthouse ${conditions.lighthouse}`,
    `- Machine: Lighthouse benchmark index ${Math.round(conditions.benchmarkIndex)} (the CPU slowdown is applied on top of it); load average ${conditions.load.average.toFixed(1)} on ${conditions.load.cores} cores when the audit ended (timings scatter on a busy machine)`,
    "",
    "## Bytes transferred (first view)",
    "",
    `| page | status | ${RESOURCE_CLASSES.map((name) => name.toUpperCase()).join(" | ")} | total | without fonts | requests |`,
    `|---|---|${RESOURCE_CLASSES.map(() => "---:").join("|")}|---:|---:|---:|`,
    ...loads.map((load) => {
      const all = total(load.bytes);
      const cells = RESOURCE_CLASSES.map((name) => kb(load.bytes[name]));
      return `| ${load.kind} (\`${load.path}\`) | ${load.status} | ${cells.join(" | ")} | ${kb(all)} | ${kb(all - load.bytes.fonts)} | ${total(load.requests)} |`;
    }),
    "",
    "## Timings and Lighthouse scores",
    "",
    `| page | LCP (median) | LCP of each run | CLS | LCP, DevTools preset | CLS, DevTools preset | ${LIGHTHOUSE_CATEGORIES.join(" | ")} |`,
    `|---|---:|---|---:|---:|---:|${LIGHTHOUSE_CATEGORIES.map(() => "---:").join("|")}|`,
    ...loads.map((load) =>
      [
        load.kind,
        `${Math.round(load.lcp)} ms`,
        `${load.lcpRuns.map((lcp) => Math.round(lcp)).join(", ")} ms`,
        load.cls.toFixed(3),
        `${Math.round(load.harsherNetwork.lcp)} ms`,
        load.harsherNetwork.cls.toFixed(3),
        ...LIGHTHOUSE_CATEGORIES.map((name) => String(load.lighthouse[name])),
      ]
        .join(" | ")
        .replace(/^/, "| ")
        .concat(" |"),
    ),
    "",
    "## Budget",
    "",
    `Article page, first view: at most ${kb(ARTICLE_BUDGET.totalBytes)} in total and ${kb(ARTICLE_BUDGET.bytesWithoutFonts)}`,
    `without fonts, no JavaScript, CLS 0, LCP at most ${ARTICLE_BUDGET.lcpMs} ms; Lighthouse accessibility, best`,
    "practices and SEO 100 on every page. Lighthouse will not audit a response with status 404, so it",
    "reads the not-found page at its own address, /404.html.",
    "",
    ...loads.map((load) => {
      const misses = checkBudget(load);
      const verdict =
        misses.length === 0 ? "within budget" : `**over budget**: ${misses.join("; ")}`;
      const harsher =
        load.kind === ARTICLE_KIND && load.harsherNetwork.lcp > ARTICLE_BUDGET.lcpMs
          ? ` (under the DevTools preset its LCP, ${Math.round(load.harsherNetwork.lcp)} ms, is over ${ARTICLE_BUDGET.lcpMs} ms: the preset charges its whole latency to the document, then again to the stylesheet)`
          : "";
      return `- ${load.kind}: ${verdict}${harsher}`;
    }),
  ];
  if (photo) lines.push("", ...photoSection(photo));
  const failures = [...loads, ...(photo ? [photo] : [])].filter(
    (load) => load.lighthouseFailures.length > 0,
  );
  if (failures.length > 0) {
    lines.push("", "## Lighthouse audits that lost points", "");
    for (const load of failures)
      lines.push(`- ${load.kind}: ${load.lighthouseFailures.join("; ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The photo article's section of the report: what it transfers by type, and its LCP. */
function photoSection(load: PhotoArticleLoad): string[] {
  const misses = checkPhotoBudget(load);
  return [
    "## Article with a lead photo",
    "",
    "The project's content plus one article with a generated 2000×1300 lead photo",
    "(scripts/lib/photo-site.ts), loaded as above; its LCP element is the photo. Budget: Lighthouse's",
    `mobile LCP (its own simulated slow 4G and 4× CPU) at most ${PHOTO_ARTICLE_BUDGET.lighthouseLcpMs} ms, CLS 0, no JavaScript.`,
    "",
    "| page | document | CSS | fonts | images | JS | other | total | requests |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    `| \`${load.path}\` | ${kb(load.bytes.html)} | ${kb(load.bytes.css)} | ${kb(load.bytes.fonts)} | ${kb(load.bytes.images)} | ${kb(load.bytes.js)} | ${kb(load.bytes.other)} | ${kb(total(load.bytes))} | ${total(load.requests)} |`,
    "",
    `- Lighthouse (performance, mobile): LCP ${Math.round(load.lighthouseLcp)} ms, performance score ${load.performance}; accessibility ${load.lighthouse.accessibility}, best practices ${load.lighthouse["best-practices"]}, SEO ${load.lighthouse.seo}`,
    `- Measured in the page under the network above: LCP ${Math.round(load.lcp)} ms (runs: ${load.lcpRuns.map((lcp) => Math.round(lcp)).join(", ")} ms), CLS ${load.cls.toFixed(3)}; DevTools preset: LCP ${Math.round(load.harsherNetwork.lcp)} ms, CLS ${load.harsherNetwork.cls.toFixed(3)}`,
    `- ${misses.length === 0 ? "within budget" : `**over budget**: ${misses.join("; ")}`}`,
  ];
}

/**
 * Bytes as kilobytes (1 KB = 1000 bytes, as the budget is written), one decimal.
 * @example kb(25_812) //=> "25.8 KB"
 */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** The Lighthouse categories under 100, but for the search page's noindex (SEARCH_PAGE_NOT_INDEXED). */
function lighthouseMisses(load: PageLoad): string[] {
  const misses: string[] = [];
  for (const category of LIGHTHOUSE_CATEGORIES) {
    if (load.lighthouse[category] >= ARTICLE_BUDGET.lighthouseScore) continue;
    const lost = load.lighthouseFailures.filter((failure) => failure.startsWith(`${category}: `));
    const onPurpose =
      load.kind === SEARCH_KIND &&
      lost.length > 0 &&
      lost.every((failure) => failure.startsWith(SEARCH_PAGE_NOT_INDEXED));
    if (!onPurpose) misses.push(`Lighthouse ${category} ${load.lighthouse[category]}`);
  }
  return misses;
}
