import { describe, expect, it } from "vitest";
import { shareImageFor, type SiteImages } from "../../src/publish/share-image.ts";
import type { PagedAuthor } from "../../src/site/authors.ts";
import { nameSlug } from "../../src/site/urls.ts";
import {
  newsArticle,
  profilePage,
  serializeJsonLd,
  webSite,
} from "../../src/publish/structured-data.ts";
import { makeArticle, makeSite } from "../helpers/articles.ts";

const site = makeSite();
const image = (name: string) => ({
  url: `https://example.org/news/assets/${name}.png`,
  path: `/news/assets/${name}.png`,
  width: 10,
  height: 10,
  alt: "صحيفة",
});
const images: SiteImages = {
  card: image("card"),
  logo: image("logo"),
  icon: image("icon"),
  favicon: image("favicon"),
};

describe("serializeJsonLd", () => {
  it("escapes <, >, &, U+2028 and U+2029 and still round-trips", () => {
    const value = { headline: "</script><!-- & -->", text: "a\u2028b\u2029c" };
    const json = serializeJsonLd(value);
    expect(json).toBe(
      '{"headline":"\\u003c/script\\u003e\\u003c!-- \\u0026 --\\u003e","text":"a\\u2028b\\u2029c"}',
    );
    expect(JSON.parse(json)).toEqual(value);
  });

  it("leaves Arabic text as it is", () => {
    expect(serializeJsonLd({ headline: "أستانا" })).toBe('{"headline":"أستانا"}');
  });
});

describe("newsArticle", () => {
  it("dates with the site's offset and takes dateModified from updated", () => {
    const article = makeArticle(site, {
      date: "2024-03-10T09:30:00+03:00",
      updated: "2024-03-11T14:05:00Z",
    });
    const data = newsArticle({
      site,
      article,
      image: shareImageFor(site, undefined, images),
      images,
    });
    expect(data["datePublished"]).toBe("2024-03-10T09:30:00+03:00");
    expect(data["dateModified"]).toBe("2024-03-11T17:05:00+03:00");
  });

  it("uses the date for dateModified when there is no update, and leaves out absent fields", () => {
    const article = makeArticle(site, {});
    const data = newsArticle({ site, article, image: images.card, images });
    expect(data["dateModified"]).toBe(data["datePublished"]);
    expect(data).not.toHaveProperty("dateline");
    expect(data).not.toHaveProperty("articleSection");
    expect(data).not.toHaveProperty("keywords");
    expect(data["image"]).toMatchObject({ url: images.card.url });
    expect(data["publisher"]).toMatchObject({ logo: { url: images.logo.url } });
  });

  it("names each byline as a Person with its author page's absolute URL", () => {
    const article = makeArticle(site, { author: ["ليلى حداد", "رويترز"], lang: "en" });
    const laila = { id: "laila", name: "ليلى حداد", url: "https://x.com/laila", listed: true };
    const bylines = new Map<string, PagedAuthor>([
      ["ليلى حداد", laila],
      ["رويترز", { id: nameSlug("رويترز"), name: "رويترز", listed: false }],
    ]);
    const data = newsArticle({ site, article, image: images.card, images, bylines });
    expect(data["author"]).toEqual([
      {
        "@type": "Person",
        name: "ليلى حداد",
        url: "https://example.org/news/authors/laila/",
        sameAs: ["https://x.com/laila"],
      },
      {
        "@type": "Person",
        name: "رويترز",
        url: `https://example.org/news/authors/${nameSlug("رويترز")}/`,
      },
    ]);
    // The organisation stays the publisher.
    expect(data["publisher"]).toMatchObject({ "@type": "NewsMediaOrganization", name: "صحيفة" });
    expect(data["inLanguage"]).toBe("en");
  });

  it("names the publication as author of an unsigned article", () => {
    const data = newsArticle({ site, article: makeArticle(site, {}), image: images.card, images });
    expect(data["author"]).toEqual({
      "@type": "NewsMediaOrganization",
      name: "صحيفة",
      url: "https://example.org/news/",
    });
  });
});

describe("profilePage", () => {
  it("describes the author as a Person with bio and link", () => {
    const author = {
      id: "laila",
      name: "ليلى حداد",
      bio: "مراسلة.",
      url: "https://x.com/laila",
      listed: true,
    };
    expect(profilePage({ site, author })).toEqual({
      "@context": "https://schema.org",
      "@type": "ProfilePage",
      url: "https://example.org/news/authors/laila/",
      mainEntity: {
        "@type": "Person",
        name: "ليلى حداد",
        url: "https://example.org/news/authors/laila/",
        sameAs: ["https://x.com/laila"],
        description: "مراسلة.",
      },
    });
  });
});

describe("webSite", () => {
  it("names the site, its address and language, and its publisher with the logo", () => {
    expect(webSite({ site, images })).toEqual({
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: "صحيفة",
      url: "https://example.org/news/",
      description: site.description,
      inLanguage: "ar",
      publisher: {
        "@type": "NewsMediaOrganization",
        name: "صحيفة",
        url: "https://example.org/news/",
        logo: { "@type": "ImageObject", url: images.logo.url, width: 10, height: 10 },
      },
    });
  });

  it("links the publisher to its X account when site.yaml names one", () => {
    const data = webSite({ site: makeSite({ twitter: "@sahifa_news" }), images });
    expect(data["publisher"]).toMatchObject({ sameAs: ["https://x.com/sahifa_news"] });
  });
});
