// A site in a sub-folder: root-relative links and photos an editor writes in a body follow the path prefix, on the page and in the feeds; nothing is prefixed twice.

import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuiltFixture } from "../helpers/build-fixture.ts";
import { writePhoto } from "../helpers/photos.ts";
import { articleText, makeTempDir, removeTempDirs, writeContent } from "../helpers/sites.ts";

const BODY = [
  "انظر [التقرير](/articles/report/) و[الموقع](https://other.example/a/) و[الفقرة](#details)",
  "و[المقال المجاور](../report/) و[رابط بلا مخطط](//cdn.example/x.jpg).",
  "",
  "![صورة الوزراء](/media/ministers.jpg)",
  "",
  "![صورة مجاورة](photo.jpg)",
  "",
  "## التفاصيل {#details}",
].join("\n");

let built: BuiltFixture;
const read = (file: string) => readFile(path.join(built.site, file), "utf8");

beforeAll(async () => {
  const contentDir = await writeContent(path.join(await makeTempDir("prefix"), "content"), {
    "2023-06-20-report.md": articleText({ slug: "report", date: "2023-06-20" }),
    "2023-06-21-links.md": articleText({ slug: "links", date: "2023-06-21", body: BODY }),
  });
  await mkdir(path.join(contentDir, "media"));
  await writePhoto(path.join(contentDir, "media/ministers.jpg"), 800, 500);
  // Beside the article: content/articles/ (an article folder would hold it better).
  await writePhoto(path.join(contentDir, "articles/photo.jpg"), 800, 500);
  built = await buildFixture(contentDir, "https://example.org/news/");
});

afterAll(async () => {
  await built?.remove();
  await removeTempDirs();
});

describe("a body's links and images under the path prefix /news/", () => {
  it("prefixes root-relative links and images, and leaves external, relative and #fragment ones as written", async () => {
    const body = parse(await read("articles/links/index.html")).querySelector(".article-body");
    expect(body).not.toBeNull();
    expect(body?.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual([
      "/news/articles/report/",
      "https://other.example/a/",
      "#details",
      "../report/",
    ]);
    // Photos, root-relative or beside the article, are published under the prefix's media/.
    expect(body?.querySelectorAll("img").map((img) => img.getAttribute("src"))).toEqual([
      expect.stringMatching(/^\/news\/media\/ministers-[0-9a-f]{10}-720\.jpg$/),
      expect.stringMatching(/^\/news\/media\/photo-[0-9a-f]{10}-720\.jpg$/),
    ]);
    // A protocol-relative URL is never a link (src/content/markdown.ts isSafeLink), nor prefixed.
    expect(body?.text).toContain("//cdn.example/x.jpg");
  });

  it("prefixes nothing twice: every root-relative URL on every page has /news/ once", async () => {
    for (const file of ["index.html", "articles/links/index.html", "articles/report/index.html"]) {
      const html = await read(file);
      const urls = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((match) => match[1]);
      expect(urls.length, file).toBeGreaterThan(5);
      for (const url of urls) {
        expect(url, file).toMatch(/^\/news\//);
        expect(url, file).not.toMatch(/^\/news\/news\//);
      }
    }
  });

  it("gives the feeds the same links, absolute under the sub-folder", async () => {
    const feed = parseFeed(await read("feed.xml"));
    const entry = parse(feed.items.find((item) => item.url?.endsWith("/links/"))?.content ?? "");
    expect(entry.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual([
      "https://example.org/news/articles/report/",
      "https://other.example/a/",
      "https://example.org/news/articles/links/#details",
      "https://example.org/news/articles/report/",
    ]);
    // A body photo is one JPEG in a feed, its URL absolute like the links'.
    expect(entry.querySelectorAll("img").map((img) => img.getAttribute("src"))).toEqual([
      expect.stringMatching(
        /^https:\/\/example\.org\/news\/media\/ministers-[0-9a-f]{10}-720\.jpg$/,
      ),
      expect.stringMatching(/^https:\/\/example\.org\/news\/media\/photo-[0-9a-f]{10}-720\.jpg$/),
    ]);
    const json = JSON.parse(await read("feed.json")) as { items: { content_html: string }[] };
    expect(json.items.map((item) => item.content_html).join("")).toContain(
      'href="https://example.org/news/articles/report/"',
    );
  });
});
