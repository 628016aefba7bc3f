import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import sharp, { type Sharp } from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_PHOTO_PLAN,
  MAX_PHOTO_PIXELS,
  columnWidths,
  inspectPhoto,
  photoStem,
  processPhoto,
  refusePhoto,
  type InspectedPhoto,
  type PhotoPlan,
  type ProcessedPhoto,
} from "../../src/assets/photos.ts";
import { samplePhoto } from "../../scripts/bench-photos.ts";

/** The default plan with the fastest AVIF and WebP efforts: what is checked here is not bytes. */
const QUICK: PhotoPlan = {
  ...DEFAULT_PHOTO_PLAN,
  avif: { ...DEFAULT_PHOTO_PLAN.avif, effort: 0 },
  webp: { ...DEFAULT_PHOTO_PLAN.webp, effort: 0 },
};

let folder = "";
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "sahifa-photos-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function write(name: string, contents: string | Uint8Array): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, contents);
  return file;
}

async function inspected(file: string): Promise<InspectedPhoto> {
  const result = await inspectPhoto(file);
  if (!result.ok) throw new Error(`${file}: ${result.message.en}`);
  return result;
}

async function processed(file: string, plan = QUICK): Promise<ProcessedPhoto> {
  const result = await processPhoto(await inspected(file), plan);
  if (!result.ok) throw new Error(`${file}: ${result.message.en}`);
  return result;
}

