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

const ARABIC_INDIC_ZERO = 0x0660;
