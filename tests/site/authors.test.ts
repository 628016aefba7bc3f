import { describe, expect, it } from "vitest";
import { checkAuthors } from "../../src/content/authors.ts";
import { groupByAuthor } from "../../src/site/authors.ts";
import { buildNavigation } from "../../src/site/navigation.ts";
import { nameSlug } from "../../src/site/urls.ts";
import { makeSite } from "../helpers/articles.ts";
import { makeArticle, newestFirst } from "../helpers/nav-articles.ts";

const site = makeSite({ url: "https://example.org/" });
const { directory } = checkAuthors(
  "- id: news-desk\n  name: قسم الأخبار\n  bio: فريق التحرير.\n",
  "content/authors.yaml",
);

// Five articles by the desk (two signed with Reuters too, one by its id), one by Reuters alone.
const articles = newestFirst([
  ...Array.from({ length: 5 }, (_, i) =>
    makeArticle(
      `d${i}`,
      `2024-05-0${i + 1}T10:00:00+03:00`,
      [],
      i === 4 ? ["news-desk"] : i < 2 ? ["قسم الأخبار", "رويترز"] : ["قسم الأخبار"],
    ),
  ),
  makeArticle("r", "2024-05-09T10:00:00+03:00", [], ["رويترز"]),
  makeArticle("u", "2024-05-08T10:00:00+03:00"),
]);

describe("groupByAuthor", () => {
  const { groups, bylines } = groupByAuthor(articles, directory);

  it("lists each author once, in the order of their newest article, with their articles newest first", () => {
    expect(groups.map((group) => [group.author.id, group.articles.map((a) => a.slug)])).toEqual([
      [nameSlug("رويترز"), ["r", "d1", "d0"]],
      ["news-desk", ["d4", "d3", "d2", "d1", "d0"]],
    ]);
  });

  it("maps each byline as written to its author: the listed one by name or id, else the name alone", () => {
    expect(bylines.get("news-desk")).toBe(bylines.get("قسم الأخبار"));
    expect(bylines.get("قسم الأخبار")).toMatchObject({ id: "news-desk", bio: "فريق التحرير." });
    expect(bylines.get("رويترز")).toEqual({
      id: nameSlug("رويترز"),
      name: "رويترز",
      listed: false,
    });
  });

  it("gives a byline whose slug is a listed id that author's page, never a second page at one address", () => {
    const signed = [makeArticle("x", "2024-05-09T10:00:00+03:00", [], ["News Desk"])];
    expect(groupByAuthor(signed, directory).bylines.get("News Desk")?.name).toBe("قسم الأخبار");
  });
});

describe("author pages in the navigation", () => {
  const navigation = buildNavigation(articles, site, 2, directory);
  const authorPages = navigation.listings.filter((listing) => listing.kind === "author");

  it("paginates each author's articles like a tag's, under /authors/<id>/", () => {
    expect(authorPages.map((listing) => [listing.page.path, listing.page.items.length])).toEqual([
      [`/authors/${nameSlug("رويترز")}/`, 2],
      [`/authors/${nameSlug("رويترز")}/page/2/`, 1],
      ["/authors/news-desk/", 2],
      ["/authors/news-desk/page/2/", 2],
      ["/authors/news-desk/page/3/", 1],
    ]);
    expect(authorPages[2]).toMatchObject({ title: "قسم الأخبار", total: 5 });
    expect(authorPages[2]?.author?.bio).toBe("فريق التحرير.");
  });

  it("has no author pages without bylines", () => {
    const unsigned = buildNavigation([makeArticle("u", "2024-05-08T10:00:00+03:00")], site, 2);
    expect(unsigned.listings.some((listing) => listing.kind === "author")).toBe(false);
    expect(unsigned.bylines.size).toBe(0);
  });
});
