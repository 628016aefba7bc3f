// The image each page shares in link previews, feeds and structured data: the article's own, else the site's card.

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

/** An article's lead photo as published for sharing: a JPEG at a site path (`/media/…`). */
export interface SharedPhoto {
  /** Site-relative path, without the path prefix. */
  path: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * The image a page shares: the article's lead photo's share JPEG, else the site's card.
 * @example shareImageFor(site, { path: "/media/a-1200x630.jpg", alt, width: 1200, height: 630 }, images).url
 * //=> "https://example.org/news/media/a-1200x630.jpg"
 */
export function shareImageFor(
  site: Pick<Site, "url">,
  photo: SharedPhoto | undefined,
  images: SiteImages,
): ShareImage {
  if (!photo) return images.card;
  const { width, height, alt } = photo;
  return { url: absoluteUrl(site, photo.path), width, height, alt, type: "image/jpeg" };
}
