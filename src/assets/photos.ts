// Photos: a source's header checked, then every width, format and crop a page needs made from it with sharp.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import type { Message } from "../content/problems.ts";

/**
 * The most pixels a source may have: 120 megapixels. sharp's own default (0x3FFF², 268 MP)
 * lets a 50 KB PNG of one colour ask for a gigabyte of memory per decode (a decompression
 * bomb). 120 MP still takes the largest files cameras write today (Fujifilm GFX100: 102 MP,
 * Sony A7R V: 61 MP; phones' 200 MP modes are the exception, and no page needs them).
 */
export const MAX_PHOTO_PIXELS = 120_000_000;

/** The source formats accepted, by sharp's name for them. A GIF is taken only when still. */
export const PHOTO_SOURCE_FORMATS: ReadonlySet<string> = new Set([
  "jpeg",
  "png",
  "webp",
  "heif",
  "gif",
]);

/** Why a source was refused: one word for code and tests, the message for editors. */
export type PhotoRefusalReason =
  | "missing"
  | "remote"
  | "not-an-image"
  | "not-raster"
  | "unsupported-format"
  | "animated"
  | "corrupt"
  | "too-many-pixels";

/** A source that cannot be published, and what to tell the editor. */
export interface PhotoRefusal {
  readonly ok: false;
  readonly reason: PhotoRefusalReason;
  readonly message: Message;
}

/** A source whose header passed: its bytes, their hash and its size as a reader sees it. */
export interface InspectedPhoto {
  readonly ok: true;
  readonly file: string;
  readonly bytes: Buffer;
  /** sha256 of the bytes, hex. */
  readonly hash: string;
  /** sharp's name for the format: jpeg, png, webp, heif (AVIF) or gif. */
  readonly format: string;
  /** Width and height after the EXIF orientation is applied. */
  readonly width: number;
  readonly height: number;
}

/** The output formats: AVIF and WebP for browsers that take them, JPEG for every other. */
export type PhotoFormat = "avif" | "webp" | "jpeg";

/** Everything that decides the bytes of a photo's outputs; part of the cache key. */
export interface PhotoPlan {
  /** Widths for the article column's `srcset`, smallest first; never more than the source's. */
  readonly widths: readonly number[];
  /** The formats of the column's sources and of the thumbnails, best first. */
  readonly formats: readonly PhotoFormat[];
  /** The share image (og:image, twitter:image): a JPEG crop of exactly this size when it can. */
  readonly share: { readonly width: number; readonly height: number };
  /** The structured data's crops: JPEGs this wide when the source allows, one per ratio. */
  readonly crops: {
    readonly width: number;
    readonly ratios: readonly (readonly [number, number])[];
  };
  /** Small crops for lists of articles. */
  readonly thumbnails: {
    readonly widths: readonly number[];
    readonly ratio: readonly [number, number];
  };
  /** Encoder settings (sharp's options). */
  readonly avif: { readonly quality: number; readonly effort: number };
  readonly webp: { readonly quality: number; readonly effort: number };
  readonly jpeg: { readonly quality: number };
  /** What shows through a transparent source (the page's paper colour). */
  readonly background: string;
}

/**
 * Sahifa's settings. The column is 38rem (608 px) at most, so 360–1440 covers phones to
 * 2× laptops; 16:9, 4:3 and 1:1 at 1,200 px are what Google asks of an article's images.
 * Encoders (measured on generated 2,000×1,300 photos, docs/performance.md item 28): AVIF
 * quality 50 at effort 3, the same PSNR as sharp's default effort 4 for 3–6% more bytes in a
 * quarter to a fifth of the time (effort 2 is 20–35% larger); WebP 75; JPEG 78 with mozjpeg
 * (progressive, its trellis quantisation: a third smaller than libjpeg's at the same setting).
 */
export const DEFAULT_PHOTO_PLAN: PhotoPlan = {
  widths: [360, 720, 1080, 1440],
  formats: ["avif", "webp", "jpeg"],
  share: { width: 1200, height: 630 },
  crops: {
    width: 1200,
    ratios: [
      [16, 9],
      [4, 3],
      [1, 1],
    ],
  },
  thumbnails: { widths: [160, 320], ratio: [4, 3] },
  avif: { quality: 50, effort: 3 },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 78 },
  background: "#fdfcf9",
};

