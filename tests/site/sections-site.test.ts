// Integration: a site with three declared sections, built into a sub-folder: section pages and their pagination, feeds, sitemap, header and kickers.

import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_FEED_LIMIT } from "../../src/publish/feeds.ts";
import { groupBySection, sectionOf, sectionPath } from "../../src/site/sections.ts";
import { buildFixture, type BuiltFixture } from "../helpers/build-fixture.ts";
import { checkLinks } from "../helpers/links.ts";
import { makeTempDir, removeTempDirs, writeContent } from "../helpers/sites.ts";

const URL_BASE = "https://example.org/news/";
const SECTIONS = [
  { slug: "economy", name: "اقتصاد" },
  { slug: "politics", name: "سياسة" },
  { slug: "culture", name: "ثقافة" },
];
let built: BuiltFixture | undefined;
let site: string;
const text = (page: string) => readFile(path.join(site, page), "utf8");
const read = async (page: string): Promise<HTMLElement> => parse(await text(page));
const titles = (document: HTMLElement) =>
  document.querySelectorAll(".article-list h2 a").map((a) => a.text);

/** The day of article i: one a day from 1 March 2024. */
const dayOf = (i: number) => new Date(Date.UTC(2024, 2, 1 + i)).toISOString().slice(0, 10);

/**
 * 34 articles a day apart: one in six in سياسة (6), one in six in no section, the rest in
 * اقتصاد (22: two pages); ثقافة has none.
 */
function fixtureArticles(): { name: string; text: string; section?: string }[] {
  return Array.from({ length: 34 }, (_, i) => {
    const date = dayOf(i);
    const section = i % 6 === 0 ? "سياسة" : i % 6 === 1 ? undefined : "اقتصاد";
    const slug = `story-${String(i).padStart(2, "0")}`;
    const lines = [
      "---",
      `title: "الخبر ${i}"`,
      `standfirst: "ملخص الخبر ${i}."`,
      `date: ${date}`,
      `slug: ${slug}`,
      ...(section ? [`section: ${section}`] : []),
      "---",
      "",
      `نص الخبر ${i}.`,
      "",
    ];
    return { name: `${slug}.md`, text: lines.join("\n"), ...(section ? { section } : {}) };
  });
}
const ARTICLES = fixtureArticles();
/** Titles of a section's articles, newest first, as the fixture declares them. */
const titlesIn = (name: string) =>
  ARTICLES.map((article, i) => ({ ...article, title: `الخبر ${i}` }))
    .filter((article) => article.section === name)
    .map((article) => article.title)
    .reverse();

beforeAll(async () => {
  const dir = await makeTempDir("sections");
  const content = await writeContent(
    path.join(dir, "content"),
    Object.fromEntries(ARTICLES.map((article) => [article.name, article.text])),
    [
      "name: صحيفة الاختبار",
      "description: موقع للاختبار.",
      `url: ${URL_BASE}`,
      "timeZone: Asia/Riyadh",
      "sections:",
      ...SECTIONS.map(({ slug, name }) => `  - { slug: ${slug}, name: ${name} }`),
      "",
    ].join("\n"),
  );
  built = await buildFixture(content);
  site = built.site;
});

afterAll(async () => {
  await built?.remove();
  await removeTempDirs();
});

describe("grouping", () => {
  it("keeps site.yaml's order, empty sections included, and only declared names", () => {
    const groups = groupBySection(
      [{ section: "سياسة" }, { section: "اقتصاد" }, {}, { section: "رياضة" }, { section: "سياسة" }],
      SECTIONS,
    );
    expect(groups.map((group) => [group.path, group.articles.length])).toEqual([
      ["/sections/economy/", 1],
      ["/sections/politics/", 2],
      ["/sections/culture/", 0],
    ]);
    expect(sectionOf(SECTIONS, { section: "ثقافة" })?.slug).toBe("culture");
    expect(sectionOf(SECTIONS, {})).toBeUndefined();
  });
});

