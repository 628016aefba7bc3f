// Structured data: the schema.org NewsArticle of an article page and the WebSite of the home page, as JSON-LD safe inside a <script> element.

import type { Article } from "../content/article.ts";
import { lastChanged, toIsoDateTime } from "../arabic/dates.ts";
import type { ShareImage, SiteImages } from "./share-image.ts";
import type { Site } from "../content/site-settings.ts";
import type { PagedAuthor } from "../site/authors.ts";
import { absoluteUrl, authorPath } from "../site/urls.ts";

/**
 * The NewsArticle for one article (https://schema.org/NewsArticle, with the fields Google's
 * Article documentation reads). Each byline is a Person with its author page's URL (and, when
 * content/authors.yaml gives one, their own link as `sameAs`); with no byline the publication is
 * the author. The publication is always the publisher. An article with
 * a lead photo gives its 16:9, 4:3 and 1:1 crops (`crops`, what Google asks of an article's
 * images) with the photographer as `creditText`; any other gives `image`.
 * @example newsArticle({ site, article, image, images }).headline //=> "اجتماع أستانا العشرون…"
 */
export function newsArticle(input: {
  site: Site;
  article: Article;
  image: ShareImage;
  images: SiteImages;
  crops?: readonly ShareImage[];
  /** Each byline's author (Navigation's `bylines`); a byline missing from it is named alone. */
  bylines?: ReadonlyMap<string, PagedAuthor>;
}): Record<string, unknown> {
  const { site, article, image, images, crops = [], bylines } = input;
  const credit = article.leadPhoto?.credit;
  const photo = (crop: ShareImage) => ({
    ...imageObject(crop),
    ...(credit ? { creditText: credit } : {}),
  });
  const url = absoluteUrl(site, article.path);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: article.title,
    description: article.standfirst,
    datePublished: toIsoDateTime(article.date, site.timeZone),
    dateModified: toIsoDateTime(lastChanged(article), site.timeZone),
    inLanguage: article.lang,
    author:
      article.authors.length > 0
        ? article.authors.map((byline) => personOf(site, byline, bylines?.get(byline)))
        : { "@type": "NewsMediaOrganization", name: site.name, url: absoluteUrl(site, "/") },
    publisher: publisherOf(site, images),
    image: crops.length > 0 ? crops.map(photo) : imageObject(image),
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(article.section ? { articleSection: article.section } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags } : {}),
    wordCount: article.wordCount,
  };
}

/**
 * The home page's WebSite (https://schema.org/WebSite, what Google reads for the site's name)
 * and the NewsMediaOrganization that publishes it, with its logo and, when site.yaml names one,
 * its X account.
 * @example webSite({ site, images }).publisher.name //=> "صحيفة"
 */
export function webSite(input: { site: Site; images: SiteImages }): Record<string, unknown> {
  const { site, images } = input;
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url: absoluteUrl(site, "/"),
    description: site.description,
    inLanguage: site.language,
    publisher: publisherOf(site, images),
  };
}

/**
 * An author page's ProfilePage (https://schema.org/ProfilePage, what Google reads of a profile):
 * the Person with their page's URL, bio as `description`, and their own link as `sameAs`.
 * @example profilePage({ site, author }).mainEntity.name //=> "قسم الأخبار"
 */
export function profilePage(input: { site: Site; author: PagedAuthor }): Record<string, unknown> {
  const { site, author } = input;
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: absoluteUrl(site, authorPath(author)),
    mainEntity: {
      ...personOf(site, author.name, author),
      ...(author.bio ? { description: author.bio } : {}),
    },
  };
}

/**
 * JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` become `\u003c`,
 * `\u003e`, `\u0026`, so no value can close the element or open a comment, and U+2028/U+2029
 * are escaped for older JavaScript parsers. The result is still the same JSON value.
 * @example serializeJsonLd({ headline: "</script>" }) //=> '{"headline":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Internals

function personOf(
  site: Site,
  byline: string,
  author: PagedAuthor | undefined,
): Record<string, unknown> {
  if (!author) return { "@type": "Person", name: byline };
  return {
    "@type": "Person",
    name: author.name,
    url: absoluteUrl(site, authorPath(author)),
    ...(author.url ? { sameAs: [author.url] } : {}),
  };
}

function publisherOf(site: Site, images: SiteImages): Record<string, unknown> {
  return {
    "@type": "NewsMediaOrganization",
    name: site.name,
    url: absoluteUrl(site, "/"),
    logo: imageObject(images.logo),
    ...(site.twitter ? { sameAs: [`https://x.com/${site.twitter.slice(1)}`] } : {}),
  };
}

function imageObject(image: ShareImage): Record<string, unknown> {
  return { "@type": "ImageObject", url: image.url, width: image.width, height: image.height };
}
