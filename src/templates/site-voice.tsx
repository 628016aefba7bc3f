// The site's own words (date line, reading time, kicker, labels) inside an article in another language.

import type { ComponentChildren } from "preact";
import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-settings.ts";

/** The attributes siteVoice gives: none, or the site's `lang` and `dir`. */
export interface SiteVoice {
  lang?: string;
  dir?: "rtl" | "ltr";
}

/**
 * `lang` and `dir` for the site's own words shown inside an article written in another
 * language (`lang: en`): the date line, the reading time and the section's name stay the site's,
 * in its language and digits, and are marked so that a screen reader reads them in it. Nothing
 * for an article in the site's language.
 * @example siteVoice({ language: "ar", dir: "rtl" }, { lang: "en" }) //=> { lang: "ar", dir: "rtl" }
 */
export function siteVoice(
  site: Pick<Site, "language" | "dir">,
  article: Pick<Article, "lang">,
): SiteVoice {
  return article.lang === site.language ? {} : { lang: site.language, dir: site.dir };
}

/**
 * A label of the site's («المصدر: ») among an article's words: in a span in the site's language
 * inside an article in another, as it is (no element) in an article in the site's language.
 */
export function SiteWords({
  site,
  article,
  children,
}: {
  site: Pick<Site, "language" | "dir">;
  article: Pick<Article, "lang">;
  children: ComponentChildren;
}) {
  const voice = siteVoice(site, article);
  return voice.lang === undefined ? <>{children}</> : <span {...voice}>{children}</span>;
}
