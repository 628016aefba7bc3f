// The typed site settings: the schema of content/site.yaml, and what is derived from it.

import { z } from "zod";
import { MONTH_NAME_STYLES } from "../arabic/dates.ts";
import { DIGIT_STYLES } from "../arabic/digits.ts";
import { DEFAULT_WORDS_PER_MINUTE } from "../arabic/reading-time.ts";
import type { Message } from "./problems.ts";

/** An X (Twitter) handle: @ then 1 to 15 letters, digits or underscores (X's own rule). */
const TWITTER_HANDLE = /^@[A-Za-z0-9_]{1,15}$/;

const TWITTER_HANDLE_MESSAGE: Message = {
  en: "must be an X (Twitter) handle: @ then 1 to 15 Latin letters, digits or _, such as @sahifa_news",
  ar: "يجب أن يكون اسم حساب على إكس (تويتر): العلامة @ ثم من 1 إلى 15 حرفًا لاتينيًا أو رقمًا أو _، مثل @sahifa_news",
};

/** The schema of `site.yaml`; README "Site settings" documents each field. */
export const siteSchema = z.strictObject({
  /** The publication's name, in the header, titles and feeds. */
  name: z.string({ error: "name must be text" }).trim().min(1, { error: "name is empty" }),
  /** One sentence about the site, for the home page's description. */
  description: z
    .string({ error: "description must be text" })
    .trim()
    .min(1, { error: "description is empty" }),
  /** Where the site is served, sub-folder included: https://example.org/news/ */
  url: z
    .string({ error: "url must be text" })
    .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), {
      error: "url must be an absolute http(s) URL, such as https://example.org/news/",
    }),
  /** BCP 47 language of the site's pages. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)
    .default("ar"),
  /** The newsroom's IANA time zone: a bare date means that calendar day there. */
  timeZone: z
    .string()
    .refine(isKnownZone, { error: (issue) => `"${String(issue.input)}" is not an IANA time zone` }),
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
  precompress: z.boolean({ error: "precompress must be true or false" }).default(false),
  /** The publication's X (Twitter) handle, @ included, for link previews' twitter:site. */
  twitter: z
    .custom<string>((value) => typeof value === "string" && TWITTER_HANDLE.test(value), {
      error: TWITTER_HANDLE_MESSAGE.en,
      params: { message: TWITTER_HANDLE_MESSAGE },
    })
    .optional(),
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
}

/**
 * Completes checked settings; `urlOverride` (from the deploy environment) replaces `url`.
 * @example resolveSite({ ...settings, url: "https://example.org/news" }).pathPrefix //=> "/news/"
 */
export function resolveSite(settings: SiteSettings, urlOverride?: string): Site {
  const url = new URL(urlOverride ?? settings.url);
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return {
    ...settings,
    url: url.href,
    pathPrefix: url.pathname,
    dir: textDirection(settings.language),
  };
}

/**
 * The direction a language is written in, from its BCP 47 tag's primary subtag.
 * @example textDirection("ar-EG") //=> "rtl"
 */
export function textDirection(language: string): "rtl" | "ltr" {
  return RTL_LANGUAGES.has(language.split("-")[0] ?? "") ? "rtl" : "ltr";
}

const RTL_LANGUAGES: ReadonlySet<string> = new Set(["ar", "fa", "he", "ur", "ps", "ku", "ckb", "yi", "dv", "sd"]);

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}
