import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { atomFeed, CHANNEL_FEED_LIMIT, FEED_LIMIT, jsonFeed } from "../../src/publish/feeds.ts";
import type { SiteImages } from "../../src/publish/share-image.ts";
import { robotsTxt, sitemapXml } from "../../src/publish/sitemap.ts";
import { makeArticle, makeSite } from "../helpers/articles.ts";

const site = makeSite();
const image = {
  url: "https://example.org/news/assets/x.png",
  path: "/news/assets/x.png",
  width: 1,
  height: 1,
  alt: "",
};
const images: SiteImages = { card: image, logo: image, icon: image, favicon: image };

describe("feeds of an empty site", () => {
  it("still parse, dated by a fixed moment rather than the build's clock", async () => {
    const atom = parseFeed(await atomFeed({ site, articles: [], images }));
    expect(atom.items).toHaveLength(0);
    expect(atom.updated?.toISOString()).toBe("1970-01-01T00:00:00.000Z");
    const json = JSON.parse(await jsonFeed({ site, articles: [], images })) as { items: unknown[] };
    expect(json.items).toEqual([]);
  });
});

describe("feed length", () => {
  it(`carries the newest ${FEED_LIMIT} articles`, async () => {
    const articles = Array.from({ length: FEED_LIMIT + 5 }, (_, index) =>
      makeArticle(site, {
        slug: `story-${index}`,
        date: `2024-01-01T00:${String(index).padStart(2, "0")}:00Z`,
      }),
    );
    const atom = parseFeed(await atomFeed({ site, articles, images }));
    expect(atom.items).toHaveLength(FEED_LIMIT);
    expect(atom.items[0]?.url).toBe("https://example.org/news/articles/story-0/");
    const json = JSON.parse(await jsonFeed({ site, articles, images })) as { items: unknown[] };
    expect(json.items).toHaveLength(FEED_LIMIT);
  });

  it(`carries the newest ${CHANNEL_FEED_LIMIT} in a section's or an author's feed`, async () => {
    const articles = Array.from({ length: CHANNEL_FEED_LIMIT + 5 }, (_, index) =>
      makeArticle(site, {
        slug: `story-${index}`,
        date: `2024-01-01T00:${String(index).padStart(2, "0")}:00Z`,
      }),
    );
    const channel = {
      title: "سياسة",
      path: "/sections/politics/",
      feeds: { atom: "/sections/politics/feed.xml", json: "/sections/politics/feed.json" },
    };
    const atom = parseFeed(await atomFeed({ site, articles, images, channel }));
    expect(atom.items).toHaveLength(CHANNEL_FEED_LIMIT);
    expect(atom.items[0]?.url).toBe("https://example.org/news/articles/story-0/");
    const json = JSON.parse(await jsonFeed({ site, articles, images, channel })) as {
      items: unknown[];
    };
    expect(json.items).toHaveLength(CHANNEL_FEED_LIMIT);
  });
});

describe("feed updated", () => {
  it("is the newest change, an update included, whatever the order", async () => {
    const articles = [
      makeArticle(site, { slug: "new", date: "2024-03-10" }),
      makeArticle(site, { slug: "old", date: "2024-01-01", updated: "2024-05-01T12:00:00+03:00" }),
    ];
    const atom = await atomFeed({ site, articles, images });
    expect(atom).toContain("<updated>2024-05-01T12:00:00+03:00</updated>\n  <author>");
  });
});

describe("feed direction", () => {
  it("follows an article's dir, else its language: an English article is left-to-right", async () => {
    const articles = [
      makeArticle(site, { slug: "arabic" }),
      makeArticle(site, { slug: "english", lang: "en" }),
      makeArticle(site, { slug: "english-rtl", lang: "en", dir: "rtl" }),
    ];
    const json = JSON.parse(await jsonFeed({ site, articles, images })) as {
      items: { content_html: string }[];
    };
    expect(
      json.items.map((item) => /^<div dir="(\w+)" lang="(\w+)">/.exec(item.content_html)?.slice(1)),
    ).toEqual([
      ["rtl", "ar"],
      ["ltr", "en"],
      ["rtl", "en"],
    ]);
    const atom = parseFeed(await atomFeed({ site, articles, images }));
    expect(atom.items.map((item) => item.content?.startsWith('<div dir="'))).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe("sitemapXml and robotsTxt", () => {
  it("leaves lastmod off the home page of an empty site", () => {
    const xml = sitemapXml(site, []);
    expect(xml).toContain("<loc>https://example.org/news/</loc>");
    expect(xml).not.toContain("lastmod");
  });

  it("points at the sitemap under the site's URL", () => {
    expect(robotsTxt(makeSite({ url: "https://example.org/" }))).toBe(
      "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n",
    );
  });
});
