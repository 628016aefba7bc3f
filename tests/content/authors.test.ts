import { describe, expect, it } from "vitest";
import {
  bylineWarnings,
  checkAuthors,
  findAuthor,
  type AuthorDirectory,
} from "../../src/content/authors.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { createArticleSchema, MAX_BYLINES } from "../../src/content/schema.ts";

const FILE = "content/authors.yaml";

const YAML = [
  "- id: news-desk",
  "  name: قسم الأخبار",
  "  bio: فريق التحرير.",
  "- name: سارة الأحمد",
  "  url: https://example.org/sara",
  "",
].join("\n");

describe("checkAuthors", () => {
  it("reads each entry, with its id when it gives one", () => {
    const { directory, problems } = checkAuthors(YAML, FILE);
    expect(problems).toEqual([]);
    expect(directory).toEqual({
      file: FILE,
      authors: [
        { id: "news-desk", name: "قسم الأخبار", bio: "فريق التحرير.", listed: true },
        { name: "سارة الأحمد", url: "https://example.org/sara", listed: true },
      ],
    });
  });

  it("treats an empty file as an empty list", () => {
    expect(checkAuthors("# nobody yet\n", FILE)).toEqual({
      directory: { file: FILE, authors: [] },
      problems: [],
    });
  });

  it("refuses two entries with one id or one name, at the second one's line, naming the first's", () => {
    const yaml = `${YAML}- name: قسم  الأخبار\n- id: news-desk\n  name: فريق آخر\n`;
    const { directory, problems } = checkAuthors(yaml, FILE);
    expect(directory.authors).toEqual([]);
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [6, "[2].name"],
      [7, "[3].id"],
    ]);
    expect(problems[0]?.message.en).toContain("is already the author's on line 2");
    expect(problems[1]?.message.en).toContain('"news-desk" is already the author\'s on line 2');
    expect(problems[1]?.message.ar).toContain("«news-desk»");
  });

  it("refuses a link that is not http(s), an unknown key and a bad id, each at its line", () => {
    const yaml = [
      "- name: أ",
      "  url: javascript:alert(1)",
      "- name: ب",
      "  bip: نبذة",
      "- name: ج",
      "  id: News Desk",
      "",
    ].join("\n");
    const problems = checkAuthors(yaml, FILE).problems;
    const lines = problems.map((problem) => formatProblem(problem, "en"));
    expect(lines).toEqual([
      expect.stringMatching(
        /^content\/authors\.yaml:2: \[0\]\.url: "javascript:alert\(1\)" is not an http\(s\) URL/,
      ),
      expect.stringMatching(
        /^content\/authors\.yaml:4: \[1\]\.bip: unknown field \(did you mean "bio"\?\)$/,
      ),
      expect.stringMatching(
        /^content\/authors\.yaml:6: \[2\]\.id: "News Desk" is not an id .*did you mean "news-desk"/,
      ),
    ]);
    expect(problems.every((problem) => problem.severity === undefined)).toBe(true);
  });

  it("refuses a file that is not a list, and a missing name", () => {
    expect(checkAuthors("name: أ\n", FILE).problems[0]?.message.en).toMatch(/must be a list/);
    const missing = checkAuthors("- bio: نبذة\n", FILE).problems;
    expect(missing.map((problem) => [problem.line, problem.field, problem.message.en])).toEqual([
      [1, "[0].name", "is required"],
    ]);
  });

  it("reports a YAML syntax error at its line in the file", () => {
    const problems = checkAuthors("- name: أ\n- name: [ب\n", FILE).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(2);
  });
});

describe("findAuthor and bylineWarnings", () => {
  const { directory } = checkAuthors(YAML, FILE);

  it("finds a listed author by name, by name with other spacing or marks, or by id", () => {
    expect(findAuthor(directory, "قسم الأخبار").id).toBe("news-desk");
    expect(findAuthor(directory, "news-desk").name).toBe("قسم الأخبار");
    expect(findAuthor(directory, "سارة  الأحمد").listed).toBe(true);
  });

  it("gives an unlisted byline a page with its name only", () => {
    expect(findAuthor(directory, "رويترز")).toEqual({ name: "رويترز", listed: false });
  });

  it("warns about an unlisted byline at its line, with a did-you-mean for a near name", () => {
    const warnings = bylineWarnings("a.md", ["سارة الاحمد", "رويترز"], [7, 8], directory);
    expect(warnings.map((warning) => [warning.line, warning.field, warning.severity])).toEqual([
      [7, "author[0]", "warning"],
      [8, "author[1]", "warning"],
    ]);
    expect(warnings[0]?.message.en).toBe(
      '"سارة الاحمد" is not in content/authors.yaml: the author page shows the name only (did you mean "سارة الأحمد"?)',
    );
    expect(warnings[0]?.message.ar).toContain("(هل تقصد «سارة الأحمد»؟)");
    expect(warnings[1]?.message.en).not.toContain("did you mean");
  });

  it("says nothing about listed bylines, nor about any when the site has no authors.yaml", () => {
    expect(bylineWarnings("a.md", ["قسم الأخبار"], [7], directory)).toEqual([]);
    const none: AuthorDirectory = { authors: [] };
    expect(bylineWarnings("a.md", ["رويترز"], [7], none)).toEqual([]);
  });
});

describe("the author field", () => {
  const schema = createArticleSchema("Europe/Istanbul");
  const base = { title: "ع", standfirst: "م", date: "2024-01-01", slug: "a" };

  it("takes a name or a list of names, each once in one spelling", () => {
    expect(schema.parse({ ...base, author: " سارة " }).author).toEqual(["سارة"]);
    expect(schema.parse({ ...base, author: ["سارة", "سارة\u200f", "رويترز"] }).author).toEqual([
      "سارة",
      "رويترز",
    ]);
    expect(schema.parse(base).author).toBeUndefined();
  });

  it("refuses more than the limit, an empty list, a blank name and a number", () => {
    const tooMany = Array.from({ length: MAX_BYLINES + 1 }, (_, i) => `كاتب ${i}`);
    for (const author of [tooMany, [], ["سارة", " "], 5]) {
      expect(schema.safeParse({ ...base, author }).success).toBe(false);
    }
  });
});
