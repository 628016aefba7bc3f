// Arabic's one-letter prefixes (و ب ل ف ك) written straight onto a quoted word: و"الراعي".

/**
 * Where running text has a one-letter prefix (و ب ل ف ك; after و or ف, also ب ل ك: وب، فل…)
 * written on its own, with its marks, straight before a quotation mark, as [start, end) offsets
 * of the prefix. Arabic joins these to the next word, a quoted one too: «و"الراعي"» is "and
 * «al-Ra'i»", so the quote opens a word although a letter stands before it. The last letter of
 * a longer word before a quote (أبو"…") is not a prefix.
 * @example quotedProclitics('معبري "باب السلامة" و"الراعي"') //=> [[20, 21]]
 * @example quotedProclitics('إشارة ب"ضرورة" ولـ"مواصلة"') //=> [[6, 7], [15, 18]]
 */
export function quotedProclitics(text: string): [number, number][] {
  if (!/["']/.test(text)) return [];
  return [...text.matchAll(PROCLITIC_BEFORE_QUOTE)].map((match) => [
    match.index,
    match.index + match[0].length,
  ]);
}

// Not after a letter, mark or digit; one prefix, or و/ف and one of ب ل ك, each with its marks
// (harakat, shadda: وَ"…") and a tatweel (لـ"…"); then a straight quote that opens a word (a letter or digit after it, or
// the end of the text, where markup may follow: و"**الراعي**").
const PROCLITIC_BEFORE_QUOTE =
  /(?<![\p{L}\p{M}\p{N}])(?:[وف]\p{M}*[بلك]|[وبلفك])[\p{M}\u0640]*(?=["'](?:[\p{L}\p{N}]|$))/gu;
