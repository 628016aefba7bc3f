// A published photo as a <figure>: <picture> with AVIF and WebP sources, a JPEG <img>, caption and credit.

import { renderToStaticMarkup } from "preact-render-to-string";
import type { PhotoFile, PublishedPhoto } from "../assets/photo-cache.ts";
import type { Article } from "../content/article.ts";
import { PHOTO_PLACEHOLDER, type PhotoReference } from "../content/photo-source.ts";
import type { Site } from "../content/site-settings.ts";
import type { SharedPhoto, ShareImage } from "../publish/share-image.ts";
import { absoluteUrl, sitePath } from "../site/urls.ts";
import { isArabicLanguage } from "../arabic/runs.ts";

/** An article's published photos: its lead photo and its body photos, in the body's order. */
export interface ArticlePhotos {
  readonly lead?: PublishedPhoto | undefined;
  readonly body: readonly PublishedPhoto[];
}

/** Every article's photos in one build, by the article's path. */
export type SitePhotos = ReadonlyMap<string, ArticlePhotos>;

/** The folder of the site every photo's files are published in (names carry their content's hash). */
export const PHOTO_FOLDER = "/media/";

/**
 * How wide the article column is drawn (styles/main.css: `.wrap` is at most --measure, 38rem,
 * less 1rem of padding on each side), so the browser picks a file before the stylesheet loads.
 */
export const COLUMN_SIZES = "(min-width: 38rem) 36rem, calc(100vw - 2rem)";

const TYPES = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" } as const;

/**
 * A photo as a figure. The lead photo is the page's largest paint: fetched first
 * (`fetchpriority="high"`, eager) and decoded as the browser sees fit; the others load lazily
 * and decode off the main thread. width and height are the published JPEG's, so the box is
 * reserved before the file arrives (no layout shift). In a feed (`feed`), where readers drop
 * <picture>, srcset and styles, it is one JPEG 720 px wide (or the largest) and its caption.
 */
export function Figure({
  site,
  photo,
  reference,
  lead,
  lang,
  feed = false,
  sizes = COLUMN_SIZES,
  captioned = true,
}: {
  site: Pick<Site, "pathPrefix">;
  photo: PublishedPhoto;
  reference: PhotoReference;
  lead: boolean;
  lang: string;
  feed?: boolean;
  /** How wide the layout draws it, when not the article column (the front page's lead). */
  sizes?: string;
  /** false leaves the caption and credit to the article's page (the front page). */
  captioned?: boolean;
}) {
  const { jpegs, srcset } = widthsOf(site, photo, "column");
  const largest = jpegs[jpegs.length - 1];
  if (!largest) return null;
  // The fallback src: the first width of 720 or more (a 2× phone), else the largest.
  const fallback = jpegs.find((file) => file.width >= 720) ?? largest;
  const { caption, credit } = reference;
  const figcaption = captioned && (caption || credit) && (
    <figcaption>
      {caption}
      {credit && (
        <span class="photo-credit">
          {isArabicLanguage(lang) ? "تصوير: " : "Photo: "}
          {credit}
        </span>
      )}
    </figcaption>
  );
  if (feed) {
    const { width, height } = fallback;
    return (
      <figure>
        <img src={photoUrl(site, fallback)} width={width} height={height} alt={reference.alt} />
        {figcaption}
      </figure>
    );
  }
  return (
    <figure class={lead ? "photo photo-lead" : "photo"}>
      <picture>
        <Sources srcset={srcset} sizes={sizes} />
        <img
          src={photoUrl(site, fallback)}
          srcset={srcset("jpeg")}
          sizes={sizes}
          width={largest.width}
          height={largest.height}
          alt={reference.alt}
          {...(lead
            ? { loading: "eager", fetchpriority: "high" }
            : { loading: "lazy", decoding: "async" })}
        />
      </picture>
      {figcaption}
    </figure>
  );
}

/** How wide a list's thumbnail is drawn (styles/main.css, `.article-thumb`). */
export const THUMBNAIL_SIZES = "6rem";

/**
 * A lead photo's 4:3 thumbnail in a list of articles. Its alt text is empty: the headline beside
 * it says what the article is, and a reader of the list needs nothing more from the photo.
 */
