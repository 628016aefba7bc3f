// The article frontmatter schema, and the translation of its failures into editor-facing problems.

import leven from "leven";
import type { DateTime } from "luxon";
import { z } from "zod";
import { DateInputError, parseArticleDate } from "../arabic/dates.ts";
import type { Message, Problem } from "./problems.ts";
import { findHiddenControl, normalizeTag } from "./unicode.ts";

/** Frontmatter after the schema: typed, trimmed, dates parsed in the site's zone. */
export type ArticleMeta = z.output<ReturnType<typeof createArticleSchema>>;

/**
 * Keys that would let an article steer Eleventy (where it is written, how it is laid out).
 * Any key starting with "eleventy" is refused as well.
 */
export const BUILD_STEERING_KEYS = [
  "permalink",
  "layout",
  "eleventyComputed",
  "pagination",
  "tags_collection",
  "templateEngineOverride",
  "dynamicPermalink",
  "permalinkBypassOutputDir",
] as const;

/** Languages an article or passage may declare. */
export const KNOWN_LANGUAGES = [
  "ar",
  "en",
  "fr",
  "tr",
  "ru",
  "fa",
  "ku",
  "he",
  "de",
  "es",
] as const;

/** Text directions an article may declare. */
export const DIRECTIONS = ["rtl", "ltr"] as const;

/** ASCII slug: lower-case letters and digits in hyphen-separated words. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest slug and title accepted. */
export const MAX_SLUG_LENGTH = 80;
export const MAX_TITLE_LENGTH = 200;

/**
 * The most tags one article may have. Each tag is a listing with its own pages, so a list
 * without a bound is a way to make a build write without bound (100,000 tags made 100,007
 * pages and took 2 GB); a wire story carries five or so, and a newsroom's most tagged article a
 * dozen or two.
 */
export const MAX_TAGS = 30;

/** Fields of `source:`, for "did you mean" inside it. */
export const SOURCE_FIELDS = ["name", "url"] as const;

/** Fields of `image:` (the share image), likewise. */
export const IMAGE_FIELDS = ["src", "alt", "width", "height"] as const;

/**
 * Builds the schema for one site's zone (dates are read as calendar days there). Build it once
 * per build, not once per article. Messages never repeat the field's name: the report puts it
 * in front (`date: "2023-02-30" is not a real day …`).
 */
export function createArticleSchema(zone: string) {
  const date = z
    .string({ error: (issue) => notADate(issue.input) })
    .transform((value, context): DateTime => {
      try {
        return parseArticleDate(value, zone);
      } catch (error) {
        if (!(error instanceof DateInputError)) throw error;
        context.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
    });
  const httpUrl = z.string({ error: mustBeText }).refine(isHttpUrl, {
    error: (issue) =>
      `${show(issue.input)} is not an http(s) URL (write it in full, such as https://example.org/page)`,
  });
  // The share image: an http(s) URL, or a path on this site ("/media/x.jpg").
  const imageSource = z
    .string({ error: mustBeText })
    .refine((value) => /^\/(?!\/)\S*$/.test(value) || isHttpUrl(value), {
      error: (issue) =>
        `${show(issue.input)} is not an http(s) URL or a path on this site such as /media/photo.jpg`,
    });
  const pixels = z
    .number({ error: (issue) => `${show(issue.input)} is not a number of pixels` })
    .int({ error: "must be a whole number of pixels" })
    .positive({ error: "must be positive" });
  return z
    .strictObject({
      title: text().pipe(
        z.string().max(MAX_TITLE_LENGTH, { error: `is over ${MAX_TITLE_LENGTH} characters` }),
      ),
      standfirst: text(),
      date,
      updated: date.optional(),
      dateline: text().optional(),
      author: text().optional(),
      slug: z
        .string({ error: mustBeText })
        .regex(SLUG_PATTERN, { error: (issue) => notASlug(String(issue.input)) })
        .max(MAX_SLUG_LENGTH, { error: `is over ${MAX_SLUG_LENGTH} characters` }),
      tags: z
        .array(text(), { error: "must be a list, such as [سوريا, تركيا]" })
        .transform(uniqueTags)
        .default([]),
      source: z
        .strictObject(
          { name: text(), url: httpUrl.optional() },
          {
            error: "must be a mapping with name (and url), such as {name: وكالات, url: https://…}",
          },
        )
        .optional(),
      image: z
        .strictObject(
          { src: imageSource, alt: text(), width: pixels, height: pixels },
          { error: "must be a mapping with src, alt, width and height" },
        )
        .optional(),
      section: text().optional(),
      lang: z
        .enum(KNOWN_LANGUAGES, {
          error: (issue) =>
            `${show(issue.input)} is not a known language (use one of ${KNOWN_LANGUAGES.join(", ")})`,
        })
        .default("ar"),
      dir: z
        .enum(DIRECTIONS, {
          error: (issue) => `${show(issue.input)} is not a direction (use rtl or ltr)`,
        })
        .optional(),
      draft: z
        .boolean({ error: (issue) => `${show(issue.input)} is not true or false` })
        .default(false),
    })
    .superRefine((meta, context) => {
      if (meta.updated && meta.updated.toMillis() < meta.date.toMillis()) {
        context.addIssue({
          code: "custom",
          path: ["updated"],
          message: "is before date (an update follows publication)",
        });
      }
    });
}

/**
 * Turns the schema's issues into problems naming the file, the line and the field, with a
 * "did you mean" for misspelt keys. `data` is the parsed YAML the issues are about: a field
 * absent from it is "required", one present but wrong gets the schema's message.
 * @example describeIssues(issues, "a.md", lineOf, data, { "": ["title"] })
 * //=> [{ file: "a.md", line: 2, field: "titel", message: 'unknown field (did you mean "title"?)' }]
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  lineOf: (path: readonly (string | number)[]) => number,
  data: unknown,
  knownKeys: Readonly<Record<string, readonly string[]>>,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({
          file,
          line: lineOf([...path, key]),
          field: fieldName([...path, key]),
          message: unknownKeyMessage(key, knownKeys[path.join(".")] ?? []),
        });
      }
      continue;
    }
    const value = valueAt(data, path);
    const missing = issue.code === "invalid_type" && value === undefined;
    problems.push({
      file,
      line: lineOf(path),
      field: fieldName(path),
      message: missing ? "is required" : value === null ? "is empty" : messageOf(issue),
    });
  }
  return problems;
}

/**
 * A check's own message in both languages (given as `params: { message }`), else zod's text.
 * @example messageOf({ code: "custom", params: { message: { en: "…", ar: "…" } }, … }) //=> { en: "…", ar: "…" }
 */
export function messageOf(issue: z.core.$ZodIssue): Message | string {
  const own: unknown = issue.code === "custom" ? issue.params?.["message"] : undefined;
  const isMessage = (value: unknown): value is Message =>
    typeof value === "object" && value !== null && "en" in value && "ar" in value;
  return isMessage(own) ? own : issue.message;
}

/**
 * The message for a key the schema does not know.
 * @example unknownKeyMessage("titel", ["title"]) //=> 'unknown field (did you mean "title"?)'
 */
export function unknownKeyMessage(key: string, knownKeys: readonly string[]): string {
  const lower = key.toLowerCase();
  if (STEERING.has(lower) || lower.startsWith("eleventy")) {
    return "steers the build and is not allowed in an article (the URL comes from the slug, the layout from the site)";
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of knownKeys) {
    const distance = leven(lower, known.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  const close = best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3));
  return close
    ? `unknown field (did you mean "${best}"?)`
    : `unknown field (known: ${knownKeys.join(", ")})`;
}

/**
 * Whether a text shows anything: a character that is not a format, space or blank character,
 * to tell a blank title (or body) from a real one. Stops at the first visible character.
 * @example hasVisibleText("\u200f\u200b ") //=> false
 */
export function hasVisibleText(value: string): boolean {
  return VISIBLE.test(value);
}

/**
 * Whether a URL is absolute http or https, the only schemes a source link may use.
 * @example isHttpUrl("javascript:alert(1)") //=> false
 */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+/i.test(value) && URL.canParse(value) && !findHiddenControl(value);
}

