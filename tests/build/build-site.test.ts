// Integration: the real content/ built through Eleventy's API, and the article page checked.

import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";

// A copy of ../shared/source/astana-20.ar.txt, so the test runs wherever the repository is cloned.
const SOURCE = path.join(import.meta.dirname, "../fixtures/source/astana-20.ar.txt");
const ORIGINAL = path.resolve(import.meta.dirname, "../../../shared/source/astana-20.ar.txt");

let workDir: string;
let site: string;
let article: HTMLElement;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "sahifa-build-"));
  site = path.join(workDir, "_site");
  await buildSite({ outputDir: site });
  article = parse(
    await readFile(path.join(site, "articles/astana-20-final-round/index.html"), "utf8"),
  );
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Quotation marks aside: the typographer turns "…" into «…». */
const normalizeQuotes = (text: string) => text.replace(/[«»“”"]/g, '"').trim();

describe("the built site", () => {
  it("has the home page, the article page and the 404 page", async () => {
    const files = await readdir(site, { recursive: true });
    expect(files).toEqual(
      expect.arrayContaining([
        "index.html",
        "404.html",
        "articles/astana-20-final-round/index.html",
      ]),
    );
  });

  it("is an Arabic right-to-left document", () => {
    const html = article.querySelector("html");
    expect(html?.getAttribute("lang")).toBe("ar");
    expect(html?.getAttribute("dir")).toBe("rtl");
  });

  it("carries the headline, standfirst and dateline from the frontmatter", () => {
    expect(article.querySelector("h1")?.text).toContain("أستانا");
    expect(article.querySelector(".article-standfirst")?.text.length).toBeGreaterThan(40);
    expect(article.querySelector(".dateline")?.text).toBe("أستانا");
  });

  it("shows both dates, each in a <time> with an ISO moment and offset", () => {
    const times = article.querySelectorAll(".article-meta time");
    expect(times.map((time) => time.text)).toEqual([
      "الأربعاء 21 يونيو/حزيران 2023",
      "3 ذو الحجة 1444 هـ",
    ]);
    for (const time of times)
      expect(time.getAttribute("datetime")).toBe("2023-06-21T00:00:00+03:00");
  });

  it("shows the reading time in Arabic", () => {
    expect(article.querySelector(".article-meta")?.text).toMatch(
      /(دقيقة واحدة|دقيقتان|\d+ دقائق|\d+ دقيقة) للقراءة/,
    );
  });

  it("has every paragraph of the source, word for word and in order", async () => {
    const source = (await readFile(SOURCE, "utf8"))
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const heading = '"النسخة الأخيرة"';
    const paragraphs = source.filter((line) => line !== heading);
    expect(paragraphs).toHaveLength(15);
    const rendered = article
      .querySelectorAll(".article-body > p")
      .map((p) => normalizeQuotes(p.text));
    expect(rendered).toEqual(paragraphs.map(normalizeQuotes));
  });

  it.runIf(existsSync(ORIGINAL))(
    "compares against an exact copy of the shared source",
    async () => {
      expect(await readFile(SOURCE, "utf8")).toBe(await readFile(ORIGINAL, "utf8"));
    },
  );

  it("makes «النسخة الأخيرة» a second-level heading with a stable id, in its place", () => {
    const body = article.querySelector(".article-body");
    const h2 = body?.querySelector("h2");
    expect(h2?.text).toBe("«النسخة الأخيرة»");
    expect(h2?.getAttribute("id")).toBe("final-round");
    const children = body?.childNodes.filter(
      (node) => (node as HTMLElement).tagName,
    ) as HTMLElement[];
    expect(children.findIndex((node) => node.tagName === "H2")).toBe(9);
  });

  it("links an rtlcss stylesheet in which the authored left-hand rules are flipped", async () => {
    const href = article.querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
    expect(href).toMatch(/^\/assets\/sahifa\.rtl\.[0-9a-f]{10}\.css$/);
    const css = await readFile(path.join(site, href), "utf8");
    const authored = await readFile("styles/main.css", "utf8");
    expect(authored).toMatch(/\.article-body blockquote \{[^}]*padding-left: 1rem/);
    expect(css).toMatch(/\.article-body blockquote\{[^}]*padding-right:1rem/);
    expect(css).toMatch(/\.wrap\{[^}]*padding-left:1rem;padding-right:1rem/); // symmetric: unchanged
    expect(css).toMatch(/\.skip-link\{[^}]*right:\.5rem/);
  });

  it("lists the article on the home page with a working link", async () => {
    const home = parse(await readFile(path.join(site, "index.html"), "utf8"));
    // The only article is the front page's lead story.
    const links = home.querySelectorAll("main h2 a").map((a) => a.getAttribute("href"));
    expect(links).toEqual(["/articles/astana-20-final-round/"]);
  });

  it("escapes nothing it should not, and lets no script in", () => {
    // The one <script> is the JSON-LD data block, which browsers never run.
    const scripts = article.querySelectorAll("script");
    expect(scripts.map((script) => script.getAttribute("type"))).toEqual(["application/ld+json"]);
    expect(article.toString()).not.toMatch(/&amp;(quot|lt|gt);/);
  });
});
