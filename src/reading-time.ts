// Reading time: words counted by Intl.Segmenter, minutes phrased with Arabic's six plural forms.

import type { DigitStyle } from "./digits.ts";
import { formatCount, type PluralForms } from "./plurals.ts";

/** Words a minute for Arabic news prose; adult readers of Arabic run about 140–180. */
export const DEFAULT_WORDS_PER_MINUTE = 180;

/**
 * Counts words as Unicode's word boundaries (UAX #29) find them for alphabetic scripts, so
 * Arabic clitics and Latin names both count as written, and punctuation does not. A regular
 * expression rather than Intl.Segmenter: ICU's segmenter costs about 2.5 ms per article, which
 * was the largest single cost of a 4,000-article build; tests check the two agree.
 * @example countWords("قال لافرنتييف إن صيغة أستانا ستتواصل.") //=> 6
 */
export function countWords(text: string): number {
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) words += 1;
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
  return formatCount(minutes, READING_TIME_FORMS, digits);
}

/** One phrase per category; `#` stands for the number. */
export const READING_TIME_FORMS: PluralForms = {
  zero: "أقل من دقيقة للقراءة", // 0
  one: "دقيقة واحدة للقراءة", // 1
  two: "دقيقتان للقراءة", // 2
  few: "# دقائق للقراءة", // 3–10, 103–110, …
  many: "# دقيقة للقراءة", // 11–99, 111–199, …
  other: "# دقيقة للقراءة", // 100–102, 200–202, …
};

// A word: letters, digits, marks and connector punctuation (WB5–WB13a), with the joiners UAX #29
// allows inside a word: between letters ’ ' . and friends (MidLetter, MidNumLet, "U.S.", "can't"),
// between digits , ; ٫ ٬ as well (MidNum, "2,254.5"). Format characters (ZWNJ, marks) never break
// a word (WB4).
const LETTER = String.raw`[\p{L}\p{N}\p{Pc}][\p{L}\p{N}\p{M}\p{Pc}\p{Cf}]*`;
const DIGITS = String.raw`\p{N}[\p{N}\p{M}\p{Cf}]*`;
const MID_LETTER = String.raw`['.\u00b7\u2018\u2019\u2024\ufe52\uff07\uff0e]`;
const MID_NUM = String.raw`[,;'.\u066b\u066c\u2018\u2019\u2024\ufe50\ufe52\ufe54\uff07\uff0c\uff0e\uff1b]`;
const WORD = new RegExp(
  String.raw`(?:${LETTER})(?:(?<=\p{L}[\p{M}\p{Cf}]*)${MID_LETTER}(?=\p{L})${LETTER}|(?<=\p{N}[\p{M}\p{Cf}]*)${MID_NUM}(?=\p{N})${DIGITS}[\p{L}\p{N}\p{M}\p{Pc}\p{Cf}]*)*`,
  "gu",
);
