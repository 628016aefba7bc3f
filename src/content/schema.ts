// The article frontmatter schema, and the translation of its failures into editor-facing problems.

import leven from "leven";
import type { DateTime } from "luxon";
import { z } from "zod";
import { DateInputError, parseArticleDate, type DateInputReason } from "../arabic/dates.ts";
import { photoSourceProblem } from "./photo-source.ts";
import { quoteValue, type Message, type Problem } from "./problems.ts";
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

/**
 * The most bylines one article may carry: each is an author page and a JSON-LD Person, and a
 * story signed by more than ten people is signed by a desk.
 */
export const MAX_BYLINES = 10;

/** Fields of `source:`, for "did you mean" inside it. */
export const SOURCE_FIELDS = ["name", "url"] as const;

/** Fields of `image:` (the lead photo), likewise; width and height are read from the file now. */
export const IMAGE_FIELDS = [
  "src",
  "alt",
  "caption",
  "credit",
  "decorative",
  "width",
  "height",
] as const;

/**
 * Builds the schema for one site's zone (dates are read as calendar days there). Build it once
 * per build, not once per article. The schema's own checks carry no words: `describeIssues`
 * says what went wrong from zod's issue (its code, bounds and the value in the file), and our
 * own checks pass their message, in both languages, as the issue's `params.message`.
 */
export function createArticleSchema(zone: string) {
  // Any value in, so that a number or a list gets a date's message, not a text's.
  const date = z.unknown().transform((value, context): DateTime => {
    if (typeof value !== "string") {
      context.addIssue(issue(notADate(value)));
      return z.NEVER;
    }
    try {
      return parseArticleDate(value, zone);
    } catch (error) {
      if (!(error instanceof DateInputError)) throw error;
      context.addIssue(issue(dateMessage(value, error.reason)));
      return z.NEVER;
    }
  });
  const httpUrl = z.string().superRefine((value, context) => {
    if (!isHttpUrl(value)) context.addIssue(issue(notAnHttpUrl(value)));
  });
  // The lead photo: a file in content/ ("/media/x.jpg", or "x.jpg" beside the article).
  const imageSource = z.string().superRefine((value, context) => {
    const problem = photoSourceProblem(value);
    if (problem) context.addIssue(issue(problem));
  });
  const pixels = z.number().int().positive();
  return z
    .strictObject({
      title: text().pipe(z.string().max(MAX_TITLE_LENGTH)),
      standfirst: text(),
      date,
      updated: date.optional(),
      dateline: text().optional(),
      // A name or a list of names; an Article's `authors` (src/content/authors.ts matches them).
      author: byline().optional(),
      slug: z
        .string()
        .superRefine((value, context) => {
          if (!SLUG_PATTERN.test(value)) context.addIssue(issue(notASlug(value)));
        })
        .pipe(z.string().max(MAX_SLUG_LENGTH)),
      tags: z.array(text()).transform(uniqueTags).default([]),
      source: z.strictObject({ name: text(), url: httpUrl.optional() }).optional(),
      image: z
        .strictObject({
          src: imageSource,
          alt: text().optional(),
          caption: text().optional(),
          credit: text().optional(),
          decorative: z.boolean().default(false),
          // Read from the file since photos are processed; still accepted, with a warning.
          width: pixels.optional(),
          height: pixels.optional(),
        })
        .superRefine((image, context) => {
          // Alt text is required; an image that says nothing is marked so in so many words.
          if (image.alt === undefined && !image.decorative)
            context.addIssue({ ...issue(MESSAGES.required), path: ["alt"] });
          if (image.alt !== undefined && image.decorative)
            context.addIssue({ ...issue(MESSAGES.decorativeWithAlt), path: ["decorative"] });
        })
        .optional(),
      section: text().optional(),
      lang: z.enum(KNOWN_LANGUAGES).default("ar"),
      dir: z.enum(DIRECTIONS).optional(),
      draft: z.boolean().default(false),
    })
    .superRefine((meta, context) => {
      if (meta.updated && meta.updated.toMillis() < meta.date.toMillis()) {
        context.addIssue({ ...issue(MESSAGES.updatedBeforeDate), path: ["updated"] });
      }
    });
}