describe("a section's pages", () => {
  it("list its articles only, newest first, 20 a page, then page 2 with the pager", async () => {
    const expected = titlesIn("اقتصاد");
    expect(expected).toHaveLength(22);
    const first = await read("sections/economy/index.html");
    expect(first.querySelector("h1")?.text).toBe("اقتصاد");
    expect(titles(first)).toEqual(expected.slice(0, 20));
    expect(first.querySelector('a[rel="next"]')?.getAttribute("href")).toBe(
      "/news/sections/economy/page/2/",
    );
    const second = await read("sections/economy/page/2/index.html");
    expect(titles(second)).toEqual(expected.slice(20));
    expect(second.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe(
      "/news/sections/economy/",
    );
    const politics = await read("sections/politics/index.html");
    expect(titles(politics)).toEqual(titlesIn("سياسة"));
    expect(existsSync(path.join(site, "sections/politics/page/2/index.html"))).toBe(false);
  });

  it("exist for a section with no article yet, saying so", async () => {
    const culture = await read("sections/culture/index.html");
    expect(culture.querySelector("h1")?.text).toBe("ثقافة");
    expect(culture.querySelector("main")?.text).toContain("لا مقالات منشورة بعد");
  });

  it("announce the section's own feeds", async () => {
    const page = await read("sections/economy/index.html");
    const alternates = page
      .querySelectorAll('link[rel="alternate"]')
      .map((link) => link.getAttribute("href"));
    expect(alternates).toEqual(
      expect.arrayContaining([
        "/news/feed.xml",
        "/news/sections/economy/feed.xml",
        "/news/sections/economy/feed.json",
      ]),
    );
  });
});

describe("the header and kickers", () => {
  it("links every section in site.yaml's order, then the indexes, marking the current one", async () => {
    const page = await read("sections/politics/index.html");
    const links = page.querySelectorAll(".site-sections a");
    expect(links.map((a) => a.text)).toEqual(["اقتصاد", "سياسة", "ثقافة", "الوسوم", "الأرشيف"]);
    expect(links.map((a) => a.getAttribute("href")).slice(0, 3)).toEqual(
      SECTIONS.map((section) => `/news${sectionPath(section)}`),
    );
    expect(page.querySelectorAll('[aria-current="page"]').map((a) => a.text)).toEqual(["سياسة"]);
  });

  it("labels each card and article with its section, linked; none for an article without", async () => {
    // Page 2 of the home page is a plain list; the front page's lead and latest have kickers too.
    const second = await read("page/2/index.html");
    const front = await read("index.html");
    const items = [
      ...second.querySelectorAll(".article-list > li"),
      ...front.querySelectorAll(".lead-story, .front-latest li"),
    ];
    expect(items.length).toBeGreaterThan(20);
    for (const item of items) {
      const n = Number(item.querySelector("h2, h3")?.text.replace("الخبر ", ""));
      expect(n).toBeGreaterThanOrEqual(0);
      const expected = ARTICLES[n]?.section;
      const kicker = item.querySelector(".kicker a");
      expect(kicker?.text).toBe(expected);
      if (expected) {
        const slug = SECTIONS.find((section) => section.name === expected)?.slug;
        expect(kicker?.getAttribute("href")).toBe(`/news/sections/${slug}/`);
      }
    }
    const article = await read("articles/story-33/index.html");
    const kicker = article.querySelector(".article-header .kicker a");
    expect(kicker?.text).toBe("اقتصاد");
    expect(kicker?.getAttribute("href")).toBe("/news/sections/economy/");
    const none = await read("articles/story-01/index.html");
    expect(none.querySelector(".kicker")).toBeNull();
  });
});

describe("the front page", () => {
  it("gives each section with stories not shown above a block of its newest, under its linked name", async () => {
    const front = await read("index.html");
    const above = front
      .querySelectorAll(".lead-story h2 a, .front-latest h3 a")
      .map((a) => a.getAttribute("href"));
    expect(above).toHaveLength(7);
    const blocks = front.querySelectorAll(".front-sections > section");
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const heading = block.querySelector("h2 a");
      const section = SECTIONS.find((candidate) => candidate.name === heading?.text);
      expect(heading?.getAttribute("href")).toBe(`/news/sections/${section?.slug}/`);
      const shown = block.querySelectorAll("h3 a").map((a) => a.text);
      const expected = titlesIn(section?.name ?? "").filter(
        (title) =>
          !front
            .querySelectorAll(".lead-story h2 a, .front-latest h3 a")
            .some((a) => a.text === title),
      );
      expect(shown).toEqual(expected.slice(0, 3));
      expect(block.querySelector(".kicker")).toBeNull();
    }
    // ثقافة has no story: no block.
    expect(blocks.map((block) => block.querySelector("h2")?.text)).not.toContain("ثقافة");
  });
});

