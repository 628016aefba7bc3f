// An English article on an Arabic site with digits: arab, through the real build: its words keep their own digits and quotes, the site's date line stays Arabic and says so; each headline gets its body's quotes wherever it is shown.

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { HTMLElement, parse, TextNode } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHtml } from "../helpers/nu-checker.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runScript,
  SITE_YAML,
  writeContent,
} from "../helpers/sites.ts";

const ENGLISH_BODY = [
  '"Talks will resume in 2024," the envoy said[^1], after a fall of -0.5 on 6 February.',
  "",
  "1. First round: 12 delegations",
  "",
  "[^1]: Press conference, 21 June.",
].join("\n");
const ARABIC_BODY = 'قال المبعوث إن "الجولة 21" ستعقد في 6 فبراير/شباط 2024.';
const ARABIC_TITLE = 'قال المبعوث: "الجولة 21" و"الأخيرة"';

let site: string;
const page = async (slug: string) =>
  parse(await readFile(path.join(site, "articles", slug, "index.html"), "utf8"));
const ARABIC_INDIC = /[\u0660-\u0669]/;

beforeAll(async () => {
  const root = await makeTempDir("other-language");
  const content = await writeContent(
    path.join(root, "content"),
    {
      "en.md": articleText({
        slug: "english",
        title: '\\"Talks resume\\" in 2024',
        standfirst: "A fall of -0.5 in 2023.",
        date: "2023-06-21T10:15+03:00",
        extra: [
          "lang: en",
          "dir: ltr",
          "section: اقتصاد",
          "tags: [energy, طاقة]",
          "author: سارة الأحمد",
          "dateline: لندن",
          "updated: 2023-06-22T09:00+03:00",
          "source: { name: Reuters, url: https://www.reuters.com/ }",
        ],
        body: ENGLISH_BODY,
      }),
      "ar.md": articleText({
        slug: "arabic",
        title: ARABIC_TITLE.replaceAll('"', '\\"'),
        date: "2023-06-20",
        extra: ["tags: [طاقة]"],
        body: ARABIC_BODY,
      }),
    },
    `${SITE_YAML}digits: arab\narabicQuotes: true\nsections:\n  - { slug: economy, name: اقتصاد }\n`,
  );
  site = path.join(root, "_site");
  const result = await runScript("build.ts", ["--output", site], { SAHIFA_CONTENT: content });
  expect(result.code, result.output).toBe(0);
}, 180_000);

afterAll(removeTempDirs);

describe("an English article on a digits: arab site", () => {
  it("keeps its body's Latin digits, its list's numbers and its notes', with English quotes", async () => {
    const body = (await page("english")).querySelector(".article-body");
    expect(body?.text).toContain("“Talks will resume in 2024,” the envoy said");
    expect(body?.text).toContain("Press conference, 21 June.");
    expect(body?.querySelector(".footnote-ref")?.text).toBe("1");
    expect(body?.querySelector("ol:not(.footnotes-list)")?.classList.contains("digits-arab")).toBe(
      false,
    );
    // The footnotes' heading is the site's Arabic, marked as such.
    expect(body?.querySelector(".footnotes-heading")?.getAttribute("lang")).toBe("ar");
    const english = body?.text.replace(body.querySelector(".footnotes-heading")?.text ?? "", "");
    expect(english).not.toMatch(ARABIC_INDIC);
    expect(english).not.toMatch(/[«»]/);
  });

  it("keeps its headline's and standfirst's digits as written, with no Arabic isolation", async () => {
    const header = (await page("english")).querySelector(".article-header");
    expect(header?.querySelector("h1")?.text).toBe("“Talks resume” in 2024");
    expect(header?.querySelector(".article-standfirst")?.innerHTML).toBe("A fall of -0.5 in 2023.");
  });

  it("shows the site's date line in Arabic, in the site's digits, marked Arabic and right to left", async () => {
    const meta = (await page("english")).querySelector(".article-header .article-meta");
    expect(meta?.getAttribute("lang")).toBe("ar");
    expect(meta?.getAttribute("dir")).toBe("rtl");
    expect(meta?.text).toContain("٢١ يونيو/حزيران ٢٠٢٣");
    const listed = parse(await readFile(path.join(site, "index.html"), "utf8"))
      .querySelectorAll(".article-meta")
      .filter((line) => line.getAttribute("lang") === "ar");
    expect(listed.length).toBe(1);
  });

  it("leaves the Arabic article as the setting says", async () => {
    const body = (await page("arabic")).querySelector(".article-body");
    expect(body?.text.trim()).toBe("قال المبعوث إن «الجولة ٢١» ستعقد في ٦ فبراير/شباط ٢٠٢٤.");
    expect((await page("arabic")).querySelector(".article-meta")?.getAttribute("lang")).toBe(
      undefined,
    );
  });

  it("passes the Nu HTML Checker", async () => {
    const files = ["english", "arabic"].map((slug) =>
      path.join(site, "articles", slug, "index.html"),
    );
    files.push(path.join(site, "index.html"));
    expect((await checkHtml(files)).filter((message) => message.type !== "info")).toEqual([]);
  }, 60_000);
});