/** Solid halves: the left red, the right blue (to see where a rotation put them). */
function halves(width: number, height: number): Sharp {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1)
      pixels.set(x < width / 2 ? [220, 20, 20] : [20, 20, 220], (y * width + x) * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** The byte strings metadata blocks start with, in JPEG, PNG, WebP and AVIF files. */
const METADATA_MARKERS = [
  "Exif",
  "EXIF",
  "http://ns.adobe.com/xap/1.0/",
  "XMP ",
  "x:xmpmeta",
  "Photoshop 3.0",
  "ICC_PROFILE",
  "ICCP",
  "prof",
  "iCCP",
  "eXIf",
  "SahifaCam",
  "Layla Haddad",
];

describe("inspectPhoto", () => {
  it("reads the size from the header, after the EXIF orientation (6: stored landscape, shown portrait)", async () => {
    const file = await write(
      "turned.jpg",
      await halves(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer(),
    );
    expect((await sharp(file).metadata()).width).toBe(300);
    const photo = await inspected(file);
    expect({ width: photo.width, height: photo.height, format: photo.format }).toEqual({
      width: 200,
      height: 300,
      format: "jpeg",
    });
    expect(photo.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes JPEG, PNG, WebP, AVIF and a still GIF", async () => {
    for (const format of ["jpeg", "png", "webp", "avif", "gif"] as const) {
      const file = await write(`ok.${format}`, await halves(40, 30).toFormat(format).toBuffer());
      const photo = await inspectPhoto(file);
      expect(photo.ok, format).toBe(true);
    }
  });

  it("refuses a missing file", async () => {
    const result = await inspectPhoto(path.join(folder, "nowhere.jpg"));
    expect(result).toMatchObject({
      ok: false,
      reason: "missing",
      message: { en: "the photo file does not exist", ar: "ملف الصورة غير موجود" },
    });
  });

  it("refuses a file that is not an image", async () => {
    const result = await inspectPhoto(await write("notes.jpg", "مسودة الخبر، لا صورة"));
    expect(result).toMatchObject({ ok: false, reason: "not-an-image" });
    if (!result.ok) expect(result.message.ar).toContain("ليس صورة");
  });

  it("refuses SVG: photos must be raster files in the repository", async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    const result = await inspectPhoto(await write("map.svg", svg));
    expect(result).toMatchObject({ ok: false, reason: "not-raster" });
    if (!result.ok) {
      expect(result.message.en).toContain("photos must be raster files in the repository");
      expect(result.message.ar).toContain("ملفات نقطية محفوظة في المستودع");
    }
  });

  it("refuses a web address with the same reason (for the content layer)", () => {
    const refusal = refusePhoto("remote");
    expect(refusal.message.en).toContain("photos must be files in the repository");
    expect(refusal.message.ar).toContain("محفوظة في المستودع");
  });

  it("refuses TIFF, which browsers cannot show, naming the format", async () => {
    const result = await inspectPhoto(
      await write("scan.tif", await halves(40, 30).tiff().toBuffer()),
    );
    expect(result).toMatchObject({ ok: false, reason: "unsupported-format" });
    if (!result.ok) {
      expect(result.message.en).toContain("is a TIFF file");
      expect(result.message.ar).toContain("بصيغة TIFF");
    }
  });

  it("refuses an animated GIF", async () => {
    const frames = Buffer.concat([
      await halves(40, 30).raw().toBuffer(),
      await halves(40, 30).flop().raw().toBuffer(),
    ]);
    const gif = await sharp(frames, { raw: { width: 40, height: 60, channels: 3, pageHeight: 30 } })
      .gif()
      .toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    const result = await inspectPhoto(await write("animated.gif", gif));
    expect(result).toMatchObject({ ok: false, reason: "animated" });
    if (!result.ok) expect(result.message.ar).toContain("عدد إطاراتها 2");
  });

  it(`refuses more than ${MAX_PHOTO_PIXELS / 1e6} megapixels from the header, and sharp refuses it again while decoding`, async () => {
    const bomb = await write("bomb.png", pngHeaderOnly(11_000, 11_000));
    const result = await inspectPhoto(bomb);
    expect(result).toMatchObject({ ok: false, reason: "too-many-pixels" });
    if (!result.ok) {
      expect(result.message.en).toContain("11000×11000 pixels, over the limit of 120 megapixels");
      expect(result.message.ar).toContain("يتجاوز الحد الأقصى (120 ميغابكسل)");
    }
    // processPhoto does not trust that it was inspected: its decoder has the same limit
    const forged: InspectedPhoto = {
      ok: true,
      file: bomb,
      bytes: await readFile(bomb),
      hash: "",
      format: "png",
      width: 11_000,
      height: 11_000,
    };
    expect(await processPhoto(forged, QUICK)).toMatchObject({
      ok: false,
      reason: "too-many-pixels",
    });
  });

  it("passes a truncated JPEG's header, and processPhoto refuses it when decoding", async () => {
    const whole = await samplePhoto(1, 600, 400);
    const file = await write("cut.jpg", whole.subarray(0, Math.floor(whole.length * 0.6)));
    const photo = await inspected(file);
    const result = await processPhoto(photo, QUICK);
    expect(result).toMatchObject({ ok: false, reason: "corrupt" });
    if (!result.ok) expect(result.message.ar).toContain("تالف أو ناقص");
    // the whole file goes through, so the refusal is the cut
    expect((await processPhoto(await inspected(await write("whole.jpg", whole)), QUICK)).ok).toBe(
      true,
    );
  });
});

describe("processPhoto", () => {
  it("keeps no GPS position, camera serial, editor name, XMP, IPTC or ICC profile in any output", async () => {
    const source = await sharp(await samplePhoto(2, 1600, 1100))
      .withIccProfile("p3")
      .withExif({
        IFD0: {
          Make: "SahifaCam",
          Model: "SahifaCam X-100",
          Artist: "Layla Haddad",
          Copyright: "Layla Haddad",
        },
        IFD2: { BodySerialNumber: "SahifaCam-SN-0042" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "31/1 30/1 0/1",
          GPSLongitudeRef: "E",
          GPSLongitude: "34/1 28/1 0/1",
        },
      })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Layla Haddad"/></rdf:RDF></x:xmpmeta>',
      )
      .jpeg({ quality: 90 })
      .toBuffer();
    const file = await write("gps.jpg", source);
    // the source really carries them
    const before = await sharp(file).metadata();
    expect(before.exif?.includes("SahifaCam")).toBe(true);
    expect(hasGpsIfd(before.exif)).toBe(true);
    expect(before.xmp?.includes("Layla Haddad")).toBe(true);
    expect(before.icc).toBeDefined();

    const photo = await processed(file, DEFAULT_PHOTO_PLAN);
    expect(photo.outputs.length).toBe(4 * 3 + 1 + 3 + 2 * 3);
    for (const output of photo.outputs) {
      const after = await sharp(output.contents).metadata();
      expect({
        suffix: output.suffix,
        exif: after.exif,
        xmp: after.xmp,
        iptc: after.iptc,
        icc: after.icc,
        hasProfile: after.hasProfile,
      }).toEqual({
        suffix: output.suffix,
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        icc: undefined,
        hasProfile: false,
      });
      const text = output.contents.toString("latin1");
      for (const marker of METADATA_MARKERS)
        expect(text.includes(marker), `${marker} in ${output.suffix}`).toBe(false);
    }
    // and the scan can fail: the source holds the markers it looks for
    const sourceText = source.toString("latin1");
    for (const marker of [
      "Exif",
      "http://ns.adobe.com/xap/1.0/",
      "ICC_PROFILE",
      "SahifaCam",
      "Layla Haddad",
    ])
      expect(sourceText).toContain(marker);
  });

  it("applies the orientation: a photo stored landscape with orientation 6 comes out portrait, its left side on top", async () => {
    const photo = await processed(
      await write(
        "turned-6.jpg",
        await halves(600, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer(),
      ),
    );
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 400, height: 600 });
    const column = photo.outputs.find((output) => output.suffix === "360.jpg");
    expect(column).toMatchObject({ width: 360, height: 540 });
    const { data, info } = await sharp(column?.contents)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect({ width: info.width, height: info.height }).toEqual({ width: 360, height: 540 });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    expect(pixel(180, 20)[0]).toBeGreaterThan(150); // red at the top
    expect(pixel(180, 520)[2]).toBeGreaterThan(150); // blue at the bottom
  });

  it("converts a CMYK source to sRGB, three channels and the same colours", async () => {
    const cmyk = await halves(400, 300)
      .toColourspace("cmyk")
      .withIccProfile("cmyk")
      .jpeg({ quality: 95 })
      .toBuffer();
    const before = await sharp(cmyk).metadata();
    expect({ space: before.space, channels: before.channels }).toEqual({
      space: "cmyk",
      channels: 4,
    });
    const photo = await processed(await write("print.jpg", cmyk));
    for (const output of photo.outputs) {
      const after = await sharp(output.contents).metadata();
      expect({ suffix: output.suffix, space: after.space, channels: after.channels }).toEqual({
        suffix: output.suffix,
        space: "srgb",
        channels: 3,
      });
    }
    const column = photo.outputs.find((output) => output.suffix === "360.jpg");
    const { data } = await sharp(column?.contents).raw().toBuffer({ resolveWithObject: true });
    const left = [...data.subarray((100 * 360 + 20) * 3, (100 * 360 + 20) * 3 + 3)];
    expect(left[0]).toBeGreaterThan(150);
    expect(left[2]).toBeLessThan(100);
  });

  it("never upscales: every output is at most the source's size, and is the size it says", async () => {
    const photo = await processed(await write("medium.jpg", await samplePhoto(3, 1000, 800)));
    expect(photo.small).toBe(false);
    const column = photo.outputs.filter((output) => output.role === "column");
    expect([...new Set(column.map((output) => output.width))]).toEqual([360, 720, 1000]);
    expect(photo.outputs.find((output) => output.role === "share")).toMatchObject({
      width: 1000,
      height: 525,
    });
    expect(
      photo.outputs
        .filter((output) => output.role === "crop")
        .map((output) => [output.ratio, output.width, output.height]),
    ).toEqual([
      ["16:9", 1000, 562],
      ["4:3", 1000, 750],
      ["1:1", 800, 800],
    ]);
    const readBack = await Promise.all(
      photo.outputs.map(async (output) => {
        const after = await sharp(output.contents).metadata();
        return [output.suffix, after.width, after.height, after.format];
      }),
    );
    expect(readBack).toEqual(
      photo.outputs.map((output) => [
        output.suffix,
        output.width,
        output.height,
        output.format === "avif" ? "heif" : output.format,
      ]),
    );
    for (const output of photo.outputs) {
      expect(output.width).toBeLessThanOrEqual(1000);
      expect(output.height).toBeLessThanOrEqual(800);
    }
  });

  it("makes the share image and the crops at 1,200 px when the source allows", async () => {
    const photo = await processed(await write("large.jpg", await samplePhoto(4, 2000, 1300)));
    expect(
      photo.outputs
        .filter((output) => output.role !== "column" && output.role !== "thumbnail")
        .map((output) => output.suffix),
    ).toEqual(["share-1200x630.jpg", "16x9-1200.jpg", "4x3-1200.jpg", "1x1-1200.jpg"]);
    expect([
      ...new Set(
        photo.outputs.filter((output) => output.role === "column").map((output) => output.width),
      ),
    ]).toEqual(DEFAULT_PHOTO_PLAN.widths);
  });

  it("publishes a photo narrower than the smallest width at its own size, flagged small", async () => {
    const photo = await processed(await write("tiny.jpg", await samplePhoto(5, 300, 200)));
    expect(photo.small).toBe(true);
    expect(
      photo.outputs.filter((output) => output.role === "column").map((output) => output.suffix),
    ).toEqual(["300.avif", "300.webp", "300.jpg"]);
    for (const output of photo.outputs) expect(output.width).toBeLessThanOrEqual(300);
  });
});