// ---------------------------------------------------------------------------------------------
// Internals

const DATE_HINT = "expected YYYY-MM-DD, or an ISO 8601 date-time with offset";
const STEERING: ReadonlySet<string> = new Set(BUILD_STEERING_KEYS.map((key) => key.toLowerCase()));
// Any character but the invisible ones: format characters (Cf: ZWSP, ZWJ, RLM, BOM …),
// separators, and the blank letters and marks that render as nothing: combining grapheme joiner, Hangul fillers, Khmer inherent vowels,
// Mongolian vowel separator, braille blank.
const VISIBLE = /[^\p{Cf}\p{Z}\s\u034f\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0]/u;

/** Trimmed text that must hold at least one visible character and no hidden control. */
function text() {
  return z
    .string({ error: mustBeText })
    .transform((value) => value.trim())
    .refine(hasVisibleText, {
      error: "is empty (or only invisible characters)",
      abort: true,
    })
    .superRefine(refuseHiddenControls);
}

/** Refuses bidi overrides, isolates and zero-width characters (src/content/unicode.ts says why). */
function refuseHiddenControls(value: string, context: z.RefinementCtx): void {
  const hidden = findHiddenControl(value);
  if (hidden) {
    context.addIssue({
      code: "custom",
      message: `contains the invisible character ${hidden}, which can disguise text: delete it (LRM, RLM and ALM are allowed)`,
    });
  }
}

/** Tags in their one spelling (normalizeTag), each once, in the order first written. */
function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normalizeTag))];
}

function mustBeText(issue: { input?: unknown }): string {
  const input = issue.input;
  if (typeof input === "number" || typeof input === "boolean") {
    return `must be text: put ${String(input)} in quotes ("${String(input)}")`;
  }
  return Array.isArray(input) ? "must be text, not a list" : "must be text";
}

function notADate(input: unknown): string {
  return input instanceof Object
    ? `is not a date (${DATE_HINT})`
    : `${show(input)} is not a date (${DATE_HINT})`;
}

function notASlug(slug: string): string {
  const hidden = findHiddenControl(slug);
  if (hidden) return `${show(slug)} contains the invisible character ${hidden}: delete it`;
  // Presentation forms and full-width letters fold to ASCII under NFKC: suggest that spelling.
  const folded = slug.normalize("NFKC").toLowerCase();
  const hint = SLUG_PATTERN.test(folded) ? ` (did you mean "${folded}"?)` : "";
  return `${show(slug)} is not a slug (lower-case ASCII letters, digits and single hyphens, such as astana-20-final-round)${hint}`;
}

function show(input: unknown): string {
  return typeof input === "string" ? JSON.stringify(input) : String(input);
}

/**
 * A field's path as the report names it.
 * @example fieldName(["tags", 1]) //=> "tags[1]"
 */
export function fieldName(path: readonly (string | number)[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : index > 0 ? `.${part}` : part))
    .join("");
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}
