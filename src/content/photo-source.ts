// What an editor may write as a photo's source, and what an article says about each of its photos.

import type { Message } from "./problems.ts";

/**
 * What stands in the HTML for body photo N until its files are published.
 * @example "<!--sahifa-photo:0-->".replace(PHOTO_PLACEHOLDER, "x") //=> "x"
 */
export const PHOTO_PLACEHOLDER = /<!--sahifa-photo:(\d+)-->/g;

/** A photo an article shows: its lead image or a photo in its body, as the editor wrote it. */
export interface PhotoReference {
  /** As written: `/media/port.jpg` (content/media/) or `port.jpg` (beside the article's file). */
  src: string;
  /** Empty only for a photo marked decorative. */
  alt: string;
  decorative: boolean;
  caption?: string | undefined;
  credit?: string | undefined;
  /** The line of the article's file the photo is written on. */
  line: number;
  /** The field it is written in (`image.src`), for the lead image. */
  field?: string;
}

/**
 * Why a source cannot be a photo, or undefined when it may name a file in content/. Photos are
 * raster files in the repository: a web address would make every reader's browser ask another
 * site (and the page break when that site changes), and an SVG can carry scripts and is a
 * drawing, not a photo.
 * @example photoSourceProblem("https://example.org/a.jpg")?.en //=> "is a web address: …"
 * @example photoSourceProblem("/media/a.jpg") //=> undefined
 */
export function photoSourceProblem(src: string): Message | undefined {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|\\)/i.test(src)) return PHOTO_SOURCE_MESSAGES.remote(src);
  if (/\.svgz?$/i.test(src.replace(/[?#].*$/, ""))) return PHOTO_SOURCE_MESSAGES.svg(src);
  if (src.trim() === "" || /[?#\\]/.test(src)) return PHOTO_SOURCE_MESSAGES.notAFile(src);
  return undefined;
}

/**
 * A body photo's caption and credit from its Markdown title: the text after the last ` | ` is
 * the credit (`"القافلة عند المعبر | أحمد سالم"`).
 * @example captionAndCredit("القافلة | أحمد") //=> { caption: "القافلة", credit: "أحمد" }
 */
export function captionAndCredit(title: string): { caption?: string; credit?: string } {
  const bar = title.lastIndexOf(" | ");
  const caption = (bar === -1 ? title : title.slice(0, bar)).trim();
  const credit = bar === -1 ? "" : title.slice(bar + 3).trim();
  return { ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}

const PHOTO_SOURCE_MESSAGES = {
  remote: (src: string): Message => ({
    en: `"${src}" is a web address: photos must be JPEG, PNG, WebP or AVIF files in the repository (content/media/ or the article's folder), so the page never depends on another site`,
    ar: `«${src}» عنوان على الإنترنت، والصور يجب أن تكون ملفات JPEG أو PNG أو WebP أو AVIF محفوظة في المستودع (في content/media/ أو في مجلد المقال) حتى لا تعتمد الصفحة على موقع آخر`,
  }),
  svg: (src: string): Message => ({
    en: `"${src}" is an SVG drawing: photos must be raster files (JPEG, PNG, WebP or AVIF) in the repository`,
    ar: `«${src}» رسم SVG، والصور يجب أن تكون ملفات نقطية (JPEG أو PNG أو WebP أو AVIF) محفوظة في المستودع`,
  }),
  notAFile: (src: string): Message => ({
    en: `"${src}" is not a file name such as /media/photo.jpg or photo.jpg`,
    ar: `«${src}» ليس اسم ملف مثل /media/photo.jpg أو photo.jpg`,
  }),
};