describe("a section's feeds", () => {
  it("parse as Atom with the section's title, page, self link and articles only", async () => {
    const feed = parseFeed(await text("sections/economy/feed.xml"));
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("صحيفة الاختبار: اقتصاد");
    expect(feed.url).toBe(`${URL_BASE}sections/economy/`);
    expect(feed.self).toBe(`${URL_BASE}sections/economy/feed.xml`);
    // Its newest articles, as many as a section's feed carries (the fixture has more).
    expect(titlesIn("اقتصاد").length).toBeGreaterThan(CHANNEL_FEED_LIMIT);
    expect(feed.items.map((item) => item.title)).toEqual(
      titlesIn("اقتصاد").slice(0, CHANNEL_FEED_LIMIT),
    );
    expect(feed.items[0]?.categories.map((category) => category.term)).toContain("اقتصاد");
    // The strict reader agrees, and the entries' ids are the articles' URLs.
    const strict = parseAtomFeed(await text("sections/economy/feed.xml"));
    expect(strict.entries?.[0]?.id).toBe(`${URL_BASE}articles/story-33/`);
  });

  it("parse as JSON Feed 1.1 with the section's URLs", async () => {
    const json = await text("sections/politics/feed.json");
    const feed = parseJsonFeed(JSON.parse(json));
    expect(feed.title).toBe("صحيفة الاختبار: سياسة");
    expect(feed.home_page_url).toBe(`${URL_BASE}sections/politics/`);
    expect(feed.feed_url).toBe(`${URL_BASE}sections/politics/feed.json`);
    expect(feed.items?.map((item) => item.title)).toEqual(
      titlesIn("سياسة").slice(0, CHANNEL_FEED_LIMIT),
    );
  });

  it("leave the site's own feeds as they were: every article, the site's title", async () => {
    const feed = parseFeed(await text("feed.xml"));
    expect(feed.title).toBe("صحيفة الاختبار");
    expect(feed.self).toBe(`${URL_BASE}feed.xml`);
    expect(feed.items).toHaveLength(ARTICLES.length);
  });
});

describe("the sitemap", () => {
  it("lists each section's first page, dated by its newest article", async () => {
    const xml = await text("sitemap.xml");
    const urls = parse(xml).querySelectorAll("url");
    const byLoc = new Map(
      urls.map((url) => [url.querySelector("loc")?.text, url.querySelector("lastmod")?.text]),
    );
    // Each section's newest article, by the fixture's rule; a bare date is midnight in Riyadh.
    const newest = (name: string) =>
      dayOf(ARTICLES.findLastIndex((article) => article.section === name));
    expect(byLoc.get(`${URL_BASE}sections/economy/`)).toBe(`${newest("اقتصاد")}T00:00:00+03:00`);
    expect(byLoc.get(`${URL_BASE}sections/politics/`)).toBe(`${newest("سياسة")}T00:00:00+03:00`);
    expect(newest("اقتصاد")).not.toBe(newest("سياسة"));
    expect(byLoc.has(`${URL_BASE}sections/culture/`)).toBe(true);
    expect(byLoc.get(`${URL_BASE}sections/culture/`)).toBeUndefined();
    expect(byLoc.size).toBe(1 + SECTIONS.length + ARTICLES.length);
  });
});

describe("links", () => {
  it("resolve everywhere, the sections' pages and feeds included", async () => {
    const report = await checkLinks(site, URL_BASE);
    expect(report.broken).toEqual([]);
    expect(report.pages).toBeGreaterThan(30);
  });
});
