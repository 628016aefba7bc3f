import { describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/content/frontmatter.ts";
import { messageText, type MessageLanguage, type Problem } from "../../src/content/problems.ts";
import {
  createArticleSchema,
  describeIssues,
  isHttpUrl,
  SOURCE_FIELDS,
  hasVisibleText,
  unknownKeyMessage,
} from "../../src/content/schema.ts";

const schema = createArticleSchema("Europe/Istanbul");
const KNOWN = { "": Object.keys(schema.shape), source: SOURCE_FIELDS };
const VALID = ["title: عنوان", "standfirst: مقدمة", "date: 2023-06-21", "slug: astana-20"];

/** The problems for an article whose frontmatter is VALID with `lines` replacing or adding fields. */
function problemsFor(...lines: string[]): Problem[] {
  // A line for a VALID field replaces it in place; other lines follow, from line 6 on.
  const key = (line: string) => line.split(":")[0];
  const replaced = VALID.map((line) => lines.find((given) => key(given) === key(line)) ?? line);
  const yaml = [
    ...replaced,
    ...lines.filter((given) => !VALID.some((line) => key(line) === key(given))),
  ].join("\n");
  const parsed = parseFrontmatter(`---\n${yaml}\n---\nنص`);
  const result = schema.safeParse(parsed.data);
  return result.success
    ? []
    : describeIssues(result.error.issues, "a.md", parsed.lineOf, parsed.data, KNOWN);
}

/** The one problem found, its message in one language (English unless asked). */
function only(
  problems: Problem[],
  language: MessageLanguage = "en",
): Omit<Problem, "file" | "message"> & { message: string } {
  expect(problems).toHaveLength(1);
  const [{ file, message, ...rest }] = problems as [Problem];
  expect(file).toBe("a.md");
  return { ...rest, message: messageText(message, language) };
}

describe("article schema: a valid article", () => {
  it("passes with defaults filled in and dates read in the site's zone", () => {
    const result = schema.parse({
      title: " عنوان ",
      standfirst: "م",
      date: "2023-06-21",
      slug: "a-1",
    });
    expect(result.title).toBe("عنوان");
    expect(result).toMatchObject({ tags: [], lang: "ar", draft: false });
    expect(result.date.toISO()).toBe("2023-06-21T00:00:00.000+03:00");
  });

  it("accepts every optional field", () => {
    expect(
      problemsFor(
        "updated: 2023-06-22T10:00:00+03:00",
        "dateline: أستانا",
        "author: مراسل",
        "tags: [سوريا, تركيا]",
        "source: {name: وكالات, url: https://example.org/a?b=1}",
        "lang: en",
        "dir: ltr",
        "draft: true",
      ),
    ).toEqual([]);
  });
});

describe("article schema: required fields", () => {
  for (const field of ["title", "standfirst", "date", "slug"]) {
    it(`${field} is required, and the problem points at the opening ---`, () => {
      const yaml = VALID.filter((line) => !line.startsWith(`${field}:`)).join("\n");
      const parsed = parseFrontmatter(`---\n${yaml}\n---\nنص`);
      const result = schema.safeParse(parsed.data);
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(
        describeIssues(result.error.issues, "a.md", parsed.lineOf, parsed.data, KNOWN),
      ).toEqual([
        { file: "a.md", line: 1, field, message: { en: "is required", ar: "الحقل مطلوب" } },
      ]);
    });
  }

  it("an empty title, a blank one, or one of invisible characters alone is empty", () => {
    expect(only(problemsFor('title: ""'))).toEqual({
      line: 2,
      field: "title",
      message: "is empty (or only invisible characters)",
    });
    expect(only(problemsFor("title:"))).toEqual({ line: 2, field: "title", message: "is empty" });
    for (const invisible of [
      "\\u200f\\u200b",
      "\\u00a0\\u2060 \\ufeff",
      "\\u3164\\u034f",
      "\\u061c\\u200e",
    ]) {
      expect(only(problemsFor(`title: "${invisible}"`)).message).toBe(
        "is empty (or only invisible characters)",
      );
    }
  });

  it("a number where text is expected asks for quotes", () => {
    expect(only(problemsFor("title: 1984")).message).toBe(
      'must be text: put 1984 in quotes ("1984")',
    );
  });
});

describe("article schema: dates", () => {
  it("refuses a day that does not exist, never rolling it over", () => {
    expect(only(problemsFor("date: 2023-02-30"))).toEqual({
      line: 4,
      field: "date",
      message:
        '"2023-02-30" is not a real day (expected YYYY-MM-DD, or an ISO 8601 date-time with offset)',
    });
  });

  it("refuses a time without an offset, a number, and free text", () => {
    expect(only(problemsFor("date: 2023-06-21T10:00")).message).toMatch(/has a time but no offset/);
    expect(only(problemsFor("date: 20230621")).message).toBe(
      '"20230621" is not a date (expected YYYY-MM-DD, or an ISO 8601 date-time with offset)',
    );
    expect(only(problemsFor("date: yesterday")).message).toMatch(/^"yesterday" is not a date/);
  });

  it("accepts a date-time with its offset", () => {
    expect(problemsFor("date: 2023-06-21T09:30:00Z")).toEqual([]);
  });

  it("refuses an update dated before publication", () => {
    expect(only(problemsFor("updated: 2023-06-20"))).toEqual({
      line: 6,
      field: "updated",
      message: "is before date (an update follows publication)",
    });
  });
});

describe("article schema: slugs, URLs, tags, lang, dir, draft", () => {
  it("slugs are lower-case ASCII words joined by single hyphens", () => {
    for (const bad of ["أستانا", "a--b", "-a", "a_b", "a b"]) {
      expect(only(problemsFor(`slug: "${bad}"`)).message).toBe(
        `${JSON.stringify(bad)} is not a slug (lower-case ASCII letters, digits and single hyphens, such as astana-20-final-round)`,
      );
    }
    expect(only(problemsFor(`slug: "Astana"`)).message).toBe(
      '"Astana" is not a slug (lower-case ASCII letters, digits and single hyphens, such as astana-20-final-round) (did you mean "astana"?)',
    );
    expect(only(problemsFor(`slug: ${"a".repeat(81)}`)).message).toBe("is over 80 characters");
  });

  it("source URLs must be absolute http(s)", () => {
    for (const bad of [
      "javascript:alert(1)",
      "ftp://example.org/",
      "/relative",
      "example.org",
      "http:///x",
    ]) {
      expect(only(problemsFor(`source: {name: x, url: "${bad}"}`))).toMatchObject({
        field: "source.url",
        message: expect.stringMatching(/is not an http\(s\) URL/),
      });
    }
  });

  it("a misspelt key inside source gets its own did-you-mean", () => {
    expect(only(problemsFor("source:", "  name: وكالات", "  ulr: https://example.org/"))).toEqual({
      line: 8,
      field: "source.ulr",
      message: 'unknown field (did you mean "url"?)',
    });
  });

  it("tags are a list of text", () => {
    expect(only(problemsFor("tags: سوريا"))).toMatchObject({
      field: "tags",
      message: "must be a list, such as [سوريا, تركيا]",
    });
    expect(only(problemsFor('tags: [سوريا, ""]'))).toMatchObject({ field: "tags[1]" });
  });

  it("lang and dir take known values", () => {
    expect(only(problemsFor("lang: arabic")).message).toBe(
      '"arabic" is not one of: ar, en, fr, tr, ru, fa, ku, he, de, es',
    );
    expect(only(problemsFor("dir: right"), "ar").message).toBe(
      "«right» ليس من القيم المقبولة: rtl، ltr",
    );
  });

  it("draft is a boolean, not yes or no", () => {
    expect(only(problemsFor("draft: yes"))).toEqual({
      line: 6,
      field: "draft",
      message: '"yes" is not true or false',
    });
  });
});

describe("article schema: unknown and build-steering keys", () => {
  it("an unknown key gets a did-you-mean", () => {
    expect(only(problemsFor("titel: x"))).toEqual({
      line: 6,
      field: "titel",
      message: 'unknown field (did you mean "title"?)',
    });
    expect(only(problemsFor("Date_: x")).message).toBe('unknown field (did you mean "date"?)');
  });

  it("a key unlike any known one lists the known keys", () => {
    expect(only(problemsFor("photographer: x")).message).toMatch(
      /^unknown field \(known: title, standfirst, date,/,
    );
  });

  for (const key of [
    "permalink",
    "layout",
    "eleventyComputed",
    "pagination",
    "eleventyExcludeFromCollections",
    "eleventyNavigation",
  ]) {
    it(`${key} is refused as steering the build`, () => {
      expect(only(problemsFor(`${key}: x`))).toEqual({
        line: 6,
        field: key,
        message:
          "steers the build and is not allowed in an article (the URL comes from the slug, the layout from the site)",
      });
    });
  }

  it("every problem in a file is reported, each at its line", () => {
    const problems = problemsFor("date: 2023-13-01", "slug: Bad", "permalink: /x/", "draft: 1");
    expect(problems.map((problem) => `${problem.line}:${problem.field}`).sort()).toEqual([
      "4:date",
      "5:slug",
      "6:permalink",
      "7:draft",
    ]);
  });
});

describe("unknownKeyMessage", () => {
  it("suggests the nearest known key within a small distance only", () => {
    expect(unknownKeyMessage("standfrist", ["title", "standfirst"])).toEqual({
      en: 'unknown field (did you mean "standfirst"?)',
      ar: "حقل غير معروف (هل تقصد «standfirst»؟)",
    });
    expect(unknownKeyMessage("zzz", ["title", "date"])).toEqual({
      en: "unknown field (known: title, date)",
      ar: "حقل غير معروف (الحقول المعروفة: title، date)",
    });
  });
});

describe("hasVisibleText and isHttpUrl", () => {
  it("leaves visible Arabic text and removes what does not show", () => {
    expect(hasVisibleText("\u200fعنوان\u200b")).toBe(true);
    expect(hasVisibleText("\u200f \u200b x")).toBe(true);
    expect(hasVisibleText("\u2800\u180e\u17b4")).toBe(false);
    expect(hasVisibleText("\u200f\u200b \n\t\u3000")).toBe(false);
    expect(hasVisibleText("")).toBe(false);
  });

  it("accepts only absolute http and https URLs", () => {
    expect(isHttpUrl("https://example.org")).toBe(true);
    expect(isHttpUrl("HTTP://EXAMPLE.ORG/a")).toBe(true);
    expect(isHttpUrl("data:text/html,x")).toBe(false);
    expect(isHttpUrl("https://exa mple.org")).toBe(false);
  });
});

describe("article schema: every message is ours, in both languages", () => {
  // Wrong values of every kind for every field, and out-of-range and malformed ones.
  const WRONG = ["1984", "true", "[a, b]", "{a: 1}", "''", "~", '"\\u202e"'];
  // The fields of VALID are replaced in place by the last test here (a key given twice is a
  // YAML error), the others added after them.
  const ADDED = Object.keys(schema.shape).filter(
    (field) => !VALID.some((line) => line.startsWith(`${field}:`)),
  );
  const IMAGE = "image: {src: /media/a.jpg, alt: صورة, width: 10, height: 10}";
  const cases: string[][] = [
    ...ADDED.flatMap((field) => WRONG.map((value) => [`${field}: ${value}`])),
    ...WRONG.flatMap((value) => [
      [`source: {name: ${value}, url: ${value}}`],
      [IMAGE.replace("width: 10", `width: ${value}`)],
      [IMAGE.replace("src: /media/a.jpg", `src: ${value}`)],
    ]),
    [IMAGE.replace("width: 10", "width: -3")],
    [IMAGE.replace("width: 10", "width: 2.5")],
    [IMAGE.replace("width: 10", "width: 0")],
    ["image: {src: //evil.example/x.jpg, alt: x, width: 1, height: 1, extra: 1}"],
    ["updated: 2023-02-30"],
    ["updated: 2023-06-21T25:00:00+03:00"],
    ["updated: 2023-06-21T10:00"],
    ["updated: 2023-06-31T10:00:00Z"],
    ["updated: 2020-01-01"],
    ["tags: [سوريا, 5, [x], ~]"],
    ["Title: x", "eleventyComputed: x", "permalink: x"],
  ];

  for (const lines of cases) {
    it(lines.join(" / "), () => {
      const yaml = [...VALID, ...lines].join("\n");
      const parsed = parseFrontmatter(`---\n${yaml}\n---\nنص`);
      const result = schema.safeParse(parsed.data);
      const problems = result.success
        ? []
        : describeIssues(result.error.issues, "a.md", parsed.lineOf, parsed.data, {
            ...KNOWN,
            image: ["src", "alt", "width", "height"],
          });
      const raw = result.success ? [] : result.error.issues.map((found) => found.message);
      expectOurs(problems, raw);
    });
  }

  it("every wrong value of a field of VALID, replaced in place, and values out of range", () => {
    const lines = [
      ...["title", "standfirst", "date", "slug"].flatMap((field) =>
        WRONG.map((value) => `${field}: ${value}`),
      ),
      `title: ${"ع".repeat(201)}`,
      `slug: ${"a".repeat(81)}`,
      "slug: ＡＢＣ",
      "date: 2023-02-30",
      "date: 2023-06-21T10:00",
      "date: 2023-06-21T25:00:00+03:00",
    ];
    for (const line of lines) {
      const problems = problemsFor(line);
      expect(problems.length).toBeGreaterThan(0);
      expectOurs(problems, []);
    }
  });
});

/**
 * Each problem names the field as written and has a message of ours in both languages: not
 * zod's (none of `raw`, nor its stock phrases), Arabic words in the Arabic one, none in English.
 */
function expectOurs(problems: readonly Problem[], raw: readonly string[]): void {
  for (const problem of problems) {
    expect(typeof problem.message).toBe("object");
    const { en, ar } = problem.message as { en: string; ar: string };
    for (const text of [en, ar]) {
      expect(text.length).toBeGreaterThan(4);
      for (const zods of raw) expect(text).not.toContain(zods);
      expect(text).not.toMatch(
        /Invalid (input|option|string)|Too (big|small)|Unrecognized key|received|<=|>=/,
      );
    }
    expect(ar).toMatch(/[\u0621-\u064a]{3}/);
    // English words only, once the values quoted from the file and the examples are set aside.
    expect(en.replace(/"[^"]*"|\[[^\]]*\]|\{[^}]*\}/g, "")).not.toMatch(/[\u0600-\u06ff]/);
    expect(problem.field).toMatch(/^[A-Za-z.[\]0-9]+$/);
  }
}
