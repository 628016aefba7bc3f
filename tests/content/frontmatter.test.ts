import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import {
  FrontmatterError,
  MAX_FRONTMATTER_CHARACTERS,
  MAX_FRONTMATTER_DEPTH,
  parseFrontmatter,
} from "../../src/content/frontmatter.ts";
import { thrown } from "../helpers/errors.ts";

const failure = (source: string) => thrown(() => parseFrontmatter(source), FrontmatterError);

describe("parseFrontmatter", () => {
  it("splits YAML from the body and keeps the body's text", () => {
    const parsed = parseFrontmatter(
      "---\ntitle: عنوان\ntags: [أ, ب]\n---\n\nنص\n\n---\n\nبعد فاصل\n",
    );
    expect(parsed.data).toEqual({ title: "عنوان", tags: ["أ", "ب"] });
    expect(parsed.body).toBe("\nنص\n\n---\n\nبعد فاصل\n");
  });

  it("reads dates as text (YAML 1.2 core), leaving their meaning to the schema", () => {
    expect(parseFrontmatter("---\ndate: 2023-02-30\n---\nx").data).toEqual({ date: "2023-02-30" });
  });

  it("accepts an explicit yaml fence", () => {
    expect(parseFrontmatter("---yaml\na: 1\n---\nx").data).toEqual({ a: 1 });
  });

  it("refuses a file without an opening ---", () => {
    const error = failure("title: x\n\nنص");
    expect([error.line, error.message]).toEqual([
      1,
      "the file must start with a --- line that opens the frontmatter",
    ]);
  });

  it("refuses frontmatter that is never closed", () => {
    const error = failure("---\ntitle: x\n\nنص بلا نهاية للرأس\n");
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/never closed/);
  });

  it("refuses executable frontmatter languages", () => {
    expect(failure("---js\n{ title: 1 }\n---\nx").message).toMatch(/"js" is not accepted/);
  });

  it("gives the file's line and column of a YAML syntax error", () => {
    const error = failure("---\ntitle: ok\ntags: [سوريا, تركيا\n---\nنص");
    expect(error.editorMessage).toEqual({
      en: "a list or mapping opened with [ is not closed: end it with ] on the same line",
      ar: "قائمة أو مجموعة فُتحت بـ [ ولم تُغلق: أغلقها بـ ] في السطر نفسه",
    });
    expect([error.line, error.column]).toEqual([3, 7]);
    const quote = failure('---\ntitle: "x" y\n---\nنص');
    expect([quote.line, quote.column]).toEqual([2, 12]);
  });

  it("refuses a key given twice, at the second one", () => {
    const error = failure("---\ntitle: a\nslug: b\ntitle: c\n---\nx");
    expect(error.editorMessage).toEqual({
      en: 'the field "title" is written twice: keep one',
      ar: "الحقل «title» مكتوب مرتين: أبقِ واحدًا",
    });
    expect([error.line, error.column]).toEqual([4, 1]);
  });

  it("refuses alias bombs instead of expanding them, naming the largest field and its line", () => {
    const bomb = ["---", "a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [index, name] of ["b", "c", "d", "e", "f", "g", "h"].entries()) {
      const previous = index === 0 ? "a" : ["b", "c", "d", "e", "f", "g"][index - 1];
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    bomb.push("---", "x");
    const error = failure(bomb.join("\n"));
    expect([error.line, error.field]).toEqual([9, "h"]);
    expect(error.message).toBe(
      "the frontmatter's values come to 48,427,568 characters once aliases (*name) are expanded, over the 65,536 allowed; most of them are in h: write each value out once, or shorten it",
    );
    expect(error.editorMessage.ar).toMatch(/48,427,568.*الحقل h/);
  });

  it("refuses a billion laughs about as fast as it reads the same lists written out plainly", () => {
    // Thirty levels of nine aliases each: 9^30 characters if it were expanded.
    const names = Array.from({ length: 30 }, (_, index) => `n${index}`);
    const bomb = ["---", "n0: &n0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (const [index, name] of names.slice(1).entries()) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${names[index]}`).join(", ")}]`);
    }
    bomb.push("---", "x");
    const bombText = bomb.join("\n");
    // The same lists without anchors and aliases: about as many characters and nodes.
    const plainText = bombText.replace(/&n\d+ /g, "").replace(/\*n\d+/g, "lol");
    expect(failure(bombText).message).toMatch(
      /^the frontmatter's values come to over a billion characters/,
    );
    expect(parseFrontmatter(plainText).data).toBeDefined();
    const time = (call: () => unknown) => {
      const start = performance.now();
      for (let round = 0; round < 20; round++) {
        try {
          call();
        } catch {
          // the bomb throws every time
        }
      }
      return performance.now() - start;
    };
    time(() => parseFrontmatter(plainText));
    const ratio = time(() => parseFrontmatter(bombText)) / time(() => parseFrontmatter(plainText));
    expect(ratio).toBeLessThan(3);
  });

  it("refuses one value repeated by aliases past the limit, which the alias count allows", () => {
    const value = "ن".repeat(8_000);
    const error = failure(
      `---\ntitle: x\nstandfirst: &s "${value}"\ntags: [${Array(45).fill("*s").join(", ")}]\n---\nx`,
    );
    expect([error.line, error.field]).toEqual([4, "tags"]);
    expect(error.message).toMatch(/come to 368,0\d\d characters .* most of them are in tags/);
  });

  it("refuses plain values past the limit too, and accepts a frontmatter just under it", () => {
    const under = "ن".repeat(MAX_FRONTMATTER_CHARACTERS - 100);
    expect(parseFrontmatter(`---\nstandfirst: ${under}\n---\nx`).data).toBeDefined();
    const over = `---\ntitle: x\nstandfirst: ${under}${"ن".repeat(200)}\n---\nx`;
    expect(failure(over).field).toBe("standfirst");
  });

  it("refuses lists and mappings nested deeper than any field needs, at the line", () => {
    const deep = `${"[".repeat(MAX_FRONTMATTER_DEPTH)}x${"]".repeat(MAX_FRONTMATTER_DEPTH)}`;
    const error = failure(`---\ntitle: x\ntags: ${deep}\n---\nx`);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/nested more than 16 levels deep/);
    const fine = `${"[".repeat(MAX_FRONTMATTER_DEPTH - 1)}x${"]".repeat(MAX_FRONTMATTER_DEPTH - 1)}`;
    expect(parseFrontmatter(`---\ntags: ${fine}\n---\nx`).data).toBeDefined();
  });

  it("finds control and hidden characters in keys and text values, with their places", () => {
    const parsed = parseFrontmatter(
      [
        "---",
        'title: "a\\x01b"',
        'tags: [ok, "\\e[31m"]',
        '"ke\\0y": 1',
        "source:",
        '  name: "\\uFFFE"',
        "clean: [نص\u200f, 1, true]",
        "---",
        "x",
      ].join("\n"),
    );
    expect(parsed.hiddenText).toEqual([
      { path: ["title"], key: false, line: 2, column: 8, character: "U+0001 CONTROL CHARACTER" },
      { path: ["tags", 1], key: false, line: 3, column: 12, character: "U+001B CONTROL CHARACTER" },
      { path: ["ke\0y"], key: true, line: 4, column: 1, character: "U+0000 CONTROL CHARACTER" },
      {
        path: ["source", "name"],
        key: false,
        line: 6,
        column: 9,
        character: "U+FFFE NONCHARACTER",
      },
    ]);
  });

  it("gives the file's line on which the body starts", () => {
    expect(parseFrontmatter("---\na: 1\nb: 2\n---\nنص").bodyLine).toBe(5);
    expect(parseFrontmatter("---\n---\n\nنص").bodyLine).toBe(3);
  });

  it("locates fields, nested ones and list items, by line", () => {
    const parsed = parseFrontmatter(
      "---\ntitle: a\nsource:\n  name: b\n  url: c\ntags:\n  - x\n  - y\n---\nz",
    );
    expect(parsed.lineOf(["title"])).toBe(2);
    expect(parsed.lineOf(["source", "url"])).toBe(5);
    expect(parsed.lineOf(["tags", 1])).toBe(8);
    // A missing field points at the opening ---; a missing child at its parent.
    expect(parsed.lineOf(["date"])).toBe(1);
    expect(parsed.lineOf(["source", "missing"])).toBe(3);
  });
});

