import { describe, expect, it } from "vitest";
import { buildNavigation } from "../../src/site/navigation.ts";
import { ContentError } from "../../src/content/problems.ts";
import { resolveSite, siteSchema } from "../../src/content/site-settings.ts";
import { makeArticle, newestFirst } from "../helpers/nav-articles.ts";

const site = resolveSite(
  siteSchema.parse({
    name: "صحيفة",
    description: "موقع إخباري",
    url: "https://example.org/",
    timeZone: "Europe/Istanbul",
  }),
);

// 25 articles: one a day from 5 to 28 June 2023 (Dhu al-Qadah, then Dhu al-Hijjah 1444 from
// the 19th), and one on 1 July; every one tagged سوريا, every other one تركيا too.
const articles = newestFirst(
  Array.from({ length: 25 }, (_, i) =>
    makeArticle(
      `a${i}`,
      i < 24
        ? `2023-06-${String(5 + i).padStart(2, "0")}T10:00:00+03:00`
        : "2023-07-01T10:00:00+03:00",
      i % 2 === 0 ? ["سوريا", "تركيا"] : ["سوريا"],
    ),
  ),
);

describe("buildNavigation", () => {
  const navigation = buildNavigation(articles, site, 10);
  const paths = navigation.listings.map((listing) => listing.page.path);

  it("paginates the home page, each tag and each month", () => {
    expect(
      paths.filter((path) => !path.startsWith("/tags/") && !path.startsWith("/archive/")),
    ).toEqual(["/", "/page/2/", "/page/3/"]);
    expect(paths).toContain("/tags/swrya-cf3be6cf/page/3/");
    expect(paths).toContain("/tags/trkya-2a8ef4da/page/2/");
    expect(paths).not.toContain("/tags/trkya-2a8ef4da/page/3/");
    expect(paths).toContain("/archive/2023/06/page/3/");
    expect(paths).toContain("/archive/2023/07/");
    expect(paths).toContain("/archive/hijri/1444/11/page/2/");
    expect(paths).toContain("/archive/hijri/1444/12/");
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("titles every list and counts its articles across pages", () => {
    const june = navigation.listings.find((l) => l.page.path === "/archive/2023/06/");
    expect(june).toMatchObject({ kind: "month", title: "أرشيف يونيو/حزيران 2023", total: 24 });
    const hijjah = navigation.listings.find((l) => l.page.path === "/archive/hijri/1444/12/");
    expect(hijjah?.title).toBe("أرشيف ذو الحجة 1444 هـ");
    const turkey = navigation.listings.find((l) => l.page.path === "/tags/trkya-2a8ef4da/");
    expect(turkey).toMatchObject({ kind: "tag", title: "تركيا", total: 13 });
    expect(navigation.listings[0]).toMatchObject({ kind: "home", total: 25 });
  });

  it("lists every article exactly once across each list's pages, newest first", () => {
    const home = navigation.listings.filter((l) => l.kind === "home").flatMap((l) => l.page.items);
    expect(home).toEqual(articles);
    const hijri = navigation.listings
      .filter((l) => l.page.path.startsWith("/archive/hijri/"))
      .flatMap((l) => l.page.items);
    expect(hijri).toEqual(articles);
  });

  it("indexes tags alphabetically with counts and paths", () => {
    expect(navigation.tags).toEqual([
      { name: "تركيا", path: "/tags/trkya-2a8ef4da/", count: 13 },
      { name: "سوريا", path: "/tags/swrya-cf3be6cf/", count: 25 },
    ]);
  });

  it("indexes the archive by year and month in both calendars", () => {
    expect(navigation.archive.gregorian).toEqual([
      {
        calendar: "gregorian",
        year: 2023,
        label: "2023",
        months: [
          { name: "يوليو/تموز", path: "/archive/2023/07/", count: 1 },
          { name: "يونيو/حزيران", path: "/archive/2023/06/", count: 24 },
        ],
      },
    ]);
    expect(navigation.archive.hijri[0]?.label).toBe("1444 هـ");
    expect(navigation.archive.hijri[0]?.months.map((m) => m.path)).toEqual([
      "/archive/hijri/1444/12/",
      "/archive/hijri/1444/11/",
    ]);
  });

  it("gives every article its neighbours, by path", () => {
    expect(Object.keys(navigation.neighbours)).toHaveLength(25);
    const second = articles[1];
    const links = second ? navigation.neighbours[second.path] : undefined;
    expect(links?.newer).toBe(articles[0]);
    expect(links?.older).toBe(articles[2]);
    expect(links?.related).toHaveLength(4);
  });

  it("still makes the home page, empty, for a site with no articles", () => {
    const empty = buildNavigation([], site);
    expect(empty.listings.map((l) => l.page.path)).toEqual(["/"]);
    expect(empty.tags).toEqual([]);
    expect(empty.archive).toEqual({ gregorian: [], hijri: [] });
  });

  it("refuses two tags whose slugs collide, naming both tags and files", () => {
    // A real 32-bit collision, found by searching case variants of one word.
    const colliding = [
      makeArticle("one", "2023-06-21T10:00:00+03:00", ["SAhIfaCoLlisiOnSearch"]),
      makeArticle("two", "2023-06-20T10:00:00+03:00", ["sAhifacollisIOnSearch"]),
    ];
    expect(() => buildNavigation(colliding, site)).toThrow(ContentError);
    expect(() => buildNavigation(colliding, { ...site, editorLanguage: "en" })).toThrow(
      /content\/articles\/two\.md: tags: the tags "sAhifacollisIOnSearch" and "SAhIfaCoLlisiOnSearch" \(content\/articles\/one\.md\) would share the URL \/tags\/sahifacollisionsearch-db056cf1\//,
    );
    expect(() => buildNavigation(colliding, { ...site, editorLanguage: "ar" })).toThrow(
      /two\.md: tags: الوسمان «sAhifacollisIOnSearch» و«SAhIfaCoLlisiOnSearch» \(content\/articles\/one\.md\) سيشتركان في الرابط/,
    );
  });
});
