// The search index in the build: what it holds, what it leaves out, search off, and a failed index.

import { existsSync } from "node:fs";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexForSearch } from "../../src/build/search-index.ts";
import { createBuildContext } from "../../src/build/context.ts";
import { buildOptionsFromEnv } from "../../src/build/options.ts";
import type { Content } from "../../src/content/article.ts";
import { contentSecurityPolicy, SEARCH_CSP_DIRECTIVES } from "../../src/publish/http-headers.ts";
import { makeArticle, makeSite } from "../helpers/articles.ts";
import { buildFixture, PUBLISHING_FIXTURE, type BuiltFixture } from "../helpers/build-fixture.ts";
import { readSearchIndex } from "../helpers/search-index.ts";
import { hashTree } from "../helpers/site-tree.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runScript,
  writeContent,
} from "../helpers/sites.ts";

let built: BuiltFixture;

beforeAll(async () => {
  built = await buildFixture(PUBLISHING_FIXTURE, "https://example.org/news/");
});

afterAll(async () => {
  await built?.remove();
  await removeTempDirs();
});

describe("the search index of a build", () => {
  it("holds every published article, by its site-relative path, and no draft", async () => {
    const pages = await readSearchIndex(built.site);
    expect([...pages.keys()].sort()).toEqual([
      "/articles/energy-summit/",
      "/articles/english-brief/",
      "/articles/parliament-session/",
    ]);
    const entry = JSON.parse(
      await readFile(path.join(built.site, "pagefind/pagefind-entry.json"), "utf8"),
    );
    expect(entry.languages.ar.page_count).toBe(3);
  });

  it("indexes the article's own words, never the page around them", async () => {
    const pages = await readSearchIndex(built.site);
    const page = pages.get("/articles/energy-summit/");
    const html = await readFile(path.join(built.site, "articles/energy-summit/index.html"), "utf8");
    // The page shows the skip link, the site's name and the share bar; the index has none of them.
    for (const aside of ["انتقل إلى المحتوى", "صحيفة الاختبار"]) {
      expect(html).toContain(aside);
      expect(page?.content).not.toContain(aside);
    }
    expect(page?.content.length).toBeGreaterThan(100);
    const title = page?.meta.title ?? "";
    expect(title.length).toBeGreaterThan(0);
    // The text as written, once: in the content, not again in a meta field.
    expect(page?.content.startsWith(`${title} `)).toBe(true);
    expect(page?.meta.text).toBeUndefined();
  });

  it("writes the search page with its script and policy, and no script on any other page", async () => {
    const search = await readFile(path.join(built.site, "search/index.html"), "utf8");
    expect(search).toMatch(
      /<script type="module" src="\/news\/assets\/search\.[0-9a-f]{10}\.js" data-pagefind="\/news\/pagefind\/pagefind\.js"/,
    );
    expect(search).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy("meta", SEARCH_CSP_DIRECTIVES)}"/>`,
    );
    const files = (await readdir(built.site, { recursive: true })).filter((f) =>
      f.endsWith(".html"),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      if (file === "search/index.html") continue;
      const html = await readFile(path.join(built.site, file), "utf8");
      expect(html, file).not.toContain('<script type="module"');
      expect(html, file).not.toContain("wasm-unsafe-eval");
      // Every page's header leads to the search page.
      expect(html, file).toMatch(
        /<form class="site-search" role="search"[^>]* action="\/news\/search\/">/,
      );
    }
  });

  it("leaves out Pagefind's ready-made interfaces, which the search page does not use", async () => {
    const names = await readdir(path.join(built.site, "pagefind"));
    expect(names).toEqual(
      expect.arrayContaining(["pagefind.js", "pagefind-entry.json", "pagefind-worker.js"]),
    );
    expect(names.filter((name) => /ui|highlight/.test(name))).toEqual([]);
  });
});

describe("search: false", () => {
  it("writes no search page, no index, no script and no header box, and keeps the policy on /*", async () => {
    const content = await makeTempDir("search-off");
    await cp(PUBLISHING_FIXTURE, content, { recursive: true });
    const yaml = await readFile(path.join(content, "site.yaml"), "utf8");
    await writeFile(path.join(content, "site.yaml"), `${yaml}search: false\n`);
    const off = await buildFixture(content, "https://example.org/news/");
    try {
      expect(existsSync(path.join(off.site, "search"))).toBe(false);
      expect(existsSync(path.join(off.site, "pagefind"))).toBe(false);
      const assets = await readdir(path.join(off.site, "assets"));
      expect(assets.filter((name) => name.endsWith(".js"))).toEqual([]);
      const home = await readFile(path.join(off.site, "index.html"), "utf8");
      expect(home).not.toContain("site-search");
      const headers = await readFile(path.join(off.site, "_headers"), "utf8");
      expect(headers.split("\n/")[0]).toContain(
        `Content-Security-Policy: ${contentSecurityPolicy("header")}`,
      );
      expect(headers).not.toContain("search");
    } finally {
      await off.remove();
    }
  });
});

describe("a failed index", () => {
  it("fails the build with its reason and leaves the published site byte for byte", async () => {
    const dir = await makeTempDir("search-fail");
    const content = await writeContent(path.join(dir, "content"), {
      "a.md": articleText({ slug: "a" }),
    });
    const output = path.join(dir, "_site");
    const env = { SAHIFA_CONTENT: content, SAHIFA_NOW: "2024-01-01T00:00:00Z" };
    const first = await runScript("build.ts", ["--output", output], env);
    expect(first.code, first.output).toBe(0);
    const before = await hashTree(output);
    expect(Object.keys(before)).toContain("pagefind/pagefind.js");
    await writeFile(path.join(content, "articles/b.md"), articleText({ slug: "b" }));
    const failed = await runScript("build.ts", ["--output", output], {
      ...env,
      PAGEFIND_EXTENDED_BINARY_PATH: path.join(dir, "no-such-pagefind"),
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("Pagefind");
    expect(await hashTree(output)).toEqual(before);
  });
});

describe("the preview's index", () => {
  it("leaves out the drafts and scheduled articles the preview shows, and writes again only on a change", async () => {
    const site = makeSite({ url: "http://localhost:8080/" });
    const now = Date.parse("2024-03-10T12:00:00Z");
    const content: Content = {
      site,
      articles: [
        makeArticle(site, { slug: "published", date: "2024-03-09" }),
        makeArticle(site, { slug: "draft", date: "2024-03-08", draft: true }),
        makeArticle(site, { slug: "scheduled", date: "2024-03-11" }),
      ],
      authors: { authors: [] },
      draftsSkipped: 0,
      scheduledSkipped: 0,
      warnings: [],
    };
    const output = await makeTempDir("search-preview");
    const { session } = createBuildContext(buildOptionsFromEnv({}));
    session.watching = true;
    await indexForSearch(output, { content, preview: { now } }, session, console);
    expect([...(await readSearchIndex(output)).keys()]).toEqual(["/articles/published/"]);
    const first = session.search;
    await indexForSearch(output, { content, preview: { now } }, session, console);
    expect(session.search).toBe(first);
    // Once the scheduled one's moment has passed, it is indexed (in the background).
    await indexForSearch(
      output,
      { content, preview: { now: Date.parse("2024-03-12T00:00:00Z") } },
      session,
      console,
    );
    await session.search?.done;
    expect([...(await readSearchIndex(output)).keys()].sort()).toEqual([
      "/articles/published/",
      "/articles/scheduled/",
    ]);
  });
});
