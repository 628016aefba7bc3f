// The site's own words (date line, reading time, kicker) inside an article in another language.

import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-settings.ts";

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
): { lang?: string; dir?: "rtl" | "ltr" } {
  return article.lang === site.language ? {} : { lang: site.language, dir: site.dir };
}
