// Every message an article's text can earn is Sahifa's own, in Arabic and in English.

import { describe, expect, it } from "vitest";
import { checkArticleText } from "../../src/content/load.ts";
import { formatProblem, type Problem } from "../../src/content/problems.ts";
import { articleText } from "../helpers/sites.ts";

// Words of zod's and the YAML library's own messages: none may reach an editor.
const LIBRARY_WORDS =
  /Invalid (input|option|string|escape)|Too (big|small)|Unrecognized|received|expected (string|number|boolean|object|array|int)|<=|>=|Flow (sequence|map)|Implicit (map )?keys|Nested mappings|Map keys|Missing closing|Unexpected|token|scalar|Tabs are|reserved character|alias|anchor/;

const BROKEN: Record<string, string> = {
  "no frontmatter": "نص بلا رأس\n",
  "never closed": "---\ntitle: x\n\nنص\n",
  "---js": "---js\n{}\n---\nنص\n",
  "a list, not fields": "---\n- a\n- b\n---\nنص\n",
  "a bare word, not fields": "---\nكلمة\n---\nنص\n",
  "no body": articleText({ body: "" }),
  "unclosed [": articleText({ extra: ["tags: [سوريا, تركيا"] }),
  "unclosed {": articleText({ extra: ["source: {name: وكالة"] }),
  'unclosed "': articleText({ extra: ['author: "مراسل'] }),
  "a colon in a value": articleText({ extra: ["dateline: أستانا: اليوم الثاني"] }),
  "a key twice": articleText({ extra: ["author: أ", "author: ب"] }),
  "a tab": articleText({ extra: ["source:", "\tname: وكالة"] }),
  "@ first": articleText({ extra: ["author: @مراسل"] }),
  "an alias": articleText({ extra: ["author: *مراسل"] }),
  "a backslash escape": articleText({ extra: ['author: "C:\\q"'] }),
  "a list as a key": articleText({ extra: ["[a]: b"] }),
  "everything wrong in the fields": articleText({
    title: "",
    date: "2023-02-30",
    slug: "Not A Slug",
    extra: [
      "updated: 2020-01-01T10:00",
      "tags: وسم",
      "source: {name: 5, url: javascript:alert(1), extra: x}",
      "image: {src: ftp://x, alt: [], width: -1, height: 2.5}",
      "lang: arabic",
      "dir: right",
      "draft: yes",
      "section: true",
      "auther: x",
      "permalink: /x/",
      "\u202etitle: x",
    ],
  }),
};

describe("every message an article can earn is ours, in both languages", () => {
  for (const [name, text] of Object.entries(BROKEN)) {
    it(name, () => {
      const problems = checkArticleText(text, "content/articles/x.md", "Asia/Damascus");
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expectOurs(problem);
    });
  }
});

function expectOurs(problem: Problem): void {
  const { en, ar } = problem.message;
  for (const text of [en, ar]) {
    expect(text.trim().length).toBeGreaterThan(4);
    expect(text).not.toMatch(LIBRARY_WORDS);
  }
  expect(ar).toMatch(/[\u0621-\u064a]{3}/);
  expect(ar).not.toBe(en);
  // The place comes first and the field as written: the report line starts with them.
  const line = formatProblem(problem, "ar");
  expect(line.startsWith(`content/articles/x.md:${problem.line ?? ""}`)).toBe(true);
  if (problem.field) expect(line).toContain(`: ${problem.field.replace("\u202e", "\\u{202e}")}: `);
}
