// The attribute-block passes do work in proportion to the text, even for text made to be slow.

import { describe, expect, it } from "vitest";
import { createMarkdown, type MarkdownEnv } from "../../src/content/markdown.ts";
import { MAX_ARTICLE_BYTES } from "../../src/content/source-text.ts";

const md = createMarkdown({ arabicQuotes: true });

// Each input repeats a piece until it fills `size` characters (all ASCII here, so bytes too).
const PATHOLOGICAL: Record<string, (size: number) => string> = {
  "`{` × N then `}`": (size) => `${"{".repeat(size - 1)}}`,
  "`{` × N, never closed": (size) => "{".repeat(size),
  "`{#a` repeated": (size) => `${"{#a".repeat(size / 3 - 1)}}`,
  "`{.x}` at the end of every line": (size) => "text {.x}\n".repeat(size / 10),
  "`{` inside long paragraphs": (size) => `${`${"word ".repeat(40)}{ `.repeat(size / 202)}}`,
  "nested braces": (size) => `${"{".repeat(size / 2)}${"}".repeat(size / 2)}`,
  '`{"` repeated (quotes reach past the next `{`)': (size) => `${'{"'.repeat(size / 2 - 1)}}`,
  "`{=` repeated (values getAttrs discards)": (size) => `${"{=".repeat(size / 2 - 1)}}`,
  "`*a*{.b}` repeated in one paragraph": (size) => "*a*{.b} ".repeat(size / 8),
  "`` `c`{.b} `` repeated in one paragraph": (size) => "`c`{.b} ".repeat(size / 8),
  "`- item` then `{.a}` on the next line, repeated": (size) => "- x\n{.a}\n".repeat(size / 9),
};

function steps(source: string): number {
  const env: MarkdownEnv = {};
  md.parse(source, env);
  return env.attributeSteps ?? 0;
}

describe("attribute blocks at the size limit", () => {
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    // Steps, not seconds: a loop that rereads the text for each `{` (or each child for each
    // match) does 16 times the work for 4 times the text, and fails the ratio whatever the machine.
    it(`${name}: four times the text, about four times the work`, { timeout: 120_000 }, () => {
      const small = steps(make(MAX_ARTICLE_BYTES / 4));
      const large = steps(make(MAX_ARTICLE_BYTES));
      expect(small).toBeGreaterThan(0);
      expect(large / small).toBeLessThan(4.5);
      expect(large).toBeLessThan(4 * MAX_ARTICLE_BYTES);
    });
  }

  it("counts the work of a quadratic pass, so the ratio above can fail", () => {
    // Ten paragraphs of ten blocks against one paragraph of a hundred: the same text length, but
    // a search that restarted at the first child after each match would take ten times the steps.
    const spread = steps("*a*{.b} ".repeat(10).concat("\n\n").repeat(10));
    const together = steps("*a*{.b} ".repeat(100));
    expect(together).toBeLessThan(2 * spread);
  });
});
