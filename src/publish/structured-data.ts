// Structured data: the schema.org NewsArticle of an article page and the WebSite of the home page, as JSON-LD safe inside a <script> element.

import type { Article } from "../content/article.ts";
import { lastChanged, toIsoDateTime } from "../arabic/dates.ts";
import type { ShareImage, SiteImages } from "./share-image.ts";
import type { Site } from "../content/site-settings.ts";
import { absoluteUrl } from "../site/urls.ts";

/**
 * The NewsArticle for one article (https://schema.org/NewsArticle, with the fields Google's
 * Article documentation reads). With no byline the publication is the author. An article with
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
}): Record<string, unknown> {
  const { site, article, image, images, crops = [] } = input;
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
    author: article.author
      ? { "@type": "Person", name: article.author }
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
