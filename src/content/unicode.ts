// Characters that can disguise or corrupt text: controls, noncharacters, bidi overrides, zero-width characters; and the one spelling of a tag.

import type { Message } from "./problems.ts";

/**
 * Characters refused in titles, frontmatter text, slugs and URLs, by name. Bidi embeddings,
 * overrides and isolates reorder what a reader sees (the "Trojan Source" trick,
 * CVE-2021-42574), and zero-width characters make two strings that look identical differ. The
 * marks a writer needs, LRM (U+200E), RLM (U+200F) and ALM (U+061C), stay allowed: see UAX #9
 * and W3C alreq. Control characters, noncharacters and lone surrogates are refused too (see
 * findHiddenControl), named by their class.
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
 * Names the first hidden or control character in a text by its code point, or returns
 * undefined when there is none. Besides HIDDEN_CONTROLS: C0 controls but tab and newline, DEL,
 * C1 controls (a YAML escape such as "\0", "\x01" or "\e" makes them, although a file holding
 * them raw is refused), noncharacters (U+FFFE …) and lone surrogates ("\uD800"). HTML cannot
 * carry any of them: https://html.spec.whatwg.org/#preprocessing-the-input-stream
 * @example findHiddenControl("abc\u202edef") //=> "U+202E RIGHT-TO-LEFT OVERRIDE"
 * @example findHiddenControl("\u001b[31m") //=> "U+001B CONTROL CHARACTER"
 * @example findHiddenControl("قال\u200f ok") //=> undefined
 */
export function findHiddenControl(text: string): string | undefined {
  const found = HIDDEN.exec(text);
  return found ? describeCharacter(found[0]) : undefined;
}

/**
 * A tag as it is shown, grouped and addressed: Unicode NFC, spaces collapsed, the invisible
 * marks that only steer direction or hyphenation removed (LRM, RLM, ALM, soft hyphen, the
 * invisible operators), and tatweel (ـ) dropped where it only stretches a joined letter (before
 * a letter): "سوريا", "سوريا\u200f", "سـوريا" and their NFD forms are one tag. A tatweel that
 * ends a word is kept, as it gives the letter its form ("هـ", the Hijri year's sign).
 * @example normalizeTag(" الشرق   الأوسط\u200f ") //=> "الشرق الأوسط"
 * @example normalizeTag("ســوريا") //=> "سوريا"
 */
export function normalizeTag(tag: string): string {
  return tag
    .normalize("NFC")
    .replace(INVISIBLE_MARKS, "")
    .replace(STRETCHING_TATWEEL, "")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * The message for a frontmatter key or text value holding a character findHiddenControl names.
 * @example hiddenCharacterMessage("U+0001 CONTROL CHARACTER", false).en
 * //=> "contains U+0001 CONTROL CHARACTER, an invisible or control character that cannot be published (a YAML escape such as \"\\x01\" writes one): delete it"
 */
export function hiddenCharacterMessage(character: string, key: boolean): Message {
  return key
    ? {
        en: `a key contains ${character}, an invisible or control character: type the key again`,
        ar: `أحد المفاتيح يحتوي على ${character}، وهو محرف خفي أو محرف تحكم: اكتب المفتاح من جديد`,
      }
    : {
        en: `contains ${character}, an invisible or control character that cannot be published (a YAML escape such as "\\x01" writes one): delete it`,
        ar: `يحتوي على ${character}، وهو محرف خفي أو محرف تحكم لا يمكن نشره (قد يكتبه رمز هروب في YAML مثل "\\x01"): احذفه`,
      };
}

// ---------------------------------------------------------------------------------------------
// Internals

const CONTROLS = "\\0-\\x08\\x0b-\\x1f\\x7f-\\x9f";
const NAMED = Object.keys(HIDDEN_CONTROLS)
  .map((code) => `\\u{${Number(code).toString(16)}}`)
  .join("");
const HIDDEN_SOURCE = `[${CONTROLS}${NAMED}\\p{Noncharacter_Code_Point}\\p{Cs}]`;
const HIDDEN = new RegExp(HIDDEN_SOURCE, "u");
const INVISIBLE_MARKS = /[\u200e\u200f\u061c\u00ad\u2061-\u2064]/gu;
const STRETCHING_TATWEEL = /\u0640+(?=\p{L})/gu;

function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const name =
    HIDDEN_CONTROLS[code] ??
    (code >= 0xd800 && code <= 0xdfff
      ? "LONE SURROGATE"
      : code <= 0x9f
        ? "CONTROL CHARACTER"
        : "NONCHARACTER");
  return `${codePoint(char)} ${name}`;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
