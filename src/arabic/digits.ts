// Digit shaping: Latin digits as the source writes them, or Arabic-Indic by choice.

export const DIGIT_STYLES = ["latn", "arab"] as const;
/** `latn`: 0123456789; `arab`: Arabic-Indic ٠١٢٣٤٥٦٧٨٩ (Unicode's `arab` numbering system). */
export type DigitStyle = (typeof DIGIT_STYLES)[number];

/**
 * Writes the ASCII digits of a string in the chosen style; everything else is left alone.
 * @example localizeDigits("21 يونيو 2023", "arab") //=> "٢١ يونيو ٢٠٢٣"
 */
export function localizeDigits(text: string, style: DigitStyle): string {
  if (style === "latn") return text;
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(digit)));
}

/**
 * Writes every digit of a string, Latin, Arabic-Indic or Persian, in one style: what the search
 * page does to a query, so that 2023, ٢٠٢٣ and ۲۰۲۳ all find the digits the site wrote.
 * @example anyDigitsAs("عام ٢٠٢٣", "latn") //=> "عام 2023"
 * @example anyDigitsAs("۲۰۲۳ و2024", "arab") //=> "٢٠٢٣ و٢٠٢٤"
 */
export function anyDigitsAs(text: string, style: DigitStyle): string {
  const latin = text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO));
  });
  return localizeDigits(latin, style);
}

/**
 * Where running text has a number whose reading depends on its direction, as [start, end)
 * offsets: a sign before it (-0.5, +0.1, −3), a range (10–20, 2020-2023) or a percentage (5%,
 * 5.5 %). Inside Arabic text the Unicode bidirectional algorithm moves a leading sign to the
 * other side ("0.5-") and shows a range with an en dash right to left but one with a hyphen left
 * to right (UAX #9, rules W4–W6 and N1); isolated left to right, each reads as it was typed. A
 * hyphen after a word (COVID-19, كوفيد-19) is a hyphen, not a sign.
 * @example directionalNumbers("تراجع -0.5 ثم 10–20 و5%") //=> [[6, 10], [14, 19], [21, 23]]
 */
export function directionalNumbers(text: string): [number, number][] {
  if (!/[0-9]/.test(text)) return [];
  const runs: [number, number][] = [];
  for (const match of text.matchAll(NUMBER_EXPRESSION)) {
    const [whole, sign, , range, percent] = match;
    // After a word a hyphen joins it to a number (the number alone may still need isolating);
    // after a lone و ب ل ف ك, Arabic's one-letter prefixes, it is a sign: "و-2%".
    const joined = sign === "-" && joinsWord(text, match.index);
    if ((sign && !joined) || range || percent)
      runs.push([match.index + (joined ? 1 : 0), match.index + whole.length]);
  }
  return runs;
}

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

function joinsWord(text: string, hyphen: number): boolean {
  const before = text.charAt(hyphen - 1);
  if (!/\p{L}/u.test(before)) return false;
  return !("وبلفك".includes(before) && !/\p{L}/u.test(text.charAt(hyphen - 2)));
}

// An optional sign, digits with . or , groups, an optional %, then any number of "–" or "-"
// and another such number (ranges, and ISO dates as one run). Not after a Latin letter or a digit (Arabic
// writes و, ب, ل before a number: و5%).
const NUMBER_EXPRESSION =
  /(?<![A-Za-z0-9.,])([+\-\u2212])?(\d+(?:[.,]\d+)*)((?: ?[\u2013\u2014-] ?[+\-\u2212]?\d+(?:[.,]\d+)*%?)+)?( ?%)?/gu;
