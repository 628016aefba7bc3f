import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import * as fontkit from "fontkit";
import { DateTime } from "luxon";
import subsetFont from "subset-font";
import { beforeAll, describe, expect, it } from "vitest";
import { FONT_FILES } from "../../src/assets/build-assets.ts";
import { distinctCharacters } from "../../src/content/characters.ts";
import { createContentLoader } from "../../src/content/load.ts";
import {
  ARABIC_ALPHABET,
  isWholeWoff2,
  siteText,
  subsetWoff2,
  TEMPLATE_TEXT,
} from "../../src/assets/font-subset.ts";
import { createWoff2Lock } from "../../src/assets/woff2-lock.ts";

/** One lock for the file's calls, as a build has one for its own. */
const woff2 = createWoff2Lock();

const require = createRequire(import.meta.url);

describe("siteText", () => {
  const site = { name: "صحيفة", description: "وصف", digits: "latn" as const };

  it("gathers every string of every article, however deeply nested", () => {
    const text = siteText({
      site,
      articles: [
        { title: "پ", tags: ["چ", "ژ"], source: { name: "گ", url: "https://x.example/" } },
        { html: "<p>ڤ</p>" },
      ],
    });
    for (const character of ["پ", "چ", "ژ", "گ", "ڤ", "x"]) expect(text).toContain(character);
  });

  it("keeps the site's name and description, the template strings and the whole basic alphabet", () => {
    const text = siteText({ site: { ...site, name: "ۋ", description: "ۆ" }, articles: [] });
    for (const character of ["ۋ", "ۆ", ...TEMPLATE_TEXT.join(""), ...ARABIC_ALPHABET]) {
      expect(text).toContain(character);
    }
    expect(ARABIC_ALPHABET).toHaveLength(0x064a - 0x0621 + 1 + 4);
  });

  it("includes the digits the site writes, and no others", () => {
    expect(siteText({ site, articles: [] })).toContain("0123456789");
    const arabic = siteText({ site: { ...site, digits: "arab" }, articles: [] });
    expect(arabic).toContain("٠١٢٣٤٥٦٧٨٩");
    expect(arabic).not.toMatch(/[0-9]/);
  });

  it("returns each character once, sorted, whatever the order of the articles", () => {
    const a = { title: "بيت" };
    const b = { title: "تاب" };
    const text = siteText({ site, articles: [a, b] });
    expect(text).toBe([...new Set(text)].sort().join(""));
    expect(siteText({ site, articles: [b, a] })).toBe(text);
  });

  it("leaves out what is never drawn (file path, photo file names): the same content elsewhere gives the same text", () => {
    const article = {
      title: "بيت",
      characters: "بيت",
      html: "<p>بيت</p>",
      leadPhoto: { src: "/media/qz.jpg", field: "image.src", alt: "بيت", caption: "بيت" },
    };
    const here = siteText({ site, articles: [{ ...article, file: "content/articles/a.md" }] });
    const there = siteText({ site, articles: [{ ...article, file: "/srv/qwxyz/articles/a.md" }] });
    expect(there).toBe(here);
    expect(here).not.toMatch(/[A-Za-z]/);
  });

  it("does not look inside dates (their zone and locale are not page text)", () => {
    const text = siteText({
      site,
      articles: [{ date: DateTime.fromISO("2023-06-21", { zone: "Asia/Tokyo" }) }],
    });
    expect(text).not.toMatch(/[A-Za-z]/);
  });
});

