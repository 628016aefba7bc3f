// Reading time: words counted by Intl.Segmenter, minutes phrased with Arabic's six plural forms.

import { localizeDigits, type DigitStyle } from "./digits.ts";

/** Words a minute for Arabic news prose; adult readers of Arabic run about 140–180. */
export const DEFAULT_WORDS_PER_MINUTE = 180;

/**
 * Counts words the way Unicode segments them (UAX #29), so Arabic clitics and Latin names
 * both count as written, and punctuation does not.
 * @example countWords("قال لافرنتييف إن صيغة أستانا ستتواصل.") //=> 6
 */
export function countWords(text: string): number {
  // ICU's segmenter slows down faster than its input grows (200 KB took 6 s; 2 MB did not finish
  // in 13 minutes), so it is given windows of 8 K characters, and each window's count stops at
  // the first word boundary past 4 K: the next window starts there. A "word" longer than 4 K
  // characters may count as more than one.
  let words = 0;
  for (let start = 0; start < text.length;) {
    const end = Math.min(text.length, start + 2 * WINDOW);
    let next = end;
    for (const segment of WORD_SEGMENTER.segment(text.slice(start, end))) {
      if (end < text.length && segment.index >= WINDOW) {
        next = start + segment.index;
        break;
      }
      if (segment.isWordLike) words += 1;
    }
    start = next;
  }
  return words;
}

/**
 * Whole minutes to read `words`, rounded up, never less than one for a non-empty text.
 * @example readingMinutes(500, 180) //=> 3
 */
export function readingMinutes(words: number, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  if (words <= 0) return 0;
  return Math.ceil(words / wordsPerMinute);
}

/**
 * The reading time in Arabic, with the plural form CLDR gives for the number.
 * @example formatReadingTime(2, "latn") //=> "دقيقتان للقراءة"
 * @example formatReadingTime(11, "arab") //=> "١١ دقيقة للقراءة"
 */
export function formatReadingTime(minutes: number, digits: DigitStyle): string {
  const category = PLURALS.select(minutes) as ArabicPluralCategory;
  return localizeDigits(READING_TIME_FORMS[category].replace("#", String(minutes)), digits);
}

/** CLDR's plural categories for Arabic: https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html#ar */
export type ArabicPluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

/** One phrase per category; `#` stands for the number. */
export const READING_TIME_FORMS: Readonly<Record<ArabicPluralCategory, string>> = {
  zero: "أقل من دقيقة للقراءة", // 0
  one: "دقيقة واحدة للقراءة", // 1
  two: "دقيقتان للقراءة", // 2
  few: "# دقائق للقراءة", // 3–10, 103–110, …
  many: "# دقيقة للقراءة", // 11–99, 111–199, …
  other: "# دقيقة للقراءة", // 100–102, 200–202, …
};

const WORD_SEGMENTER = new Intl.Segmenter("ar", { granularity: "word" });
const WINDOW = 4096;
const PLURALS = new Intl.PluralRules("ar");
