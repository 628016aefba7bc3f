// Counted phrases in Arabic: the six CLDR plural forms, with the site's digits.

import { localizeDigits, type DigitStyle } from "./digits.ts";

/** CLDR's plural categories for Arabic: https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html#ar */
export type ArabicPluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

/** One phrase per category; `#` stands for the number. */
export type PluralForms = Readonly<Record<ArabicPluralCategory, string>>;

/**
 * The phrase for `count` in the form CLDR gives for it.
 * @example formatCount(11, ARTICLE_COUNT_FORMS, "latn") //=> "11 مقالًا"
 */
export function formatCount(count: number, forms: PluralForms, digits: DigitStyle): string {
  return localizeDigits(forms[arabicPluralCategory(count)].replace("#", String(count)), digits);
}

/**
 * CLDR's Arabic plural category of a number. Whole numbers follow CLDR's rule directly (zero: 0;
 * one: 1; two: 2; few: n % 100 in 3..10; many: n % 100 in 11..99; other), which a build asks
 * about ten thousand times (reading minutes, articles per tag and month) and which costs a
 * fraction of ICU's answer; anything else is ICU's. tests/arabic/plurals.test.ts holds the rule
 * to ICU's on every count up to 100,000.
 * @example arabicPluralCategory(103) //=> "few"
 */
export function arabicPluralCategory(count: number): ArabicPluralCategory {
  if (!Number.isSafeInteger(count) || count < 0)
    return PLURALS.select(count) as ArabicPluralCategory;
  if (count === 0) return "zero";
  if (count === 1) return "one";
  if (count === 2) return "two";
  const hundreds = count % 100;
  if (hundreds >= 3 && hundreds <= 10) return "few";
  if (hundreds >= 11) return "many";
  return "other";
}

/** "How many articles", for tag and archive lists. */
export const ARTICLE_COUNT_FORMS: PluralForms = {
  zero: "لا مقالات", // 0
  one: "مقال واحد", // 1
  two: "مقالان", // 2
  few: "# مقالات", // 3–10
  many: "# مقالًا", // 11–99
  other: "# مقال", // 100–102
};

const PLURALS = new Intl.PluralRules("ar");
