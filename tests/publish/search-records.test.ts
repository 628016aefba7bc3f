import { existsSync } from "node:fs";
import path from "node:path";
import { close as closePagefind, createIndex } from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import {
  htmlText,
  searchLanguage,
  searchRecords,
  searchWasmFile,
} from "../../src/publish/search-records.ts";
import { makeArticle, makeSite } from "../helpers/articles.ts";
import { makeTempDir, removeTempDirs } from "../helpers/sites.ts";

afterAll(async () => {
  await closePagefind();
  await removeTempDirs();
});

const site = makeSite({ url: "https://example.org/news/" });

describe("searchRecords", () => {
  const article = makeArticle(
    site,
    {
      title: "لافروف في قمة مجموعة العشرين",
      standfirst: "وزير الخارجية الروسي يلتقي نظيره التركي.",
      author: "سارة الأحمد",
      dateline: "نيودلهي",
      date: "2023-06-21T14:30:00+03:00",
      updated: "2023-06-22",
      slug: "lavrov-g20",
      tags: ["روسيا", "مجموعة العشرين"],
    },
    '<h2 id="x">الجلسة الأولى</h2>\n<p>قال <em>Sergey Lavrov</em> إنّ الاجتماعَ &amp; المحادثات «مفيدة»<sup class="footnote-ref"><a href="#fn1">[1]</a></sup>.</p>\n<!--sahifa-photo:0-->\n',
  );
  const [record] = searchRecords([article], site);

  it("names the language of an article not in the site's, so results keep its numbers as typed", () => {
    const english = makeArticle(site, { title: "Up -0.5", lang: "en", slug: "up" }, "<p>x</p>\n");
    expect(searchRecords([english], site)[0]?.meta.lang).toBe("en");
    expect(record?.meta.lang).toBeUndefined();
  });

  it("addresses the article by its site-relative path (Pagefind's script adds the prefix)", () => {
    expect(record?.url).toBe("/articles/lavrov-g20/");
  });

  it("indexes headline, standfirst, dateline, byline and body once, as written, and no markup", () => {
    // Hamza, ة, shadda and fatha as the article writes them: the search page's excerpt is
    // taken from this text, and Pagefind's stemmer finds the words whatever a reader types.
    expect(record?.content).toBe(
      "لافروف في قمة مجموعة العشرين وزير الخارجية الروسي يلتقي نظيره التركي. نيودلهي سارة الأحمد الجلسة الأولى قال Sergey Lavrov إنّ الاجتماعَ & المحادثات «مفيدة» [1] .",
    );
    expect(record?.content).not.toMatch(/[<>]|sahifa-photo|&amp;/);
    // Not twice: Pagefind indexes every meta field's words too.
    for (const value of Object.values(record?.meta ?? {})) expect(value).not.toContain("المحادثات");
    expect(record?.meta).not.toHaveProperty("text");
  });

  it("says where the body starts, in words of the indexed text", () => {
    const words = record?.content.split(" ") ?? [];
    expect(words[Number(record?.meta.body_at)]).toBe("الجلسة");
    expect(words[Number(record?.meta.body_at) - 1]).toBe("الأحمد");
  });

  it("carries what a result shows: headline, standfirst, both dates, tags with their links", () => {
    expect(record?.meta).toMatchObject({
      title: "لافروف في قمة مجموعة العشرين",
      standfirst: "وزير الخارجية الروسي يلتقي نظيره التركي.",
      date: "الأربعاء 21 يونيو/حزيران 2023",
      date_iso: "2023-06-21T14:30:00+03:00",
      updated: "الخميس 22 يونيو/حزيران 2023",
      updated_iso: "2023-06-22T00:00:00+03:00",
    });
    const tags = JSON.parse(record?.meta.tags ?? "[]") as [string, string][];
    expect(tags.map(([name]) => name)).toEqual(["روسيا", "مجموعة العشرين"]);
    for (const [, href] of tags) expect(href).toMatch(/^\/news\/tags\/[a-z0-9-]+\/$/);
  });

  it("filters by tag and by the year in the site's zone and digits", () => {
    expect(record?.filters).toEqual({ tag: ["روسيا", "مجموعة العشرين"], year: ["2023"] });
    const arab = makeSite({ digits: "arab", timeZone: "Asia/Tokyo" });
    // 31 December 2023 at 20:00 in Istanbul is already 2024 in Tokyo.
    const late = makeArticle(arab, { date: "2023-12-31T20:00:00+03:00" });
    expect(searchRecords([late], arab)[0]?.filters.year).toEqual(["٢٠٢٤"]);
  });

  it("gives Pagefind no sort key, which would grow the metadata every query downloads", () => {
    expect(Object.keys(record ?? {}).sort()).toEqual([
      "content",
      "filters",
      "language",
      "meta",
      "url",
    ]);
  });

  it("indexes every article it is given, in order, as the site's language", () => {
    const other = makeArticle(site, { slug: "b", lang: "en", title: "English brief" });
    const records = searchRecords([article, other], site);
    expect(records.map((r) => r.url)).toEqual(["/articles/lavrov-g20/", "/articles/b/"]);
    expect(records.map((r) => r.language)).toEqual(["ar", "ar"]);
    expect(searchRecords([], site)).toEqual([]);
  });
});

describe("htmlText", () => {
  it("drops tags and comments, keeps words whole across inline markup, decodes entities", () => {
    expect(htmlText("<p>قال <em>لافروف</em> &amp; آخرون</p>")).toBe("قال لافروف & آخرون");
    expect(htmlText("<p>ال<strong>عشرين</strong></p><p>ثم</p>")).toBe("العشرين ثم");
    expect(htmlText("<p>&lt;script&gt; &#x41;&#66; &bogus;</p><!-- x -->")).toBe(
      "<script> AB &bogus;",
    );
  });
});

describe("searchWasmFile", () => {
  // The search page preloads this file: it must be the one Pagefind itself writes and loads.
  it.each([["ar"], ["en"], ["ja"]])(
    "names the WebAssembly Pagefind writes for an index in «%s»",
    async (language) => {
      const { index } = await createIndex({ forceLanguage: language });
      if (!index) throw new Error("Pagefind did not start");
      await index.addCustomRecord({ url: "/a/", content: "نص قصير short text", language });
      const dir = await makeTempDir("search-wasm");
      await index.writeFiles({ outputPath: dir });
      expect(existsSync(path.join(dir, searchWasmFile(language)))).toBe(true);
      // A language without a stemmer gets the plain file only.
      expect(existsSync(path.join(dir, `wasm.${language}.pagefind`))).toBe(language !== "ja");
    },
  );

  it("takes the site's language without its region", () => {
    expect(searchLanguage({ language: "ar-EG" })).toBe("ar");
    expect(searchWasmFile(searchLanguage({ language: "en-GB" }))).toBe("wasm.en.pagefind");
  });
});