describe("headlines with their body's quotes", () => {
  // As the body writes «الجولة ٢١»: the site's digits and the body's quotes (typed: "الجولة 21").
  const ARABIC = "قال المبعوث: «الجولة ٢١» و«الأخيرة»";
  const ENGLISH = "“Talks resume” in 2024";

  it("shows them on the article's page: <h1>, <title>, og:title, JSON-LD and share links", async () => {
    for (const [slug, headline] of [
      ["arabic", ARABIC],
      ["english", ENGLISH],
    ] as const) {
      const root = await page(slug);
      expect(root.querySelector("h1")?.text).toBe(headline);
      expect(root.querySelector("title")?.text.startsWith(headline)).toBe(true);
      expect(root.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(
        headline,
      );
      const ld = JSON.parse(root.querySelector('script[type="application/ld+json"]')?.text ?? "{}");
      expect(JSON.stringify(ld)).toContain(`"headline":${JSON.stringify(headline)}`);
      const share = root.querySelectorAll(".share-link").map((a) => a.getAttribute("href") ?? "");
      const shared = share.flatMap((href) => [...new URL(href).searchParams.values()]);
      expect(shared).toContain(headline);
    }
  });

  it("shows them in the front page's list and in both feeds", async () => {
    const read = (file: string) => readFile(path.join(site, file), "utf8");
    const listed = parse(await read("index.html")).querySelectorAll("main a");
    expect(listed.map((a) => a.text.trim())).toEqual(expect.arrayContaining([ARABIC, ENGLISH]));
    const atom = parse(await read("feed.xml"));
    expect(atom.querySelectorAll("entry > title").map((title) => title.text)).toEqual([
      ENGLISH,
      ARABIC,
    ]);
    const json = JSON.parse(await read("feed.json")) as { items: { title: string }[] };
    expect(json.items.map((item) => item.title)).toEqual([ENGLISH, ARABIC]);
  });
});

describe("the site's words and the article's, each in its own language", () => {
  // Letters only: a date's Arabic-Indic digits sit beside Arabic words in the same node.
  const ARABIC_LETTER = /[\u0621-\u064a]/;
  const LATIN_LETTER = /[A-Za-z]/;
  const ENGLISH_TITLE = "“Talks resume” in 2024";

  /** Every page of the build with something marked `lang="en"`: the article's, lists, related links. */
  const pagesWithEnglish = async () => {
    const files = (await readdir(site, { recursive: true })).filter((file) =>
      file.endsWith(".html"),
    );
    const pages: [string, HTMLElement][] = [];
    for (const file of files) {
      const html = await readFile(path.join(site, file), "utf8");
      if (html.includes('lang="en"')) pages.push([file, parse(html)]);
    }
    return pages;
  };

  /** The nearest value of `attribute` on the element or above it (on <html> at the latest). */
  const nearest = (element: HTMLElement | null, attribute: "lang" | "dir") => {
    for (let at = element; at; at = at.parentNode)
      if (at.getAttribute(attribute) !== undefined) return at.getAttribute(attribute);
    return undefined;
  };

  /** Each text node's words and its element, outside <script> and <style>. */
  const texts = (root: HTMLElement): [string, HTMLElement][] =>
    root.childNodes.flatMap((node): [string, HTMLElement][] => {
      if (node instanceof TextNode) return [[node.text, root]];
      if (
        !(node instanceof HTMLElement) ||
        ["script", "style"].includes(node.tagName.toLowerCase())
      )
        return [];
      const labels = ["aria-label", "alt", "title"]
        .map((name) => node.getAttribute(name))
        .filter((value): value is string => value !== undefined);
      return [...labels.map((label): [string, HTMLElement] => [label, node]), ...texts(node)];
    });

  it("marks every Arabic word near an English article with the site's language and direction", async () => {
    const pages = await pagesWithEnglish();
    // The article's page, the home page, its section's, both tags', its month's, its author's.
    expect(pages.length).toBeGreaterThanOrEqual(6);
    const misread: string[] = [];
    let arabic = 0;
    for (const [file, root] of pages)
      for (const [text, element] of texts(root)) {
        if (!ARABIC_LETTER.test(text)) continue;
        arabic += 1;
        const voice = `${nearest(element, "lang")} ${nearest(element, "dir")}`;
        if (voice !== "ar rtl") misread.push(`${file}: ${voice}: ${text.trim()}`);
      }
    expect(arabic).toBeGreaterThan(0);
    expect(misread).toEqual([]);
  });

  it("leaves the English article's own words in English, wherever they are shown", async () => {
    const misread: string[] = [];
    let english = 0;
    for (const [file, root] of await pagesWithEnglish())
      for (const container of root.querySelectorAll('[lang="en"]'))
        for (const [text, element] of texts(container)) {
          // Tags are the site's (their pages are the site's): shown in its language.
          if (!LATIN_LETTER.test(text) || element.closest(".tags")) continue;
          english += 1;
          if (nearest(element, "lang") !== "en") misread.push(`${file}: ${text.trim()}`);
        }
    expect(english).toBeGreaterThan(0);
    expect(misread).toEqual([]);
    const article = await page("english");
    expect(article.querySelector("h1")?.text).toBe(ENGLISH_TITLE);
    expect(nearest(article.querySelector(".article-source a"), "lang")).toBe("en");
  });

  it("adds no language mark to the Arabic article's own page", async () => {
    const marked = (await page("arabic"))
      .querySelectorAll("[lang], [dir]")
      .filter((element) => element.tagName !== "HTML" && element.getAttribute("lang") !== "en");
    // Only numbers isolated left to right in its Arabic text.
    expect(
      marked.map((element) => element.outerHTML).filter((html) => !html.startsWith("<bdi")),
    ).toEqual([]);
  });
});