/** One output: its role, size and bytes; `suffix` ends its file name (`720.avif`). */
export interface PhotoOutput {
  readonly role: "column" | "share" | "crop" | "thumbnail";
  readonly format: PhotoFormat;
  readonly width: number;
  readonly height: number;
  /** For crops and thumbnails: "16:9". */
  readonly ratio?: string;
  readonly suffix: string;
  readonly contents: Buffer;
}

/** A processed photo: its size as published, and every output. */
export interface ProcessedPhoto {
  readonly ok: true;
  readonly width: number;
  readonly height: number;
  /** Narrower than the plan's smallest width: published at its own size (warn the editor). */
  readonly small: boolean;
  readonly outputs: readonly PhotoOutput[];
}

/**
 * Reads a photo and checks its header (sharp reads the header only; nothing is decoded). A
 * truncated file passes here, since only decoding finds where its data ends: processPhoto
 * refuses it.
 * @example await inspectPhoto("content/media/x.jpg") //=> { ok: true, width: 1300, height: 2000, … }
 * @example await inspectPhoto("content/media/x.svg") //=> { ok: false, reason: "not-raster", … }
 */
export async function inspectPhoto(file: string): Promise<InspectedPhoto | PhotoRefusal> {
  return inspectPhotoBytes(file, await readFile(file).catch(() => undefined));
}

/**
 * inspectPhoto for bytes already read (undefined: the file could not be read).
 * @example await inspectPhotoBytes("x.jpg", undefined) //=> { ok: false, reason: "missing", … }
 */
export async function inspectPhotoBytes(
  file: string,
  bytes: Buffer | undefined,
): Promise<InspectedPhoto | PhotoRefusal> {
  if (bytes === undefined) return refusePhoto("missing");
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return refusePhoto("not-an-image");
  }
  const format = metadata.format;
  if (format === "svg") return refusePhoto("not-raster");
  if (format === "heif" && metadata.compression !== "av1")
    return refusePhoto("unsupported-format", "HEIC");
  if (!PHOTO_SOURCE_FORMATS.has(format))
    return refusePhoto("unsupported-format", format.toUpperCase());
  if ((metadata.pages ?? 1) > 1) return refusePhoto("animated", String(metadata.pages));
  const { width, height } = metadata.autoOrient;
  if (width * height > MAX_PHOTO_PIXELS)
    return refusePhoto("too-many-pixels", `${metadata.width}×${metadata.height}`);
  const hash = createHash("sha256").update(bytes).digest("hex");
  return { ok: true, file, bytes, hash, format, width, height };
}

/**
 * Makes every output of one photo: the column's widths in each format, the share image, the
 * structured data's crops and the thumbnails. Orientation applied, colours converted to sRGB,
 * no metadata kept (sharp writes none unless asked: no EXIF, XMP, IPTC or ICC profile, and
 * untagged pixels are sRGB to browsers). Never upscaled; the same input and plan give the same
 * bytes. A source that cannot be decoded to its end is refused (`corrupt`).
 * @example await processPhoto(inspected, DEFAULT_PHOTO_PLAN) //=> { ok: true, outputs: [{ suffix: "360.avif", … }, …] }
 */
export async function processPhoto(
  source: InspectedPhoto,
  plan: PhotoPlan,
): Promise<ProcessedPhoto | PhotoRefusal> {
  const { width, height } = source;
  let master: { data: Buffer; info: OutputInfo };
  try {
    master = await decodeMaster(source, plan);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(text)) return refusePhoto("too-many-pixels", `${width}×${height}`);
    return refusePhoto("corrupt");
  }
  const jobs: Promise<PhotoOutput>[] = [];
  const encode = (
    role: PhotoOutput["role"],
    format: PhotoFormat,
    size: { width: number; height: number },
    suffix: string,
    ratio?: string,
  ): void => {
    jobs.push(
      render(master, size, format, plan, role === "column").then((contents) => ({
        role,
        format,
        ...size,
        ...(ratio === undefined ? {} : { ratio }),
        suffix,
        contents,
      })),
    );
  };
  const widths = columnWidths(width, plan.widths);
  for (const w of widths) {
    const size = { width: w, height: Math.round((height * w) / width) };
    for (const format of plan.formats) encode("column", format, size, `${w}.${EXTENSIONS[format]}`);
  }
  const share = coverSize(width, height, plan.share.width, plan.share.height);
  encode("share", "jpeg", share, `share-${share.width}x${share.height}.jpg`);
  for (const [rw, rh] of plan.crops.ratios) {
    const size = coverSize(
      width,
      height,
      plan.crops.width,
      Math.round((plan.crops.width * rh) / rw),
    );
    encode("crop", "jpeg", size, `${rw}x${rh}-${size.width}.jpg`, `${rw}:${rh}`);
  }
  const [tw, th] = plan.thumbnails.ratio;
  for (const w of plan.thumbnails.widths) {
    const size = coverSize(width, height, w, Math.round((w * th) / tw));
    for (const format of plan.formats)
      encode("thumbnail", format, size, `thumb-${size.width}.${EXTENSIONS[format]}`, `${tw}:${th}`);
  }
  try {
    const outputs = await Promise.all(jobs);
    return {
      ok: true,
      width,
      height,
      small: width < (plan.widths[0] ?? 0),
      outputs: unique(outputs),
    };
  } catch {
    return refusePhoto("corrupt");
  }
}

