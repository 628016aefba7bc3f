// Integration: a fixture site built in a sub-folder, its feeds read by real feed parsers, its sitemap, head metadata, JSON-LD, share links and host files checked.

import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCompressible } from "../../src/build/precompress.ts";
import { CACHE_CONTROL, contentSecurityPolicy } from "../../src/publish/http-headers.ts";
import { buildFixture, PUBLISHING_FIXTURE, type BuiltFixture } from "../helpers/build-fixture.ts";
import { pngSize } from "../helpers/png.ts";
import { nameSlug } from "../../src/site/urls.ts";

const URL_BASE = "https://example.org/news/";
const HOSTILE_TITLE = "قمة الطاقة تنتهي </script><script>alert(1)</script> & ]]> باتفاق";
const STANDFIRST = "اتفق الوزراء على خطة مشتركة\u2028للطاقة، و\u2029<b>لا</b> وسم هنا.";

let built: BuiltFixture;
const read = (file: string) => readFile(path.join(built.site, file), "utf8");
const page = async (file: string) => parse(await read(file));

beforeAll(async () => {
  // With twins, for the host files' checks (the default build writes none: compress-build.test.ts).
  built = await buildFixture(PUBLISHING_FIXTURE, URL_BASE, { precompress: true });
});

afterAll(async () => {
  await built?.remove();
});

