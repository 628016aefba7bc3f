import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article.ts";
import { buildNavigation } from "../../src/site/navigation.ts";
import {
  choosePages,
  reusableNavigation,
  takeSnapshot,
  versionArticles,
  type BuildSnapshot,
} from "../../src/build/rebuild.ts";
import { resolveSite, siteSchema } from "../../src/content/site-settings.ts";
import { makeArticle, newestFirst } from "../helpers/nav-articles.ts";

const site = resolveSite(
  siteSchema.parse({
    name: "صحيفة",
    description: "موقع إخباري",
    url: "https://example.org/",
    timeZone: "Asia/Riyadh",
  }),
);

// 30 articles, a day apart; every one tagged سوريا, the first ten also لبنان.
const original = newestFirst(
  Array.from({ length: 30 }, (_, i) =>
    makeArticle(
      `a${String(i).padStart(2, "0")}`,
      `2023-05-${String(i + 1).padStart(2, "0")}T10:00:00+03:00`,
      i < 10 ? ["سوريا", "لبنان"] : ["سوريا"],
    ),
  ),
);

/** Builds once from `before`, then from `after`, and returns what the second build writes. */
function rebuild(before: Article[], after: Article[], shared = ["same", "same"]) {
  const first = build(before, shared[0] ?? "", undefined);
  return build(after, shared[1] ?? "", first.snapshot).pages;
}

function build(
  articles: Article[],
  shared: string,
  previous: BuildSnapshot | undefined,
  scheduled: ReadonlySet<string> = new Set(),
) {
  const versions = versionArticles(articles, previous);
  const reused = reusableNavigation(articles, versions, shared, previous);
  const navigation = reused ?? buildNavigation(articles, site);
  const snapshot = takeSnapshot(articles, versions, navigation, shared, scheduled);
  const pages = choosePages(articles, navigation, snapshot, previous);
  return { snapshot, pages, navigation, reused: reused !== undefined };
}

const edit = (articles: Article[], slug: string, change: Partial<Article>) =>
  articles.map((article) => (article.slug === slug ? { ...article, ...change } : article));
const paths = (pages: ReturnType<typeof rebuild>) => [
  ...pages.articles.map((article) => article.path),
  ...pages.listings.map((listing) => listing.page.path),
];

describe("choosePages", () => {
  it("rewrites the page of a scheduled article that fell due in the preview, and no other", () => {
    const due = original[5]?.path ?? "";
    const first = build(original, "same", undefined, new Set([due]));
    const { pages } = build(original, "same", first.snapshot, new Set());
    expect(paths(pages)).toEqual([due]);
  });

  it("writes every page in a first build", () => {
    const { pages, navigation } = build(original, "same", undefined);
    expect(pages.articles).toHaveLength(30);
    expect(pages.listings).toEqual(navigation.listings);
    expect(pages.removed).toEqual([]);
  });

  it("writes nothing when nothing changed", () => {
    const copies = original.map((article) => ({ ...article }));
    expect(paths(rebuild(original, copies))).toEqual([]);
  });

  it("writes only the article's page after an edit to its body", () => {
    const after = edit(original, "a15", { html: "<p>نص جديد.</p>\n" });
    expect(paths(rebuild(original, after))).toEqual(["/articles/a15/"]);
  });

  it("after a new title, also writes the lists and the pages that link to the article", () => {
    const after = edit(original, "a15", { title: "عنوان جديد" });
    const written = paths(rebuild(original, after));
    // Its own page, its newer and older neighbours (a16, a14), and the articles whose related
    // links show it; the home page that lists it, the tag page and both month pages.
    expect(written).toContain("/articles/a15/");
    expect(written).toContain("/articles/a16/");
    expect(written).toContain("/articles/a14/");
    expect(written).toContain("/");
    expect(written).toContain("/archive/2023/05/");
    expect(written.some((path) => path.startsWith("/archive/hijri/"))).toBe(true);
    expect(written.some((path) => path.startsWith("/tags/"))).toBe(true);
    expect(written).not.toContain("/articles/a00/");
    const related = build(after, "same", undefined).navigation.neighbours;
    for (const [path, links] of Object.entries(related)) {
      const shows = [links.newer, links.older, ...links.related].some((a) => a?.slug === "a15");
      expect(written.includes(path), path).toBe(shows || path === "/articles/a15/");
    }
  });

  it("reuses the navigation after a body edit, and rebuilds it when a list would change", () => {
    const first = build(original, "same", undefined);
    const bodyEdit = build(
      edit(original, "a15", { html: "<p>جديد</p>\n" }),
      "same",
      first.snapshot,
    );
    expect(bodyEdit.reused).toBe(true);
    expect(bodyEdit.navigation).toBe(first.navigation);
    const titleEdit = build(edit(original, "a15", { title: "جديد" }), "same", first.snapshot);
    expect(titleEdit.reused).toBe(false);
    const removed = build(original.slice(1), "same", first.snapshot);
    expect(removed.reused).toBe(false);
    expect(build(original, "other", first.snapshot).reused).toBe(false);
  });

  it("writes every page when the shared inputs (site settings, stylesheet) change", () => {
    const written = rebuild(original, original, ["before", "after"]);
    expect(written.articles).toHaveLength(30);
  });

  it("lists the pages of a deleted article and of emptied lists as removed", () => {
    const after = original.filter((article) => article.slug !== "a29");
    const { removed } = rebuild(original, after);
    expect(removed).toContain("/articles/a29/");
    const lebanonOnly = original.filter((article) => !article.tags.includes("لبنان"));
    expect(rebuild(original, lebanonOnly).removed.some((p) => p.startsWith("/tags/"))).toBe(true);
  });
});
