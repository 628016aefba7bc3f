import { describe, expect, it } from "vitest";
import { createArticleSchema, describeIssues } from "../../src/content/schema.ts";
import { findHiddenControl, HIDDEN_CONTROLS, normalizeTag } from "../../src/content/unicode.ts";

const schema = createArticleSchema("Europe/Istanbul");
const valid = { title: "عنوان", standfirst: "جملة", date: "2023-06-21", slug: "astana-20" };
// Each problem as "field: message", in English.
const issuesFor = (data: Record<string, unknown>) => {
  const input = { ...valid, ...data };
  const result = schema.safeParse(input);
  return result.success
    ? []
    : describeIssues(result.error.issues, "a.md", () => 1, input, {}).map(
        (problem) => `${problem.field ?? ""}: ${problem.message.en}`,
      );
};

const CONTROLS = Object.keys(HIDDEN_CONTROLS).map((code) => String.fromCodePoint(Number(code)));

describe("findHiddenControl", () => {
  it.each(CONTROLS.map((char) => [char.codePointAt(0)?.toString(16), char]))(
    "finds U+%s",
    (_, char) => {
      expect(findHiddenControl(`قال${char}لافرنتييف`)).toMatch(/^U\+[0-9A-F]{4} [A-Z -]+$/);
    },
  );

  it("covers every embedding, override and isolate", () => {
    for (let code = 0x202a; code <= 0x202e; code += 1)
      expect(findHiddenControl(String.fromCodePoint(code))).toBeDefined();
    for (let code = 0x2066; code <= 0x2069; code += 1)
      expect(findHiddenControl(String.fromCodePoint(code))).toBeDefined();
  });

  it("allows LRM, RLM and ALM, which Arabic text with Latin runs needs", () => {
    expect(findHiddenControl("Sergey Lavrov\u200f قال \u200e2254\u061c")).toBeUndefined();
  });

  it.each([
    ["\0", "U+0000 CONTROL CHARACTER"],
    ["\x01", "U+0001 CONTROL CHARACTER"],
    ["\x1b[31m", "U+001B CONTROL CHARACTER"],
    ["\r", "U+000D CONTROL CHARACTER"],
    ["\x7f", "U+007F CONTROL CHARACTER"],
    ["\x85", "U+0085 CONTROL CHARACTER"],
    ["\x9f", "U+009F CONTROL CHARACTER"],
    ["\ufffe", "U+FFFE NONCHARACTER"],
    ["\uffff", "U+FFFF NONCHARACTER"],
    ["\ufdd0", "U+FDD0 NONCHARACTER"],
    ["\u{10ffff}", "U+10FFFF NONCHARACTER"],
    ["\ud800", "U+D800 LONE SURROGATE"],
    ["x\udc00", "U+DC00 LONE SURROGATE"],
  ])("finds %j, as YAML escapes write them, by code point", (char, name) => {
    expect(findHiddenControl(`قال${char}لافرنتييف`)).toBe(name);
  });

  it("allows tab and newline, and pairs of surrogates (emoji)", () => {
    expect(findHiddenControl("سطر\tأول\nسطر ثان 😀")).toBeUndefined();
  });
});

describe("normalizeTag", () => {
  it("makes one tag of one word typed with direction marks, in NFD or with tatweel", () => {
    const spellings = [
      "سوريا",
      "سوريا\u200f",
      "\u200eسوريا",
      "سوريا\u061c",
      "سوريا".normalize("NFD"),
      "سـوريا",
      "ســـوريا",
      " سوريا ",
      "سو\u00adريا",
    ];
    expect(new Set(spellings.map(normalizeTag))).toEqual(new Set(["سوريا"]));
    expect(normalizeTag("إيران".normalize("NFD"))).toBe("إيران");
  });

  it("keeps a tatweel that ends a word, which gives the letter its form", () => {
    expect(normalizeTag("1445 هـ")).toBe("1445 هـ");
  });

  it("keeps what tells words apart: hamza, diacritics, taa marbuta", () => {
    const distinct = ["إيران", "ايران", "تركيا", "تَركيا", "تركية"];
    expect(new Set(distinct.map(normalizeTag)).size).toBe(distinct.length);
  });
});

describe("the schema refuses hidden controls", () => {
  it.each(["title", "standfirst", "dateline", "author"])("in %s", (field) => {
    const issues = issuesFor({ [field]: "أستانا\u202eانتهى" });
    expect(issues).toEqual([
      `${field}: contains the invisible character U+202E RIGHT-TO-LEFT OVERRIDE, which can disguise text: delete it (LRM, RLM and ALM are allowed)`,
    ]);
  });

  it("in tags and the source's name", () => {
    expect(issuesFor({ tags: ["سوريا", "تركيا\u2067"] })[0]).toMatch(
      /^tags\[1\]: contains the invisible character U\+2067/,
    );
    expect(issuesFor({ source: { name: "وكالات\u200b" } })[0]).toMatch(
      /^source\.name: contains .*U\+200B/,
    );
  });

  it("in URLs", () => {
    expect(
      issuesFor({ source: { name: "x", url: "https://example.org/\u202egnp.exe" } })[0],
    ).toMatch(/^source\.url: .* is not an http\(s\) URL/);
  });

  it("in slugs, naming the character", () => {
    expect(issuesFor({ slug: "astana\u200b-20" })[0]).toMatch(
      /^slug: .* contains the invisible character U\+200B ZERO WIDTH SPACE/,
    );
  });

  it("keeps LRM and RLM in a title", () => {
    expect(issuesFor({ title: "لافرنتييف\u200f: Astana\u200e 20" })).toEqual([]);
  });
});

describe("slugs are compared after NFKC, so look-alikes cannot coexist", () => {
  it("refuses full-width and presentation forms, suggesting the ASCII spelling", () => {
    expect(issuesFor({ slug: "ａｓｔａｎａ-20" })[0]).toMatch(
      /is not a slug .*\(did you mean "astana-20"\?\)$/,
    );
  });

  it("refuses Cyrillic homoglyphs outright", () => {
    expect(issuesFor({ slug: "аstana-20" })[0]).toMatch(/is not a slug/); // first letter is Cyrillic а
  });
});
