// Invisible characters that can disguise text: bidi embeddings, overrides, isolates and zero-width characters.

/**
 * Characters refused in titles, frontmatter text, slugs and URLs. Bidi embeddings, overrides
 * and isolates reorder what a reader sees (the "Trojan Source" trick, CVE-2021-42574), and
 * zero-width characters make two strings that look identical differ. The marks a writer needs,
 * LRM (U+200E), RLM (U+200F) and ALM (U+061C), stay allowed: see UAX #9 and W3C alreq.
 */
export const HIDDEN_CONTROLS: Readonly<Record<number, string>> = {
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x2060: "WORD JOINER",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE",
  0x180e: "MONGOLIAN VOWEL SEPARATOR",
};

/**
 * Names the first hidden control in a text, or returns undefined when there is none.
 * @example findHiddenControl("abc\u202edef") //=> "U+202E RIGHT-TO-LEFT OVERRIDE"
 * @example findHiddenControl("قال\u200f ok") //=> undefined
 */
export function findHiddenControl(text: string): string | undefined {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const name = HIDDEN_CONTROLS[code];
    if (name) return `U+${code.toString(16).toUpperCase().padStart(4, "0")} ${name}`;
  }
  return undefined;
}
