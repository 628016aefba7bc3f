// Authors through the real build: content/authors.yaml, bylines on pages and in lists, author pages and their feeds, JSON-LD, sitemap, and a refused authors.yaml.

import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nameSlug } from "../../src/site/urls.ts";
import { checkHtml } from "../helpers/nu-checker.ts";
import { hashTree } from "../helpers/site-tree.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runScript,
  writeContent,
  type CliResult,
} from "../helpers/sites.ts";

const AUTHORS = [
  "- id: news-desk",
  "  name: قسم الأخبار",
  "  bio: فريق التحرير في صحيفة الاختبار.",
  "  url: https://example.org/desk",
  "- name: سارة الأحمد",
  "",
].join("\n");

const BASE_URL = "https://example.org/news/";
let root: string;
let content: string;
let site: string;
let build: CliResult;

const html = async (page: string) =>
  parse(await readFile(path.join(site, page, "index.html"), "utf8"));

beforeAll(async () => {
  root = await makeTempDir("authors");
  content = await writeContent(path.join(root, "content"), {
    "desk.md": articleText({ slug: "desk", date: "2024-05-02", extra: ["author: قسم الأخبار"] }),
    "two.md": articleText({
      slug: "two",
      date: "2024-05-03",
      extra: ["author:", "  - news-desk", "  - سارة الاحمد", "  - رويترز"],
    }),
    "none.md": articleText({ slug: "none", date: "2024-05-01" }),
    // Signed by the desk but not published: newer than the rest, so a feed that took them in
    // would show them first.
    "draft.md": articleText({
      slug: "draft",
      date: "2024-05-04",
      extra: ["author: news-desk", "draft: true"],
    }),
    "later.md": articleText({ slug: "later", date: "2024-07-01", extra: ["author: news-desk"] }),
  });
  await writeFile(path.join(content, "authors.yaml"), AUTHORS);
  site = path.join(root, "_site");
  build = await runScript("build.ts", ["--output", site], {
    SAHIFA_CONTENT: content,
    SAHIFA_NOW: "2024-06-01T00:00:00+03:00",
  });
}, 120_000);

afterAll(removeTempDirs);