describe("the Atom feed", () => {
  it("parses in @rowanmanning/feed-parser with the site's title, Arabic language and absolute links", async () => {
    const feed = parseFeed(await read("feed.xml"));
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("صحيفة الاختبار");
    expect(feed.language).toBe("ar");
    expect(feed.url).toBe(URL_BASE);
    expect(feed.self).toBe(`${URL_BASE}feed.xml`);
  });

  it("lists the published articles newest first, titles intact, links absolute, drafts left out", async () => {
    const feed = parseFeed(await read("feed.xml"));
    expect(feed.items.map((item) => item.title)).toEqual([
      HOSTILE_TITLE,
      "Energy ministers agree on a joint plan",
      "جلسة البرلمان تناقش الموازنة",
    ]);
    expect(feed.items.map((item) => item.url)).toEqual([
      `${URL_BASE}articles/energy-summit/`,
      `${URL_BASE}articles/english-brief/`,
      `${URL_BASE}articles/parliament-session/`,
    ]);
  });

  it("dates each entry (published, updated) and the feed by the newest change, not the clock", async () => {
    const feed = parseFeed(await read("feed.xml"));
    const [summit, brief, session] = feed.items;
    expect(summit?.published?.toISOString()).toBe("2024-03-10T06:30:00.000Z");
    expect(summit?.updated?.toISOString()).toBe("2024-03-11T14:05:00.000Z");
    expect(brief?.published?.toISOString()).toBe("2024-03-09T16:00:00.000Z");
    // A bare date is midnight in the site's zone (Asia/Damascus, +03:00).
    expect(session?.published?.toISOString()).toBe("2024-03-07T21:00:00.000Z");
    expect(feed.updated?.toISOString()).toBe("2024-03-11T14:05:00.000Z");
  });

  it("writes the dates with the newsroom's offset (feedsmith reads them as written)", async () => {
    const feed = parseAtomFeed(await read("feed.xml"));
    const summit = feed.entries?.[0];
    expect(summit?.published).toBe("2024-03-10T09:30:00+03:00");
    expect(summit?.updated).toBe("2024-03-11T17:05:00+03:00");
    expect(feed.updated).toBe("2024-03-11T17:05:00+03:00");
  });

  it("carries the full article as HTML, its links and anchors made absolute", async () => {
    const feed = parseFeed(await read("feed.xml"));
    const body = parse(feed.items[0]?.content ?? "");
    expect(body.querySelector("h2#agreement")?.text).toBe("نص الاتفاق");
    expect(body.text).toContain("نص الاتفاق منشور على");
    expect(body.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual([
      `${URL_BASE}articles/energy-summit/#agreement`,
      `${URL_BASE}articles/parliament-session/`,
      "https://summit.example/agreement",
    ]);
  });

  it("gives each entry's content its direction and language, readable by every feed reader that shows HTML", async () => {
    const feed = parseFeed(await read("feed.xml"));
    const wrappers = feed.items.map((item) => parse(item.content ?? "").querySelector("div"));
    expect(wrappers.map((div) => [div?.getAttribute("dir"), div?.getAttribute("lang")])).toEqual([
      ["rtl", "ar"],
      ["ltr", "en"],
      ["rtl", "ar"],
    ]);
    // The whole body is inside it.
    expect(wrappers[0]?.querySelector("h2#agreement")).not.toBeNull();
    const json = JSON.parse(await read("feed.json")) as { items: { content_html: string }[] };
    expect(json.items.map((item) => item.content_html.slice(0, 26))).toEqual([
      '<div dir="rtl" lang="ar">\n',
      '<div dir="ltr" lang="en">\n',
      '<div dir="rtl" lang="ar">\n',
    ]);
  });

  it("marks the English entry with its language and tags entries with section and tags", async () => {
    const xml = await read("feed.xml");
    expect(xml).toContain('<entry xml:lang="en">');
    const feed = parseFeed(xml);
    expect(feed.items[0]?.categories.map((category) => category.term)).toEqual([
      "اقتصاد",
      "طاقة",
      "قطر",
      "نفط & غاز",
    ]);
    expect(feed.items[0]?.authors.map((author) => author.name)).toEqual(["ليلى حداد"]);
  });
});

describe("the JSON Feed", () => {
  it("parses in feedsmith as JSON Feed 1.1 in Arabic with absolute URLs", async () => {
    const raw = JSON.parse(await read("feed.json")) as { version: string };
    expect(raw.version).toBe("https://jsonfeed.org/version/1.1");
    const feed = parseJsonFeed(raw);
    expect(feed.title).toBe("صحيفة الاختبار");
    expect(feed.language).toBe("ar");
    expect(feed.home_page_url).toBe(URL_BASE);
    expect(feed.feed_url).toBe(`${URL_BASE}feed.json`);
  });

  it("has the same items, titles, dates with offsets, full content and the article image", async () => {
    const feed = parseJsonFeed(JSON.parse(await read("feed.json")));
    const items = feed.items ?? [];
    expect(items.map((item) => item.title)).toEqual([
      HOSTILE_TITLE,
      "Energy ministers agree on a joint plan",
      "جلسة البرلمان تناقش الموازنة",
    ]);
    const [summit, brief, session] = items;
    expect(summit?.url).toBe(`${URL_BASE}articles/energy-summit/`);
    expect(summit?.date_published).toBe("2024-03-10T09:30:00+03:00");
    expect(summit?.date_modified).toBe("2024-03-11T17:05:00+03:00");
    expect(session?.date_published).toBe("2024-03-08T00:00:00+03:00");
    expect(summit?.summary).toBe(STANDFIRST);
    expect(summit?.content_html).toContain(`href="${URL_BASE}articles/energy-summit/#agreement"`);
    expect(summit?.image).toMatch(/\/news\/media\/energy-summit-[0-9a-f]{10}-share-1200x630\.jpg$/);
    expect(session?.image).toBeUndefined();
    expect(brief?.language).toBe("en");
  });
});

describe("sitemap.xml and robots.txt", () => {
  it("lists the home page, each section, every author page and every published article with lastmod from updated, else date", async () => {
    const parsed = new XMLParser().parse(await read("sitemap.xml")) as {
      urlset: { url: { loc: string; lastmod: string }[] };
    };
    expect(parsed.urlset.url).toEqual([
      { loc: URL_BASE, lastmod: "2024-03-11T17:05:00+03:00" },
      // site.yaml's order; each section by its newest change (parliament-session, energy-summit).
      { loc: `${URL_BASE}sections/politics/`, lastmod: "2024-03-08T00:00:00+03:00" },
      { loc: `${URL_BASE}sections/economy/`, lastmod: "2024-03-11T17:05:00+03:00" },
      // Author pages, dated by their newest article's change.
      {
        loc: `${URL_BASE}authors/${nameSlug("ليلى حداد")}/`,
        lastmod: "2024-03-11T17:05:00+03:00",
      },
      { loc: `${URL_BASE}articles/energy-summit/`, lastmod: "2024-03-11T17:05:00+03:00" },
      { loc: `${URL_BASE}articles/english-brief/`, lastmod: "2024-03-09T19:00:00+03:00" },
      { loc: `${URL_BASE}articles/parliament-session/`, lastmod: "2024-03-08T00:00:00+03:00" },
    ]);
  });

  it("points robots.txt at the sitemap by absolute URL", async () => {
    const robots = await read("robots.txt");
    expect(robots.split("\n")).toContain(`Sitemap: ${URL_BASE}sitemap.xml`);
    expect(robots).toMatch(/^User-agent: \*$/m);
  });
});

describe("head metadata", () => {
  const meta = (document: HTMLElement, key: string): string[] =>
    document
      .querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)
      .map((element) => element.getAttribute("content") ?? "");

  it("gives an article its canonical URL, description and Open Graph article tags", async () => {
    const summit = await page("articles/energy-summit/index.html");
    const canonical = `${URL_BASE}articles/energy-summit/`;
    expect(summit.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(canonical);
    expect(meta(summit, "description")).toEqual([STANDFIRST]);
    expect(meta(summit, "og:locale")).toEqual(["ar_AR"]);
    expect(meta(summit, "og:type")).toEqual(["article"]);
    expect(meta(summit, "og:url")).toEqual([canonical]);
    expect(meta(summit, "og:title")).toEqual([HOSTILE_TITLE]);
    expect(meta(summit, "og:site_name")).toEqual(["صحيفة الاختبار"]);
    expect(meta(summit, "article:published_time")).toEqual(["2024-03-10T09:30:00+03:00"]);
    expect(meta(summit, "article:modified_time")).toEqual(["2024-03-11T17:05:00+03:00"]);
    expect(meta(summit, "article:section")).toEqual(["اقتصاد"]);
    expect(meta(summit, "article:tag")).toEqual(["طاقة", "قطر", "نفط & غاز"]);
    expect(meta(summit, "twitter:card")).toEqual(["summary_large_image"]);
  });

  it("names the publication's X account from site.yaml on every page with link previews", async () => {
    for (const file of ["index.html", "articles/energy-summit/index.html", "tags/index.html"]) {
      expect(meta(await page(file), "twitter:site"), file).toEqual(["@sahifa_test"]);
    }
  });

  it("shares the article's lead photo as its 1200×630 JPEG, with its size and alt text", async () => {
    const summit = await page("articles/energy-summit/index.html");
    const [shared] = meta(summit, "og:image");
    expect(shared).toMatch(
      /^https:\/\/example\.org\/news\/media\/energy-summit-[0-9a-f]{10}-share-1200x630\.jpg$/,
    );
    expect(meta(summit, "og:image:width")).toEqual(["1200"]);
    expect(meta(summit, "og:image:height")).toEqual(["630"]);
    expect(meta(summit, "og:image:alt")).toEqual(["وزراء الطاقة في صورة جماعية"]);
    expect(meta(summit, "twitter:image")).toEqual([shared]);
    const file = path.join(built.site, new URL(shared ?? "").pathname.replace(/^\/news\//, ""));
    expect(existsSync(file)).toBe(true);
  });

  it("falls back to the site's card, a real 1200×630 PNG in the build, for an article without one", async () => {
    const session = await page("articles/parliament-session/index.html");
    const [card] = meta(session, "og:image");
    expect(card).toMatch(/^https:\/\/example\.org\/news\/assets\/card\.[0-9a-f]{10}\.png$/);
    expect(meta(session, "og:image:width")).toEqual(["1200"]);
    expect(meta(session, "og:image:height")).toEqual(["630"]);
    const file = path.join(built.site, new URL(card ?? "").pathname.replace(/^\/news\//, ""));
    expect(pngSize(await readFile(file))).toEqual({ width: 1200, height: 630 });
  });

  it("makes every Open Graph and card URL absolute, on every page with a canonical URL", async () => {
    for (const file of ["index.html", "articles/parliament-session/index.html"]) {
      const document = await page(file);
      for (const key of ["og:url", "og:image", "twitter:image"]) {
        const [value] = meta(document, key);
        expect(new URL(value ?? "").protocol, `${file} ${key}`).toBe("https:");
      }
    }
    const home = await page("index.html");
    expect(meta(home, "og:type")).toEqual(["website"]);
    expect(meta(home, "og:url")).toEqual([URL_BASE]);
  });

  it("announces both feeds, under the path prefix", async () => {
    const home = await page("index.html");
    const feeds = home.querySelectorAll('link[rel="alternate"]').map((link) => ({
      type: link.getAttribute("type"),
      href: link.getAttribute("href"),
    }));
    expect(feeds).toEqual([
      { type: "application/atom+xml", href: "/news/feed.xml" },
      { type: "application/feed+json", href: "/news/feed.json" },
    ]);
  });

  it("puts the CSP <meta> first after the charset, on every page", async () => {
    for (const file of await htmlFiles()) {
      const head = (await page(file)).querySelector("head");
      const [charset, policy] = head?.childNodes.filter((node) => node.nodeType === 1) ?? [];
      expect((charset as HTMLElement).getAttribute("charset")).toBe("utf-8");
      expect((policy as HTMLElement).getAttribute("http-equiv")).toBe("Content-Security-Policy");
      expect((policy as HTMLElement).getAttribute("content")).toBe(contentSecurityPolicy("meta"));
    }
  });
});

describe("JSON-LD", () => {
  const jsonLdOf = async (file: string) => {
    const scripts = (await page(file)).querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    return scripts[0]?.textContent ?? "";
  };

  it("keeps a hostile headline inside the data block: no <, > or & and no raw U+2028/U+2029", async () => {
    const text = await jsonLdOf("articles/energy-summit/index.html");
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain("\\u003c/script\\u003e");
  });

  it("parses as JSON with every NewsArticle field", async () => {
    const data = JSON.parse(await jsonLdOf("articles/energy-summit/index.html")) as Record<
      string,
      unknown
    >;
    const canonical = `${URL_BASE}articles/energy-summit/`;
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: HOSTILE_TITLE,
      description: STANDFIRST,
      datePublished: "2024-03-10T09:30:00+03:00",
      dateModified: "2024-03-11T17:05:00+03:00",
      author: [
        {
          "@type": "Person",
          name: "ليلى حداد",
          url: `${URL_BASE}authors/${nameSlug("ليلى حداد")}/`,
        },
      ],
      publisher: { name: "صحيفة الاختبار", url: URL_BASE, logo: { width: 600, height: 60 } },
      dateline: "الدوحة",
      inLanguage: "ar",
      image: [
        { width: 1200, height: 675 },
        { width: 1200, height: 900 },
        // The 1:1 crop of a 1600×900 photo: as large as it goes, never upscaled.
        { width: 900, height: 900 },
      ],
      mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
      articleSection: "اقتصاد",
    });
  });

  it("names the site and its publisher on the home page: WebSite with a NewsMediaOrganization", async () => {
    const data = JSON.parse(await jsonLdOf("index.html")) as {
      publisher: { logo: { url: string } };
    };
    expect(data).toEqual({
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: "صحيفة الاختبار",
      url: URL_BASE,
      description: "موقع صغير لاختبار الخلاصات والبيانات الوصفية والروابط.",
      inLanguage: "ar",
      publisher: {
        "@type": "NewsMediaOrganization",
        name: "صحيفة الاختبار",
        url: URL_BASE,
        logo: { "@type": "ImageObject", url: expect.any(String), width: 600, height: 60 },
        sameAs: ["https://x.com/sahifa_test"],
      },
    });
    const logo = new URL(data.publisher.logo.url);
    expect(logo.href.startsWith(`${URL_BASE}assets/logo.`)).toBe(true);
    const bytes = await readFile(path.join(built.site, logo.pathname.replace(/^\/news\//, "")));
    expect(pngSize(bytes)).toEqual({ width: 600, height: 60 });
    // The same publisher as the articles name.
    const article = JSON.parse(await jsonLdOf("articles/energy-summit/index.html")) as {
      publisher: unknown;
    };
    expect(article.publisher).toEqual(data.publisher);
  });

  it("names a publisher logo that is a 600×60 PNG in the build", async () => {
    const data = JSON.parse(await jsonLdOf("articles/parliament-session/index.html")) as {
      publisher: { logo: { url: string } };
      author: { "@type": string; name: string };
    };
    const logo = new URL(data.publisher.logo.url);
    expect(logo.origin + "/news/").toBe(URL_BASE);
    const bytes = await readFile(path.join(built.site, logo.pathname.replace(/^\/news\//, "")));
    expect(pngSize(bytes)).toEqual({ width: 600, height: 60 });
    // No byline: the publication is the author.
    expect(data.author).toEqual({
      "@type": "NewsMediaOrganization",
      name: "صحيفة الاختبار",
      url: URL_BASE,
    });
  });
});

describe("share links", () => {
  it("offers WhatsApp, Telegram, X, Facebook and e-mail as plain links to the canonical URL", async () => {
    const summit = await page("articles/energy-summit/index.html");
    const links = summit.querySelectorAll(".share-links a");
    const hrefs = links.map((link) => new URL(link.getAttribute("href") ?? ""));
    expect(hrefs.map((href) => href.origin + href.pathname)).toEqual([
      "https://wa.me/",
      "https://t.me/share/url",
      "https://x.com/intent/post",
      "https://www.facebook.com/sharer/sharer.php",
      "null",
    ]);
    const canonical = `${URL_BASE}articles/energy-summit/`;
    expect(hrefs[0]?.searchParams.get("text")).toBe(`${HOSTILE_TITLE}\n${canonical}`);
    expect(hrefs[1]?.searchParams.get("url")).toBe(canonical);
    expect(hrefs[2]?.searchParams.get("text")).toBe(HOSTILE_TITLE);
    expect(hrefs[3]?.searchParams.get("u")).toBe(canonical);
    expect(links[4]?.getAttribute("href")).toMatch(/^mailto:\?subject=[^+]*&body=https%3A%2F%2F/);
    expect(hrefs[4]?.searchParams.get("body")).toBe(canonical);
  });

  it("loads nothing from those services: no script but the JSON-LD block, no frames, no remote images", async () => {
    for (const file of await htmlFiles()) {
      const document = await page(file);
      const scripts = document.querySelectorAll("script");
      expect(scripts.every((s) => s.getAttribute("type") === "application/ld+json")).toBe(true);
      expect(document.querySelectorAll("iframe, object, embed")).toHaveLength(0);
      const loaded = 'img[src], link[rel="stylesheet"], link[rel="preload"], link[rel="icon"]';
      for (const element of document.querySelectorAll(loaded)) {
        const url = element.getAttribute("src") ?? element.getAttribute("href") ?? "";
        expect(url.startsWith("/news/"), `${file}: ${url}`).toBe(true);
      }
    }
  });
});

describe("files for static hosts", () => {
  it("writes _headers with the CSP for every path and one cache rule for each file", async () => {
    const rules = parseHeadersFile(await read("_headers"));
    expect(rules.get("/news/*")?.["Content-Security-Policy"]).toBe(contentSecurityPolicy("header"));
    expect(rules.get("/news/assets/*")?.["Cache-Control"]).toBe(CACHE_CONTROL.hashed);
    const cacheRules = [...rules].filter(([, headers]) => "Cache-Control" in headers);
    for (const file of await servedFiles()) {
      const hashed = file.startsWith("assets/") || file.startsWith("media/");
      const expected = hashed ? CACHE_CONTROL.hashed : CACHE_CONTROL.page;
      for (const urlPath of urlPathsOf(file)) {
        const matching = cacheRules.filter(([pattern]) => matchesPattern(pattern, urlPath));
        expect(matching.length, urlPath).toBe(1);
        expect(matching[0]?.[1]["Cache-Control"], urlPath).toBe(expected);
      }
    }
  });

  it("content-hashes every file under assets/", async () => {
    const assets = (await servedFiles()).filter((file) => file.startsWith("assets/"));
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const file of assets) expect(file).toMatch(/\.[0-9a-f]{10}\.[a-z0-9]+$/);
  });

  it("has 404.html at the root, its links absolute under the prefix", async () => {
    const notFound = await page("404.html");
    expect(notFound.querySelector("h1")?.text).toBe("الصفحة غير موجودة");
    for (const link of notFound.querySelectorAll("a[href], link[href]")) {
      expect(link.getAttribute("href")).toMatch(/^\/news\/|^#/);
    }
  });

  it("puts a .br and a .gz that decompress to the same bytes beside every text file, and only those", async () => {
    const files = await servedFiles();
    const texts = files.filter(isCompressible);
    expect(texts).toEqual(expect.arrayContaining(["index.html", "feed.xml", "feed.json"]));
    expect(texts.some((file) => file.endsWith(".css"))).toBe(true);
    for (const file of texts) {
      const original = await readFile(path.join(built.site, file));
      const brotli = await readFile(path.join(built.site, `${file}.br`));
      const gzip = await readFile(path.join(built.site, `${file}.gz`));
      expect(brotliDecompressSync(brotli).equals(original), file).toBe(true);
      expect(gunzipSync(gzip).equals(original), file).toBe(true);
    }
    const all = new Set(await allFiles());
    for (const file of files.filter((name) => !isCompressible(name))) {
      expect(all.has(`${file}.br`) || all.has(`${file}.gz`), file).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------

async function allFiles(): Promise<string[]> {
  const entries = await readdir(built.site, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(built.site, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Files a reader can request (not the compressed twins, not _headers). */
async function servedFiles(): Promise<string[]> {
  return (await allFiles()).filter((file) => !/\.(br|gz)$/.test(file) && file !== "_headers");
}

async function htmlFiles(): Promise<string[]> {
  return (await servedFiles()).filter((file) => file.endsWith(".html"));
}

/** Netlify / Cloudflare Pages `_headers`: a path line, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (!/^\s/.test(line)) {
      expect(rules.has(line), `duplicate rule ${line}`).toBe(false);
      rules.set(line, (current = {}));
      continue;
    }
    const match = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    expect(match, line).not.toBeNull();
    if (current && match?.[1] && match[2]) current[match[1]] = match[2];
  }
  return rules;
}

/** The URL paths that serve a file: itself, and its folder for an index.html. */
function urlPathsOf(file: string): string[] {
  const urlPath = `/news/${file}`;
  return file.endsWith("index.html") ? [urlPath, urlPath.replace(/index\.html$/, "")] : [urlPath];
}

/** A `_headers` path pattern against a URL path: `*` matches anything, the rest literally. */
function matchesPattern(pattern: string, urlPath: string): boolean {
  return new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`).test(urlPath);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
