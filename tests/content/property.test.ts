// Property tests: for generated Markdown and frontmatter, content either loads and renders to a
// page with no script, handler or dangerous URL, or fails with a clear report. Never a crash.

import { mkdtemp, rm, writeFile, mkdir, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { parse } from "node-html-parser";
import { renderToStaticMarkup } from "preact-render-to-string";
import { h } from "preact";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TemplateMemo } from "../../src/templates/reuse.tsx";
import { createContentLoader } from "../../src/content/load.ts";
import { isSafeLink } from "../../src/content/markdown.ts";
import { buildNavigation } from "../../src/site/navigation.ts";
import { ContentError, messageText } from "../../src/content/problems.ts";
import { ArticlePage } from "../../src/templates/article.tsx";
import { HomePage } from "../../src/templates/home.tsx";

const RUNS = Number(process.env.SAHIFA_PROPERTY_RUNS ?? 1000);
let contentDir: string;

beforeAll(async () => {
  contentDir = await mkdtemp(path.join(tmpdir(), "sahifa-property-"));
  await mkdir(path.join(contentDir, "articles"));
  await copyFile("content/site.yaml", path.join(contentDir, "site.yaml"));
});

afterAll(async () => {
  await rm(contentDir, { recursive: true, force: true });
});

/** Pieces that attackers and clumsy editors write, mixed with arbitrary text. */
const hostile = fc.constantFrom(
  "<script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "{onclick=alert(1)}",
  "{#x onmouseover=alert(1)}",
  "{.a style=color:red}",
  "{href=javascript:alert(1)}",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](java&#x09;script:alert(1))",
  "![x](data:text/html,<script>alert(1)</script>)",
  "<javascript:alert(1)>",
  "<svg onload=alert(1)>",
  "</script><script>alert(1)</script>",
  "]]>",
  "\u2028\u2029",
  "{{ 7*7 }}",
  "{% include 'x' %}",
  "\u202e\u2066",
  "&#x3C;script&#x3E;",
  "## عنوان {#ok}",
  "- بند",
  "> اقتباس",
  "```\ncode\n```",
  "| a |\n|---|\n| b |",
  "\n\n",
  '"',
  "'",
  "`",
  "{",
  "}",
);
const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), hostile);
const markdown = fc.array(text, { maxLength: 12 }).map((parts) => parts.join(" "));
const yamlValue = fc.oneof(
  text.map((value) => JSON.stringify(value)), // a quoted YAML string, whatever it holds
  text, // raw: may be broken YAML, which must be reported, not crash
  fc.constantFrom("2023-06-21", "2023-02-30", "null", "[1, 2]", "{a: b}", "true"),
);

function frontmatter(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}: ${value.replace(/\n/g, " ")}`)
    .join("\n");
}

const SITE_ASSETS = { stylesheet: "/assets/s.css", preloadFonts: [] };
const siteImage = (kind: string) => ({
  url: `https://sahifa.example/assets/${kind}.png`,
  path: `/assets/${kind}.png`,
  width: 1,
  height: 1,
  alt: "صحيفة",
});
const SITE_IMAGES = {
  card: siteImage("card"),
  logo: siteImage("logo"),
  icon: siteImage("icon"),
  favicon: siteImage("favicon"),
};

function checkHtml(html: string): void {
  const root = parse(html);
  for (const element of root.querySelectorAll("*")) {
    if (element.tagName === "SCRIPT") {
      expect(element.getAttribute("type")).toBe("application/ld+json");
    }
    expect(["IFRAME", "OBJECT", "EMBED", "SVG", "MATH"]).not.toContain(element.tagName);
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(name.toLowerCase()).not.toMatch(/^on/);
      if (name === "href" || name === "src")
        expect(isSafeLink(value), `${name}=${value}`).toBe(true);
    }
  }
}

describe("generated articles", () => {
  it(`load and render safely, or fail with a clear report (${RUNS} cases)`, async () => {
    const load = createContentLoader({ contentDir });
    const file = path.join(contentDir, "articles", "generated.md");
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: yamlValue,
          standfirst: yamlValue,
          dateline: yamlValue,
          tags: yamlValue,
        }),
        fc.constantFrom("2023-06-21", "2023-06-21T10:00:00+03:00"),
        markdown,
        async (fields, date, body) => {
          const head = frontmatter({ ...fields, date, slug: "generated" });
          await writeFile(file, `---\n${head}\n---\n${body}\n`);
          let content;
          try {
            content = await load.load();
          } catch (error) {
            // The only acceptable failure: a report that names the file, line by line.
            expect(error).toBeInstanceOf(ContentError);
            const problems = (error as ContentError).problems;
            expect(problems.length).toBeGreaterThan(0);
            for (const problem of problems) {
              expect(problem.file).toMatch(/generated\.md$|site\.yaml$/);
              expect(messageText(problem.message, "en").length).toBeGreaterThan(3);
            }
            return;
          }
          const [article] = content.articles;
          expect(article).toBeDefined();
          if (!article) return;
          const navigation = buildNavigation(content.articles, content.site);
          const data = {
            site: content.site,
            articles: content.articles,
            assets: SITE_ASSETS,
            images: SITE_IMAGES,
            navigation,
            photos: new Map(),
            memo: new TemplateMemo(),
            page: { url: article.path },
          };
          checkHtml(renderToStaticMarkup(h(ArticlePage, { data: { ...data, article } })));
          for (const listing of navigation.listings) {
            checkHtml(renderToStaticMarkup(h(HomePage, { data: { ...data, listing } })));
          }
        },
      ),
      { numRuns: RUNS, seed: 20230621, interruptAfterTimeLimit: 240_000 },
    );
  }, 300_000);
});
