// Font subsetting: the characters a site shows, and the self-hosted face cut down to them (HarfBuzz's hb-subset).

import path from "node:path";
import type { Content } from "../content/article.ts";
import { localizeDigits } from "../arabic/digits.ts";
import { READING_TIME_FORMS } from "../arabic/reading-time.ts";
import { ZONE_CITIES } from "../arabic/times.ts";
import { distinctCharacters } from "../content/characters.ts";
import { CACHE_ROOT, packageVersion, readCacheFile, writeCacheFile } from "./disk-cache.ts";
import { searchTextStrings } from "./search-text.ts";
import { contentHash } from "./styles.ts";
import type { Woff2Lock } from "./woff2-lock.ts";

/**
 * Text the templates write themselves, beside what comes from content/. Only characters beyond
 * the plain alphabet below matter (the plus sign of «غرينتش+3»), but the strings are kept
 * whole so they are easy to check against the templates; a test compares every built page
 * with the subset, so a template string missing here fails the suite.
 */
export const TEMPLATE_TEXT: readonly string[] = [
  "انتقل إلى المحتوى",
  "الموافق",
  "آخر تحديث:",
  "بتوقيت غرينتش+-",
  ...Object.values(ZONE_CITIES),
  "المصدر:",
  "الوسوم",
  "آخر الأخبار",
  "لا مقالات منشورة بعد.",
  "الصفحة غير موجودة",
  "لم نعثر على الصفحة المطلوبة.",
  "ربما نُقلت الصفحة أو حُذفت، أو أن الرابط غير صحيح.",
  "العودة إلى الصفحة الرئيسية لـ",
  "هـ",
  " · ",
  ...Object.values(READING_TIME_FORMS),
  ...searchTextStrings(),
];

/**
 * Always kept, whatever the content: the letters of the basic Arabic alphabet (U+0621–U+064A)
 * and Arabic punctuation. They cost about 1 KB a face, and a new template string or date word
 * then never falls back to a system font halfway through a line.
 */
export const ARABIC_ALPHABET: string = String.fromCodePoint(
  ...range(0x0621, 0x064a),
  0x060c, // ، comma
  0x061b, // ؛ semicolon
  0x061f, // ؟ question mark
  0x0640, // ـ tatweel
);

/**
 * Always kept in the Latin faces: the punctuation and signs that numbers, dates and lists use
 * beside Arabic text (a few hundred bytes a face), so a template's separator or a sign in a new
 * article's figure is not the one glyph drawn in a system face.
 */
export const LATIN_PUNCTUATION = " .,:;!?()[]/%+-–—«»“”‘’·|";

/**
 * What the preview's subsets keep besides the site's own characters: Basic Latin letters, both
 * digit styles, Arabic diacritics and the common signs. A font subset's name follows its
 * characters and every page links it, so an edit bringing the site's first "G20" or «٢٠٢٣» would
 * otherwise make the preview rewrite every page (35 s at 4,000 articles) instead of one. A build
 * keeps only what its site shows.
 * @example siteText(content) + PREVIEW_TEXT // the preview's font text
 */
export const PREVIEW_TEXT: string = String.fromCodePoint(
  ...range(0x41, 0x5a), // A–Z
  ...range(0x61, 0x7a), // a–z
  ...range(0x30, 0x39), // 0–9
  ...range(0x0660, 0x0669), // ٠–٩
  ...range(0x064b, 0x0652), // fathatan … sukun
  ...range(0x21, 0x2f), // ! " # $ % & ' ( ) * + , - . /
  ...range(0x3a, 0x40), // : ; < = > ? @
  0x5f, // _
  0x2026, // …
  0x20ac, // €
  0xa3, // £
);

/**
 * Every character a built site can show: all text of every article (whatever its fields), the
 * site's name and description, the template strings, the digits in the site's style, the
 * Arabic alphabet and the Latin punctuation. Sorted and deduplicated, so the same content always
 * gives the same string.
 * @example siteText(content).includes("أ") //=> true
 */
