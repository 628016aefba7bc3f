// Social metadata: the Open Graph and X (Twitter) card tags of a page, as plain data for the page head.

import type { Article } from "../content/article.ts";
import { lastChanged, toIsoDateTime } from "../arabic/dates.ts";
import type { ShareImage } from "./share-image.ts";
import type { Site } from "../content/site-settings.ts";

/** One `<meta>` element: Open Graph uses `property`, X's cards use `name`. */
export interface MetaTag {
  attribute: "property" | "name";
  key: string;
  content: string;
}

/** What a page tells link previews: its absolute URL, title, description and image. */
export interface SharedPageMeta {
  url: string;
  title: string;
  description: string;
  image: ShareImage;
  /** Article pages add og:type article and the article:* tags. */
  article?: Article | undefined;
}

/**
 * Open Graph (https://ogp.me/) and X card tags for one page. Every URL is absolute, as link
 * previews require.
 * @example socialMeta(site, page).find((tag) => tag.key === "og:locale")?.content //=> "ar_AR"
 */
export function socialMeta(site: Site, page: SharedPageMeta): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attribute: "property", key, content });
  const card = (key: string, content: string): MetaTag => ({ attribute: "name", key, content });
  const { article, image } = page;
  const tags = [
    og("og:site_name", site.name),
    og("og:locale", openGraphLocale(site.language)),
    og("og:type", article ? "article" : "website"),
    og("og:title", page.title),
    og("og:description", page.description),
    og("og:url", page.url),
    og("og:image", image.url),
    ...(image.type ? [og("og:image:type", image.type)] : []),
    og("og:image:width", String(image.width)),
    og("og:image:height", String(image.height)),
    og("og:image:alt", image.alt),
  ];
  if (article) {
    tags.push(
      og("article:published_time", toIsoDateTime(article.date, site.timeZone)),
      og("article:modified_time", toIsoDateTime(lastChanged(article), site.timeZone)),
      ...(article.section ? [og("article:section", article.section)] : []),
      ...article.tags.map((tag) => og("article:tag", tag)),
    );
  }
  tags.push(
    card("twitter:card", "summary_large_image"),
    ...(site.twitter ? [card("twitter:site", site.twitter)] : []),
    card("twitter:title", page.title),
    card("twitter:description", page.description),
    card("twitter:image", image.url),
    card("twitter:image:alt", image.alt),
  );
  return tags;
}

/**
 * Open Graph's locale (language_TERRITORY) for a BCP 47 tag: the tag's own region when it has
 * one, else the territory Facebook lists for the language.
 * @example openGraphLocale("ar") //=> "ar_AR"
 * @example openGraphLocale("ar-EG") //=> "ar_EG"
 */
export function openGraphLocale(language: string): string {
  const [base = "", ...subtags] = language.split("-");
  const region = subtags.find((subtag) => /^[A-Za-z]{2}$/.test(subtag));
  if (region) return `${base.toLowerCase()}_${region.toUpperCase()}`;
  return DEFAULT_TERRITORIES[base.toLowerCase()] ?? base.toLowerCase();
}

/** Facebook's locale list names Arabic ar_AR (its pan-Arab locale), not a country. */
const DEFAULT_TERRITORIES: Readonly<Record<string, string>> = {
  ar: "ar_AR",
  en: "en_US",
  fr: "fr_FR",
  tr: "tr_TR",
  ru: "ru_RU",
  fa: "fa_IR",
  ku: "ku_TR",
  he: "he_IL",
  de: "de_DE",
  es: "es_ES",
  ur: "ur_PK",
};
