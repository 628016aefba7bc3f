import { describe, expect, it } from "vitest";
import { findNeighbours } from "../../src/site/related.ts";
import { makeArticle, newestFirst } from "../helpers/nav-articles.ts";

const day = (n: number) => `2023-06-${String(n).padStart(2, "0")}T10:00:00+03:00`;

describe("findNeighbours", () => {
  const articles = newestFirst([
    makeArticle("a", day(1), ["سوريا", "تركيا"]),
    makeArticle("b", day(2), ["سوريا"]),
    makeArticle("c", day(3), ["لبنان"]),
    makeArticle("d", day(4), ["سوريا", "تركيا", "أستانا"]),
    makeArticle("e", day(5), []),
    makeArticle("f", day(6), ["تركيا"]),
  ]);
  const bySlug = (slug: string) =>
    findNeighbours(articles)[articles.findIndex((a) => a.slug === slug)];
  const slugs = (list: readonly { slug: string }[] | undefined) => list?.map((a) => a.slug);

  it("links each article to the next newer and older one", () => {
    expect(bySlug("c")?.newer?.slug).toBe("d");
    expect(bySlug("c")?.older?.slug).toBe("b");
    expect(bySlug("f")?.newer).toBeUndefined();
    expect(bySlug("a")?.older).toBeUndefined();
  });

  it("relates articles by shared tags: most shared first, then newest", () => {
    // d shares two tags with a, f one (newer), b one (older).
    expect(slugs(bySlug("a")?.related)).toEqual(["d", "f", "b"]);
    expect(slugs(bySlug("b")?.related)).toEqual(["d", "a"]);
  });

  it("never relates an article to itself, nor without a shared tag", () => {
    expect(slugs(bySlug("c")?.related)).toEqual([]);
    expect(slugs(bySlug("e")?.related)).toEqual([]);
    for (const [index, links] of findNeighbours(articles).entries()) {
      expect(links.related).not.toContain(articles[index]);
    }
  });

  it("treats a tag typed in another Unicode form as the same tag", () => {
    const list = newestFirst([
      makeArticle("x", day(1), ["إيران".normalize("NFD")]),
      makeArticle("y", day(2), ["إيران"]),
    ]);
    expect(slugs(findNeighbours(list)[0]?.related)).toEqual(["x"]);
  });

  it("stops at the limit", () => {
    const many = newestFirst(
      Array.from({ length: 10 }, (_, i) => makeArticle(`m${i}`, day(i + 1), ["سوريا"])),
    );
    const links = findNeighbours(many, { limit: 3, window: 64 });
    expect(slugs(links[9]?.related)).toEqual(["m9", "m8", "m7"]);
    expect(slugs(links[0]?.related)).toEqual(["m8", "m7", "m6"]);
  });

  it("looks only at the newest `window` articles of each tag: work grows with articles × window, not articles²", () => {
    // m0 is the oldest; with a window of 2 it only sees the two newest of the tag's list.
    const many = newestFirst(
      Array.from({ length: 10 }, (_, i) => makeArticle(`m${i}`, day(i + 1), ["سوريا"])),
    );
    const links = findNeighbours(many, { limit: 5, window: 2 });
    expect(slugs(links[9]?.related)).toEqual(["m9", "m8"]);
    // An article inside the window skips itself and still sees `window` others.
    expect(slugs(links[0]?.related)).toEqual(["m8", "m7"]);
  });

  it("handles an empty list", () => {
    expect(findNeighbours([])).toEqual([]);
  });
});
