// Loads the search page for one query cold in Chromium under the audit's slow 4G and CPU slowdown: the bytes it downloads, by kind, and the time until the first result is shown.

import type { Browser } from "playwright-core";
import { ARTICLE_COUNT_FORMS, formatCount } from "../../src/arabic/plurals.ts";
import { SEARCH_INDEX_PATH, SEARCH_PAGE_PATH } from "../../src/publish/search-records.ts";
import {
  CPU_SLOWDOWN,
  openThrottledPage,
  SLOW_4G,
  type NetworkConditions,
} from "./measure-page.ts";
import type { SentResponse } from "./static-server.ts";

/**
 * What a query's bytes are sorted into: the search page itself (HTML, CSS, fonts, its own
 * script), Pagefind's JavaScript and WebAssembly, the index's metadata and filters (read once
 * per page load), the index chunks holding the query's words, and the result fragments.
 */
export const SEARCH_BYTE_KINDS = [
  "page",
  "pagefind",
  "metadata",
  "index",
  "fragments",
  "other",
] as const;
export type SearchByteKind = (typeof SEARCH_BYTE_KINDS)[number];

export const SEARCH_BYTE_LABELS: Readonly<Record<SearchByteKind, string>> = {
  page: "page (HTML, CSS, fonts, its script)",
  pagefind: "Pagefind's JS and WASM",
  metadata: "index metadata and filters",
  index: "index chunks",
  fragments: "fragments",
  other: "other",
};

/** A query's bytes and requests by kind. */
export interface ByteCounts {
  bytes: Record<SearchByteKind, number>;
  requests: Record<SearchByteKind, number>;
}

/** One cold search: what the status announced, the time to the first result, what was downloaded. */
export interface SearchLoad extends ByteCounts {
  query: string;
  /** Articles found, as the page announced them (NaN when it announced something else). */
  results: number;
  /** From the start of the navigation to /search/?q= until the frame after the first result was added, ms. */
  firstResultMs: number;
}

/**
 * The kind of one downloaded URL (a path, or a whole URL) of a site served at its root: the
 * files under Pagefind's folder by their names, everything else the page's.
 * @example searchByteKind("/pagefind/index/ar_40d0ff4.pf_index") //=> "index"
 * @example searchByteKind("/assets/search.36aa54ddad.js") //=> "page"
 */
export function searchByteKind(url: string): SearchByteKind {
  const pathname = new URL(url, "http://site.invalid/").pathname;
  if (!pathname.startsWith(SEARCH_INDEX_PATH)) return "page";
  const name = pathname.slice(SEARCH_INDEX_PATH.length);
  if (name.startsWith("index/")) return "index";
  if (name.startsWith("fragment/")) return "fragments";
  if (name.startsWith("filter/") || name.endsWith(".pf_meta") || name === "pagefind-entry.json")
    return "metadata";
  if (name.endsWith(".js") || name.endsWith(".pagefind")) return "pagefind";
  return "other";
}

/**
 * Sums responses' bytes and counts them by kind.
 * @example countBytes([{ url: "/search/?q=x", status: 200, bytes: 1877 }]).bytes.page //=> 1877
 */
export function countBytes(responses: readonly SentResponse[]): ByteCounts {
  const bytes = emptyCounts();
  const requests = emptyCounts();
  for (const response of responses) {
    const kind = searchByteKind(response.url);
    bytes[kind] += response.bytes;
    requests[kind] += 1;
  }
  return { bytes, requests };
}

/** A served site whose server reports each response into `responses` (static-server's onResponse). */
export interface CountedSite {
  url: string;
  responses: SentResponse[];
}

/**
 * Opens /search/?q=<query> in a fresh context (empty cache) under `network` and the CPU
 * slowdown, on the audit's mobile screen, and waits for the results. Bytes are counted by the
 * server, not by Chromium: Pagefind fetches its index from a web worker, whose requests the
 * page's DevTools session does not see (its throttling does apply to them).
 */
export async function measureSearch(
  browser: Browser,
  site: CountedSite,
  query: string,
  options: { network?: NetworkConditions; cpuSlowdown?: number } = {},
): Promise<SearchLoad> {
  const { network = SLOW_4G, cpuSlowdown = CPU_SLOWDOWN } = options;
  const { context, page } = await openThrottledPage(browser, network, cpuSlowdown);
  try {
    await page.addInitScript({ content: OBSERVE_FIRST_RESULT });
    site.responses.length = 0;
    const url = new URL(SEARCH_PAGE_PATH.slice(1), site.url);
    url.searchParams.set("q", query);
    await page.goto(url.href);
    await page.waitForSelector('#search-results[aria-busy="false"]', {
      state: "attached",
      timeout: 300_000,
    });
    // Anything still on its way (the favicon) is counted too.
    await page.waitForLoadState("networkidle");
    const firstResultMs = (await page.evaluate("window.__sahifaFirstResult")) as number;
    const status = (await page.locator("#search-status").textContent()) ?? "";
    return {
      query,
      results: announcedCount(status),
      firstResultMs,
      ...countBytes(site.responses),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Internals

// A string, not a function: tsx's output wraps named functions in a helper the page lacks.
const OBSERVE_FIRST_RESULT = `
  window.__sahifaFirstResult = NaN;
  new MutationObserver((records, observer) => {
    if (!document.querySelector("#search-results > li")) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__sahifaFirstResult = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
`;

/** The count in «نتائج البحث عن «q»: 3981 مقالًا». */
function announcedCount(status: string): number {
  const count = status.split("»: ").at(-1) ?? "";
  const digits = /\d+/.exec(count)?.[0];
  if (digits !== undefined) return Number(digits);
  const small = [0, 1, 2].find((n) => formatCount(n, ARTICLE_COUNT_FORMS, "latn") === count);
  return small ?? Number.NaN;
}

function emptyCounts(): Record<SearchByteKind, number> {
  return Object.fromEntries(SEARCH_BYTE_KINDS.map((kind) => [kind, 0])) as Record<
    SearchByteKind,
    number
  >;
}
