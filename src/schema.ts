// The article frontmatter schema, and the translation of its failures into editor-facing problems.

import leven from "leven";
import type { DateTime } from "luxon";
import { z } from "zod";
import { DateInputError, parseArticleDate } from "./dates.ts";
import type { Problem } from "./problems.ts";

/** Frontmatter after the schema: typed, trimmed, dates parsed in the site's zone. */
export type ArticleMeta = z.output<ReturnType<typeof createArticleSchema>>;

/** Keys that would let an article steer Eleventy (where it is written, how it is laid out). */
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

/** ASCII slug: lower-case letters and digits in hyphen-separated words. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Builds the schema for one site's zone (dates are read as calendar days there). Build it once
 * per build, not once per article.
 */
export function createArticleSchema(zone: string) {
  const text = (field: string) =>
    z
      .string({ error: `${field} must be text` })
      .transform((value) => value.trim())
      .refine((value) => stripInvisible(value).length > 0, { error: `${field} is empty` });
  const date = z.string({ error: DATE_HINT }).transform((value, context): DateTime => {
    try {
      return parseArticleDate(value, zone);
    } catch (error) {
      if (!(error instanceof DateInputError)) throw error;
      context.addIssue({ code: "custom", message: error.message });
      return z.NEVER;
    }
  });
  const httpUrl = z
    .string({ error: "must be an http(s) URL" })
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), {
      error: (issue) => `"${String(issue.input)}" is not an http(s) URL`,
    });
  return z.strictObject({
    title: text("the title").pipe(
      z.string().max(200, { error: "the title is over 200 characters" }),
    ),
    standfirst: text("the standfirst"),
    date,
    updated: date.optional(),
    dateline: text("the dateline").optional(),
    author: text("the author").optional(),
    slug: z
      .string({ error: "the slug must be text" })
      .regex(SLUG_PATTERN, {
        error: (issue) =>
          `"${String(issue.input)}" is not a slug (lower-case ASCII letters, digits and single hyphens, such as astana-20-final-round)`,
      })
      .max(80, { error: "the slug is over 80 characters" }),
    tags: z
      .array(text("a tag"), { error: "tags must be a list, such as [سوريا, تركيا]" })
      .default([]),
    source: z
      .strictObject(
        { name: text("the source name"), url: httpUrl.optional() },
        { error: "source must be a mapping with name (and url)" },
      )
      .optional(),
    lang: z
      .enum(KNOWN_LANGUAGES, { error: `lang must be one of ${KNOWN_LANGUAGES.join(", ")}` })
      .default("ar"),
    dir: z.enum(["rtl", "ltr"], { error: "dir must be rtl or ltr" }).optional(),
    draft: z.boolean({ error: "draft must be true or false" }).default(false),
  });
}

/**
 * Turns the schema's issues into problems naming the file, the line and the field, with a
 * "did you mean" for misspelt keys.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  lineOf: (path: readonly (string | number)[]) => number,
  knownKeys: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({
          file,
          line: lineOf([...path, key]),
          field: [...path, key].join("."),
          message: unknownKeyMessage(key, knownKeys),
        });
      }
      continue;
    }
    const field = path.map((part) => (typeof part === "number" ? `[${part}]` : part)).join(".");
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    problems.push({
      file,
      line: lineOf(path),
      field: field.replace(/\.\[/g, "["),
      message: missing ? "is required" : issue.message,
    });
  }
  return problems;
}

/**
 * The message for a key the schema does not know.
 * @example unknownKeyMessage("titel", ["title"]) //=> 'unknown field (did you mean "title"?)'
 */
export function unknownKeyMessage(key: string, knownKeys: readonly string[]): string {
  if ((BUILD_STEERING_KEYS as readonly string[]).includes(key) || key.startsWith("eleventy")) {
    return "steers the build and is not allowed in an article (the URL comes from the slug, the layout from the site)";
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of knownKeys) {
    const distance = leven(key.toLowerCase(), known.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  const close = best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3));
  return close
    ? `unknown field (did you mean "${best}"?)`
    : `unknown field (known: ${knownKeys.join(", ")})`;
}

/**
 * Text with format and invisible characters removed, to tell a blank title from a real one.
 * @example stripInvisible("\u200f\u200b ") //=> ""
 */
export function stripInvisible(value: string): string {
  return value.replace(/[\p{Cf}\p{Z}\s\u115f\u1160\u3164\uffa0]/gu, "");
}

const DATE_HINT = "expected YYYY-MM-DD, or an ISO 8601 date-time with offset";
