// Integration: a fixture site of 23 articles, built through Eleventy into a sub-folder deploy, navigated page by page.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tagSlug } from "../../src/site/tags.ts";
import { buildFixture, type BuiltFixture } from "../helpers/build-fixture.ts";
import { checkLinks } from "../helpers/links.ts";
import { makeTempDir, removeTempDirs, writeContent } from "../helpers/sites.ts";

const URL_BASE = "https://example.org/news/";
let built: BuiltFixture | undefined;
let site: string;
const read = async (page: string): Promise<HTMLElement> =>
  parse(await readFile(path.join(site, page), "utf8"));
const hrefs = (document: HTMLElement, selector: string) =>
  document.querySelectorAll(selector).map((a) => a.getAttribute("href"));

/**
 * 23 articles, one a day from 10 June to 2 July 2023 (1 Dhu al-Hijjah 1444 was 19 June).
 * Every one is tagged سوريا; every third also تركيا; one COVID-19; "إيران" once composed
 * and once decomposed (NFD), which must be one tag.
 */
function fixtureArticles(): { name: string; text: string }[] {
  return Array.from({ length: 23 }, (_, i) => {
    const date = new Date(Date.UTC(2023, 5, 10 + i)).toISOString().slice(0, 10);
    const tags = ["سوريا"];
    if (i % 3 === 0) tags.push("تركيا");
    if (i === 5) tags.push("COVID-19");
    if (i === 7) tags.push("إيران");
    if (i === 8) tags.push("إيران".normalize("NFD"));
    const slug = `story-${String(i).padStart(2, "0")}`;
    const text = [
      "---",
      `title: "الخبر رقم ${i}"`,
      `standfirst: "ملخص الخبر رقم ${i}."`,
      `date: ${date}`,
      `slug: ${slug}`,
      `tags: [${tags.map((tag) => JSON.stringify(tag)).join(", ")}]`,
      "---",
      "",
      `نص الخبر رقم ${i}.`,
      "",
    ].join("\n");
    return { name: `${slug}.md`, text };
  });
}

beforeAll(async () => {
  const dir = await makeTempDir("navigation");
  const content = await writeContent(
    path.join(dir, "content"),
    Object.fromEntries(fixtureArticles().map(({ name, text }) => [name, text])),
    [
      "name: صحيفة الاختبار",
      "description: موقع للاختبار.",
      `url: ${URL_BASE}`,
      "timeZone: Asia/Riyadh",
      "digits: arab",
      "monthNames: levantine",
    ].join("\n"),
  );
  built = await buildFixture(content);
  site = built.site;
});

afterAll(async () => {
  await built?.remove();
  await removeTempDirs();
});

describe("the home page", () => {
  it("shows the 20 newest articles, then the rest on /page/2/", async () => {
    const first = await read("index.html");
    const second = await read("page/2/index.html");
    // The first page leads with the newest; the other 19 follow in its lists.
    const headlines = hrefs(first, ".lead-title a, .article-list :is(h2, h3) a");
    expect(headlines).toHaveLength(20);
    expect(new Set(headlines).size).toBe(20);
    expect(headlines[0]).toBe("/news/articles/story-22/");
    expect(hrefs(first, ".lead-title a")).toEqual(["/news/articles/story-22/"]);
    expect(hrefs(second, ".article-list h2 a")).toEqual([
      "/news/articles/story-02/",
      "/news/articles/story-01/",
      "/news/articles/story-00/",
    ]);
  });

  it("links the pages with rel=next and rel=prev in a labelled <nav>", async () => {
    const first = await read("index.html");
    const second = await read("page/2/index.html");
    expect(hrefs(first, 'nav[aria-label] a[rel="next"]')).toEqual(["/news/page/2/"]);
    expect(hrefs(first, 'a[rel="prev"]')).toEqual([]);
    expect(hrefs(second, 'nav[aria-label] a[rel="prev"]')).toEqual(["/news/"]);
    expect(hrefs(second, 'a[rel="next"]')).toEqual([]);
    expect(second.querySelector('.pager [aria-current="page"]')?.text).toBe("الصفحة ٢");
  });

  it("gives later pages their own title and a visible heading", async () => {
    const second = await read("page/2/index.html");
    expect(second.querySelector("title")?.text).toBe("آخر الأخبار، الصفحة ٢ من ٢ | صحيفة الاختبار");
    expect(second.querySelector("h1")?.text).toBe("صحيفة الاختبار: آخر الأخبار، الصفحة ٢ من ٢");
  });
});

