// An English article on an Arabic site with digits: arab, through the real build: its words keep their own digits and quotes, the site's date line stays Arabic and says so; each headline gets its body's quotes wherever it is shown.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
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
        extra: ["lang: en", "dir: ltr"],
        body: ENGLISH_BODY,
      }),
      "ar.md": articleText({
        slug: "arabic",
        title: ARABIC_TITLE.replaceAll('"', '\\"'),
        date: "2023-06-20",
        body: ARABIC_BODY,
      }),
    },
    `${SITE_YAML}digits: arab\narabicQuotes: true\n`,
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
  // As the body writes «الجولة ٢١»; the headline keeps its digits as typed (RunningText).
  const ARABIC = "قال المبعوث: «الجولة 21» و«الأخيرة»";
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