export function siteText(content: {
  site: Pick<Content["site"], "name" | "description" | "digits">;
  articles: readonly object[];
}): string {
  const parts: string[] = [
    content.site.name,
    content.site.description,
    ...TEMPLATE_TEXT,
    ARABIC_ALPHABET,
    LATIN_PUNCTUATION,
    localizeDigits("0123456789", content.site.digits),
  ];
  for (const article of content.articles) {
    // An article's body comes with its characters, gathered when it was rendered (the text its
    // HTML shows): scanning the markup again would cost a tenth of a second per 1,000 articles.
    const { html, ...fields } = article as { html?: unknown; characters?: unknown };
    collectStrings(typeof fields.characters === "string" ? fields : article, parts);
  }
  return distinctCharacters(parts);
}

/**
 * The face cut down to the glyphs `text` needs, as WOFF2. HarfBuzz keeps every layout feature
 * and follows GSUB closure, so initial, medial, final and ligature forms of the kept letters
 * stay, and Arabic still joins. Same font and text give the same bytes. Cutting and compressing
 * a face costs about half a second, so subsets are kept on disk
 * (`node_modules/.cache/sahifa/fonts/`, keyed by the font, the text and the subsetter's
 * versions), where the next build finds them; a dev session also keeps its last assets while
 * the site's characters stay the same (src/build/plugin.ts).
 * @example (await subsetWoff2(naskh, "صحيفة")).length //=> a few KB
 */
export async function subsetWoff2(
  font: Uint8Array,
  text: string,
  options: { woff2: Woff2Lock; cacheDir?: string },
): Promise<Uint8Array> {
  const fontKey = contentHash(font);
  const file = path.join(
    options.cacheDir ?? path.join(CACHE_ROOT, "fonts"),
    `${fontKey}.${contentHash(`${text}\n${SUBSETTER_VERSIONS}`)}.woff2`,
  );
  const stored = await readCacheFile(file);
  if (stored && isWholeWoff2(stored)) return new Uint8Array(stored);
  const { default: subsetFont } = await import("subset-font");
  // Copied before the next use of wawoff2 (inside subset-font) may reuse its memory.
  const bytes = await options.woff2(
    async () =>
      new Uint8Array(await subsetFont(Buffer.from(font), text, { targetFormat: "woff2" })),
  );
  await writeCacheFile(file, bytes);
  return bytes;
}

/**
 * Whether bytes are a complete WOFF2 file: its signature, and the length its header records (a
 * cache file cut short by a full disk is not served as a font).
 * @example isWholeWoff2(new Uint8Array([0x77, 0x4f, 0x46, 0x32])) //=> false
 */
export function isWholeWoff2(bytes: Uint8Array): boolean {
  if (bytes.length < 48) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(0) === 0x774f4632 && view.getUint32(8) === bytes.length;
}

// ---------------------------------------------------------------------------------------------
// Internals

// What else decides a subset's bytes: the subsetter (HarfBuzz) and the WOFF2 encoder.
const SUBSETTER_VERSIONS = ["subset-font", "harfbuzzjs", "wawoff2"]
  .map((name) => `${name}@${packageVersion(name)}`)
  .join(" ");

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === "string") {
    into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into);
  } else if (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    // Plain records only: a luxon DateTime carries zone and locale names, never page text
    // (dates are written by the date formatters, from the alphabet above).
    for (const [key, item] of Object.entries(value)) {
      if (!NEVER_DRAWN.has(key)) collectStrings(item, into);
    }
  }
}

/**
 * Fields that are never drawn as text: the source file's path (wherever the build machine keeps
 * content/), the URL path and slug, and a photo's file name and field. Left out, or the Latin
 * faces, and every page naming them, would change with the folder or a photo's file name.
 */
const NEVER_DRAWN: ReadonlySet<string> = new Set(["file", "path", "slug", "src", "field"]);

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
