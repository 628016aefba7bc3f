import { describe, expect, it } from "vitest";
import { ARTICLE_COUNT_FORMS, formatCount } from "../../src/arabic/plurals.ts";

describe("formatCount with ARTICLE_COUNT_FORMS", () => {
  it.each([
    [0, "لا مقالات"],
    [1, "مقال واحد"],
    [2, "مقالان"],
    [3, "3 مقالات"],
    [10, "10 مقالات"],
    [11, "11 مقالًا"],
    [99, "99 مقالًا"],
    [100, "100 مقال"],
    [103, "103 مقالات"],
  ])("%i → %s", (count, phrase) => {
    expect(formatCount(count, ARTICLE_COUNT_FORMS, "latn")).toBe(phrase);
  });

  it("writes Arabic-Indic digits by option", () => {
    expect(formatCount(25, ARTICLE_COUNT_FORMS, "arab")).toBe("٢٥ مقالًا");
  });
});
