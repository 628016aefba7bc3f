import { describe, expect, it } from "vitest";
import {
  ContentError,
  countArabic,
  escapeName,
  FILE_FORMS,
  formatProblem,
  formatReport,
  plural,
  PROBLEM_FORMS,
  quoteValue,
  reportCount,
  type Problem,
} from "../../src/content/problems.ts";

const REQUIRED = { en: "is required", ar: "الحقل مطلوب" };

/** A message whose words do not matter to the test, the same in both languages. */
function says(text: string) {
  return { en: text, ar: text };
}

describe("formatProblem", () => {
  it("writes file, line, column, field and message compiler-style", () => {
    expect(
      formatProblem({
        file: "content/articles/x.md",
        line: 4,
        field: "date",
        message: says("bad"),
      }),
    ).toBe("content/articles/x.md:4: date: bad");
    expect(formatProblem({ file: "a.md", line: 2, column: 9, message: says("YAML: x") })).toBe(
      "a.md:2:9: YAML: x",
    );
    expect(formatProblem({ file: "a.md", message: says("the file is missing") })).toBe(
      "a.md: the file is missing",
    );
  });

  it("writes the message in the language asked for, the place and field as written", () => {
    const problem: Problem = { file: "a.md", line: 3, field: "Title", message: REQUIRED };
    expect(formatProblem(problem, "en")).toBe("a.md:3: Title: is required");
    expect(formatProblem(problem, "ar")).toBe("a.md:3: Title: الحقل مطلوب");
  });

  it("marks warnings, in both languages", () => {
    const warning: Problem = {
      file: "a.txt",
      severity: "warning",
      message: { en: "not an article", ar: "ليس مقالًا" },
    };
    expect(formatProblem(warning, "en")).toBe("a.txt: warning: not an article");
    expect(formatProblem(warning, "ar")).toBe("a.txt: تحذير: ليس مقالًا");
  });

  it("escapes control, bidi and invisible characters in file and field names", () => {
    const line = formatProblem({
      file: "content/articles/a\u001b[2K\u001b[1A\rb\u0007\u202e\u2066c\nd.md",
      line: 2,
      field: "ti\u001btle\u200b",
      message: REQUIRED,
    });
    expect(line).toBe(
      "content/articles/a\\u{1b}[2K\\u{1b}[1A\\u{d}b\\u{7}\\u{202e}\\u{2066}c\\u{a}d.md:2: ti\\u{1b}tle\\u{200b}: is required",
    );
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe("escapeName", () => {
  it("leaves letters of every script, spaces and punctuation alone", () => {
    expect(escapeName("content/articles/2024-05-01 مقال (نسخة).md")).toBe(
      "content/articles/2024-05-01 مقال (نسخة).md",
    );
  });

  it("doubles a backslash, so an escape in the name cannot pass for one of ours", () => {
    expect(escapeName("a\\u{1b}.md")).toBe("a\\\\u{1b}.md");
  });

  it("escapes C1 controls, DEL, line and paragraph separators", () => {
    expect(escapeName("a\u009b2J\u007f\u2028\u2029")).toBe("a\\u{9b}2J\\u{7f}\\u{2028}\\u{2029}");
  });

  it("escapes noncharacters and lone surrogates, which a terminal cannot show", () => {
    expect(escapeName("a\ufffeb\uffff\ud800c\udc00")).toBe(
      "a\\u{fffe}b\\u{ffff}\\u{d800}c\\u{dc00}",
    );
    // A pair is a character of its own: the emoji passes.
    expect(escapeName("\u{1f4f0} خبر")).toBe("\u{1f4f0} خبر");
  });
});

describe("quoteValue", () => {
  it("quotes in each language's marks, escaped", () => {
    expect(quoteValue("x\u202ey")).toEqual({ en: '"x\\u{202e}y"', ar: "«x\\u{202e}y»" });
    expect(quoteValue(5)).toEqual({ en: '"5"', ar: "«5»" });
  });
});

describe("formatReport", () => {
  const problems: Problem[] = [
    { file: "c.txt", severity: "warning", message: { en: "w", ar: "ت" } },
    { file: "b.md", line: 3, message: says("three") },
    { file: "a.md", line: 9, message: says("nine") },
    {
      file: "a.md",
      line: 2,
      severity: "warning",
      field: "date",
      message: { en: "far", ar: "بعيد" },
    },
    { file: "b.md", line: 1, message: says("one") },
  ];

  it("puts errors first, then warnings, each sorted by file and line, and ends with the count", () => {
    expect(formatReport(problems).split("\n")).toEqual([
      "a.md:9: nine",
      "b.md:1: one",
      "b.md:3: three",
      "a.md:2: warning: date: far",
      "c.txt: warning: w",
      "3 problems in 2 files (and 2 warnings)",
    ]);
  });

  it("is written in Arabic when asked", () => {
    expect(formatReport(problems, "ar").split("\n").slice(3)).toEqual([
      "a.md:2: تحذير: date: بعيد",
      "c.txt: تحذير: ت",
      "3 مشكلات في ملفين (وتحذيران)",
    ]);
  });

  it("is the message of a ContentError, with no stack in it, in the error's language", () => {
    const problem: Problem = { file: "a.md", line: 1, field: "title", message: REQUIRED };
    expect(new ContentError([problem]).message).toBe(
      "a.md:1: title: is required\n1 problem in 1 file",
    );
    const arabic = new ContentError([problem], "ar");
    expect(arabic.message).toBe("a.md:1: title: الحقل مطلوب\nمشكلة واحدة في ملف واحد");
    expect(arabic.language).toBe("ar");
  });
});

describe("counts", () => {
  it("adds an s except for one", () => {
    expect([plural(0, "page"), plural(1, "page"), plural(2, "page")]).toEqual([
      "0 pages",
      "1 page",
      "2 pages",
    ]);
  });

  it("takes the Arabic form CLDR gives for each count", () => {
    expect([1, 2, 3, 10, 11, 99, 100, 103].map((n) => countArabic(n, PROBLEM_FORMS))).toEqual([
      "مشكلة واحدة",
      "مشكلتان",
      "3 مشكلات",
      "10 مشكلات",
      "11 مشكلة",
      "99 مشكلة",
      "100 مشكلة",
      "103 مشكلات",
    ]);
    expect(countArabic(12, FILE_FORMS)).toBe("12 ملفًا");
    expect(reportCount(1, 1, 0, "ar")).toBe("مشكلة واحدة في ملف واحد");
    expect(reportCount(5, 3, 11, "ar")).toBe("5 مشكلات في 3 ملفات (و11 تحذيرًا)");
  });
});