/**
 * Turns the schema's issues into problems naming the file, the line and the field as written,
 * with a "did you mean" for misspelt keys. `data` is the parsed YAML the issues are about: a
 * field absent from it is "required", one present but wrong gets a message made from the issue
 * (zod's own English is never shown). `knownKeys` names the fields of each mapping.
 * @example describeIssues(issues, "a.md", lineOf, data, { "": ["title"] })
 * //=> [{ file: "a.md", line: 2, field: "titel", message: { en: 'unknown field (did you mean "title"?)', ar: … } }]
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  lineOf: (path: readonly (string | number)[]) => number,
  data: unknown,
  knownKeys: Readonly<Record<string, readonly string[]>>,
): Problem[] {
  const problems: Problem[] = [];
  for (const found of issues) {
    const path = found.path.filter((part): part is string | number => typeof part !== "symbol");
    if (found.code === "unrecognized_keys") {
      for (const key of found.keys) {
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
    problems.push({
      file,
      line: lineOf(path),
      field: fieldName(path),
      message:
        value === undefined
          ? MESSAGES.required
          : value === null
            ? MESSAGES.empty
            : issueMessage(found, value, knownKeys[path.join(".")]),
    });
  }
  return problems;
}

/**
 * The message for a key the schema does not know.
 * @example unknownKeyMessage("titel", ["title"]).en //=> 'unknown field (did you mean "title"?)'
 */
export function unknownKeyMessage(key: string, knownKeys: readonly string[]): Message {
  const lower = key.toLowerCase();
  if (STEERING.has(lower) || lower.startsWith("eleventy")) return MESSAGES.steersTheBuild;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of knownKeys) {
    const distance = leven(lower, known.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))) {
    const { en, ar } = quoteValue(best);
    return { en: `unknown field (did you mean ${en}?)`, ar: `حقل غير معروف (هل تقصد ${ar}؟)` };
  }
  return {
    en: `unknown field (known: ${knownKeys.join(", ")})`,
    ar: `حقل غير معروف (الحقول المعروفة: ${knownKeys.join("، ")})`,
  };
}

/**
 * A zod issue whose message is ours: what a `refine` or `addIssue` of ours passes.
 * @example context.addIssue(issue({ en: "is wrong", ar: "خطأ" }))
 */
export function issue(message: Message): { code: "custom"; params: { message: Message } } {
  return { code: "custom", params: { message } };
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

const STEERING: ReadonlySet<string> = new Set(BUILD_STEERING_KEYS.map((key) => key.toLowerCase()));
// Any character but the invisible ones: format characters (Cf: ZWSP, ZWJ, RLM, BOM …),
// separators, and the blank letters and marks that render as nothing: combining grapheme joiner, Hangul fillers, Khmer inherent vowels,
// Mongolian vowel separator, braille blank.
const VISIBLE = /[^\p{Cf}\p{Z}\s\u034f\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0]/u;

/** The schema's fixed messages; those that quote a value are the functions below. */
const MESSAGES = {
  required: { en: "is required", ar: "الحقل مطلوب" },
  decorativeWithAlt: {
    en: "a decorative photo has no alt text: delete alt, or delete decorative if the photo tells the reader something",
    ar: "الصورة الزخرفية بلا نص بديل: احذف alt، أو احذف decorative إن كانت الصورة تقول للقارئ شيئًا",
  },
  empty: { en: "is empty", ar: "الحقل فارغ" },
  blank: {
    en: "is empty (or only invisible characters)",
    ar: "الحقل فارغ (أو فيه محارف غير مرئية فقط)",
  },
  updatedBeforeDate: {
    en: "is before date (an update follows publication)",
    ar: "أقدم من date، والتحديث يأتي بعد النشر",
  },
  steersTheBuild: {
    en: "steers the build and is not allowed in an article (the URL comes from the slug, the layout from the site)",
    ar: "حقل يتحكم في البناء، ولا يُقبل في المقال (الرابط يؤخذ من slug، والتصميم من الموقع)",
  },
  dateHint: {
    en: "expected YYYY-MM-DD, or an ISO 8601 date-time with offset",
    ar: "اكتبه بالصيغة 2023-06-21، أو مع الوقت وفارق التوقيت: 2023-06-21T10:00:00+03:00",
  },
  notAccepted: { en: "is not accepted here", ar: "قيمة غير مقبولة هنا" },
  notAByline: {
    en: "must be a name, or a list of names such as [سارة الأحمد, رويترز]",
    ar: "يجب أن يكون اسمًا، أو قائمة أسماء مثل [سارة الأحمد, رويترز]",
  },
} as const satisfies Record<string, Message>;

/** Trimmed text that must hold at least one visible character and no hidden control. */
export function text() {
  return z
    .string()
    .transform((value) => value.trim())
    .refine(hasVisibleText, { params: { message: MESSAGES.blank }, abort: true })
    .superRefine(refuseHiddenControls);
}

/** A byline: a name or a list of at most MAX_BYLINES names, each once, in one spelling. */
function byline() {
  const one = text();
  const list = z.array(one).min(1).max(MAX_BYLINES);
  return z.unknown().transform((value, context): string[] => {
    if (typeof value !== "string" && !Array.isArray(value)) {
      context.addIssue(issue(MESSAGES.notAByline));
      return z.NEVER;
    }
    const result = (typeof value === "string" ? one : list).safeParse(value);
    if (!result.success) {
      for (const found of result.error.issues) context.addIssue({ ...found });
      return z.NEVER;
    }
    const names = typeof result.data === "string" ? [result.data] : result.data;
    return [...new Set(names.map(normalizeTag))];
  });
}

/** Refuses bidi overrides, isolates and zero-width characters (src/content/unicode.ts says why). */
function refuseHiddenControls(value: string, context: z.RefinementCtx): void {
  const hidden = findHiddenControl(value);
  if (hidden) {
    context.addIssue(
      issue({
        en: `contains the invisible character ${hidden}, which can disguise text: delete it (LRM, RLM and ALM are allowed)`,
        ar: `فيه المحرف غير المرئي ${hidden}، وقد يخفي حقيقة النص: احذفه (علامات الاتجاه LRM وRLM وALM مسموحة)`,
      }),
    );
  }
}

/** Tags in their one spelling (normalizeTag), each once, in the order first written. */
function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normalizeTag))];
}

