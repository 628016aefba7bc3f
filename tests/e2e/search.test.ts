// Browser: search as a reader meets it, on the search fixture: typed queries, the query table of docs/search.md, axe, Nu, CSP.

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTemporarySite, type BuiltSite } from "../../scripts/lib/built-site.ts";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import {
  startStaticServer,
  type SentResponse,
  type StaticServer,
} from "../../scripts/lib/static-server.ts";
import { checkHtml } from "../helpers/nu-checker.ts";
import { makeTempDir, removeTempDirs, ROOT } from "../helpers/sites.ts";
import { expectNoAxeViolations } from "../helpers/axe.ts";

const FIXTURE = path.join(ROOT, "tests/fixtures/sites/search");

/** One row of the query table in docs/search.md. */
interface QueryRow {
  query: string;
  /** Slugs, best first; none for a query that must find nothing. */
  expected: string[];
  /** The rank each expected article was found at when the table was written: the most allowed. */
  ranks: number[];
}

const rows = await readQueryTable();
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let page: Page;
const violations: string[] = [];
/** Every response the server sent, in order. */
const sent: SentResponse[] = [];

beforeAll(async () => {
  // Built for the domain's root, where the test's server serves it (the fixture says /news/).
  process.env.SAHIFA_URL = "https://example.org/";
  site = await buildTemporarySite(async (folder) => {
    const { cp } = await import("node:fs/promises");
    await cp(FIXTURE, folder, { recursive: true });
    return folder;
  }).finally(() => delete process.env.SAHIFA_URL);
  server = await startStaticServer({
    root: site.root,
    compress: true,
    onResponse: (response) => sent.push(response),
  });
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
  await removeTempDirs();
});

describe("the query table (docs/search.md)", () => {
  it("has at least 30 queries, each read whole", () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
    for (const row of rows) expect(row.ranks.length, row.query).toBe(row.expected.length);
  });

  it.each(rows.map((row) => [row.query, row]))("finds «%s» as the table says", async (_, row) => {
    const found = await search(row.query);
    if (row.expected.length === 0) {
      expect(found).toEqual([]);
      return;
    }
    row.expected.forEach((slug, index) => {
      const rank = found.indexOf(slug) + 1;
      expect(rank, `${slug} in ${found.join(", ")}`).toBeGreaterThan(0);
      expect(rank, `${slug} in ${found.join(", ")}`).toBeLessThanOrEqual(row.ranks[index] ?? 0);
    });
  });
});