describe("columnWidths and photoStem", () => {
  it("keeps the plan's widths that fit, then the source's own width", () => {
    expect(columnWidths(2000, [360, 720, 1080, 1440])).toEqual([360, 720, 1080, 1440]);
    expect(columnWidths(1440, [360, 720, 1080, 1440])).toEqual([360, 720, 1080, 1440]);
    expect(columnWidths(1000, [360, 720, 1080, 1440])).toEqual([360, 720, 1000]);
    expect(columnWidths(300, [360, 720])).toEqual([300]);
  });

  it("makes a file-name stem of letters and digits in any script", () => {
    expect(photoStem("content/media/Gaza Port (2).JPG")).toBe("gaza-port-2");
    expect(photoStem("content/articles/x/ميناء غزة.jpg")).toBe("ميناء-غزة");
    expect(photoStem("content/media/(((.jpg")).toBe("photo");
  });
});

/** Whether a TIFF-structured EXIF block has a GPS directory (tag 0x8825 in IFD0), in either byte order. */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const start = exif.indexOf("Exif\0\0") === 0 ? 6 : 0;
  const little = exif.toString("latin1", start, start + 2) === "II";
  const read16 = (at: number) =>
    little ? exif.readUInt16LE(start + at) : exif.readUInt16BE(start + at);
  const read32 = (at: number) =>
    little ? exif.readUInt32LE(start + at) : exif.readUInt32BE(start + at);
  const ifd = read32(4);
  const entries = read16(ifd);
  for (let i = 0; i < entries; i += 1) if (read16(ifd + 2 + i * 12) === 0x8825) return true;
  return false;
}

/** A PNG whose header claims this size, with one tiny compressed row: what a decompression bomb looks like to a header reader. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
