// Reading time: words counted by Intl.Segmenter, minutes phrased with Arabic's six plural forms.

import type { DigitStyle } from "./digits.ts";
import { formatCount, type PluralForms } from "./plurals.ts";

/** Words a minute for Arabic news prose; adult readers of Arabic run about 140–180. */
export const DEFAULT_WORDS_PER_MINUTE = 180;

/**
 * Counts words as Unicode's word boundaries (UAX #29) find them for alphabetic scripts, so
 * Arabic clitics and Latin names both count as written, and punctuation does not. A small state
 * machine rather than Intl.Segmenter: ICU's segmenter costs about 2.5 ms per article, which was
 * the largest single cost of a 4,000-article build; tests check the two agree.
 * @example countWords("قال لافرنتييف إن صيغة أستانا ستتواصل.") //=> 6
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  // The last letter, digit or connector of the current word, marks and format characters skipped.
  let base: CharClass = OTHER;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) code = text.codePointAt(index++) ?? code;
    const cached = BMP_CLASSES[code];
    const kind =
      cached !== undefined && cached !== UNKNOWN ? (cached as CharClass) : classify(code);
    if (kind === LETTER || kind === DIGIT || kind === CONNECTOR) {
      if (!inWord) words += 1;
      inWord = true;
      base = kind;
    } else if (kind === EXTEND) {
      // WB4: marks and format characters (ZWNJ, RLM) continue a word and never start one.
    } else if (inWord && joins(kind, base, classify(text.codePointAt(index + 1) ?? 0))) {
      // WB6/7 and WB11/12: "U.S.", "can't" and "2,254.5" are one word each.
    } else {
      inWord = false;
    }
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

// Character classes for countWords, after UAX #29's word-break properties.
type CharClass = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const CONNECTOR = 3; // _ and other Pc: inside words, but neither letter nor digit for joins
const EXTEND = 4;
const MID_LETTER = 5; // joins letters only: ·
const MID_NUM = 6; // joins digits only: , ; ٫ ٬
const MID_BOTH = 7; // joins letters or digits: ' . ’ and full-width forms

function joins(mid: CharClass, before: CharClass, after: CharClass): boolean {
  if (before === LETTER && after === LETTER) return mid === MID_LETTER || mid === MID_BOTH;
  if (before === DIGIT && after === DIGIT) return mid === MID_NUM || mid === MID_BOTH;
  return false;
}

// Classes of the Basic Multilingual Plane, worked out once per character on first sight.
const UNKNOWN = 0xff;
const BMP_CLASSES = new Uint8Array(0x10000).fill(UNKNOWN);

function classify(code: number): CharClass {
  const known = code <= 0xffff ? BMP_CLASSES[code] : undefined;
  if (known !== undefined && known !== UNKNOWN) return known as CharClass;
  const kind = classifyByProperties(String.fromCodePoint(code));
  if (code <= 0xffff) BMP_CLASSES[code] = kind;
  return kind;
}

function classifyByProperties(char: string): CharClass {
  if (/\p{L}/u.test(char)) return LETTER;
  if (/\p{N}/u.test(char)) return DIGIT;
  if (/\p{Pc}/u.test(char)) return CONNECTOR;
  if (/[\p{M}\p{Cf}]/u.test(char)) return EXTEND;
  if (/['.\u2018\u2019\u2024\ufe52\uff07\uff0e]/u.test(char)) return MID_BOTH;
  if (char === "\u00b7") return MID_LETTER;
  if (/[,;\u066b\u066c\ufe50\ufe54\uff0c\uff1b]/u.test(char)) return MID_NUM;
  return OTHER;
}
