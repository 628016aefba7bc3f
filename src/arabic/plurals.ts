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
  let category = CATEGORIES.get(count);
  if (category === undefined) {
    category = PLURALS.select(count) as ArabicPluralCategory;
    // Counts on a site are few and small (reading minutes, articles per tag): ICU asked once each.
    if (CATEGORIES.size < 10_000) CATEGORIES.set(count, category);
  }
  return localizeDigits(forms[category].replace("#", String(count)), digits);
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
const CATEGORIES = new Map<number, ArabicPluralCategory>();
