// Arabic letters folded to one spelling, for comparing names as a reader would (not for display).

/**
 * A name folded so that spellings a reader takes for the same name compare equal: Unicode NFKC,
 * diacritics (harakat, shadda, sukun, dagger alif), tatweel and direction marks removed, hamza
 * forms of alif (أ إ آ ٱ) as ا, ؤ as و, ئ as ي, alif maqsura ى as ي, taa marbuta ة as ه,
 * Persian and Urdu yeh and kaf (ی ک) as ي ك, Latin letters lower-cased, spaces collapsed.
 * For comparisons only ("did you mean"): the name is always shown as the editor wrote it.
 * @example foldArabic("أحمد الخطيب") === foldArabic("احمد الخطيب") //=> true
 * @example foldArabic("فاطِمَة  عليّ") //=> "فاطمه علي"
 * @example foldArabic("مُصطفى") //=> "مصطفي"
 */
export function foldArabic(text: string): string {
  return text
    .normalize("NFKC")
    .replace(MARKS, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ؤ/g, "و")
    .replace(/[ئىی]/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ک/g, "ك")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The form two spellings of one name share, for telling whether a byline names a listed author:
 * NFKC, lower case, diacritics, tatweel and direction marks removed, and every run of
 * characters that are not letters or digits (of any script) as one space. Unlike `foldArabic`
 * it keeps the letters as written: أحمد and احمد may be two people.
 * @example nameKey(" مُحمّد   (مراسل) ") //=> "محمد مراسل"
 * @example nameKey("Reuters / AFP") //=> "reuters afp"
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Internals

// Harakat, tanwin, shadda, sukun and the other Arabic marks (U+064B–U+065F), dagger alif
// (U+0670), tatweel (U+0640), Quranic marks (U+06D6–U+06ED), and the direction marks LRM, RLM
// and ALM (U+200E, U+200F, U+061C).
const MARKS = /[\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200e\u200f\u061c]/g;
