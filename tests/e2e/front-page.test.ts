// The front page in Chromium at 360 and 1280 px: the lead story first and largest, side by side with the latest from 1,000 px, one column on a phone; axe and Nu on it and a section page; no script, no layout shift.

import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CORPUS_SECTIONS,
  generateCorpus,
  readAstanaText,
  writeCorpus,
  writeLeadPhotos,
} from "../../scripts/corpus.ts";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import { startStaticServer, type StaticServer } from "../../scripts/lib/static-server.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { OBSERVE_SHIFTS } from "../helpers/layout-shift.ts";
import { checkHtml } from "../helpers/nu-checker.ts";
import { makeTempDir, removeTempDirs } from "../helpers/sites.ts";
import { expectNoAxeViolations } from "../helpers/axe.ts";

/** 60 articles in the four sections, the newest 3 with lead photos: the newest is article 60. */
const ARTICLES = 60;
const PHOTOS = 3;
const NEWEST = `/articles/article-${String(ARTICLES).padStart(5, "0")}/`;

let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const dir = await makeTempDir("front-page");
  const content = path.join(dir, "content");
  const options = { count: ARTICLES, leadPhotos: PHOTOS };
  const sourceText = await readAstanaText();
  await writeCorpus(content, generateCorpus({ ...options, sourceText, sections: CORPUS_SECTIONS }));
  await writeLeadPhotos(content, options, 1200, 780);
  process.env.SAHIFA_CONTENT = content;
  site = path.join(dir, "_site");
  try {
    await buildSite({ outputDir: site });
  } finally {
    delete process.env.SAHIFA_CONTENT;
  }
  server = await startStaticServer({ root: site });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeTempDirs();
});

async function open(
  at: string,
  viewport: { width: number; height: number },
  colorScheme: "light" | "dark" = "light",
): Promise<{ page: Page; scripts: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.addInitScript({ content: OBSERVE_SHIFTS });
  await page.goto(new URL(at.slice(1), server.url).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, scripts, close: () => context.close() };
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
}

/** What the layout tests read: the lead, the latest column, every headline's size and link. */
function readLayout(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string): Box | undefined => {
      const rect = document.querySelector(selector)?.getBoundingClientRect();
      return (
        rect && {
          top: rect.top,
          bottom: rect.bottom,
          left: rect.left,
          right: rect.right,
          width: rect.width,
        }
      );
    };
    const headlines = [...document.querySelectorAll("main :is(h2, h3) a")]
      .filter((link) => link.closest("article, li"))
      .map((link) => ({
        href: new URL((link as HTMLAnchorElement).href).pathname,
        size: parseFloat(getComputedStyle(link.parentElement as Element).fontSize),
        lead: link.closest(".lead-story") !== null,
      }));
    return {
      lead: box(".lead-story"),
      latest: box(".front-latest"),
      sections: document.querySelectorAll(".front-sections > section").length,
      headlines,
      photo: (document.querySelector(".lead-story img") as HTMLImageElement | null)?.currentSrc,
    };
  });
}

describe.each([
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
])("the front page at $width px", (viewport) => {
  it("leads with the newest story, its headline larger than every other, its photo shown", async () => {
    const { page, close } = await open("/", viewport);
    try {
      const layout = await readLayout(page);
      const [first, ...others] = layout.headlines;
      expect(first).toMatchObject({ href: NEWEST, lead: true });
      expect(others.length).toBeGreaterThan(10);
      for (const other of others) expect(other.size).toBeLessThan(first?.size ?? 0);
      expect(layout.photo).toMatch(/\/media\/photo-00060-[0-9a-f]{10}-\d+\.avif$/);
      // One block per section that has stories not already above.
      expect(layout.sections).toBeGreaterThan(0);
      expect(layout.sections).toBeLessThanOrEqual(CORPUS_SECTIONS.length);
    } finally {
      await close();
    }
  }, 60_000);

  it(
    viewport.width >= 1000
      ? "sets the latest beside the lead, on its left"
      : "sets everything in one column, the latest under the lead",
    async () => {
      const { page, close } = await open("/", viewport);
      try {
        const { lead, latest } = await readLayout(page);
        if (!lead || !latest) throw new Error("no lead story or latest column");
        if (viewport.width >= 1000) {
          // Right to left: the lead starts at the right, the column of the latest beside it.
          expect(latest.right).toBeLessThan(lead.left);
          expect(Math.abs(latest.top - lead.top)).toBeLessThan(40);
          expect(lead.width).toBeGreaterThan(latest.width * 1.5);
        } else {
          expect(latest.top).toBeGreaterThanOrEqual(lead.bottom);
          expect(Math.abs(latest.width - lead.width)).toBeLessThan(1);
        }
        const scrolls = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        expect(scrolls).toBe(false);
      } finally {
        await close();
      }
    },
    60_000,
  );

  it("runs no script and shifts nothing while it loads, scrolled to the end", async () => {
    const { page, scripts, close } = await open("/", viewport);
    try {
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 400) {
          window.scrollTo(0, y);
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      });
      await page.waitForFunction(() =>
        [...document.images].every((image) => image.complete && image.naturalWidth > 0),
      );
      expect(scripts).toEqual([]);
      // Structured data is the only script element, and it is data (never run).
      const runnable = await page.evaluate(
        () => document.querySelectorAll('script:not([type="application/ld+json"])').length,
      );
      expect(runnable).toBe(0);
      expect(await page.evaluate("window.__shifts")).toBe(0);
    } finally {
      await close();
    }
  }, 60_000);
});

describe("the shift check itself", () => {
  it("counts the shift of an image without a reserved size", async () => {
    const { page, close } = await open("/", { width: 1280, height: 800 });
    try {
      await page.evaluate(() => {
        const image = document.querySelector(".lead-story img") as HTMLImageElement;
        image.removeAttribute("width");
        image.removeAttribute("height");
        image.style.height = "10px";
        return new Promise((resolve) => setTimeout(resolve, 100)).then(() => {
          image.style.height = "400px";
          return new Promise((resolve) => setTimeout(resolve, 300));
        });
      });
      expect(await page.evaluate("window.__shifts")).toBeGreaterThan(0);
    } finally {
      await close();
    }
  }, 60_000);
});

describe("print", () => {
  it("prints one column, the lead first", async () => {
    const { page, close } = await open("/", { width: 1280, height: 800 });
    try {
      await page.emulateMedia({ media: "print" });
      const { lead, latest } = await readLayout(page);
      expect(latest?.top).toBeGreaterThanOrEqual(lead?.bottom ?? Infinity);
    } finally {
      await close();
    }
  }, 60_000);
});

describe.each(["/", "/sections/economy/"])("%s", (at) => {
  it.each([
    { colorScheme: "light", width: 1280 },
    { colorScheme: "dark", width: 1280 },
    { colorScheme: "light", width: 360 },
  ] as const)(
    "has no axe violations ($colorScheme, $width px)",
    async ({ colorScheme, width }) => {
      const { page, close } = await open(at, { width, height: 800 }, colorScheme);
      try {
        await expectNoAxeViolations(page);
      } finally {
        await close();
      }
    },
    60_000,
  );
});

describe("the Nu HTML Checker", () => {
  it("finds no error on the front page, a section page and a later home page", async () => {
    const files = ["index.html", "sections/economy/index.html", "page/2/index.html"].map((file) =>
      path.join(site, file),
    );
    const messages = await checkHtml(files);
    const errors = messages.filter((message) => message.type !== "info");
    expect(errors.map((message) => `${message.url}: ${message.message}`)).toEqual([]);
  }, 120_000);
});
