// The byte budget in Chromium: what each page kind transfers, compressed as a static host sends it (timings are the audit's job).

import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTICLE_KIND,
  buildTemporarySite,
  pageKinds,
  type BuiltSite,
} from "../../scripts/lib/built-site.ts";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import { measurePage, UNTHROTTLED } from "../../scripts/lib/measure-page.ts";
import {
  checkBytes,
  SEARCH_KIND,
  SEARCH_PAGE_BUDGET,
  type LoadFigures,
} from "../../scripts/lib/page-budget.ts";
import { FONT_FILES } from "../../src/assets/build-assets.ts";
import { startStaticServer, type StaticServer } from "../../scripts/lib/static-server.ts";

const site: BuiltSite = await buildTemporarySite();
const kinds = pageKinds(site.htmlFiles);
let server: StaticServer;
let browser: Browser;
const loads = new Map<string, LoadFigures>();

beforeAll(async () => {
  server = await startStaticServer({ root: site.root, compress: true });
  browser = await launchChromium();
  for (const { kind, path: sitePath } of kinds) {
    const url = new URL(sitePath.slice(1), server.url).href;
    loads.set(
      kind,
      await measurePage(browser, url, { network: UNTHROTTLED, cpuSlowdown: 1, settleMs: 200 }),
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site.remove();
});

describe.each(kinds)("$kind ($path)", ({ kind, file }) => {
  // The search page runs its own script and Pagefind's loader (preloaded so the first query
  // does not wait for it); no other page sends any JavaScript.
  const scripts = kind === SEARCH_KIND ? SEARCH_PAGE_BUDGET.jsRequests : 0;

  it("is within the byte budget and sends no JavaScript but the search page's own", () => {
    const load = loads.get(kind);
    if (scripts === 0) expect(load?.bytes.js).toBe(0);
    else expect(load?.bytes.js).toBeGreaterThan(1_000);
    expect(
      checkBytes(
        kind,
        load?.bytes ?? { html: Infinity, css: 0, fonts: 0, images: 0, js: 0, other: 0 },
      ),
    ).toEqual([]);
  });

  it("needs one document, one stylesheet and the preloaded faces", () => {
    const preloaded = FONT_FILES.filter((font) => font.preload).length;
    expect(preloaded).toBe(4); // the Arabic faces and their Latin, each in two weights
    expect(loads.get(kind)?.requests).toMatchObject({
      html: 1,
      css: 1,
      fonts: preloaded,
      js: scripts,
    });
  });

  it("arrives compressed: the document's bytes are a fraction of the file", async () => {
    const raw = (await readFile(path.join(site.root, file))).length;
    expect(loads.get(kind)?.bytes.html ?? Infinity).toBeLessThan(raw / 2 + 400);
  });
});

describe("the article page", () => {
  it("is among the kinds measured", () => {
    expect(loads.has(ARTICLE_KIND)).toBe(true);
  });
});

describe("the search page", () => {
  it("is among the kinds measured, and its script would be caught over its budget", () => {
    expect(loads.has(SEARCH_KIND)).toBe(true);
    const bytes = {
      html: 0,
      css: 0,
      fonts: 0,
      images: 0,
      js: SEARCH_PAGE_BUDGET.jsBytes + 1,
      other: 0,
    };
    expect(checkBytes(SEARCH_KIND, bytes)).toHaveLength(1);
    expect(checkBytes("home", { ...bytes, js: 1 })).toHaveLength(1);
  });
});
