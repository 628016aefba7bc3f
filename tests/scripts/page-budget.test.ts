import { describe, expect, it } from "vitest";
import {
  ARTICLE_BUDGET,
  checkBudget,
  checkPhotoBudget,
  classifyResource,
  combineRuns,
  kb,
  renderReport,
  type LoadFigures,
  type PageLoad,
  type PhotoArticleLoad,
  PHOTO_ARTICLE_BUDGET,
  SEARCH_PAGE_NOT_INDEXED,
} from "../../scripts/lib/page-budget.ts";

const bytes = (fonts: number, html = 2_500, js = 0) => ({
  html,
  css: 1_600,
  fonts,
  images: 0,
  js,
  other: 0,
});

const articleLoad = (overrides: Partial<PageLoad> = {}): PageLoad => ({
  kind: "articles/*",
  path: "/articles/x/",
  status: 200,
  bytes: bytes(21_000),
  requests: { html: 1, css: 1, fonts: 2, images: 0, js: 0, other: 0 },
  lcp: 950,
  lcpRuns: [950, 900, 1000],
  cls: 0,
  harsherNetwork: { lcp: 1600, cls: 0 },
  lighthouse: { accessibility: 100, "best-practices": 100, seo: 100 },
  lighthouseFailures: [],
  ...overrides,
});

describe("classifyResource", () => {
  it("sorts by Chromium's resource type", () => {
    expect(classifyResource("Document", "text/html")).toBe("html");
    expect(classifyResource("Stylesheet", "text/css")).toBe("css");
    expect(classifyResource("Font", "font/woff2")).toBe("fonts");
    expect(classifyResource("Image", "image/avif")).toBe("images");
    expect(classifyResource("Script", "text/javascript")).toBe("js");
    expect(classifyResource("Fetch", "application/javascript")).toBe("js");
  });

  it("does not count the browser's favicon probe as page HTML", () => {
    expect(classifyResource("Other", "text/html")).toBe("other");
  });
});

describe("combineRuns", () => {
  const run = (lcp: number, cls: number, fonts: number): LoadFigures => ({
    status: 200,
    bytes: bytes(fonts),
    requests: { html: 1, css: 1, fonts: 2, images: 0, js: 0, other: 0 },
    lcp,
    cls,
  });

  it("keeps the median LCP and the worst of everything else", () => {
    const combined = combineRuns([
      run(1200, 0, 21_000),
      run(900, 0.01, 21_100),
      run(1000, 0, 21_000),
    ]);
    expect(combined.lcp).toBe(1000);
    expect(combined.lcpRuns).toEqual([1200, 900, 1000]);
    expect(combined.cls).toBe(0.01);
    expect(combined.bytes.fonts).toBe(21_100);
  });

  it("refuses no runs at all", () => {
    expect(() => combineRuns([])).toThrow(/no runs/);
  });
});

describe("checkBudget", () => {
  it("passes an article within every limit", () => {
    expect(checkBudget(articleLoad())).toEqual([]);
  });

  it("names every limit an article misses", () => {
    const misses = checkBudget(
      articleLoad({
        bytes: bytes(45_000, 6_000, 1_000),
        lcp: 1_501,
        cls: 0.001,
        lighthouse: { accessibility: 98, "best-practices": 100, seo: 92 },
      }),
    );
    expect(misses).toEqual([
      "53.6 KB transferred, over 50.0 KB",
      "8.6 KB without fonts, over 8.0 KB",
      "1.0 KB of JavaScript",
      "LCP 1501 ms, over 1500 ms",
      "CLS 0.001",
      "Lighthouse accessibility 98",
      "Lighthouse seo 92",
    ]);
  });

  it("holds other pages to no JavaScript, no shift and Lighthouse 100, not to the article's bytes", () => {
    const home = articleLoad({ kind: "home", bytes: bytes(60_000), lcp: 3_000 });
    expect(checkBudget(home)).toEqual([]);
    expect(checkBudget({ ...home, cls: 0.2 })).toEqual(["CLS 0.200"]);
  });

  it("lets the search page lose Lighthouse's SEO points for its noindex alone", () => {
    const notIndexed = `${SEARCH_PAGE_NOT_INDEXED} (Page is blocked from indexing)`;
    const search = articleLoad({
      kind: "search",
      path: "/search/",
      bytes: bytes(27_000, 1_400, 16_000),
      lighthouse: { accessibility: 100, "best-practices": 100, seo: 66 },
      lighthouseFailures: [notIndexed],
    });
    expect(checkBudget(search)).toEqual([]);
    // Any other SEO loss on it counts, and the same loss counts on any other page.
    expect(
      checkBudget({
        ...search,
        lighthouseFailures: [notIndexed, "seo: link-text (Links do not have descriptive text)"],
      }),
    ).toEqual(["Lighthouse seo 66"]);
    expect(checkBudget({ ...search, kind: "tags/*", bytes: bytes(27_000) })).toEqual([
      "Lighthouse seo 66",
    ]);
  });

  it("is the budget the issue sets", () => {
    expect(ARTICLE_BUDGET).toMatchObject({
      totalBytes: 50_000,
      bytesWithoutFonts: 8_000,
      lcpMs: 1_500,
      cls: 0,
    });
  });
});

