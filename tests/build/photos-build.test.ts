// Integration: an article with a lead photo and two body photos built through the real pipeline, under a path prefix.

import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildSummary } from "../../src/build/build-site.ts";
import { messageText } from "../../src/content/problems.ts";
import { COLUMN_SIZES } from "../../src/templates/picture.tsx";
import { checkHtml } from "../helpers/nu-checker.ts";
import { buildPhotoSite } from "../helpers/photos.ts";
import { makeTempDir, removeTempDirs } from "../helpers/sites.ts";

let site: string;
let summary: BuildSummary;
let page: HTMLElement;
let pageFile: string;

beforeAll(async () => {
  const dir = await makeTempDir("photos-build");
  site = path.join(dir, "_site");
  summary = await buildPhotoSite(path.join(dir, "content"), site);
  pageFile = path.join(site, "articles/gaza-port/index.html");
  page = parse(await readFile(pageFile, "utf8"));
}, 120_000);

afterAll(removeTempDirs);

/** The file a URL under the site's prefix is served from. */
function served(url: string): string {
  expect(url).toMatch(/^\/news\/media\//);
  return path.join(site, url.replace(/^\/news\//, ""));
}

function srcsetUrls(srcset: string | undefined): string[] {
  return (srcset ?? "").split(", ").map((candidate) => candidate.split(" ")[0] ?? "");
}

describe("an article with a lead photo and two body photos", () => {
  it("shows the lead photo before the body: a <picture> with AVIF and WebP sources and a JPEG <img>", () => {
    const lead = page.querySelector("article > figure.photo-lead");
    expect(lead).not.toBeNull();
    const sources = lead?.querySelectorAll("picture > source") ?? [];
    expect(sources.map((source) => source.getAttribute("type"))).toEqual([
      "image/avif",
      "image/webp",
    ]);
    for (const source of sources) {
      expect(source.getAttribute("sizes")).toBe(COLUMN_SIZES);
      expect(srcsetUrls(source.getAttribute("srcset")).length).toBe(4);
    }
    const img = lead?.querySelector("picture > img");
    expect(img?.getAttribute("alt")).toBe("سفن الصيد في الميناء");
    expect(img?.getAttribute("loading")).toBe("eager");
    expect(img?.getAttribute("fetchpriority")).toBe("high");
    expect(img?.getAttribute("decoding")).toBeUndefined();
    expect(img?.getAttribute("sizes")).toBe(COLUMN_SIZES);
    // 2000×1300 published at most 1440 wide: the box the browser reserves has its proportions.
    expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["1440", "936"]);
  });

  it("captions the lead photo and credits the photographer in Arabic, apart from the caption", () => {
    const caption = page.querySelector("figure.photo-lead figcaption");
    expect(caption?.childNodes[0]?.text).toBe("عادت السفن إلى الميناء صباح الأربعاء");
    expect(caption?.querySelector(".photo-credit")?.text).toBe("تصوير: أحمد سالم");
  });

  it("makes each body photo a figure of its own, never inside a paragraph, lazy and decoded off the main thread", () => {
    const figures = page.querySelectorAll(".article-body > figure.photo");
    expect(figures.length).toBe(2);
    expect(page.querySelectorAll("p figure, p picture, p img").length).toBe(0);
    const [street, market] = figures;
    for (const figure of figures) {
      const img = figure.querySelector("img");
      expect(img?.getAttribute("loading")).toBe("lazy");
      expect(img?.getAttribute("decoding")).toBe("async");
      expect(img?.getAttribute("fetchpriority")).toBeUndefined();
    }
    expect(street?.querySelector("img")?.getAttribute("alt")).toBe("شارع مزدحم");
    expect(street?.querySelector(".photo-credit")?.text).toBe("تصوير: ليلى حداد");
    expect(market?.querySelector("figcaption")?.text).toBe("سوق السمك");
    expect(market?.querySelector(".photo-credit")).toBeNull();
    // 1200 px wide: never upscaled, its largest width is its own.
    expect(market?.querySelector("img")?.getAttribute("width")).toBe("1200");
  });

  it("serves every source under the path prefix from _site/media/, each file the width it claims", async () => {
    const urls = page
      .querySelectorAll("picture source, picture img")
      .flatMap((element) => [
        ...srcsetUrls(element.getAttribute("srcset")),
        ...(element.getAttribute("src") ? [element.getAttribute("src") ?? ""] : []),
      ]);
    // Three photos, each two sources and the <img> at four widths, and the <img>'s src.
    expect(urls.length).toBe(3 * (3 * 4 + 1));
    for (const url of new Set(urls)) {
      const file = served(url);
      expect(existsSync(file), url).toBe(true);
      const claimed = /-(\d+)\.(?:avif|webp|jpg)$/.exec(url)?.[1];
      expect((await sharp(file).metadata()).width, url).toBe(Number(claimed));
    }
  });

  it("shares the lead photo's 1200×630 JPEG in link previews, with its alt text", async () => {
    const meta = (key: string) =>
      page.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
    const url = meta("og:image") ?? "";
    expect(url).toMatch(
      /^https:\/\/example\.org\/news\/media\/port-[0-9a-f]{10}-share-1200x630\.jpg$/,
    );
    expect(meta("twitter:image")).toBe(url);
    expect([meta("og:image:width"), meta("og:image:height")]).toEqual(["1200", "630"]);
    expect(meta("og:image:alt")).toBe("سفن الصيد في الميناء");
    const shared = await sharp(served(new URL(url).pathname)).metadata();
    expect([shared.format, shared.width, shared.height]).toEqual(["jpeg", 1200, 630]);
  });

  it("describes the lead photo to search engines in 16:9, 4:3 and 1:1, 1,200 px wide, credited", async () => {
    const script = page.querySelector('script[type="application/ld+json"]')?.text ?? "{}";
    const { image } = JSON.parse(script) as {
      image: { url: string; width: number; height: number; creditText: string }[];
    };
    expect(image.map(({ width, height, creditText }) => [width, height, creditText])).toEqual([
      [1200, 675, "أحمد سالم"],
      [1200, 900, "أحمد سالم"],
      [1200, 1200, "أحمد سالم"],
    ]);
    for (const { url, width, height } of image) {
      const file = served(new URL(url).pathname);
      const { format, ...size } = await sharp(file).metadata();
      expect([format, size.width, size.height], url).toEqual(["jpeg", width, height]);
    }
    // Body photos are only shown: no share image or crops of theirs in the site.
    const media = await readdir(path.join(site, "media"));
    expect(media.filter((name) => /^(?:street|market)-.*(?:share|x)/.test(name))).toEqual([]);
  });

  it("lists an article with a lead photo with its 4:3 thumbnail in a month's list, in AVIF, WebP and JPEG", async () => {
    // The front page leads with the photo itself; a month's list shows the thumbnail.
    const published = page.querySelector("time[datetime]")?.getAttribute("datetime") ?? "";
    const [year, month] = published.split("-");
    expect(year).toMatch(/^\d{4}$/);
    const list = path.join(site, "archive", year ?? "", month ?? "", "index.html");
    const items = parse(await readFile(list, "utf8")).querySelectorAll(".article-list > li");
    const gaza = items.find(
      (item) => item.querySelector("h2 a")?.getAttribute("href") === "/news/articles/gaza-port/",
    );
    const sources = gaza?.querySelectorAll("picture source") ?? [];
    expect(sources.map((source) => source.getAttribute("type"))).toEqual([
      "image/avif",
      "image/webp",
    ]);
    const img = gaza?.querySelector("picture img.article-thumb");
    expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["160", "120"]);
    expect(img?.getAttribute("alt")).toBe("");
    for (const url of [...sources, img].flatMap((element) =>
      srcsetUrls(element?.getAttribute("srcset")),
    )) {
      expect(existsSync(served(url)), url).toBe(true);
    }
  });

  it("gives the JSON Feed the share JPEG, and both feeds each body photo as one JPEG with its caption", async () => {
    const feed = JSON.parse(await readFile(path.join(site, "feed.json"), "utf8")) as {
      items: { url: string; image?: string; content_html: string }[];
    };
    const item = feed.items.find((entry) => entry.url.endsWith("/articles/gaza-port/"));
    expect(item?.image).toMatch(/\/news\/media\/port-[0-9a-f]{10}-share-1200x630\.jpg$/);
    const atom = await readFile(path.join(site, "feed.xml"), "utf8");
    const atomEntry =
      /<entry>(?:(?!<\/entry>)[\s\S])*gaza-port[\s\S]*?<\/entry>/.exec(atom)?.[0] ?? "";
    const atomBody = parse(parse(atomEntry).querySelector("content")?.text ?? "");
    for (const body of [parse(item?.content_html ?? ""), atomBody]) {
      const figures = body.querySelectorAll("figure");
      expect(figures.map((figure) => figure.querySelector("img")?.getAttribute("src"))).toEqual([
        expect.stringMatching(
          /^https:\/\/example\.org\/news\/media\/street-[0-9a-f]{10}-720\.jpg$/,
        ),
        expect.stringMatching(
          /^https:\/\/example\.org\/news\/media\/market-[0-9a-f]{10}-720\.jpg$/,
        ),
      ]);
      expect(figures.map((figure) => figure.querySelector("figcaption")?.text)).toEqual([
        "الشارع الرئيسي قرب الميناءتصوير: ليلى حداد",
        "سوق السمك",
      ]);
      expect(body.querySelectorAll("picture, source").length).toBe(0);
    }
    expect(atom + JSON.stringify(feed)).not.toContain("sahifa-photo");
  });

  it("publishes a photo narrower than the smallest width at its own size, with a warning, and says width and height are no longer needed", async () => {
    const small = parse(await readFile(path.join(site, "articles/small/index.html"), "utf8"));
    const img = small.querySelector("figure.photo-lead img");
    expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["300", "200"]);
    const warnings = summary.warnings.map(
      (warning) => `${warning.file} ${warning.field ?? ""} ${messageText(warning.message, "en")}`,
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(/small\.md image\.src "\/media\/tiny\.jpg": is only 300 px wide/),
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(/small\.md image width and height are no longer needed/),
    );
    // The article folder's photos are its own, not stray files.
    expect(warnings.filter((warning) => warning.includes("gaza"))).toEqual([]);
  });

  it("is valid HTML, the article and the list (Nu)", async () => {
    const errors = (await checkHtml([pageFile, path.join(site, "index.html")])).filter(
      (message) => message.type !== "info",
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
