// Browser: every page built from the XSS suite loads under the shipped CSP with no dialog, no
// script run, no violation and no request off its origin.

import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type {
  Browser,
  BrowserContext,
  ConsoleMessage,
  Dialog,
  Page,
  Request,
} from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import { startStaticServer, type StaticServer } from "../../scripts/lib/static-server.ts";
import { createRenderer } from "../../src/content/markdown.ts";
import { buildFixture, type BuiltFixture } from "../helpers/build-fixture.ts";
import { readFixtures } from "../helpers/fixtures.ts";

const HOSTILE = path.resolve(import.meta.dirname, "../fixtures/sites/hostile");
const XSS = path.resolve(import.meta.dirname, "../fixtures/markdown/xss.txt");

let contentDir: string;
let built: BuiltFixture;
let server: StaticServer;
let browser: Browser;

/** Pages loaded at once, each lane reusing one page (a fresh context and page per URL cost 3x). */
const LANES = 4;

/**
 * One article per XSS fixture (the case as body and, JSON-quoted, as title and standfirst).
 * A case the build refuses (an image from another site) publishes nothing to load: the markdown
 * fixtures and tests/build/photos-refused.test.ts cover it, and it is left out here.
 */
async function writeXssSite(dir: string): Promise<number> {
  await mkdir(path.join(dir, "articles"), { recursive: true });
  await copyFile(path.join(HOSTILE, "site.yaml"), path.join(dir, "site.yaml"));
  await copyFile(path.join(HOSTILE, "articles/hostile.md"), path.join(dir, "articles/hostile.md"));
  const render = createRenderer({ arabicQuotes: true });
  const fixtures = readFixtures(XSS).filter(
    (fixture) => render(fixture.input).problems.length === 0,
  );
  await Promise.all(
    fixtures.map((fixture, index) =>
      writeFile(
        path.join(dir, "articles", `xss-${index}.md`),
        [
          "---",
          `title: ${JSON.stringify(`${fixture.header} ${fixture.input.trim()}`)}`,
          `standfirst: ${JSON.stringify(fixture.input.trim())}`,
          `date: 2023-06-${String((index % 28) + 1).padStart(2, "0")}`,
          `slug: xss-${index}`,
          `tags: [${JSON.stringify(fixture.input.trim().slice(0, 40))}]`,
          "---",
          fixture.input,
        ].join("\n"),
      ),
    ),
  );
  return fixtures.length;
}

beforeAll(async () => {
  contentDir = await mkdtemp(path.join(tmpdir(), "sahifa-xss-site-"));
  await writeXssSite(contentDir);
  built = await buildFixture(contentDir, "https://example.org/");
  // Each path gets the policy the built _headers file gives it, as Netlify and Cloudflare do.
  server = await startStaticServer({ root: built.site, headersFile: true });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await built?.remove();
  await rm(contentDir, { recursive: true, force: true });
});

interface Visit {
  dialogs: string[];
  errors: string[];
  violations: string[];
  offOrigin: string[];
  scriptsRun: number;
  executableScripts: number;
}

/** A visit with nothing to report: what every page must give. */
function cleanVisit(): Visit {
  return {
    dialogs: [],
    errors: [],
    violations: [],
    offOrigin: [],
    scriptsRun: 0,
    executableScripts: 0,
  };
}

/**
 * Installed by the browser before each page's own content, outside the page's CSP: counts any
 * script the page manages to run (every alert/confirm/prompt call, every CSP violation).
 */
function recordScripts(): void {
  const record = { run: 0, violations: [] as string[] };
  Object.defineProperty(window, "__xss", { value: record });
  for (const name of ["alert", "confirm", "prompt"] as const) {
    const original = window[name].bind(window);
    Object.defineProperty(window, name, {
      value: (...args: unknown[]) => {
        record.run += 1;
        return (original as (...a: unknown[]) => unknown)(...args);
      },
    });
  }
  document.addEventListener("securitypolicyviolation", (event) => {
    record.violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
  });
}

/** A browser context with the recorder installed in every document its pages load. */
async function recordingContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(recordScripts);
  return context;
}

