// The reserved ids cover every id the layout writes and every global name Chromium exposes.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import { ATTRIBUTE_VALUES } from "../../src/content/markdown.ts";
import { BROWSER_GLOBALS, LAYOUT_IDS, reservedIdMessage } from "../../src/content/reserved-ids.ts";
import { ContentError } from "../../src/content/problems.ts";
import { buildFixture, PUBLISHING_FIXTURE, type BuiltFixture } from "../helpers/build-fixture.ts";
import { articleText, makeTempDir, removeTempDirs, writeContent } from "../helpers/sites.ts";

const TEMPLATES = path.resolve(import.meta.dirname, "../../src/templates");

describe("LAYOUT_IDS", () => {
  it("lists every id written in a template, and the templates write no computed id", () => {
    const written = new Set<string>();
    for (const file of readdirSync(TEMPLATES).filter((name) => name.endsWith(".tsx"))) {
      const source = readFileSync(path.join(TEMPLATES, file), "utf8");
      expect(source, `${file} computes an id: reserve its values`).not.toMatch(/\bid=\{/);
      for (const match of source.matchAll(/\bid="([^"]+)"/g)) written.add(match[1] ?? "");
    }
    expect(written.has("main")).toBe(true);
    expect([...written].filter((id) => !LAYOUT_IDS.includes(id))).toEqual([]);
    expect(LAYOUT_IDS.filter((id) => !written.has(id))).toEqual([]);
  });

  describe("in a built site", () => {
    let built: BuiltFixture;
    beforeAll(async () => {
      built = await buildFixture(PUBLISHING_FIXTURE);
    }, 120_000);
    afterAll(() => built.remove());

    it("every id on every page is the layout's or written in an article", () => {
      const articles = path.join(PUBLISHING_FIXTURE, "articles");
      const fromContent = readdirSync(articles)
        .map((file) => readFileSync(path.join(articles, file), "utf8"))
        .join("\n");
      const pages = readdirSync(built.site, { recursive: true, encoding: "utf8" }).filter((file) =>
        file.endsWith(".html"),
      );
      const ids = new Set<string>();
      for (const page of pages) {
        const root = parse(readFileSync(path.join(built.site, page), "utf8"));
        for (const element of root.querySelectorAll("[id]")) ids.add(element.id);
      }
      expect(ids.has("main")).toBe(true);
      const unreserved = [...ids].filter(
        (id) => !LAYOUT_IDS.includes(id) && !fromContent.includes(`#${id}`),
      );
      expect(unreserved).toEqual([]);
    });
  });
});

describe("a build of an article with reserved ids", () => {
  afterAll(removeTempDirs);

  it("stops before writing, naming the file, the line and a free id (in Arabic, the site's language)", async () => {
    const root = await makeTempDir("reserved-ids");
    const body = "مقدمة.\n\n## عنوان {#main}\n\nفقرة {#location}";
    const content = await writeContent(path.join(root, "content"), {
      "ids.md": articleText({ slug: "ids", body }),
    });
    const failure = await buildFixture(content).then(
      () => new Error("the build succeeded"),
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ContentError);
    const report = (failure as ContentError).message.split("\n");
    expect(report).toContainEqual(
      expect.stringMatching(/ids\.md:10: \{#main\}: .*«main-1» أو «qism-main»$/),
    );
    expect(report).toContainEqual(
      expect.stringMatching(/ids\.md:12: \{#location\}: .*«location-1» أو «qism-location»$/),
    );
  }, 120_000);
});

describe("BROWSER_GLOBALS", () => {
  it("holds every property of window, document and Object.prototype an id could name", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent("<!doctype html><title>ids</title>");
      const names = await page.evaluate(() => {
        const found = new Set<string>();
        for (const start of [window, document, Object.prototype]) {
          for (let object: object | null = start; object; object = Object.getPrototypeOf(object))
            for (const name of Object.getOwnPropertyNames(object)) found.add(name);
        }
        return [...found];
      });
      const idLike = names.filter((name) => ATTRIBUTE_VALUES.id.test(name));
      expect(idLike).toContain("location");
      // A new Chromium with new names fails here: add the names listed to BROWSER_GLOBALS.
      expect(idLike.filter((name) => !BROWSER_GLOBALS.has(name)).sort()).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("holds nothing an id could not be", () => {
    expect([...BROWSER_GLOBALS].filter((name) => !ATTRIBUTE_VALUES.id.test(name))).toEqual([]);
  });
});

describe("reservedIdMessage", () => {
  it.each([
    ["main", /^\{#main\}: "main" is used by the page layout; .*"main-1" or "qism-main"$/],
    ["share-heading", /page layout/],
    ["location", /^\{#location\}: "location" is a name browsers give to window or document/],
    ["cookie", /browsers/],
    ["forms", /browsers/],
    ["createElement", /browsers/],
    ["hasOwnProperty", /browsers/],
  ])("%s is refused", (id, message) => {
    expect(reservedIdMessage(id)?.en).toMatch(message);
    expect(reservedIdMessage(id)?.ar).toContain(`{#${id}}: `);
    expect(reservedIdMessage(id)?.ar).toContain(`«${id}-1» أو «qism-${id}»`);
  });

  it.each(["section-one", "al-jawla", "Main", "main-1", "qism-main", "location-1"])(
    "%s is free",
    (id) => {
      expect(reservedIdMessage(id)).toBeNull();
    },
  );
});
