import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tagName, tagPath, tagSlug } from "../../src/site/tags.ts";
import { buildFixture, type BuiltFixture } from "../helpers/build-fixture.ts";
import { articleText, makeTempDir, removeTempDirs, writeContent } from "../helpers/sites.ts";

const ASTANA = path.join(import.meta.dirname, "../fixtures/source/astana-20.ar.txt");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{8}$/;

describe("tagName", () => {
  it("normalises to NFC and collapses spaces, so one word typed two ways is one tag", () => {
    const decomposed = "إيران".normalize("NFD");
    expect(decomposed).not.toBe("إيران");
    expect(tagName(decomposed)).toBe("إيران");
    expect(tagName(" الشرق \u00a0  الأوسط\n")).toBe("الشرق الأوسط");
  });

  it("drops direction marks and stretching tatweel, so a tag typed with them is the same tag", () => {
    expect(tagName("سوريا\u200f")).toBe("سوريا");
    expect(tagName("سـوريا")).toBe("سوريا");
    expect(tagSlug("سوريا\u200f")).toBe("swrya-cf3be6cf");
  });
});

describe("tags in a built site", () => {
  let built: BuiltFixture;
  beforeAll(async () => {
    const root = await makeTempDir("tags");
    const content = await writeContent(path.join(root, "content"), {
      "a.md": articleText({
        slug: "a",
        extra: ['tags: [سوريا, "سوريا\u200f", سوريا, "\u200eتركيا"]'],
      }),
      "b.md": articleText({
        slug: "b",
        date: "2023-06-22",
        extra: [`tags: ["${"سوريا".normalize("NFD")}", سـوريا, تركيا]`],
      }),
    });
    built = await buildFixture(content);
  }, 120_000);
  afterAll(async () => {
    await built.remove();
    await removeTempDirs();
  });

  it("has one page per tag, whatever the spelling, listing both articles", () => {
    const tagPages = readdirSync(path.join(built.site, "tags"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(tagPages).toEqual([tagSlug("تركيا"), tagSlug("سوريا")].sort());
    const syria = parse(
      readFileSync(path.join(built.site, "tags", tagSlug("سوريا"), "index.html"), "utf8"),
    );
    const linked = new Set(
      syria.querySelectorAll("main a[href*='/articles/']").map((link) => link.getAttribute("href")),
    );
    expect([...linked].sort()).toEqual(["/news/articles/a/", "/news/articles/b/"]);
  });

  it("lists each tag once under an article, in its clean spelling", () => {
    const page = parse(readFileSync(path.join(built.site, "articles", "a", "index.html"), "utf8"));
    const tags = page.querySelectorAll("ul.tags li a").map((link) => link.text);
    expect(tags).toEqual(["سوريا", "تركيا"]);
    expect(page.querySelector("ul.tags")?.innerHTML).not.toMatch(/[\u200e\u200f]/u);
  });
});

describe("tagSlug", () => {
  it("is a readable transliteration and a hash of the NFC name, pinned so URLs never move", () => {
    // These are published URLs: a change here (a new transliteration table, another hash)
    // breaks every link to the site's tag pages. Update them only with a redirect plan.
    expect(tagSlug("سوريا")).toBe("swrya-cf3be6cf");
    expect(tagSlug("الشرق الأوسط")).toBe("alshrq-alawst-431244b7");
    expect(tagSlug("COVID-19")).toBe("covid-19-caf96d0a");
    expect(tagPath("إيران")).toBe("/tags/ayran-1cabfb95/");
  });

  it("is never empty: a tag with nothing to transliterate is tag-<hash>", () => {
    expect(tagSlug("😀")).toBe("tag-f0443a34");
    expect(tagSlug("«»")).toMatch(/^tag-[0-9a-f]{8}$/);
  });

  it("gives the same slug for the same tag in any Unicode form or spacing", () => {
    expect(tagSlug("إيران".normalize("NFD"))).toBe(tagSlug("إيران"));
    expect(tagSlug("الشرق  الأوسط ")).toBe(tagSlug("الشرق الأوسط"));
  });

  it("tells apart tags that transliterate alike (hamza, taa marbuta, diacritics)", () => {
    const alike = ["إيران", "ايران", "تركيا", "تَركيا", "تركيّا"];
    const slugs = alike.map(tagSlug);
    expect(new Set(slugs).size).toBe(alike.length);
    expect(slugs[0]?.startsWith("ayran-")).toBe(true);
    expect(slugs[1]?.startsWith("ayran-")).toBe(true);
  });

  it("keeps long tags to a short readable part", () => {
    const slug = tagSlug("مؤتمر الأمم المتحدة الإطاري بشأن تغير المناخ والتنمية المستدامة");
    expect(slug).toMatch(SLUG);
    expect(slug.length).toBeLessThanOrEqual(40 + 9);
  });

  it("gives distinct, URL-safe slugs to 20,000 distinct Arabic and Latin tags", () => {
    const words = [...new Set(readFileSync(ASTANA, "utf8").match(/[\p{L}\p{M}]+/gu) ?? [])];
    expect(words.length).toBeGreaterThan(250);
    const names = new Set<string>();
    for (const first of words) {
      for (const second of words) {
        names.add(`${first} ${second}`);
        if (names.size >= 19_000) break;
      }
      if (names.size >= 19_000) break;
    }
    for (let index = 0; names.size < 20_000; index++) names.add(`Tag ${index}`);
    const slugs = new Set<string>();
    for (const name of names) {
      const slug = tagSlug(name);
      expect(slug).toMatch(SLUG);
      slugs.add(slug);
    }
    expect(slugs.size).toBe(names.size);
  });
});