/**
 * The column's widths for a source this wide: the plan's that fit, then the source's own
 * width when it is narrower than the largest (never upscaled).
 * @example columnWidths(1000, [360, 720, 1080, 1440]) //=> [360, 720, 1000]
 * @example columnWidths(300, [360, 720]) //=> [300]
 */
export function columnWidths(sourceWidth: number, widths: readonly number[]): number[] {
  const fitting = widths.filter((w) => w < sourceWidth);
  const largest = widths[widths.length - 1] ?? sourceWidth;
  return sourceWidth >= largest
    ? [...fitting, largest].filter(distinct)
    : [...fitting, sourceWidth];
}

/**
 * The part of a file name a photo's outputs start with: letters and digits of any script,
 * the rest turned into hyphens.
 * @example photoStem("content/media/Gaza Port (2).JPG") //=> "gaza-port-2"
 */
export function photoStem(file: string): string {
  const stem = path
    .basename(file, path.extname(file))
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return stem || "photo";
}

/**
 * A refusal and its message (`detail` is the format, frame count or size the message names).
 * @example refusePhoto("remote").message.en //=> "is a web address: photos must be files in the repository …"
 */
export function refusePhoto(reason: PhotoRefusalReason, detail = ""): PhotoRefusal {
  return { ok: false, reason, message: MESSAGES[reason](detail) };
}

/**
 * What to tell an editor about a photo narrower than the plan's smallest width (a warning: it
 * is published at its own size).
 * @example smallPhotoMessage(300, 360).en //=> "is only 300 px wide, …"
 */
export function smallPhotoMessage(width: number, smallest: number): Message {
  return {
    en: `is only ${width} px wide, narrower than the smallest published width (${smallest} px): it is published at its own size and may look blurred on large screens`,
    ar: `عرض الصورة ${width} بكسل فقط، وهو أقل من أصغر عرض يُنشر (${smallest} بكسل): ستُنشر بحجمها الأصلي وقد تبدو غير واضحة على الشاشات الكبيرة`,
  };
}

// ---------------------------------------------------------------------------------------------

const EXTENSIONS = { avif: "avif", webp: "webp", jpeg: "jpg" } as const;

const ACCEPTED = { en: "JPEG, PNG, WebP or AVIF", ar: "JPEG أو PNG أو WebP أو AVIF" };