/** Our message for a failed check: ours when we passed one, else made from the issue's code. */
function issueMessage(
  found: z.core.$ZodIssue,
  value: unknown,
  fields: readonly string[] | undefined,
): Message {
  const q = quoteValue(value);
  switch (found.code) {
    case "custom": {
      const message = (found.params as { message?: Message } | undefined)?.message;
      return message ?? MESSAGES.notAccepted;
    }
    case "invalid_type":
      return wrongType(found.expected, value, fields);
    case "invalid_value":
      return {
        en: `${q.en} is not one of: ${found.values.map(String).join(", ")}`,
        ar: `${q.ar} ليس من القيم المقبولة: ${found.values.map(String).join("، ")}`,
      };
    case "too_big":
      return tooBig(found.origin, Number(found.maximum), found.inclusive ?? true);
    case "too_small":
      return tooSmall(found.origin, Number(found.minimum), found.inclusive ?? true);
    case "invalid_format":
      return { en: `${q.en} is not in the expected form`, ar: `${q.ar} ليس بالصيغة المطلوبة` };
    default:
      return MESSAGES.notAccepted;
  }
}

function wrongType(
  expected: string,
  value: unknown,
  fields: readonly string[] | undefined,
): Message {
  const q = quoteValue(value);
  switch (expected) {
    case "string":
      if (typeof value === "number" || typeof value === "boolean") {
        const written = String(value);
        return {
          en: `must be text: put ${written} in quotes ("${written}")`,
          ar: `يجب أن يكون نصًا: ضع ${written} بين علامتي تنصيص هكذا "${written}"`,
        };
      }
      return Array.isArray(value)
        ? { en: "must be text, not a list", ar: "يجب أن يكون نصًا، لا قائمة" }
        : { en: "must be text", ar: "يجب أن يكون نصًا" };
    case "number":
      return { en: `${shape(value, q.en)} is not a number`, ar: `${shape(value, q.ar)} ليس رقمًا` };
    case "int":
      return { en: "must be a whole number", ar: "يجب أن يكون عددًا صحيحًا" };
    case "boolean":
      return {
        en: `${shape(value, q.en)} is not true or false`,
        ar: `يجب أن تكون القيمة true أو false، لا ${shape(value, q.ar)}`,
      };
    case "array":
      return {
        en: "must be a list, such as [سوريا, تركيا]",
        ar: "يجب أن يكون قائمة، مثل [سوريا, تركيا]",
      };
    case "object":
      return {
        en: `must be a mapping of fields (${(fields ?? []).join(", ")}), one "key: value" per line, indented under it`,
        ar: `يجب أن يكون مجموعة حقول (${(fields ?? []).join("، ")})، كل حقل في سطر «المفتاح: القيمة» بمسافة بادئة تحته`,
      };
    default:
      return MESSAGES.notAccepted;
  }
}

