// Authors through the real build: content/authors.yaml, bylines on pages and in lists, author pages, JSON-LD, sitemap, and a refused authors.yaml.

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
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
  });
  await writeFile(path.join(content, "authors.yaml"), AUTHORS);
  site = path.join(root, "_site");
  build = await runScript("build.ts", ["--output", site], { SAHIFA_CONTENT: content });
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
