// Browser: every built page loads in Chromium under the shipped Content-Security-Policy with no violation and no request off its origin.

import { readdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import { headersFor } from "../../scripts/lib/static-server.ts";
import {
  contentSecurityPolicy,
  SEARCH_CSP_DIRECTIVES,
  SECURITY_HEADERS,
} from "../../src/publish/http-headers.ts";
import { buildFixture, PUBLISHING_FIXTURE, type BuiltFixture } from "../helpers/build-fixture.ts";

const PREFIX = "/news/";

/**
 * A page that breaks the policy four ways, to prove the listeners below catch violations: a
 * script of the site's own (script-src 'none' refuses even those), an inline one, and styles.
 */
const CONTROL_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>control</title>
<script src="/control.js"></script>
<style>p{color:red}</style></head><body><p style="color:blue">x</p>
<script>document.title = "ran";</script></body></html>`;

let built: BuiltFixture;
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  built = await buildFixture(PUBLISHING_FIXTURE, `https://example.org${PREFIX}`);
  server = serveSite(built.site);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await built?.remove();
});

describe("the shipped CSP in Chromium", () => {
  it("catches violations on a page that breaks it (own and inline script, <style>, style attribute)", async () => {
    const visit = await visitPage("/control/");
    expect(visit.violations.map((violation) => violation.directive).sort()).toEqual([
      "script-src-elem",
      "script-src-elem",
      "style-src-attr",
      "style-src-elem",
    ]);
    expect(visit.violations.map((violation) => violation.blocked)).toContain(
      `${origin}/control.js`,
    );
    expect(visit.consoleErrors.some((message) => message.includes("Content Security Policy"))).toBe(
      true,
    );
    // Neither script ran: each would have set the title to "ran".
    expect(visit.title).toBe("control");
  });

  it("loads every page with 0 violations, 0 console errors and every request on its own origin", async () => {
    const pages = await htmlPages();
    expect(pages).toEqual(
      expect.arrayContaining([PREFIX, `${PREFIX}articles/energy-summit/`, `${PREFIX}404.html`]),
    );
    for (const url of pages) {
      const visit = await visitPage(url);
      expect(visit.status, url).toBe(200);
      expect(visit.violations, url).toEqual([]);
      expect(visit.consoleErrors, url).toEqual([]);
      expect(visit.failed, url).toEqual([]);
      expect(
        visit.requests.filter((request) => new URL(request).origin !== origin),
        url,
      ).toEqual([]);
      // The page really used its stylesheet and its self-hosted face: both loaded.
      expect(
        visit.requests.some((request) => request.endsWith(".css")),
        url,
      ).toBe(true);
      expect(visit.fontsLoaded, url).toBeGreaterThan(0);
    }
    // One visit per page, one after another: the fixture's pages grow with each page kind.
  }, 180_000);

  it("runs search under the search page's own policy: results, 0 violations, every request on its origin", async () => {
    const visit = await visitPage(`${PREFIX}search/?q=${encodeURIComponent("الطاقه")}`, {
      waitFor: "#search-results li",
    });
    expect(visit.headers["content-security-policy"]).toBe(
      contentSecurityPolicy("header", SEARCH_CSP_DIRECTIVES),
    );
    expect(visit.violations).toEqual([]);
    expect(visit.consoleErrors).toEqual([]);
    expect(visit.failed).toEqual([]);
    expect(visit.requests.filter((request) => new URL(request).origin !== origin)).toEqual([]);
    // Pagefind's module, its WebAssembly and the index were loaded, and found the article.
    for (const file of ["pagefind.js", "wasm.ar.pagefind", ".pf_meta"])
      expect(
        visit.requests.some((request) => request.includes(file)),
        file,
      ).toBe(true);
    expect(visit.resultLinks).toContain(`${PREFIX}articles/energy-summit/`);
  });

  it("would catch the search page under the pages' policy (its script refused)", async () => {
    const visit = await visitPage(`/control-search/?q=${encodeURIComponent("الطاقه")}`);
    expect(visit.violations.map((violation) => violation.directive)).toContain("script-src-elem");
    expect(visit.resultLinks).toEqual([]);
  });

  it("keeps the JSON-LD block as data: present, parseable, never run", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}${PREFIX}articles/energy-summit/`);
      const headline = await page.evaluate(() => {
        const block = document.querySelector('script[type="application/ld+json"]');
        return (JSON.parse(block?.textContent ?? "{}") as { headline?: string }).headline;
      });
      expect(headline).toBe("قمة الطاقة تنتهي </script><script>alert(1)</script> & ]]> باتفاق");
      expect(await page.locator("script").count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it("parses the feeds and the sitemap as well-formed XML (Chromium's own XML parser)", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}${PREFIX}`);
      for (const file of ["feed.xml", "sitemap.xml"]) {
        const xml = await readFile(path.join(built.site, file), "utf8");
        const parsed = await page.evaluate((text) => {
          const document = new DOMParser().parseFromString(text, "application/xml");
          const error = document.querySelector("parsererror");
          return { root: document.documentElement.localName, error: error?.textContent ?? null };
        }, xml);
        expect(parsed, file).toEqual({
          root: file === "feed.xml" ? "feed" : "urlset",
          error: null,
        });
      }
      // The check is real: a stray "]]>" or an unescaped "&" is an error there.
      const broken = await page.evaluate(
        () =>
          new DOMParser()
            .parseFromString("<feed>a & b</feed>", "application/xml")
            .querySelector("parsererror") !== null,
      );
      expect(broken).toBe(true);
    } finally {
      await page.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------

interface Visit {
  status: number;
  title: string;
  violations: { directive: string; blocked: string }[];
  consoleErrors: string[];
  requests: string[];
  failed: string[];
  fontsLoaded: number;
  /** The response's headers. */
  headers: Record<string, string>;
  /** The search results' links, once `waitFor` was found. */
  resultLinks: string[];
}

/** Opens a page and records what it requested, what failed and what the policy blocked. */
async function visitPage(url: string, options: { waitFor?: string } = {}): Promise<Visit> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const visit: Visit = {
    status: 0,
    title: "",
    violations: [],
    consoleErrors: [],
    requests: [],
    failed: [],
    fontsLoaded: 0,
    headers: {},
    resultLinks: [],
  };
  // Runs through the DevTools protocol before the page's own content; the page's CSP does not
  // apply to it. Each violation the page causes fires a securitypolicyviolation event.
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    Object.defineProperty(window, "__violations", { value: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      visit.consoleErrors.push(message.text());
    }
  });
  page.on("pageerror", (error) => visit.consoleErrors.push(error.message));
  page.on("request", (request) => visit.requests.push(request.url()));
  page.on("requestfailed", (request) => visit.failed.push(request.url()));
  page.on("response", (response) => {
    if (response.status() >= 400) visit.failed.push(`${response.status()} ${response.url()}`);
  });
  try {
    const response = await page.goto(`${origin}${url}`, { waitUntil: "load" });
    if (options.waitFor) await page.waitForSelector(options.waitFor);
    await page.evaluate(() => document.fonts.ready);
    visit.status = response?.status() ?? 0;
    visit.headers = response?.headers() ?? {};
    visit.resultLinks = await page.$$eval("#search-results h2 a", (links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    visit.title = await page.title();
    visit.violations = await page.evaluate(
      () => (window as unknown as { __violations: Visit["violations"] }).__violations,
    );
    visit.fontsLoaded = await page.evaluate(
      () => [...document.fonts].filter((face) => face.status === "loaded").length,
    );
  } finally {
    await context.close();
  }
  return visit;
}

/** Every HTML file of the build, as the URL a reader would open. */
async function htmlPages(): Promise<string[]> {
  const entries = await readdir(built.site, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(built.site, path.join(entry.parentPath, entry.name)))
    .map(
      (file) =>
        PREFIX +
        file
          .split(path.sep)
          .join("/")
          .replace(/(^|\/)index\.html$/, "$1"),
    )
    .sort();
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".xml": "text/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves the site under PREFIX, and the control page and its script, every response with the
 * shipped headers (Chromium logs an error for a Permissions-Policy feature it does not know).
 */
function serveSite(root: string): Server {
  return createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    // The site's own paths get what its _headers file says for them (Netlify's and Cloudflare's
    // reading: every matching rule, merged); the control page the pages' policy.
    const headers = pathname.startsWith(PREFIX)
      ? headersFor(await readFile(path.join(root, "_headers"), "utf8"), pathname)
      : { ...SECURITY_HEADERS };
    if (pathname === "/control/") {
      response.writeHead(200, { ...headers, "content-type": MEDIA_TYPES[".html"] });
      response.end(CONTROL_PAGE);
      return;
    }
    if (pathname === "/control-search/") {
      // The real search page, sent with the pages' policy instead of its own.
      const search = await readFile(path.join(root, "search/index.html"));
      response.writeHead(200, { ...SECURITY_HEADERS, "content-type": MEDIA_TYPES[".html"] });
      response.end(search);
      return;
    }
    if (pathname === "/control.js") {
      response.writeHead(200, { ...headers, "content-type": "text/javascript" });
      response.end('document.title = "ran";');
      return;
    }
    const relative = pathname.startsWith(PREFIX) ? pathname.slice(PREFIX.length) : undefined;
    const file = relative === undefined ? undefined : path.join(root, relative);
    try {
      if (!file || !file.startsWith(root)) throw new Error("outside the site");
      const target =
        file.endsWith(path.sep) || relative === "" ? path.join(file, "index.html") : file;
      const body = await readFile(target);
      const type = MEDIA_TYPES[path.extname(target)] ?? "application/octet-stream";
      response.writeHead(200, { ...headers, "content-type": type });
      response.end(body);
    } catch {
      response.writeHead(404, { ...headers, "content-type": MEDIA_TYPES[".html"] });
      response.end(await readFile(path.join(root, "404.html")));
    }
  });
}
