// Reading time: words counted by Intl.Segmenter, minutes phrased with Arabic's six plural forms.

import type { DigitStyle } from "./digits.ts";
import { formatCount, type PluralForms } from "./plurals.ts";

/** Words a minute for Arabic news prose; adult readers of Arabic run about 140–180. */
export const DEFAULT_WORDS_PER_MINUTE = 180;

/**
 * Counts words the way Unicode segments them (UAX #29, ICU's Intl.Segmenter), so Arabic clitics
 * and Latin names both count as written, and punctuation does not.
 * @example countWords("قال لافرنتييف إن صيغة أستانا ستتواصل.") //=> 6
 */
export function countWords(text: string): number {
  // ICU's segmenter costs about 2 ms for a news article, the largest single cost of a large
  // build. For text made only of Arabic and Latin letters, digits, spaces and punctuation that
  // sits between words (never inside one), its words are exactly the runs of letters, digits and
  // marks; anything else (apostrophes, "U.S.", "2,254.5", other scripts, joiners) goes to ICU.
  // tests/arabic/reading-time.test.ts checks the two agree on generated text.
  return simpleWords(text) ?? segmenterWords(text);
}

/**
 * The fast path of countWords: the runs of letters, digits and marks in text that holds only
 * SIMPLE_TEXT and no JOINED_RUN, or undefined for any other text. One pass over the code units
 * with a table built from those two expressions (so the two cannot disagree), no allocation.
 * @example simpleWords("قال لافرنتييف: نعم") //=> 3
 * @example simpleWords("U.S.") //=> undefined
 */
export function simpleWords(text: string): number | undefined {
  const table = CLASSES;
  let words = 0;
  let inWord = false;
  // The last character was a letter, digit or mark; the last two were one of those and a joiner.
  let afterWordChar = false;
  let afterJoiner = false;
  for (let index = 0; index < text.length; index++) {
    const flags = table[text.charCodeAt(index)] ?? 0;
    // Surrogates are never simple here: astral text takes the expressions' own path.
    if (!(flags & SIMPLE)) return flags & SURROGATE ? regexWords(text) : undefined;
    if (flags & LETTER_OR_DIGIT) {
      if (afterJoiner) return undefined;
      if (!inWord) words += 1;
      inWord = true;
      afterWordChar = true;
      afterJoiner = false;
    } else if (flags & MARK) {
      afterWordChar = true;
      afterJoiner = false;
    } else {
      afterJoiner = afterWordChar && (flags & JOINER) !== 0;
      afterWordChar = false;
      inWord = false;
    }
  }
  return words;
}

/** Words as Intl.Segmenter counts them, in windows (its cost grows faster than the text). */
export function segmenterWords(text: string): number {
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

const WORD_SEGMENTER = new Intl.Segmenter("ar", { granularity: "word" });
const WINDOW = 4096;
// Arabic and Latin letters, their marks, ASCII and Arabic-Indic digits, white space, and the
// punctuation news copy puts between words; nothing ICU would join a word across, nothing ICU
// would treat as a word of its own (no other scripts, no emoji, no joiners or format marks:
// ICU skips those inside a word, so "قال\u200eقال" is one word).
const SIMPLE_TEXT =
  /^[\p{Script=Arabic}\p{Script=Latin}\p{M}0-9\s!-/:-@[-^`{-~\u00ab\u00bb\u2013\u2014\u2018-\u201d\u2026\u060c\u061b\u061f\u066a\u06d4]*$/u;
// A letter or digit, then a character ICU may join across (MidLetter, MidNum, MidNumLet,
// ExtendNumLet: ' . : , ; _ and Arabic ، ؍ ٫ ٬), then a letter or digit: "U.S.", "2,254".
const JOINER_CLASS = /['.:,;_\u060c\u060d\u066b\u066c\u2018\u2019\u2024\ufe52\uff07\uff0e]/u;
const JOINED_RUN = new RegExp(`[\\p{L}\\p{N}\\p{M}]${JOINER_CLASS.source}[\\p{L}\\p{N}]`, "u");
// A word: letters, digits and marks; a mark never starts one (ICU attaches it to what precedes).
const WORD_RUN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

// Flags of each UTF-16 code unit, for simpleWords.
const SIMPLE = 1;
const LETTER_OR_DIGIT = 2;
const MARK = 4;
const JOINER = 8;
const SURROGATE = 16;
const LETTER_OR_DIGIT_CLASS = /[\p{L}\p{N}]/u;
const MARK_CLASS = /\p{M}/u;
// Built once when the module loads (about 20 ms): a pure table, the same for every build.
const CLASSES = classifyCodeUnits();

function classifyCodeUnits(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) {
      table[code] = SURROGATE;
      continue;
    }
    const char = String.fromCharCode(code);
    if (!SIMPLE_TEXT.test(char)) continue;
    table[code] =
      SIMPLE |
      (LETTER_OR_DIGIT_CLASS.test(char) ? LETTER_OR_DIGIT : 0) |
      (MARK_CLASS.test(char) ? MARK : 0) |
      (JOINER_CLASS.test(char) ? JOINER : 0);
  }
  return table;
}

/** The expressions' own fast path, for text with characters beyond the BMP. */
function regexWords(text: string): number | undefined {
  if (!SIMPLE_TEXT.test(text) || JOINED_RUN.test(text)) return undefined;
  return text.match(WORD_RUN)?.length ?? 0;
}