const MESSAGES: Readonly<Record<PhotoRefusalReason, (detail: string) => Message>> = {
  missing: () => ({ en: "the photo file does not exist", ar: "ملف الصورة غير موجود" }),
  remote: () => ({
    en: `is a web address: photos must be files in the repository (${ACCEPTED.en}), so the site never depends on another one`,
    ar: `عنوان على الإنترنت، والصور يجب أن تكون ملفات محفوظة في المستودع (${ACCEPTED.ar}) حتى لا يعتمد الموقع على موقع آخر`,
  }),
  "not-an-image": () => ({
    en: `is not an image that can be read: photos must be ${ACCEPTED.en} files`,
    ar: `ليس صورة يمكن قراءتها: يجب أن تكون الصور ملفات بصيغة ${ACCEPTED.ar}`,
  }),
  "not-raster": () => ({
    en: `is an SVG drawing: photos must be raster files in the repository (${ACCEPTED.en})`,
    ar: `ملف رسم SVG، والصور يجب أن تكون ملفات نقطية محفوظة في المستودع (${ACCEPTED.ar})`,
  }),
  "unsupported-format": (format) => ({
    en: `is a ${format} file: photos must be ${ACCEPTED.en} (export it as JPEG)`,
    ar: `الملف بصيغة ${format}، والصور المقبولة بصيغة ${ACCEPTED.ar} (صدِّرها بصيغة JPEG)`,
  }),
  animated: (frames) => ({
    en: `is animated (${frames} frames): photos must be still images`,
    ar: `صورة متحركة (عدد إطاراتها ${frames})، والمطلوب صورة ثابتة`,
  }),
  corrupt: () => ({
    en: "is damaged or cut short (the file ends before the image does): export or copy it again",
    ar: "الملف تالف أو ناقص (ينتهي قبل أن تكتمل الصورة): صدِّر الصورة أو انسخها من جديد",
  }),
  "too-many-pixels": (size) => ({
    en: `is ${size} pixels, over the limit of ${MAX_PHOTO_PIXELS / 1e6} megapixels: make it smaller before adding it`,
    ar: `أبعاد الصورة ${size} بكسل، وهذا يتجاوز الحد الأقصى (${MAX_PHOTO_PIXELS / 1e6} ميغابكسل): صغِّرها قبل إضافتها`,
  }),
};

/**
 * The source decoded once, oriented, in sRGB and 8-bit, every output then cut from it. A
 * large source is reduced first, but kept at twice what the largest output needs so each
 * output is still made by one real resize (and JPEGs shrink while they load).
 */
async function decodeMaster(
  source: InspectedPhoto,
  plan: PhotoPlan,
): Promise<{ data: Buffer; info: OutputInfo }> {
  const { width, height } = source;
  const needed = Math.max(
    Math.min(plan.widths[plan.widths.length - 1] ?? width, width) / width,
    plan.share.width / width,
    plan.share.height / height,
    ...plan.crops.ratios.map(([rw, rh]) =>
      Math.max(plan.crops.width / width, (plan.crops.width * rh) / rw / height),
    ),
  );
  const scale = Math.min(1, 2 * needed);
  let pipeline = sharp(source.bytes, {
    failOn: "error",
    limitInputPixels: MAX_PHOTO_PIXELS,
    autoOrient: true,
  });
  if (scale < 1)
    pipeline = pipeline.resize(Math.round(width * scale), Math.round(height * scale), {
      fit: "fill",
    });
  return pipeline
    .flatten({ background: plan.background })
    .toColourspace("srgb")
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
}

/** One output from the decoded pixels: the whole photo, or a crop keeping its salient part. */
function render(
  master: { data: Buffer; info: OutputInfo },
  size: { width: number; height: number },
  format: PhotoFormat,
  plan: PhotoPlan,
  whole: boolean,
): Promise<Buffer> {
  const { width, height, channels } = master.info;
  const pipeline = sharp(master.data, { raw: { width, height, channels } }).resize(
    size.width,
    size.height,
    whole ? { fit: "fill" } : { fit: "cover", position: sharp.strategy.attention },
  );
  if (format === "avif") return pipeline.avif(plan.avif).toBuffer();
  if (format === "webp") return pipeline.webp(plan.webp).toBuffer();
  return pipeline.jpeg({ quality: plan.jpeg.quality, mozjpeg: true, progressive: true }).toBuffer();
}

/**
 * The largest box of the target's proportions inside the source, at the target's size or
 * smaller (never upscaled).
 */
function coverSize(
  width: number,
  height: number,
  targetWidth: number,
  targetHeight: number,
): { width: number; height: number } {
  const scale = Math.min(1, width / targetWidth, height / targetHeight);
  return {
    width: Math.max(1, Math.floor(targetWidth * scale)),
    height: Math.max(1, Math.floor(targetHeight * scale)),
  };
}

function distinct(value: number, index: number, values: readonly number[]): boolean {
  return values.indexOf(value) === index;
}

/** Two roles can ask for the same file (a thumbnail width equal to a crop's): keep one. */
function unique(outputs: readonly PhotoOutput[]): PhotoOutput[] {
  return outputs.filter(
    (output, index) => outputs.findIndex((other) => other.suffix === output.suffix) === index,
  );
}
