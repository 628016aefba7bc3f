import { describe, expect, it } from "vitest";
import { openGraphLocale, socialMeta } from "../../src/publish/social-meta.ts";
import { makeArticle, makeSite } from "../helpers/articles.ts";

const site = makeSite();
const image = {
  url: "https://example.org/news/assets/card.png",
  width: 1200,
  height: 630,
  alt: "صحيفة",
};

describe("openGraphLocale", () => {
  it.each([
    ["ar", "ar_AR"],
    ["ar-EG", "ar_EG"],
    ["ar-Arab-SA", "ar_SA"],
    ["en", "en_US"],
    ["xx", "xx"],
  ])("%s → %s", (language, locale) => {
    expect(openGraphLocale(language)).toBe(locale);
  });
});

describe("socialMeta", () => {
  it("describes a plain page as a website, with no article tags", () => {
    const tags = socialMeta(site, { url: site.url, title: "صحيفة", description: "أخبار", image });
    const keys = tags.map((tag) => tag.key);
    expect(tags.find((tag) => tag.key === "og:type")?.content).toBe("website");
    expect(keys.some((key) => key.startsWith("article:"))).toBe(false);
    expect(keys).toEqual(
      expect.arrayContaining(["og:image:width", "og:image:height", "twitter:card"]),
    );
  });

  it("names the publication's X account in twitter:site when site.yaml has one, and only then", () => {
    const page = { url: site.url, title: "t", description: "d", image };
    const tags = socialMeta(makeSite({ twitter: "@sahifa_news" }), page);
    expect(tags).toContainEqual({
      attribute: "name",
      key: "twitter:site",
      content: "@sahifa_news",
    });
    expect(socialMeta(site, page).some((tag) => tag.key === "twitter:site")).toBe(false);
  });

  it("uses property for Open Graph and name for X's card tags", () => {
    const tags = socialMeta(site, { url: site.url, title: "t", description: "d", image });
    for (const tag of tags) {
      expect(tag.attribute).toBe(tag.key.startsWith("twitter:") ? "name" : "property");
    }
  });

  it("adds one article:tag per tag, the section and both times for an article", () => {
    const article = makeArticle(site, {
      tags: ["طاقة", "قطر"],
      section: "اقتصاد",
      updated: "2024-03-12",
    });
    const tags = socialMeta(site, { url: "u", title: "t", description: "d", image, article });
    const values = (key: string) => tags.filter((tag) => tag.key === key).map((tag) => tag.content);
    expect(values("article:tag")).toEqual(["طاقة", "قطر"]);
    expect(values("article:section")).toEqual(["اقتصاد"]);
    expect(values("article:published_time")).toEqual(["2024-03-10T00:00:00+03:00"]);
    expect(values("article:modified_time")).toEqual(["2024-03-12T00:00:00+03:00"]);
  });
});