describe("a site with authors", () => {
  it("builds, warning about bylines not in authors.yaml at their line, with a did-you-mean", () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain("two.md:8: تحذير: author[1]: «سارة الاحمد» ليس في ");
    expect(build.output).toMatch(/two\.md:8: .*\(هل تقصد «سارة الأحمد»؟\)/);
    expect(build.output).toMatch(/two\.md:9: تحذير: author\[2\]: «رويترز» ليس في /);
    expect(build.output).not.toMatch(/desk\.md:\d+: تحذير/);
  });

  it("links each byline on the article page, joined in Arabic", async () => {
    const byline = (await html("articles/two")).querySelector(".article-meta .byline");
    // The misspelt byline is not the listed author: it gets a page of its own (and the warning).
    expect(byline?.text).toBe("قسم الأخبار، سارة الاحمد و رويترز");
    expect(byline?.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual([
      "/news/authors/news-desk/",
      `/news/authors/${nameSlug("سارة الاحمد")}/`,
      `/news/authors/${nameSlug("رويترز")}/`,
    ]);
  });

  it("links bylines in lists too, and leaves an unsigned article without one", async () => {
    const home = await html("");
    // The front page: the lead story first, then the lists beside and under it.
    const items = home.querySelectorAll(".lead-story, .article-list li");
    expect(items.map((item) => item.querySelector(".byline")?.text ?? "")).toEqual([
      "قسم الأخبار، سارة الاحمد و رويترز",
      "قسم الأخبار",
      "",
    ]);
  });

  it("writes an author page with name, bio, link and the articles they signed", async () => {
    const page = await html("authors/news-desk");
    expect(page.querySelector("h1")?.text).toBe("قسم الأخبار");
    expect(page.querySelector(".author-bio")?.text).toBe("فريق التحرير في صحيفة الاختبار.");
    expect(page.querySelector(".listing-meta a")?.getAttribute("href")).toBe(
      "https://example.org/desk",
    );
    const links = page.querySelectorAll(".article-list h2 a").map((a) => a.getAttribute("href"));
    expect(links).toEqual(["/news/articles/two/", "/news/articles/desk/"]);
    const profile = JSON.parse(
      page.querySelector('script[type="application/ld+json"]')?.text ?? "{}",
    ) as { mainEntity?: { name?: string; sameAs?: string[] } };
    expect(profile.mainEntity).toMatchObject({
      name: "قسم الأخبار",
      sameAs: ["https://example.org/desk"],
    });
    // An unlisted byline's page has the name alone.
    const reuters = await html(`authors/${nameSlug("رويترز")}`);
    expect(reuters.querySelector("h1")?.text).toBe("رويترز");
    expect(reuters.querySelector(".author-bio")).toBeNull();
    expect(reuters.querySelectorAll(".article-list li")).toHaveLength(1);
  });

  it("names every byline as a Person with its author page in JSON-LD", async () => {
    const page = await html("articles/two");
    const data = JSON.parse(
      page.querySelector('script[type="application/ld+json"]')?.text ?? "{}",
    ) as { author?: { "@type": string; name: string; url: string }[]; publisher?: unknown };
    expect(data.author?.map((person) => [person["@type"], person.name, person.url])).toEqual([
      ["Person", "قسم الأخبار", "https://example.org/news/authors/news-desk/"],
      ["Person", "سارة الاحمد", `https://example.org/news/authors/${nameSlug("سارة الاحمد")}/`],
      ["Person", "رويترز", `https://example.org/news/authors/${nameSlug("رويترز")}/`],
    ]);
    expect(data.publisher).toMatchObject({ "@type": "NewsMediaOrganization" });
  });

  it("lists author pages in the sitemap and the feeds' entries", async () => {
    const sitemap = await readFile(path.join(site, "sitemap.xml"), "utf8");
    expect(sitemap).toContain("<loc>https://example.org/news/authors/news-desk/</loc>");
    expect(sitemap).toContain(`<loc>https://example.org/news/authors/${nameSlug("رويترز")}/</loc>`);
    const feed = JSON.parse(await readFile(path.join(site, "feed.json"), "utf8")) as {
      items: { authors?: { name: string; url?: string }[] }[];
    };
    expect(feed.items[0]?.authors?.map((author) => author.name)).toEqual([
      "قسم الأخبار",
      "سارة الاحمد",
      "رويترز",
    ]);
    expect(feed.items[0]?.authors?.[0]?.url).toBe("https://example.org/news/authors/news-desk/");
  });

  it("writes an Atom and a JSON feed beside every author page, listed in authors.yaml or not", async () => {
    const pages = (await readdir(path.join(site, "authors"))).sort();
    // Who signed a published article, by the fixture; سارة الأحمد (listed) signed none.
    expect(pages).toEqual(["news-desk", nameSlug("سارة الاحمد"), nameSlug("رويترز")].sort());
    for (const id of pages) {
      expect(existsSync(path.join(site, "authors", id, "feed.xml")), id).toBe(true);
      expect(existsSync(path.join(site, "authors", id, "feed.json")), id).toBe(true);
    }
  });

  it("puts in each author's feeds exactly their published articles, newest first", async () => {
    // An article with three bylines is in each one's feeds; the draft and the scheduled one in none.
    const expected = new Map([
      ["news-desk", { name: "قسم الأخبار", articles: ["two", "desk"] }],
      [nameSlug("سارة الاحمد"), { name: "سارة الاحمد", articles: ["two"] }],
      [nameSlug("رويترز"), { name: "رويترز", articles: ["two"] }],
    ]);
    for (const [id, { name, articles }] of expected) {
      const page = `${BASE_URL}authors/${id}/`;
      const urls = articles.map((slug) => `${BASE_URL}articles/${slug}/`);
      const xml = await readFile(path.join(site, "authors", id, "feed.xml"), "utf8");
      const atom = parseFeed(xml);
      expect(atom.meta.type).toBe("atom");
      expect(atom.title).toBe(`صحيفة الاختبار: ${name}`);
      expect(atom.url).toBe(page);
      expect(atom.self).toBe(`${page}feed.xml`);
      expect(atom.items.map((item) => item.url)).toEqual(urls);
      expect(parseAtomFeed(xml).entries?.map((entry) => entry.id)).toEqual(urls);
      const json = parseJsonFeed(
        JSON.parse(await readFile(path.join(site, "authors", id, "feed.json"), "utf8")),
      );
      expect(json.title).toBe(`صحيفة الاختبار: ${name}`);
      expect(json.home_page_url).toBe(page);
      expect(json.feed_url).toBe(`${page}feed.json`);
      expect(json.items?.map((item) => item.url)).toEqual(urls);
    }
  });

  it("announces the author's feeds in the page's head, under the path prefix", async () => {
    for (const [id, name] of [
      ["news-desk", "قسم الأخبار"],
      [nameSlug("رويترز"), "رويترز"],
    ] as const) {
      const links = (await html(`authors/${id}`))
        .querySelectorAll('head link[rel="alternate"]')
        .map((link) => ({
          type: link.getAttribute("type"),
          title: link.getAttribute("title"),
          href: link.getAttribute("href") ?? "",
        }));
      const own = links.filter((link) => link.title?.includes(name));
      expect(own).toEqual([
        {
          type: "application/atom+xml",
          title: `صحيفة الاختبار: ${name}`,
          href: `/news/authors/${id}/feed.xml`,
        },
        {
          type: "application/feed+json",
          title: `صحيفة الاختبار: ${name}`,
          href: `/news/authors/${id}/feed.json`,
        },
      ]);
      // Each resolves to the file the build wrote (the prefix is the deploy's sub-folder).
      for (const link of own) {
        expect(existsSync(path.join(site, link.href.replace(/^\/news\//, "")))).toBe(true);
      }
      // The site's own feeds stay announced beside them.
      expect(links.map((link) => link.href)).toContain("/news/feed.xml");
    }
  });

  it("passes the Nu HTML Checker on author pages", async () => {
    const files = ["authors/news-desk", `authors/${nameSlug("رويترز")}`, "articles/two"].map(
      (page) => path.join(site, page, "index.html"),
    );
    const messages = (await checkHtml(files)).filter((message) => message.type !== "info");
    expect(messages).toEqual([]);
  }, 60_000);

  it("refuses a broken authors.yaml at its lines and leaves the site as it was", async () => {
    const before = await hashTree(site);
    await writeFile(
      path.join(content, "authors.yaml"),
      `${AUTHORS}- name: قسم الأخبار\n- name: فريق\n  url: ftp://example.org\n  twitter: "@x"\n`,
    );
    const refused = await runScript("build.ts", ["--output", site], {
      SAHIFA_CONTENT: content,
      SAHIFA_EDITOR_LANGUAGE: "en",
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(
      /authors\.yaml:6: \[2\].name: the name "قسم الأخبار" is already the author's on line 2/,
    );
    expect(refused.output).toMatch(
      /authors\.yaml:8: \[3\].url: "ftp:\/\/example\.org" is not an http\(s\) URL/,
    );
    expect(refused.output).toMatch(/authors\.yaml:9: \[3\].twitter: unknown field/);
    expect(await hashTree(site)).toEqual(before);
    await writeFile(path.join(content, "authors.yaml"), AUTHORS);
  }, 120_000);
});