export function Thumbnail({
  site,
  photo,
}: {
  site: Pick<Site, "pathPrefix">;
  photo: PublishedPhoto;
}) {
  const { jpegs, srcset } = widthsOf(site, photo, "thumbnail");
  const [smallest] = jpegs;
  if (!smallest) return null;
  return (
    <picture>
      <Sources srcset={srcset} sizes={THUMBNAIL_SIZES} />
      <img
        class="article-thumb"
        src={photoUrl(site, smallest)}
        srcset={srcset("jpeg")}
        sizes={THUMBNAIL_SIZES}
        width={smallest.width}
        height={smallest.height}
        alt=""
        loading="lazy"
        decoding="async"
      />
    </picture>
  );
}

/**
 * The article's body with each photo's placeholder replaced by its figure (a placeholder with
 * no published photo, which a build never lets through, becomes nothing).
 * @example bodyWithPhotos(site, article, photos) //=> "<p>…</p>\n<figure class=\"photo\">…"
 */
export function bodyWithPhotos(
  site: Pick<Site, "pathPrefix">,
  article: Pick<Article, "html" | "photos" | "lang">,
  photos: ArticlePhotos | undefined,
  feed = false,
): string {
  if (article.photos.length === 0) return article.html;
  return article.html.replace(PHOTO_PLACEHOLDER, (_, index: string) => {
    const reference = article.photos[Number(index)];
    const photo = photos?.body[Number(index)];
    if (!reference || !photo) return "";
    return renderToStaticMarkup(
      <Figure
        site={site}
        photo={photo}
        reference={reference}
        lead={false}
        lang={article.lang}
        feed={feed}
      />,
    );
  });
}

/**
 * The lead photo's share JPEG (1200×630) for link previews; its alt text, or the title when
 * the photo is decorative.
 */
export function sharedPhoto(
  article: Pick<Article, "leadPhoto" | "title">,
  photos: ArticlePhotos | undefined,
): SharedPhoto | undefined {
  const share = photos?.lead?.files.find((file) => file.role === "share");
  if (!share || !article.leadPhoto) return undefined;
  return {
    path: PHOTO_FOLDER + share.name,
    width: share.width,
    height: share.height,
    alt: article.leadPhoto.alt || article.title,
  };
}

/**
 * The lead photo's crops for structured data (16:9, 4:3 and 1:1 JPEGs, 1,200 px wide where the
 * source allows), as absolute URLs.
 */
export function leadCrops(
  site: Pick<Site, "url">,
  article: Pick<Article, "leadPhoto" | "title">,
  photos: ArticlePhotos | undefined,
): ShareImage[] {
  const crops = photos?.lead?.files.filter((file) => file.role === "crop") ?? [];
  const alt = article.leadPhoto?.alt || article.title;
  return crops.map(({ name, width, height }) => ({
    url: absoluteUrl(site, PHOTO_FOLDER + name),
    width,
    height,
    alt,
    type: "image/jpeg",
  }));
}

/** A photo's files of one role: its JPEGs, smallest first, and each format's `srcset`. */
function widthsOf(
  site: Pick<Site, "pathPrefix">,
  photo: PublishedPhoto,
  role: PhotoFile["role"],
): { jpegs: PhotoFile[]; srcset: (format: keyof typeof TYPES) => string } {
  const files = photo.files.filter((file) => file.role === role);
  const srcset = (format: keyof typeof TYPES) =>
    files
      .filter((file) => file.format === format)
      .map((file) => `${photoUrl(site, file)} ${file.width}w`)
      .join(", ");
  return { jpegs: files.filter((file) => file.format === "jpeg"), srcset };
}

/** The AVIF and WebP sources, best first: a browser takes the first type it can show. */
function Sources(props: { srcset: (format: keyof typeof TYPES) => string; sizes: string }) {
  return (
    <>
      {(["avif", "webp"] as const).map((format) => (
        <source type={TYPES[format]} srcset={props.srcset(format)} sizes={props.sizes} />
      ))}
    </>
  );
}

function photoUrl(site: Pick<Site, "pathPrefix">, file: PhotoFile): string {
  return sitePath(site, PHOTO_FOLDER + file.name);
}
