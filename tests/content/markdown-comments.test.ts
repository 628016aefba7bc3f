import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMENT_MESSAGES } from "../../src/content/markdown-comments.ts";
import { createRenderer } from "../../src/content/markdown.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runScript,
  writeContent,
} from "../helpers/sites.ts";

afterAll(removeTempDirs);

const render = createRenderer({ arabicQuotes: true });
const NOTE = "ملاحظة للمحرر سرية";

describe("HTML comments", () => {
  it.each([
    ["inside a paragraph", `أعلنت الوزارة <!-- ${NOTE} --> القرار.`],
    ["on a line of its own", `أعلنت الوزارة القرار.\n\n<!-- ${NOTE} -->\n\nفقرة ثانية.`],
    ["over several lines with a blank line", `<!--\n${NOTE}\n\n${NOTE}\n-->\nفقرة.`],
    ["between two lines of a paragraph", `سطر\n<!-- ${NOTE} -->\nسطر`],
    ["in a heading", `## عنوان <!-- ${NOTE} -->`],
    ["in a list item", `- بند <!-- ${NOTE} -->\n- بند`],
    ["in a table cell", `| أ | ب |\n| - | - |\n| 1 <!-- ${NOTE} --> | 2 |`],
    ["in a footnote", `نص[^1]\n\n[^1]: هامش <!-- ${NOTE} -->`],
    ["in a link's text", `[رابط <!-- ${NOTE} -->](https://example.org/)`],
  ])("drops a comment %s from the HTML and the text", (_, source) => {
    const { html, text, problems } = render(source);
    expect(problems).toEqual([]);
    expect(html).not.toContain("ملاحظة");
    expect(html).not.toContain("&lt;!--");
    expect(text).not.toContain("ملاحظة");
    expect(text.length).toBeGreaterThan(0);
  });

  it("keeps a comment inside code: it is code", () => {
    const { html, text } = render("`<!-- a -->`\n\n```\n<!-- b -->\n```\n");
    expect(html).toContain("&lt;!-- a --&gt;");
    expect(html).toContain("&lt;!-- b --&gt;");
    expect(text).toContain("<!-- b -->");
  });

  it("reports a comment left open at its line, from the body's first line", () => {
    const { problems } = render(`فقرة.\n\nسطر\nسطر آخر <!-- ${NOTE}\n\nبقية المقال.`);
    expect(problems).toEqual([{ line: 4, message: COMMENT_MESSAGES.unclosed() }]);
  });
});

describe("a desk note in a built site", () => {
  it("reaches no output file: the article page, the lists, the feeds, the sitemap", async () => {
    const dir = await makeTempDir("comments");
    const content = await writeContent(path.join(dir, "content"), {
      "note.md": articleText({
        slug: "note",
        body: `أعلنت الوزارة القرار. <!-- ${NOTE} -->\n\n<!--\n${NOTE}\n-->\n\nفقرة ثانية.`,
      }),
    });
    const output = path.join(dir, "_site");
    const result = await runScript("build.ts", ["--output", output, "--layout", "folder"], {
      SAHIFA_CONTENT: content,
    });
    expect(result.code, result.output).toBe(0);
    const files = (await readdir(output, { recursive: true })).filter((file) =>
      /\.(html|xml|json|txt)$/.test(file),
    );
    expect(files.some((file) => file.endsWith("feed.xml") || file.endsWith("feed.json"))).toBe(
      true,
    );
    let sawArticle = false;
    for (const file of files) {
      const text = await readFile(path.join(output, file), "utf8");
      if (text.includes("فقرة ثانية")) sawArticle = true;
      expect(text, file).not.toContain("ملاحظة");
      expect(text, file).not.toMatch(/&lt;!--|<!--(?!sahifa)/);
    }
    expect(sawArticle).toBe(true);
  }, 120_000);
});
