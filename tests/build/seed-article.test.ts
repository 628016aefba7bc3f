// The seed article, which has no photo, renders as it did before photos: built beside a photo article, its page matches no photo rule and equals its page in a site with no media at all.

import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuiltFixture } from "../helpers/build-fixture.ts";
import { writePhoto } from "../helpers/photos.ts";
import { articleText, makeTempDir, removeTempDirs, ROOT } from "../helpers/sites.ts";

const SEED = path.join(ROOT, "content");

// The neighbour: an article older than the seed, so the seed's page links it ("older article")
// in both sites and every byte that depends on other articles is the same in both.
const NEIGHBOUR = { slug: "port-reopens", date: "2023-06-20" };
const LEAD_PHOTO = [
  "image:",
  "  src: /media/port.jpg",
  "  alt: سفن الصيد في الميناء",
  "  caption: عادت السفن إلى الميناء",
  "  credit: أحمد سالم",
];
const BODY_PHOTO = '![شارع قرب الميناء](street.png "الشارع الرئيسي | ليلى حداد")';

let withPhotos: BuiltFixture;
let withoutMedia: BuiltFixture;
let seedSlug: string;

beforeAll(async () => {
  const dir = await makeTempDir("seed-article");
  const seedFiles = await readdir(path.join(SEED, "articles"));
  // The seed's one article, as the repository has it.
  expect(seedFiles).toHaveLength(1);
  const seedText = await readFile(path.join(SEED, "articles", seedFiles[0] ?? ""), "utf8");
  seedSlug = /^slug: (.+)$/m.exec(seedText)?.[1] ?? "";

  // The seed beside a photo article: content/media/, a lead photo and a body photo.
  const photos = path.join(dir, "photos");
  await cp(SEED, photos, { recursive: true });
  await mkdir(path.join(photos, "media"));
  await mkdir(path.join(photos, "articles/port"));
  await writePhoto(path.join(photos, "media/port.jpg"), 2000, 1300);
  await writePhoto(path.join(photos, "articles/port/street.png"), 1600, 1000);
  await writeFile(
    path.join(photos, "articles/port/index.md"),
    articleText({ ...NEIGHBOUR, extra: LEAD_PHOTO, body: `فقرة أولى.\n\n${BODY_PHOTO}\n` }),
  );

  // The same seed and neighbour with no photo anywhere: no media/, no image field, no figure.
  const plain = path.join(dir, "plain");
  await cp(SEED, plain, { recursive: true });
  await mkdir(path.join(plain, "articles/port"));
  await writeFile(
    path.join(plain, "articles/port/index.md"),
    articleText({ ...NEIGHBOUR, body: "فقرة أولى.\n" }),
  );

  withPhotos = await buildFixture(photos);
  withoutMedia = await buildFixture(plain);
}, 180_000);

afterAll(async () => {
  await withPhotos?.remove();
  await withoutMedia?.remove();
  await removeTempDirs();
});

const pageOf = (site: BuiltFixture, slug: string) =>
  readFile(path.join(site.site, "articles", slug, "index.html"), "utf8");

function jsonLd(page: HTMLElement): { image?: unknown } {
  const script = page.querySelector('script[type="application/ld+json"]');
  expect(script).not.toBeNull();
  return JSON.parse(script?.textContent ?? "{}") as { image?: unknown };
}

const meta = (page: HTMLElement, selector: string) =>
  page.querySelector(selector)?.getAttribute("content");

describe("the seed article, which has no photo", () => {
  it("has no photo in its source: no image field, no photo in its text", async () => {
    const [file] = await readdir(path.join(SEED, "articles"));
    const text = await readFile(path.join(SEED, "articles", file ?? ""), "utf8");
    expect(text).not.toMatch(/^image:/m);
    expect(text).not.toMatch(/!\[/);
    expect(existsSync(path.join(SEED, "media"))).toBe(false);
  });

  it("the photo features are at work in the site it is built in (the neighbour's photos are published)", async () => {
    const neighbour = parse(await pageOf(withPhotos, NEIGHBOUR.slug));
    expect(neighbour.querySelectorAll("picture")).toHaveLength(2);
    expect(neighbour.querySelector("figure.photo-lead")).not.toBeNull();
    expect(meta(neighbour, 'meta[property="og:image"]')).toMatch(/\/media\/port-[0-9a-f]+-/);
    expect((await readdir(path.join(withPhotos.site, "media"))).length).toBeGreaterThan(10);
  });

  it("matches no photo rule: no <picture>, <figure> or media/ URL; og:image, twitter:image and JSON-LD image are the site's card", async () => {
    const html = await pageOf(withPhotos, seedSlug);
    const page = parse(html);
    expect(page.querySelector("article h1")).not.toBeNull();
    expect(page.querySelectorAll("picture, figure, figcaption, img")).toHaveLength(0);
    expect(html).not.toContain("/media/");
    const card = meta(page, 'meta[property="og:image"]');
    expect(card).toMatch(/^https:\/\/sahifa\.example\/assets\/card\.[0-9a-f]+\.png$/);
    // The same card the home page shares: the site's, not one made for this article.
    const home = parse(await readFile(path.join(withPhotos.site, "index.html"), "utf8"));
    expect(meta(home, 'meta[property="og:image"]')).toBe(card);
    expect(meta(page, 'meta[name="twitter:image"]')).toBe(card);
    expect(meta(page, 'meta[property="og:image:width"]')).toBe("1200");
    expect(meta(page, 'meta[property="og:image:height"]')).toBe("630");
    expect(jsonLd(page).image).toEqual({
      "@type": "ImageObject",
      url: card,
      width: 1200,
      height: 630,
    });
  });

  it("is byte for byte the page it is in a site with no media at all", async () => {
    expect(existsSync(path.join(withoutMedia.site, "media"))).toBe(false);
    const plain = await pageOf(withoutMedia, seedSlug);
    // Both pages link the neighbour: the comparison covers what depends on other articles.
    expect(plain).toContain(`/articles/${NEIGHBOUR.slug}/`);
    expect(await pageOf(withPhotos, seedSlug)).toBe(plain);
  });
});

describe("the seed article's quotes", () => {
  it("opens every quote the source writes straight, a quote right after و included", async () => {
    const body = parse(await pageOf(withoutMedia, seedSlug)).querySelector(".article-body");
    const text = body?.text ?? "";
    // The source (content/articles/) writes each quote with ": every one must have become «…».
    const [file] = await readdir(path.join(SEED, "articles"));
    const source = await readFile(path.join(SEED, "articles", file ?? ""), "utf8");
    const sourceBody = source.slice(source.indexOf("\n---\n", 4) + 5);
    const quoted = [...sourceBody.matchAll(/"([^"\n]+)"/g)].map((match) => match[1] ?? "");
    expect(quoted).toContain("الراعي");
    for (const words of quoted) expect(text, words).toContain(`«${words}»`);
    expect(text).toContain("و«الراعي»");
    expect(text).not.toContain('"');
  });
});
