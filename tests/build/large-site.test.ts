// Integration at scale: 1,000 synthetic articles built into a sub-folder deploy, and not one broken internal link.

import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, readAstanaText, writeCorpus } from "../../scripts/corpus.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { checkLinks } from "../helpers/links.ts";

const ARTICLES = 1_000;
const URL_BASE = "https://example.org/news/";
let workDir: string;
let site: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "sahifa-large-"));
  const content = path.join(workDir, "content");
  await writeCorpus(
    content,
    generateCorpus({ count: ARTICLES, sourceText: await readAstanaText() }),
  );
  process.env.SAHIFA_CONTENT = content;
  process.env.SAHIFA_URL = URL_BASE;
  site = path.join(workDir, "_site");
  await buildSite({ outputDir: site });
}, 300_000);

afterAll(async () => {
  delete process.env.SAHIFA_CONTENT;
  delete process.env.SAHIFA_URL;
  await rm(workDir, { recursive: true, force: true });
});

describe(`a site of ${ARTICLES} articles`, () => {
  it("has every article page and the navigation pages", async () => {
    const files = await readdir(site, { recursive: true });
    const articles = files.filter((file) => /^articles\/article-\d{5}\/index\.html$/.test(file));
    expect(articles).toHaveLength(ARTICLES);
    expect(files).toContain(`page/${ARTICLES / 20}/index.html`);
    expect(files).not.toContain(`page/${ARTICLES / 20 + 1}/index.html`);
    expect(
      files.filter((file) => /^tags\/[a-z0-9-]+\/index\.html$/.test(file)).length,
    ).toBeGreaterThan(50);
    expect(
      files.filter((file) => /^archive\/\d{4}\/\d{2}\/index\.html$/.test(file)).length,
    ).toBeGreaterThan(10);
    expect(
      files.filter((file) => /^archive\/hijri\/\d{4}\/\d{2}\/index\.html$/.test(file)).length,
    ).toBeGreaterThan(10);
  });

  it("leaves no empty folder (the article folders are made ahead of their pages)", async () => {
    const entries = await readdir(site, { recursive: true, withFileTypes: true });
    const folders = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(folders.length).toBeGreaterThan(ARTICLES);
    const empty = [];
    for (const folder of folders) if ((await readdir(folder)).length === 0) empty.push(folder);
    expect(empty).toEqual([]);
  });

  it("has no broken internal link (every href and src of every page)", async () => {
    const report = await checkLinks(site, URL_BASE);
    expect(report.pages).toBeGreaterThan(ARTICLES);
    expect(report.checked).toBeGreaterThan(ARTICLES * 20);
    expect(report.broken).toEqual([]);
  });
});

describe("the link check", () => {
  it("finds a missing page, a link outside the path prefix and a missing fragment", async () => {
    const folder = path.join(workDir, "broken");
    await mkdir(path.join(folder, "a"), { recursive: true });
    await writeFile(path.join(folder, "a", "index.html"), "<p id=here>a</p>");
    await writeFile(
      path.join(folder, "index.html"),
      [
        '<a href="/news/a/">fine</a>',
        '<a href="a/#">fine too</a>',
        '<a href="https://elsewhere.example/">external</a>',
        '<a href="/news/b/">missing</a>',
        '<img src="/logo.png" alt="">',
        '<a href="#nowhere">fragment</a>',
        `<link rel="canonical" href="${URL_BASE}c/">`,
      ].join("\n"),
    );
    const report = await checkLinks(folder, URL_BASE);
    expect(report.checked).toBe(6);
    expect(report.broken.map((broken) => [broken.link, broken.reason])).toEqual([
      ["/news/b/", "no file b/index.html"],
      ["/logo.png", "outside the site's path /news/"],
      ["#nowhere", "no element with id #nowhere"],
      [`${URL_BASE}c/`, "no file c/index.html"],
    ]);
  });
});