async function visit(
  page: Page,
  url: string,
  afterLoad?: (page: Page) => Promise<void>,
): Promise<Visit> {
  const result: Visit = cleanVisit();
  const onDialog = async (dialog: Dialog): Promise<void> => {
    result.dialogs.push(dialog.message());
    await dialog.dismiss();
  };
  const onPageError = (error: Error): void => {
    result.errors.push(error.message);
  };
  const onConsole = (message: ConsoleMessage): void => {
    if (message.type() === "error") result.errors.push(message.text());
  };
  const onRequest = (request: Request): void => {
    if (!request.url().startsWith(server.url)) result.offOrigin.push(request.url());
  };
  page.on("dialog", onDialog);
  page.on("pageerror", onPageError);
  page.on("console", onConsole);
  page.on("request", onRequest);
  try {
    await page.goto(new URL(url, server.url).href, { waitUntil: "load" });
    await afterLoad?.(page);
    // Give anything deferred (event handlers, timers, image errors) a moment to fire.
    await page.mouse.move(10, 10);
    await page.waitForTimeout(50);
    const state = await page.evaluate(() => {
      const record = (window as unknown as { __xss: { run: number; violations: string[] } }).__xss;
      const executable = [...document.scripts].filter(
        (script) => script.type !== "application/ld+json",
      ).length;
      return { run: record.run, violations: record.violations, executable };
    });
    result.scriptsRun = state.run;
    result.violations = state.violations;
    result.executableScripts = state.executable;
  } finally {
    page.off("dialog", onDialog);
    page.off("pageerror", onPageError);
    page.off("console", onConsole);
    page.off("request", onRequest);
  }
  return result;
}

/**
 * Visits every URL, LANES at a time, each lane one page in its own browser context (the recorder
 * runs again in each new document; storage is not shared between lanes), and returns the
 * visits in the URLs' order.
 */
async function visitAll(urls: readonly string[]): Promise<Visit[]> {
  const results: Visit[] = new Array(urls.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    const context = await recordingContext();
    const page = await context.newPage();
    try {
      while (next < urls.length) {
        const index = next++;
        results[index] = await visit(page, urls[index]!);
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, urls.length) }, lane));
  return results;
}

describe("the XSS suite in Chromium under the shipped CSP", () => {
  it("the check is real: a page that runs script is caught", async () => {
    const page = await browser.newPage();
    try {
      let dialogs = 0;
      page.on("dialog", async (dialog) => {
        dialogs += 1;
        await dialog.dismiss();
      });
      await page.setContent("<script>alert(1)</script>");
      expect(dialogs).toBe(1);
    } finally {
      await page.close();
    }
  });

  it("loads every built page with no dialog, no script run, no violation, nothing off-origin", async () => {
    const entries = await readdir(built.site, { recursive: true });
    const pages = entries
      .filter((name) => name.endsWith(".html"))
      .map(
        (name) =>
          `/${name
            .split(path.sep)
            .join("/")
            .replace(/(^|\/)index\.html$/, "$1")}`,
      );
    expect(pages.filter((page) => page.startsWith("/articles/xss-")).length).toBeGreaterThanOrEqual(
      40,
    );
    expect(pages).toContain("/articles/hostile/");
    expect(pages).toContain("/search/");
    const visits = await visitAll(pages);
    // The search page runs exactly one script, the site's own; nothing else runs anywhere.
    const expected = pages.map((url) => ({
      url,
      ...cleanVisit(),
      executableScripts: url === "/search/" ? 1 : 0,
    }));
    expect(visits.map((result, index) => ({ url: pages[index], ...result }))).toEqual(expected);
  }, 600_000);

  it("shows the hostile headlines and text as search results without running any of them", async () => {
    // Words the fixtures' headlines carry, so each query lists many of the hostile articles.
    const context = await recordingContext();
    const page = await context.newPage();
    for (const query of ["script", "alert", "onerror", "javascript"]) {
      const result = await visit(page, `/search/?q=${encodeURIComponent(query)}`, async (page) => {
        await page.locator("#search-results > li").first().waitFor({ timeout: 30_000 });
        expect(await page.locator("#search-results > li").count(), query).toBeGreaterThan(0);
      });
      expect(result, query).toEqual({ ...cleanVisit(), executableScripts: 1 });
    }
    await context.close();
  }, 240_000);
});