describe("tags", () => {
  it("links an article's tags to their pages, which list the article", async () => {
    const article = await read("articles/story-06/index.html");
    const links = hrefs(article, ".tags a");
    expect(links).toEqual([`/news/tags/${tagSlug("سوريا")}/`, `/news/tags/${tagSlug("تركيا")}/`]);
    const turkey = await read(`tags/${tagSlug("تركيا")}/index.html`);
    expect(turkey.querySelector("h1")?.text).toBe("الوسم: تركيا");
    expect(hrefs(turkey, ".article-list h2 a")).toContain("/news/articles/story-06/");
    expect(hrefs(turkey, ".article-list h2 a")).toHaveLength(8);
    expect(turkey.querySelector(".listing-meta")?.text).toContain("٨ مقالات");
  });

  it("paginates a large tag", async () => {
    const syria = await read(`tags/${tagSlug("سوريا")}/page/2/index.html`);
    expect(hrefs(syria, ".article-list h2 a")).toHaveLength(3);
    expect(hrefs(syria, 'a[rel="prev"]')).toEqual([`/news/tags/${tagSlug("سوريا")}/`]);
  });

  it("makes one tag of إيران typed composed and decomposed", async () => {
    const index = await read("tags/index.html");
    const names = index.querySelectorAll(".tag-index a").map((a) => a.text);
    expect(names.filter((name) => name.normalize("NFC") === "إيران")).toHaveLength(1);
    const iran = await read(`tags/${tagSlug("إيران")}/index.html`);
    expect(hrefs(iran, ".article-list h2 a")).toEqual([
      "/news/articles/story-08/",
      "/news/articles/story-07/",
    ]);
  });

  it("indexes every tag with its count, in Arabic alphabetical order", async () => {
    const index = await read("tags/index.html");
    const items = index.querySelectorAll(".tag-index li").map((li) => li.text.replace(/\s+/g, " "));
    expect(items).toEqual([
      "إيران (مقالان)",
      "تركيا (٨ مقالات)",
      "سوريا (٢٣ مقالًا)",
      "COVID-19 (مقال واحد)",
    ]);
  });
});

describe("the archive", () => {
  it("titles Gregorian month pages in the site's month names and digits", async () => {
    const june = await read("archive/2023/06/index.html");
    expect(june.querySelector("h1")?.text).toBe("أرشيف حزيران ٢٠٢٣");
    expect(hrefs(june, ".article-list h2 a")).toHaveLength(20);
    const july = await read("archive/2023/07/index.html");
    expect(hrefs(july, ".article-list h2 a")).toEqual([
      "/news/articles/story-22/",
      "/news/articles/story-21/",
    ]);
  });

  it("titles Hijri month pages, and puts 19 June in Dhu al-Hijjah", async () => {
    const hijjah = await read("archive/hijri/1444/12/index.html");
    expect(hijjah.querySelector("h1")?.text).toBe("أرشيف ذو الحجة ١٤٤٤ هـ");
    expect(hrefs(hijjah, ".article-list h2 a").at(-1)).toBe("/news/articles/story-09/");
    const qadah = await read("archive/hijri/1444/11/index.html");
    expect(hrefs(qadah, ".article-list h2 a")[0]).toBe("/news/articles/story-08/");
  });

  it("indexes every month in both calendars", async () => {
    const index = await read("archive/index.html");
    expect(hrefs(index, ".archive-months a")).toEqual([
      "/news/archive/2023/07/",
      "/news/archive/2023/06/",
      "/news/archive/hijri/1444/12/",
      "/news/archive/hijri/1444/11/",
    ]);
    expect(index.querySelectorAll("h3").map((h) => h.text)).toEqual(["٢٠٢٣", "١٤٤٤ هـ"]);
    expect(index.querySelectorAll(".archive-months a").map((a) => a.text)).toEqual([
      "تموز",
      "حزيران",
      "ذو الحجة",
      "ذو القعدة",
    ]);
  });
});

describe("article pages", () => {
  it("link to the next newer and older article", async () => {
    const article = await read("articles/story-10/index.html");
    expect(hrefs(article, ".article-nav a")).toEqual([
      "/news/articles/story-11/",
      "/news/articles/story-09/",
    ]);
    const newest = await read("articles/story-22/index.html");
    expect(hrefs(newest, ".article-nav a")).toEqual(["/news/articles/story-21/"]);
  });

  it("list related articles that share tags, most shared first", async () => {
    const article = await read("articles/story-06/index.html");
    const related = hrefs(article, ".related a");
    expect(related).toHaveLength(4);
    // The other articles tagged تركيا and سوريا come first, newest first.
    expect(related).toEqual([
      "/news/articles/story-21/",
      "/news/articles/story-18/",
      "/news/articles/story-15/",
      "/news/articles/story-12/",
    ]);
  });

  it("mark the header's section links, current one included", async () => {
    const tags = await read("tags/index.html");
    expect(hrefs(tags, ".site-sections a")).toEqual(["/news/tags/", "/news/archive/"]);
    expect(tags.querySelector('.site-sections [aria-current="page"]')?.text).toBe("الوسوم");
  });
});

describe("every page", () => {
  it("has one h1, an Arabic right-to-left root and distinct navigation labels", async () => {
    const { readdir } = await import("node:fs/promises");
    const pages = (await readdir(site, { recursive: true })).filter((file) =>
      file.endsWith(".html"),
    );
    expect(pages.length).toBeGreaterThan(35);
    for (const page of pages) {
      const document = await read(page);
      expect(document.querySelectorAll("h1"), page).toHaveLength(1);
      expect(document.querySelector("html")?.getAttribute("lang"), page).toBe("ar");
      expect(document.querySelector("html")?.getAttribute("dir"), page).toBe("rtl");
      const labels = document.querySelectorAll("nav").map((nav) => nav.getAttribute("aria-label"));
      expect(labels.every(Boolean), page).toBe(true);
      expect(new Set(labels).size, page).toBe(labels.length);
    }
  });

  it("has no broken internal link", async () => {
    const report = await checkLinks(site, URL_BASE);
    expect(report.pages).toBeGreaterThan(35);
    expect(report.checked).toBeGreaterThan(500);
    expect(report.broken).toEqual([]);
  });
});
