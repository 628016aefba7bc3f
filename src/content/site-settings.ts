// The typed site settings: the schema of content/site.yaml, and what is derived from it.

import { z } from "zod";
import { MONTH_NAME_STYLES } from "../arabic/dates.ts";
import { DIGIT_STYLES } from "../arabic/digits.ts";
import { DEFAULT_WORDS_PER_MINUTE } from "../arabic/reading-time.ts";
import { MESSAGE_LANGUAGES, quoteValue, type MessageLanguage } from "./problems.ts";
import { issue } from "./schema.ts";
import { SECTION_FIELDS, sectionsSchema } from "./sections.ts";

/** An X (Twitter) handle: @ then 1 to 15 letters, digits or underscores (X's own rule). */
const TWITTER_HANDLE = /^@[A-Za-z0-9_]{1,15}$/;

/** The schema of `site.yaml`; README "Site settings" documents each field. */
export const siteSchema = z.strictObject({
  /** The publication's name, in the header, titles and feeds. */
  name: z.string().trim().min(1),
  /** One sentence about the site, for the home page's description. */
  description: z.string().trim().min(1),
  /** Where the site is served, sub-folder included: https://example.org/news/ */
  url: z.string().superRefine((value, context) => {
    if (!/^https?:\/\//.test(value) || !URL.canParse(value)) {
      context.addIssue(
        issue({
          en: "must be an absolute http(s) URL, such as https://example.org/news/",
          ar: "يجب أن يكون رابطًا كاملًا يبدأ بـ http أو https، مثل https://example.org/news/",
        }),
      );
    }
  }),
  /** BCP 47 language of the site's pages. */
  language: z
    .string()
    .superRefine((value, context) => {
      if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value)) {
        const q = quoteValue(value);
        context.addIssue(
          issue({
            en: `${q.en} is not a language tag (such as ar, or en-GB)`,
            ar: `${q.ar} ليس رمز لغة (مثل ar أو en-GB)`,
          }),
        );
      }
    })
    .default("ar"),
  /**
   * The language of the messages editors see (the build report, the preview's error page,
   * `npm run new`): ar or en. Unset, it follows `language`: Arabic for an Arabic site, else
   * English. SAHIFA_EDITOR_LANGUAGE overrides it for one run.
   */
  editorLanguage: z.enum(MESSAGE_LANGUAGES).optional(),
  /** The newsroom's IANA time zone: a bare date means that calendar day there. */
  timeZone: z.string().superRefine((value, context) => {
    if (!isKnownZone(value)) {
      const q = quoteValue(value);
      context.addIssue(
        issue({
          en: `${q.en} is not an IANA time zone (such as Asia/Damascus or Europe/Istanbul)`,
          ar: `${q.ar} ليست منطقة زمنية من قائمة IANA (مثل Asia/Damascus أو Europe/Istanbul)`,
        }),
      );
    }
  }),
  /** latn: 0123456789 (as the source writes them); arab: ٠١٢٣٤٥٦٧٨٩. */
  digits: z.enum(DIGIT_STYLES).default("latn"),
  /** Days to shift the Umm al-Qura date, for newsrooms that follow local moon sighting. */
  hijriAdjustment: z.number().int().min(-2).max(2).default(0),
  /** Gregorian month names: يونيو/حزيران, حزيران/يونيو, يونيو or حزيران. */
  monthNames: z.enum(MONTH_NAME_STYLES).default("egyptian-levantine"),
  /** Typographer quotes as «…»; false keeps the editor's straight quotes. */
  arabicQuotes: z.boolean().default(true),
  /** Reading speed for the reading-time line. */
  wordsPerMinute: z.number().int().min(60).max(600).default(DEFAULT_WORDS_PER_MINUTE),
  /**
   * Write `.br` and `.gz` twins of every text file, for hosts that serve them as they are (nginx
   * gzip_static, Apache, object stores); GitHub Pages, Netlify and Cloudflare Pages compress on
   * their own and gain nothing from them.
   */
  precompress: z.boolean().default(false),
  /**
   * Search: a /search/ page, a search box in every page's header and the Pagefind index a build
   * writes; false leaves all three out (and every page without JavaScript).
   */
  search: z.boolean().default(true),
  /** The publication's X (Twitter) handle, @ included, for link previews' twitter:site. */
  twitter: z
    .string()
    .superRefine((value, context) => {
      if (!TWITTER_HANDLE.test(value)) {
        context.addIssue(
          issue({
            en: "must be an X (Twitter) handle: @ then 1 to 15 Latin letters, digits or _, such as @sahifa_news",
            ar: "يجب أن يكون اسم حساب على إكس (تويتر): العلامة @ ثم من 1 إلى 15 حرفًا لاتينيًا أو رقمًا أو _، مثل @sahifa_news",
          }),
        );
      }
    })
    .optional(),
  /** The newsroom's sections, in the header's order: [{ slug: economy, name: اقتصاد }]. */
  sections: sectionsSchema,
});