describe("the search page in Chromium", () => {
  it("finds what a reader types in the header's box, in order, the address holding the query", async () => {
    await page.goto(new URL("articles/oil-prices/", server.url).href);
    await page.getByRole("searchbox", { name: "ابحث في الموقع" }).fill("الانتخابات");
    await page.keyboard.press("Enter");
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: "attached" });
    expect(new URL(page.url()).pathname).toBe("/search/");
    expect(new URL(page.url()).searchParams.get("q")).toBe("الانتخابات");
    expect(await resultSlugs()).toEqual(["turkey-elections", "iran-elections"]);
    await expect
      .poll(() => page.locator("#search-status").textContent())
      .toBe("نتائج البحث عن «الانتخابات»: مقالان");
    // The form keeps the query, and the back button returns to the article.
    expect(await page.locator("#search-q").inputValue()).toBe("الانتخابات");
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe("/articles/oil-prices/");
  });

  it("shows each result's headline, both dates, an excerpt in the article's spelling with the match marked, and its tags", async () => {
    await search("لافروف");
    const result = page.locator("#search-results > li").first();
    expect(await result.locator("h2 a").textContent()).toBe(
      "لافروف يمثل روسيا في قمة مجموعة العشرين",
    );
    expect(
      await result
        .locator("time")
        .evaluateAll((times) => times.map((t) => t.getAttribute("datetime"))),
    ).toEqual(["2023-09-09T10:00:00+03:00", "2023-09-10T08:30:00+03:00"]);
    expect(await result.locator(".article-meta").textContent()).toBe(
      "السبت 9 سبتمبر/أيلول 2023 · حُدّث في الأحد 10 سبتمبر/أيلول 2023",
    );
    expect(await result.locator("mark").allTextContents()).toEqual(["لافروف"]);
    expect(await result.locator(".search-excerpt").textContent()).toContain(
      "سيرغي لافروف (Sergey Lavrov)",
    );
    expect(await result.locator(".tags a").allTextContents()).toEqual([
      "روسيا",
      "مجموعة العشرين",
      "الهند",
    ]);
    // A query typed without hamza or taa marbuta still marks the words as written.
    await search("الحكومه");
    const marks = await page.locator("#search-results mark").allTextContents();
    expect(marks).toContain("الحكومة");
  });

  it("finds a word typed with ه for its ة, and shows it in the excerpt as the article writes it", async () => {
    // The stemmer alone finds nothing for «غزه»: the page also searches «غزة».
    expect((await search("غزه"))[0]).toBe("gaza-water");
    expect(await page.locator("#search-results mark").first().textContent()).toBe("غزة");
    // «المئة» typed without its hamza and with ه: the excerpt, from the body, shows the word
    // with both, and never the spelling typed.
    expect((await search("الميه"))[0]).toBe("egypt-economy");
    const excerpt = page.locator("#search-results > li").first().locator(".search-excerpt");
    const marks = await excerpt.locator("mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toMatch(/^المئة/);
    expect(await excerpt.textContent()).toContain("نموًا بنسبة أربعة في المئة");
    expect(await excerpt.textContent()).not.toContain("الميه");
  });

  it("finds a number typed in Arabic-Indic or Persian digits as the site writes it (Latin here)", async () => {
    // «1979» is in one article only; the number is the whole query.
    expect(await search("1979")).toEqual(["iran-elections"]);
    expect(await search("١٩٧٩")).toEqual(["iran-elections"]);
    expect(await search("۱۹۷۹")).toEqual(["iran-elections"]);
  });

  it("narrows by tag and by year through the same form, each choice in the address", async () => {
    await search("اللاجئين");
    expect((await resultSlugs()).length).toBe(3);
    await page.selectOption("#search-tag", "لبنان");
    await page.locator("#search-form button[type=submit]").click();
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: "attached" });
    expect(new URL(page.url()).searchParams.get("tag")).toBe("لبنان");
    expect(await resultSlugs()).toEqual(["refugees-winter"]);
    await search("اللاجئين", { year: "2023" });
    expect((await resultSlugs()).sort()).toEqual(["astana-talks", "refugees-return"]);
    expect(await page.locator("#search-year").inputValue()).toBe("2023");
  });

  it("has no axe violations and no Nu errors with results showing, in light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await search("الاقتصاد");
      await expectNoAxeViolations(page);
    }
    const dir = await makeTempDir("search-nu");
    const file = path.join(dir, "search-results.html");
    await writeFile(
      file,
      `<!doctype html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`,
    );
    const messages = await checkHtml([file]);
    expect(messages.filter((m) => m.type === "error").map((m) => m.message)).toEqual([]);
    // The check can fail: the same page with a duplicate id is an error.
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace('id="search-results"', 'id="search-q"'),
    );
    expect((await checkHtml([file])).some((m) => m.type === "error")).toBe(true);
  });

  it("says plainly without JavaScript that search needs it, and points to the tags and the archive", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(new URL("search/?q=غزة", server.url).href);
    const note = noScript.locator(".search-needs-js");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain("يحتاج إلى جافاسكريبت");
    expect(
      await note.locator("a").evaluateAll((links) => links.map((l) => l.getAttribute("href"))),
    ).toEqual(["/tags/", "/archive/"]);
    await context.close();
    // With the script, the note is gone.
    await search("غزة");
    expect(await page.locator(".search-needs-js").isHidden()).toBe(true);
  });

  it("shows the first results before it loads the filters' lists, and fetches what its head preloads once", async () => {
    // A fresh context: nothing in the browser's cache from the searches before.
    const { context, fresh, warnings } = await openFresh();
    sent.length = 0;
    await fresh.goto(new URL("search/?q=اللاجئين", server.url).href);
    await fresh.waitForSelector('#search-results[aria-busy="false"]', { state: "attached" });
    // The filters are filled once their lists are in.
    await fresh.waitForSelector("#search-tag option:nth-child(2)", { state: "attached" });
    await fresh.waitForLoadState("networkidle");
    const paths = sent.map((response) => new URL(response.url, server.url).pathname);
    const fragments = paths.filter((at) => at.startsWith("/pagefind/fragment/"));
    const lists = paths.filter((at) => at.startsWith("/pagefind/filter/"));
    expect(fragments.length).toBe(3);
    expect(lists.length).toBeGreaterThan(0);
    expect(paths.indexOf(lists[0] ?? "")).toBeGreaterThan(
      paths.lastIndexOf(fragments.at(-1) ?? ""),
    );
    // Pagefind runs on the page's thread: its worker is never fetched.
    expect(paths.filter((at) => at.endsWith("/pagefind-worker.js"))).toEqual([]);
    // What the head preloads exists, and the browser fetched each once (the preload was used).
    const preloaded = await fresh.$$eval(
      "link[rel=preload][as=fetch], link[rel=modulepreload]",
      (links) =>
        links.map((link) => new URL(link.getAttribute("href") ?? "", location.href).pathname),
    );
    expect(preloaded).toEqual(["/pagefind/pagefind.js", "/pagefind/wasm.ar.pagefind"]);
    for (const file of preloaded) {
      expect(sent.filter((response) => response.url === file).map((r) => r.status)).toEqual([200]);
    }
    expect(warnings).toEqual([]);
    await context.close();
  });

  it("opened without a query, asks for one and loads Pagefind's files meanwhile, with no warning", async () => {
    const { context, fresh, warnings } = await openFresh();
    sent.length = 0;
    await fresh.goto(new URL("search/", server.url).href);
    await fresh.waitForLoadState("networkidle");
    // Chromium warns of a preload left unused a few seconds after the load.
    await fresh.waitForTimeout(4000);
    expect(await fresh.locator("#search-status").textContent()).toBe(
      "اكتب كلمة أو اسمًا أو عبارة، ثم اضغط «ابحث».",
    );
    expect(await fresh.locator("#search-results > li").count()).toBe(0);
    const paths = sent.map((response) => new URL(response.url, server.url).pathname);
    // Each preloaded file once: the preload, taken by Pagefind's own request.
    for (const file of ["/pagefind/pagefind.js", "/pagefind/wasm.ar.pagefind"])
      expect(paths.filter((at) => at === file)).toEqual([file]);
    expect(paths.filter((at) => at.endsWith(".pf_meta")).length).toBe(1);
    expect(warnings).toEqual([]);
    await context.close();
  });

  it("fetches the fragments of the first five results, and the rest when the reader asks for more", async () => {
    sent.length = 0;
    const found = await search("في");
    const fragments = () =>
      sent.filter((response) => response.url.startsWith("/pagefind/fragment/"));
    expect(found.length).toBe(5);
    await page.waitForLoadState("networkidle");
    expect(fragments().length).toBe(5);
    const status = (await page.locator("#search-status").textContent()) ?? "";
    const total = Number(/(\d+) مقالًا/.exec(status)?.[1]);
    expect(total).toBeGreaterThan(5);
    await page.getByRole("button", { name: "المزيد من النتائج" }).click();
    await expect.poll(() => resultSlugs().then((slugs) => slugs.length)).toBe(Math.min(total, 15));
    expect(fragments().length).toBe(Math.min(total, 15));
    // Focus moved to the first result the press added.
    expect(await page.evaluate(() => document.activeElement?.closest("li") ?? null)).not.toBeNull();
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll("#search-results > li")].indexOf(
          document.activeElement?.closest("li") as Element,
        ),
      ),
    ).toBe(5);
  });

  it("ran every search with no CSP violation, console error or failed script", () => {
    expect(violations).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

/** Opens the search page for a query (and filters) and waits for its results: their slugs, in order. */
async function search(query: string, filters: Record<string, string> = {}): Promise<string[]> {
  const url = new URL("search/", server.url);
  url.searchParams.set("q", query);
  for (const [name, value] of Object.entries(filters)) url.searchParams.set(name, value);
  await page.goto(url.href);
  await page.waitForSelector('#search-results[aria-busy="false"]', { state: "attached" });
  return resultSlugs();
}

async function resultSlugs(): Promise<string[]> {
  return page.$$eval("#search-results h2 a", (links) =>
    links.map((link) => /\/articles\/([^/]+)\/$/.exec(link.getAttribute("href") ?? "")?.[1] ?? "?"),
  );
}

/** The rows of the table under "## Queries" in docs/search.md. */
async function readQueryTable(): Promise<QueryRow[]> {
  const text = await readFile(path.join(ROOT, "docs/search.md"), "utf8");
  const section = text.split("\n## Queries\n")[1]?.split("\n## ")[0] ?? "";
  return section
    .split("\n")
    .filter((line) => /^\| *\d+ *\|/.test(line))
    .map((line) => {
      const cells = line.split("|").map((cell) => cell.trim());
      const [, , query = "", , expected = "", found = ""] = cells;
      const list = (cell: string) =>
        cell === "—" ? [] : cell.split(",").map((item) => item.trim());
      return {
        query: query.replace(/^«|»$/g, ""),
        expected: list(expected),
        ranks: list(found).map(Number),
      };
    });
}

/**
 * A page in a new browser context (nothing cached from earlier searches), with every console
 * error and warning it logs collected.
 */
async function openFresh(): Promise<{ context: BrowserContext; fresh: Page; warnings: string[] }> {
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const warnings: string[] = [];
  fresh.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") warnings.push(message.text());
  });
  return { context, fresh, warnings };
}