describe("checkPhotoBudget", () => {
  const photo = (overrides: Partial<PhotoArticleLoad> = {}): PhotoArticleLoad => ({
    ...articleLoad({
      kind: "article with a lead photo",
      bytes: { ...bytes(21_000), images: 70_000 },
    }),
    lighthouseLcp: 1_500,
    performance: 97,
    ...overrides,
  });

  it("holds an article with a lead photo to Lighthouse's LCP of 2.5 s, no shift, no JavaScript, not to the article's bytes", () => {
    expect(checkPhotoBudget(photo())).toEqual([]);
    expect(checkPhotoBudget(photo({ lighthouseLcp: 2_600 }))).toEqual([
      "Lighthouse LCP 2600 ms, over 2500 ms",
    ]);
    expect(checkPhotoBudget(photo({ cls: 0.05 }))).toEqual(["CLS 0.050"]);
    expect(checkPhotoBudget(photo({ bytes: bytes(21_000, 2_500, 900) }))).toEqual([
      "0.9 KB of JavaScript",
    ]);
    // Its own LCP measured in a loaded browser is reported, not held: Lighthouse's is the budget.
    expect(checkPhotoBudget(photo({ lcp: 4_000 }))).toEqual([]);
    expect(PHOTO_ARTICLE_BUDGET.lighthouseLcpMs).toBe(2_500);
  });
});

describe("renderReport", () => {
  const conditions = {
    runs: 3,
    benchmarkIndex: 1234.4,
    load: { average: 0.42, cores: 2 },
    network: "net A",
    harsherNetwork: "net B",
    cpu: "4×",
    viewport: "412×823",
    browser: "156",
    lighthouse: "12.2.3",
  };

  it("tabulates bytes, timings and scores, and gives the verdict per page", () => {
    const report = renderReport(
      [
        articleLoad(),
        articleLoad({
          kind: "home",
          path: "/",
          cls: 0.05,
          lighthouseFailures: ["seo: Links are not crawlable"],
        }),
      ],
      conditions,
    );
    expect(report).toContain(
      "| articles/* (`/articles/x/`) | 200 | 2.5 KB | 1.6 KB | 21.0 KB | 0.0 KB | 0.0 KB | 0.0 KB | 25.1 KB | 4.1 KB | 4 |",
    );
    expect(report).toContain(
      "| articles/* | 950 ms | 950, 900, 1000 ms | 0.000 | 1600 ms | 0.000 | 100 | 100 | 100 |",
    );
    expect(report).toContain(
      "- articles/*: within budget (under the DevTools preset its LCP, 1600 ms, is over 1500 ms",
    );
    expect(report).toContain("- home: **over budget**: CLS 0.050");
    expect(report).toContain("- home: seo: Links are not crawlable");
    expect(report).toContain("benchmark index 1234");
    expect(report).toContain("load average 0.4 on 2 cores");
    expect(report).toContain("net A");
  });
});

describe("kb", () => {
  it("writes kilobytes of 1000 bytes with one decimal", () => {
    expect(kb(25_812)).toBe("25.8 KB");
    expect(kb(0)).toBe("0.0 KB");
  });
});
