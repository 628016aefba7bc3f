// The image each page shares in link previews, feeds and structured data: the article's own, else the site's card.

import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-settings.ts";
import { absoluteUrl } from "../site/urls.ts";

/** An image a page points social cards and structured data at. */
export interface ShareImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
  /** MIME type when known (the site's own images are PNG). */
  type?: string;
}

/** The images every site has, drawn from its name at build time (src/assets/site-images.ts). */
export const SITE_IMAGE_KINDS = ["card", "logo", "icon", "favicon"] as const;

export type SiteImageKind = (typeof SITE_IMAGE_KINDS)[number];

/** An image the build drew: also its href for the site's own pages (path prefix included). */
export interface SiteImage extends ShareImage {
  path: string;
}

export type SiteImages = Record<SiteImageKind, SiteImage>;

/**
 * The image a page shares: the article's own (a site path made absolute), else the site's card.
 * @example shareImageFor(site, { image: { src: "/media/a.jpg", alt, width: 800, height: 450 } }, images).url
 * //=> "https://example.org/news/media/a.jpg"
 */
export function shareImageFor(
  site: Pick<Site, "url">,
  article: Pick<Article, "image"> | undefined,
  images: SiteImages,
): ShareImage {
  const image = article?.image;
  if (!image) return images.card;
  const url = /^https?:/i.test(image.src) ? new URL(image.src).href : absoluteUrl(site, image.src);
  return { url, width: image.width, height: image.height, alt: image.alt };
}