/** A value as a message shows it: quoted when it is text or a number, by kind when it is not. */
function shape(value: unknown, quoted: string): string {
  if (Array.isArray(value)) return "[…]";
  if (typeof value === "object" && value !== null) return "{…}";
  return quoted;
}

function tooBig(origin: string, maximum: number, inclusive: boolean): Message {
  if (origin === "string") {
    return { en: `is over ${maximum} characters`, ar: `أطول من ${maximum} حرفًا` };
  }
  if (origin === "array") {
    return { en: `has more than ${maximum} items`, ar: `فيه أكثر من ${maximum} عنصرًا` };
  }
  return inclusive
    ? { en: `must be at most ${maximum}`, ar: `يجب ألا يزيد على ${maximum}` }
    : { en: `must be less than ${maximum}`, ar: `يجب أن يقل عن ${maximum}` };
}

function tooSmall(origin: string, minimum: number, inclusive: boolean): Message {
  if (origin === "string" && minimum <= 1) return MESSAGES.empty;
  if (origin === "string") {
    return { en: `is under ${minimum} characters`, ar: `أقصر من ${minimum} حرفًا` };
  }
  if (origin === "array") {
    return { en: `has fewer than ${minimum} items`, ar: `فيه أقل من ${minimum} عنصرًا` };
  }
  return inclusive
    ? { en: `must be at least ${minimum}`, ar: `يجب ألا يقل عن ${minimum}` }
    : { en: `must be more than ${minimum}`, ar: `يجب أن يزيد على ${minimum}` };
}

function notADate(value: unknown): Message {
  if (typeof value === "object" && value !== null) {
    return {
      en: `is not a date (${MESSAGES.dateHint.en})`,
      ar: `ليس تاريخًا: ${MESSAGES.dateHint.ar}`,
    };
  }
  const q = quoteValue(value);
  return {
    en: `${q.en} is not a date (${MESSAGES.dateHint.en})`,
    ar: `${q.ar} ليس تاريخًا صحيحًا: ${MESSAGES.dateHint.ar}`,
  };
}

function dateMessage(value: string, reason: DateInputReason): Message {
  const q = quoteValue(value);
  switch (reason) {
    case "not-a-day":
      return {
        en: `${q.en} is not a real day (${MESSAGES.dateHint.en})`,
        ar: `${q.ar} يوم لا وجود له في التقويم: ${MESSAGES.dateHint.ar}`,
      };
    case "no-offset":
      return {
        en: `${q.en} has a time but no offset (add one, such as +03:00 or Z, so the moment is unambiguous)`,
        ar: `${q.ar} فيه وقت بلا فارق توقيت: أضفه في آخره، مثل +03:00 أو Z، ليكون الموعد واضحًا`,
      };
    case "not-a-time":
      return { en: `${q.en} is not a real time of day`, ar: `${q.ar} فيه وقت لا وجود له` };
    case "not-a-date":
      return notADate(value);
  }
}

/** The message for a link that is not an absolute http(s) URL. */
export function notAnHttpUrl(value: string): Message {
  const q = quoteValue(value);
  return {
    en: `${q.en} is not an http(s) URL (write it in full, such as https://example.org/page)`,
    ar: `${q.ar} ليس رابطًا يبدأ بـ http أو https: اكتبه كاملًا، مثل https://example.org/page`,
  };
}

/** Why a value is not a slug, with the ASCII spelling when NFKC gives one. */
export function notASlug(slug: string): Message {
  const q = quoteValue(slug);
  const hidden = findHiddenControl(slug);
  if (hidden) {
    return {
      en: `${q.en} contains the invisible character ${hidden}: delete it`,
      ar: `${q.ar} فيه المحرف غير المرئي ${hidden}: احذفه`,
    };
  }
  // Presentation forms and full-width letters fold to ASCII under NFKC: suggest that spelling.
  const folded = slug.normalize("NFKC").toLowerCase();
  const hint = SLUG_PATTERN.test(folded) ? quoteValue(folded) : undefined;
  return {
    en: `${q.en} is not a slug (lower-case ASCII letters, digits and single hyphens, such as astana-20-final-round)${hint ? ` (did you mean ${hint.en}?)` : ""}`,
    ar: `${q.ar} لا يصلح اسمًا للرابط (slug): حروف لاتينية صغيرة وأرقام وشرطات مفردة، مثل astana-20-final-round${hint ? ` (هل تقصد ${hint.ar}؟)` : ""}`,
  };
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
