import { describe, expect, it } from "vitest";
import {
  arabicPluralCategory,
  ARTICLE_COUNT_FORMS,
  formatCount,
} from "../../src/arabic/plurals.ts";

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

describe("arabicPluralCategory", () => {
  it("is ICU's answer for every whole number from 0 to 100,000, and for fractions and negatives", () => {
    const icu = new Intl.PluralRules("ar");
    const differ: number[] = [];
    for (let count = 0; count <= 100_000; count++) {
      if (arabicPluralCategory(count) !== icu.select(count)) differ.push(count);
    }
    expect(differ).toEqual([]);
    for (const count of [0.5, 1.5, 2.25, -1, -3, 1e21, Number.NaN]) {
      expect(arabicPluralCategory(count), String(count)).toBe(icu.select(count));
    }
  });
});