describe("subsetWoff2 on Noto Naskh Arabic and this site's text", () => {
  let full: Uint8Array;
  let subset: Uint8Array;
  let text: string;
  let words: string[];

  beforeAll(async () => {
    const regular = FONT_FILES.find((font) => font.preload);
    if (!regular) throw new Error("no preloaded face in FONT_FILES");
    full = new Uint8Array(await readFile(require.resolve(regular.source)));
    const content = await createContentLoader({ contentDir: "content" }).load();
    text = siteText(content);
    subset = await subsetWoff2(full, text, { woff2 });
    const plain = content.articles.map(
      (article) => `${article.title} ${article.html.replace(/<[^>]+>/g, " ")}`,
    );
    words = [...new Set(plain.join(" ").match(/[\u0600-\u06FF]+/g) ?? [])];
  });

  it("is a fraction of the full face", () => {
    expect(subset.length).toBeLessThan(full.length * 0.3);
  });

  it("maps every character of the text that the full face maps, and drops the rest", () => {
    const fullMap = new Set(openFont(full).characterSet);
    const subsetMap = new Set(openFont(subset).characterSet);
    const wanted = [...text]
      .map((character) => character.codePointAt(0) as number)
      .filter((code) => fullMap.has(code));
    expect(wanted.length).toBeGreaterThan(40);
    expect(wanted.filter((code) => !subsetMap.has(code))).toEqual([]);
    // Persian peh: in the full face, in no text of this site.
    expect(fullMap.has(0x067e) && !subsetMap.has(0x067e)).toBe(true);
  });

  it("shapes every word of every article exactly as the full face does", () => {
    expect(words.length).toBeGreaterThan(100);
    expect(shapingDifferences(full, subset, words)).toEqual([]);
  });

  it("would notice a subset that lost the joining forms (the comparison can fail)", async () => {
    const unjoined = new Uint8Array(
      await subsetFont(Buffer.from(full), text, { targetFormat: "woff2", keepFeatures: [] }),
    );
    expect(shapingDifferences(full, unjoined, words).length).toBeGreaterThan(words.length / 2);
  });

  it("gives the same bytes for the same font and text", async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), "sahifa-fonts-"));
    await subsetWoff2(full, "بيت", { woff2, cacheDir }); // replaces the subset kept in memory
    // An empty cache folder: the subset is cut afresh.
    const again = await subsetWoff2(full, text, { woff2, cacheDir });
    expect(Buffer.from(again).equals(Buffer.from(subset))).toBe(true);
    await rm(cacheDir, { recursive: true, force: true });
  });

  it("keeps subsets on disk for the next build, and never serves a cut-short one", async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), "sahifa-fonts-"));
    await subsetWoff2(full, "بيت", { woff2, cacheDir });
    const first = await subsetWoff2(full, text, { woff2, cacheDir });
    const files = (await readdir(cacheDir)).filter((name) => name.endsWith(".woff2"));
    expect(files).toHaveLength(2);
    const stored = files.map((name) => path.join(cacheDir, name));
    const storedBytes = await Promise.all(stored.map((file) => readFile(file)));
    const file = stored[storedBytes.findIndex((bytes) => bytes.equals(Buffer.from(first)))];
    if (file === undefined) throw new Error("the subset was not stored");
    // A stored subset is used as it is (a marker byte past the header shows which was used)...
    const marked = Buffer.from(first);
    marked[marked.length - 1] = marked[marked.length - 1] === 0 ? 1 : 0;
    await writeFile(file, marked);
    await subsetWoff2(full, "بيت", { woff2, cacheDir });
    expect(Buffer.from(await subsetWoff2(full, text, { woff2, cacheDir })).equals(marked)).toBe(
      true,
    );
    // ...but one cut short is cut again, and stored whole.
    await writeFile(file, Buffer.from(first).subarray(0, 100));
    await subsetWoff2(full, "بيت", { woff2, cacheDir });
    expect(
      Buffer.from(await subsetWoff2(full, text, { woff2, cacheDir })).equals(Buffer.from(first)),
    ).toBe(true);
    expect((await readFile(file)).equals(Buffer.from(first))).toBe(true);
    expect(isWholeWoff2(first)).toBe(true);
    expect(isWholeWoff2(first.subarray(0, first.length - 1))).toBe(false);
    await rm(cacheDir, { recursive: true, force: true });
  });
});

/** Words whose glyph advances and offsets differ between two faces (glyph ids differ after subsetting). */
function shapingDifferences(
  reference: Uint8Array,
  candidate: Uint8Array,
  words: readonly string[],
): string[] {
  const a = openFont(reference);
  const b = openFont(candidate);
  const positions = (font: fontkit.Font, word: string) => {
    const run = font.layout(word);
    if (run.glyphs.some((glyph) => glyph.id === 0)) return "missing glyph";
    return run.positions.map((p) => `${p.xAdvance},${p.xOffset},${p.yOffset}`).join(" ");
  };
  return words.filter((word) => positions(a, word) !== positions(b, word));
}

function openFont(bytes: Uint8Array): fontkit.Font {
  const font = fontkit.create(Buffer.from(bytes));
  if (!("layout" in font)) throw new Error("expected a single font, not a collection");
  return font;
}

describe("distinctCharacters", () => {
  it("keeps each character once, in a plain string sort's order, astral ones whole", () => {
    const parts = ["صحيفة ab", "\u{1ee00}ﻻ", "ba \u{1f600}", "\u{1ee00}"];
    const expected = [...new Set(parts.join(""))].sort().join("");
    expect(distinctCharacters(parts)).toBe(expected);
    expect(distinctCharacters(parts)).toBe(" abةحصفي\u{1ee00}\u{1f600}ﻻ");
    expect(distinctCharacters(["\ud800x"])).toBe("x\ud800");
    expect(distinctCharacters([])).toBe("");
  });
});