export type SiteSettings = z.output<typeof siteSchema>;

/** The settings plus what follows from them, as templates use it. */
export interface Site extends SiteSettings {
  /** Always ends in "/". */
  url: string;
  /** The URL's path: "/" at a domain's root, "/news/" in a sub-folder. */
  pathPrefix: string;
  /** Text direction of the site language. */
  dir: "rtl" | "ltr";
  /** The language of editor-facing messages, decided (see `editorLanguageOf`). */
  editorLanguage: MessageLanguage;
}

/**
 * Completes checked settings; `urlOverride` (from the deploy environment) replaces `url`, and
 * `editorLanguage` (SAHIFA_EDITOR_LANGUAGE) the settings' language for editors.
 * @example resolveSite({ ...settings, url: "https://example.org/news" }).pathPrefix //=> "/news/"
 */
export function resolveSite(
  settings: SiteSettings,
  urlOverride?: string,
  editorLanguage?: MessageLanguage,
): Site {
  const url = new URL(urlOverride ?? settings.url);
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return {
    ...settings,
    url: url.href,
    pathPrefix: url.pathname,
    dir: textDirection(settings.language),
    editorLanguage: editorLanguage ?? editorLanguageOf(settings),
  };
}

/**
 * The fields of site.yaml and of each of its sections, for the report's "did you mean".
 * @example siteKnownKeys({ sections: [{}] })["sections.0"] //=> ["slug", "name"]
 */
export function siteKnownKeys(data: unknown): Record<string, readonly string[]> {
  const known: Record<string, readonly string[]> = { "": Object.keys(siteSchema.shape) };
  const { sections } = (typeof data === "object" && data !== null ? data : {}) as {
    sections?: unknown;
  };
  if (Array.isArray(sections))
    sections.forEach((_, at) => (known[`sections.${at}`] = SECTION_FIELDS));
  return known;
}

/**
 * The direction a language is written in, from its BCP 47 tag's primary subtag.
 * @example textDirection("ar-EG") //=> "rtl"
 */
export function textDirection(language: string): "rtl" | "ltr" {
  return RTL_LANGUAGES.has(language.split("-")[0] ?? "") ? "rtl" : "ltr";
}

/**
 * The language editors are spoken to in, read leniently from site.yaml's settings (checked or
 * not: a broken site.yaml is reported in it too): `editorLanguage` when it is ar or en, else
 * Arabic for an Arabic site (or one whose language cannot be read, as `language` defaults to
 * ar), else English.
 * @example editorLanguageOf({ language: "en-GB" }) //=> "en"
 */
export function editorLanguageOf(settings: unknown): MessageLanguage {
  const { editorLanguage, language } = (
    typeof settings === "object" && settings !== null ? settings : {}
  ) as { editorLanguage?: unknown; language?: unknown };
  if (editorLanguage === "ar" || editorLanguage === "en") return editorLanguage;
  if (typeof language !== "string") return "ar";
  return language === "ar" || language.startsWith("ar-") ? "ar" : "en";
}

const RTL_LANGUAGES: ReadonlySet<string> = new Set([
  "ar",
  "fa",
  "he",
  "ur",
  "ps",
  "ku",
  "ckb",
  "yi",
  "dv",
  "sd",
]);

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}
