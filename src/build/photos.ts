// The build's photos: each article's lead and body photos found in content/, published through the photo cache, their problems in the one report.

import { lstat, mkdir } from "node:fs/promises";
import path from "node:path";
import { putPhotoFiles, type PhotoCache, type PublishedPhoto } from "../assets/photo-cache.ts";
import { DEFAULT_PHOTO_PLAN, smallPhotoMessage } from "../assets/photos.ts";
import type { Article } from "../content/article.ts";
import type { PhotoReference } from "../content/photo-source.ts";
import type { Message, Problem } from "../content/problems.ts";
import { PHOTO_FOLDER, type ArticlePhotos, type SitePhotos } from "../templates/picture.tsx";

/** What publishing a build's photos gives: each article's photos, and what to tell editors. */
export interface PublishedPhotos {
  photos: SitePhotos;
  /** Errors (the build stops) and warnings (a photo narrower than the smallest width). */
  problems: Problem[];
}

/**
 * Finds and publishes every photo the articles show. A source is a file under `contentDir`:
 * `/media/x.jpg` is content/media/x.jpg, any other name is beside the article's file (its
 * folder, for articles/<name>/index.md). A missing, unreadable, damaged, oversized or
 * non-raster file, a symbolic link, or a name leading out of content/ is a problem at the
 * article's line (and field, for the lead photo).
 * @example await publishArticlePhotos(content.articles, "content", createPhotoCache())
 */
export async function publishArticlePhotos(
  articles: readonly Article[],
  contentDir: string,
  cache: PhotoCache,
): Promise<PublishedPhotos> {
  const problems: Problem[] = [];
  const photos = new Map<string, ArticlePhotos>();
  const root = path.resolve(contentDir);
  await Promise.all(
    articles.map(async (article) => {
      const one = (reference: PhotoReference) =>
        publishOne(article, reference, root, cache, problems);
      const lead = article.leadPhoto ? await one(article.leadPhoto) : undefined;
      const body = await Promise.all(article.photos.map(one));
      if (lead === undefined && body.length === 0) return;
      const published = body.filter((photo): photo is PublishedPhoto => photo !== undefined);
      photos.set(article.path, { lead, body: published });
    }),
  );
  // The next build finds this one's unchanged sources by their stats alone.
  await cache.remember();
  problems.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0),
  );
  return { photos, problems };
}

/**
 * Puts the files the pages use (the column's widths; for a lead photo the share image and the
 * structured data's crops and the lists' thumbnails too) into `outputDir`'s
 * media folder: hard links to the cache where the file system allows (putPhotoFiles).
 */
export async function writePhotoFiles(outputDir: string, photos: SitePhotos): Promise<void> {
  const folder = path.join(outputDir, PHOTO_FOLDER);
  const files = new Map<string, PublishedPhoto["files"][number]>();
  const keep = (photo: PublishedPhoto, roles: readonly string[]) => {
    for (const file of photo.files) if (roles.includes(file.role)) files.set(file.name, file);
  };
  for (const { lead, body } of photos.values()) {
    // A lead photo is shared and described to search engines; a body photo is only shown.
    if (lead) keep(lead, ["column", "share", "crop", "thumbnail"]);
    for (const photo of body) keep(photo, ["column"]);
  }
  if (files.size === 0) return;
  await mkdir(folder, { recursive: true });
  await putPhotoFiles(
    [...files.values()].map((file) => ({ file, destination: path.join(folder, file.name) })),
  );
}

/**
 * Where a photo's source is: `/media/x.jpg` under content/, any other name beside the article.
 * @example photoSourceFile("content", "content/articles/a/index.md", "port.jpg") //=> "content/articles/a/port.jpg"
 */
export function photoSourceFile(contentDir: string, articleFile: string, src: string): string {
  const decoded = safeDecode(src);
  return decoded.startsWith("/")
    ? path.join(contentDir, decoded)
    : path.join(path.dirname(articleFile), decoded);
}

// ---------------------------------------------------------------------------------------------

async function publishOne(
  article: Article,
  reference: PhotoReference,
  root: string,
  cache: PhotoCache,
  problems: Problem[],
): Promise<PublishedPhoto | undefined> {
  const place = {
    file: article.file,
    line: reference.line,
    ...(reference.field ? { field: reference.field } : {}),
  };
  const report = (message: Message, severity?: "warning") =>
    problems.push({
      ...place,
      ...(severity ? { severity } : {}),
      message: {
        en: `"${reference.src}": ${message.en}`,
        ar: `«${reference.src}»: ${message.ar}`,
      },
    });
  const file = path.resolve(photoSourceFile(root, article.file, reference.src));
  if (!file.startsWith(root + path.sep)) {
    report(MESSAGES.outside);
    return undefined;
  }
  if (await passesThroughLink(root, file)) {
    report(MESSAGES.symbolicLink);
    return undefined;
  }
  const published = await cache.publish(file);
  if (!published.ok) {
    report(published.message);
    return undefined;
  }
  if (published.small) {
    report(smallPhotoMessage(published.width, DEFAULT_PHOTO_PLAN.widths[0] ?? 0), "warning");
  }
  return published;
}

/**
 * Whether the file, or a folder between content/ and it, is a symbolic link: a linked
 * content/media/ would publish whatever it points to on the building machine.
 */
async function passesThroughLink(root: string, file: string): Promise<boolean> {
  const parts = path.relative(root, file).split(path.sep);
  for (let depth = 1; depth <= parts.length; depth += 1) {
    const stats = await lstat(path.join(root, ...parts.slice(0, depth))).catch(() => undefined);
    if (stats?.isSymbolicLink()) return true;
  }
  return false;
}

function safeDecode(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

const MESSAGES = {
  outside: {
    en: "leads out of the content folder: photos must be in content/media/ or beside the article",
    ar: "يشير إلى خارج مجلد المحتوى، والصور يجب أن تكون في content/media/ أو بجانب المقال",
  },
  symbolicLink: {
    en: "is, or is in a folder that is, a symbolic link, which is never followed: put the photo itself here",
    ar: "رابط رمزي أو في مجلد هو رابط رمزي، والروابط الرمزية لا تُتبع أبدًا: ضع الصورة نفسها هنا",
  },
} as const satisfies Record<string, Message>;
