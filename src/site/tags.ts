// Tags: one spelling per tag (NFC, no invisible marks), and a stable, unique, never-empty ASCII URL slug for each.

import { createHash } from "node:crypto";
import transliterate from "@sindresorhus/transliterate";
import { normalizeTag } from "../content/unicode.ts";

/**
 * The form a tag is shown, grouped and addressed by (the schema already gives articles' tags in
 * it): Unicode NFC, spaces collapsed, direction marks and stretching tatweel removed, so the same
 * word typed on two keyboards is one tag (src/content/unicode.ts, normalizeTag).
 * @example tagName(" الشرق   الأوسط\u200f ") //=> "الشرق الأوسط"
 */
export function tagName(tag: string): string {
  return normalizeTag(tag);
}

/**
 * The tag's URL slug: a readable transliteration (lower-case ASCII, at most 40 characters)
 * followed by the first 8 hex digits of the SHA-256 of the tag's NFC name. The hash makes
 * slugs unique (transliteration drops vowels and hamza forms, so تركيا and تركية could meet)
 * and stable (a tag's slug never depends on the other tags); the transliteration keeps the URL
 * readable. A tag with nothing to transliterate gets "tag-" before its hash.
 * @example tagSlug("سوريا") //=> "swrya-cf3be6cf"
 */
export function tagSlug(tag: string): string {
  const name = tagName(tag);
  const readable = transliterate(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_READABLE)
    .replace(/^-+|-+$/g, "");
  const hash = createHash("sha256").update(name, "utf8").digest("hex").slice(0, HASH_DIGITS);
  return `${readable || "tag"}-${hash}`;
}

/**
 * The site-relative path of a tag's first page.
 * @example tagPath("COVID-19") //=> "/tags/covid-19-caf96d0a/"
 */
export function tagPath(tag: string): string {
  return `/tags/${tagSlug(tag)}/`;
}

// ---------------------------------------------------------------------------------------------
// Internals

const MAX_READABLE = 40;
const HASH_DIGITS = 8;
