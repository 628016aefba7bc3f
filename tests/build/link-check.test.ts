// The built site has no broken internal link, anchor or asset reference, at a domain's root and in a sub-folder.

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, PUBLISHING_FIXTURE, type BuiltFixture } from "../helpers/build-fixture.ts";
import { checkLinks } from "../helpers/link-check.ts";

const DEPLOYS = [
  {
    name: "the publishing fixture at a domain's root",
    content: PUBLISHING_FIXTURE,
    url: "https://example.org/",
  },
  {
    name: "the publishing fixture in a sub-folder",
    content: PUBLISHING_FIXTURE,
    url: "https://example.org/news/",
  },
  {
    name: "the real content in a nested sub-folder",
    content: "content",
    url: "https://user.example.io/sahifa/ar/",
  },
];

const builds = new Map<string, BuiltFixture>();

beforeAll(async () => {
  // One at a time: a build reads its address from the environment.
  for (const deploy of DEPLOYS)
    builds.set(deploy.name, await buildFixture(deploy.content, deploy.url));
});

afterAll(async () => {
  for (const built of builds.values()) await built.remove();
});

describe("link check", () => {
  for (const deploy of DEPLOYS) {
    it(`finds 0 broken internal references in ${deploy.name}`, async () => {
      const built = builds.get(deploy.name);
      const report = await checkLinks(built?.site ?? "", deploy.url);
      expect(report.problems).toEqual([]);
      // Every page links its stylesheet, fonts, icon, feeds and home: plenty is checked.
      expect(report.checked).toBeGreaterThan(40);
    });
  }

  it("checks anchors and relative links between articles (the fixture has both)", async () => {
    const built = builds.get(DEPLOYS[1]?.name ?? "");
    const report = await checkLinks(built?.site ?? "", "https://example.org/news/");
    expect(report.checked).toBeGreaterThan(80);
  });

  it("the same site checked against another address is all broken: the check is real", async () => {
    const built = builds.get(DEPLOYS[1]?.name ?? "");
    const report = await checkLinks(built?.site ?? "", "https://example.org/elsewhere/");
    expect(report.problems.length).toBeGreaterThan(20);
    expect(report.problems.every((problem) => problem.reason.startsWith("outside"))).toBe(true);
  });
});

describe("checkLinks on a broken site", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sahifa-broken-"));
    await mkdir(path.join(dir, "articles/a"), { recursive: true });
    await mkdir(path.join(dir, "assets"), { recursive: true });
    await writeFile(
      path.join(dir, "index.html"),
      `<!doctype html><link rel="stylesheet" href="/news/assets/gone.css">
      <a href="/news/articles/a/#missing">a</a><a href="/news/articles/a">no slash</a>
      <a href="/articles/a/">no prefix</a><a href="https://other.example/x">external</a>
      <a href="articles/a/#here">fine</a><img src="/news/assets/x.png" srcset="/news/assets/y.png 2x">`,
    );
    await writeFile(path.join(dir, "articles/a/index.html"), `<h2 id="here">هنا</h2>`);
    await writeFile(path.join(dir, "assets/s.css"), `@font-face{src:url(fonts/none.woff2)}`);
    await writeFile(path.join(dir, "assets/x.png"), "");
    await writeFile(
      path.join(dir, "feed.xml"),
      `<feed><id>https://example.org/news/nothing/</id></feed>`,
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reports each broken reference with its reason", async () => {
    const report = await checkLinks(dir, "https://example.org/news/");
    const lines = report.problems.map((p) => `${p.file} ${p.reference}: ${p.reason}`);
    expect(lines).toEqual([
      "assets/s.css fonts/none.woff2: no file assets/fonts/none.woff2",
      "feed.xml https://example.org/news/nothing/: no file nothing/index.html",
      "index.html /news/assets/gone.css: no file assets/gone.css",
      'index.html /news/articles/a/#missing: no id "missing" in articles/a/index.html',
      "index.html /news/articles/a: a folder without its trailing slash (hosts answer with a redirect)",
      "index.html /articles/a/: outside the site's path /news/",
      "index.html /news/assets/y.png: no file assets/y.png",
    ]);
  });
});