describe("parseFrontmatter: broken YAML, said in an editor's words", () => {
  // Each mistake as an editor makes it, and the start of what they are told in English.
  const BROKEN: [string, RegExp][] = [
    ["tags: [سوريا, تركيا", /^a list or mapping opened with \[ is not closed/],
    ["source: {name: وكالة", /^a list or mapping opened with \{ is not closed/],
    ['title: "عنوان', /^a value opened with " is not closed/],
    ["title: 'عنوان", /^a value opened with ' is not closed/],
    ["title: قمة أستانا: اليوم الثاني", /^a value holds a colon and a space/],
    ["title: x\n  slug: y", /^a value holds a colon and a space/],
    ["title: x\ntitle: y", /^the field "title" is written twice/],
    ["title: @مراسل", /^a value cannot start with "@"/],
    ["title: `x`", /^a value cannot start with "`"/],
    ["title: x\n\tslug: y", /^a tab indents this line/],
    ['title: "C:\\q"', /^a backslash inside double quotes/],
    ["title: *x", /^&, \* and ! have special meanings/],
    ["title: &a &b x", /^&, \* and ! have special meanings/],
    ["title x\nslug: y", /^a line without "key: value"/],
    ["title: x\nslug\n", /^a line without "key: value"/],
    ["tags:\n  - x\n  y: 1", /^this line does not start where the fields around it do/],
    ["title: ]x", /^unexpected text after the value/],
    ["title: 'a'b'", /^unexpected text after the value/],
    ["title: - x", /^unexpected text after the value/],
    ["title: x\n...\nslug: y", /^a line of --- or \.\.\. inside the frontmatter/],
    ["%YAML 1.2\ntitle: x", /^a line starting with % is a YAML directive/],
    ["[a]: b", /^a key must be a name/],
    ["? {a: 1}\n: b", /^a key must be a name/],
  ];

  for (const [yaml, english] of BROKEN) {
    it(JSON.stringify(yaml), () => {
      const error = failure(`---\n${yaml}\n---\nنص`);
      const library = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false }).errors;
      const { en, ar } = error.editorMessage;
      expect(en).toMatch(english);
      expect(ar).toMatch(/[\u0621-\u064a]{3}/);
      for (const text of [en, ar]) {
        for (const raw of library) expect(text).not.toContain(raw.message.split("\n")[0]);
        expect(text).not.toMatch(/Flow|Implicit|Nested|Unexpected|Map keys|Missing|token|scalar/);
      }
      expect(error.line).toBeGreaterThanOrEqual(2);
    });
  }
});

describe("parseFrontmatter: an unclosed list or mapping", () => {
  it("points at its opening bracket, not at the end of the YAML where it is noticed", () => {
    const list = failure("---\ntitle: x\ntags: [سوريا, تركيا\n# section: اقتصاد\nslug: y\n---\nنص");
    expect([list.line, list.column]).toEqual([3, 7]);
    const mapping = failure("---\nsource: {name: [a], url: x\nslug: y\n---\nنص");
    expect([mapping.line, mapping.column]).toEqual([2, 9]);
  });
});
