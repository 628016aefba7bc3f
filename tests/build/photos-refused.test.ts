// Bad photos through a real `npm run build`: each an entry of the one report, with its file and field or line; exit 1 and the published site untouched.

import { cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePhoto } from "../helpers/photos.ts";
import { hashTree } from "../helpers/site-tree.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runScript,
  writeContent,
  type CliResult,
} from "../helpers/sites.ts";

const NOW = "2024-01-01T00:00:00Z";
let root: string;
let baseline: { site: string; hash: Record<string, string> };

beforeAll(async () => {
  root = await makeTempDir("photos-refused");
  const content = await writeContent(path.join(root, "baseline/content"), {
    "a.md": articleText({ slug: "a" }),
  });
  const site = path.join(root, "baseline/_site");
  const result = await runScript("build.ts", ["--output", site], {
    SAHIFA_CONTENT: content,
    SAHIFA_NOW: NOW,
  });
  expect(result.code).toBe(0);
  baseline = { site, hash: await hashTree(site) };
}, 120_000);

afterAll(removeTempDirs);

/** Builds `articles` (with `media` files in content/media/) over a copy of the baseline site. */
async function build(
  name: string,
  articles: Record<string, string>,
  media: Record<string, (file: string) => Promise<void>>,
  language = "en",
): Promise<{ result: CliResult; contentDir: string; site: string }> {
  const contentDir = await writeContent(path.join(root, name, "content"), articles);
  await mkdir(path.join(contentDir, "media"));
  for (const [file, write] of Object.entries(media))
    await write(path.join(contentDir, "media", file));
  const site = path.join(root, name, "_site");
  // Dereferenced: the baseline's _site is a link to its build, and a copied link is not a site.
  await cp(baseline.site, site, { recursive: true, dereference: true });
  const result = await runScript("build.ts", ["--output", site], {
    SAHIFA_CONTENT: contentDir,
    SAHIFA_NOW: NOW,
    SAHIFA_EDITOR_LANGUAGE: language,
  });
  return { result, contentDir, site };
}

async function expectRefused(
  run: Awaited<ReturnType<typeof build>>,
  lines: readonly string[],
): Promise<void> {
  expect(run.result.code).toBe(1);
  const reported = run.result.stderr.split("\n");
  for (const line of lines) expect(reported).toContainEqual(`${run.contentDir}/articles/${line}`);
  expect(run.result.output).not.toMatch(/^\s+at /m);
  expect(await hashTree(run.site)).toEqual(baseline.hash);
}

const photo = (width: number, height: number) => (file: string) => writePhoto(file, width, height);

/** A small PNG whose header claims `width`×`height` (nothing is decoded to refuse it). */
function pngClaiming(width: number, height: number) {
  return async (file: string) => {
    await writePhoto(file, 8, 8);
    const bytes = await readFile(file);
    // IHDR's data follows the signature (8 bytes), its length and its type (8 more).
    bytes.writeUInt32BE(width, 16);
    bytes.writeUInt32BE(height, 20);
    bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
    await writeFile(file, bytes);
  };
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const body = (...lines: string[]) => ["فقرة أولى.", "", ...lines, ""].join("\n");

describe("photos the content check refuses", () => {
  it("a web address, an SVG, a missing alt text and a photo inside a sentence: each by field or line, in one report with the files of the articles that passed", async () => {
    const run = await build(
      "content",
      {
        "remote.md": articleText({
          slug: "remote",
          extra: ["image: {src: 'https://images.example/a.jpg', alt: صورة}"],
        }),
        "no-alt.md": articleText({ slug: "no-alt", extra: ["image: {src: /media/port.jpg}"] }),
        // Passes the content check; its photo is missing, which the same report says.
        "gone.md": articleText({
          slug: "gone",
          extra: ["image: {src: /media/gone.jpg, alt: صورة}"],
        }),
        "body.md": articleText({
          slug: "body",
          body: body(
            "![رسم](/media/chart.svg)",
            "",
            "![](/media/port.jpg)",
            "",
            "نص ![صورة](/media/port.jpg) في جملة",
          ),
        }),
      },
      { "port.jpg": photo(800, 500) },
    );
    await expectRefused(run, [
      `remote.md:6: image.src: "https://images.example/a.jpg" is a web address: photos must be JPEG, PNG, WebP or AVIF files in the repository (content/media/ or the article's folder), so the page never depends on another site`,
      "no-alt.md:6: image.alt: is required",
      `body.md:10: "/media/chart.svg" is an SVG drawing: photos must be raster files (JPEG, PNG, WebP or AVIF) in the repository`,
      `body.md:12: the photo "/media/port.jpg" has no alt text: describe it between the brackets, ![what it shows](/media/port.jpg), or mark it {.decorative} when it shows nothing a reader needs`,
      `body.md:14: the photo "/media/port.jpg" is inside a paragraph: put it on a line of its own, with an empty line before and after it`,
      `gone.md:6: image.src: "/media/gone.jpg": the photo file does not exist`,
    ]);
    expect(run.result.stderr).toMatch(/^6 problems in 4 files$/m);
  }, 60_000);
});

describe("photo files the build refuses", () => {
  const articles = {
    "missing.md": articleText({
      slug: "missing",
      extra: ["image: {src: /media/nothing.jpg, alt: صورة}"],
    }),
    "files.md": articleText({
      slug: "files",
      body: body(
        "![ملاحظات](/media/notes.jpg)",
        "",
        "![مقطوعة](/media/cut.jpg)",
        "",
        "![ضخمة](/media/huge.png)",
        "",
        "![رسم](/media/drawing.jpg)",
        "",
        "![رابط](/media/link.jpg)",
        "",
        "![خارج](../../site.yaml)",
        "",
        "![مجلد](/media/linked/port.jpg)",
      ),
    }),
  };
  const media = {
    "notes.jpg": (file: string) => writeFile(file, "ليست صورة\n"),
    "cut.jpg": async (file: string) => {
      await writePhoto(file, 1200, 800);
      const bytes = await readFile(file);
      await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
    "huge.png": pngClaiming(12_000, 12_000),
    "drawing.jpg": (file: string) =>
      writeFile(file, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
    "port.jpg": photo(800, 500),
    "link.jpg": (file: string) => symlink(path.join(path.dirname(file), "port.jpg"), file),
    // A folder linked to one outside content/, holding a good photo.
    linked: async (file: string) => {
      const outside = path.join(path.dirname(file), "../../outside");
      await mkdir(outside, { recursive: true });
      await writePhoto(path.join(outside, "port.jpg"), 800, 500);
      await symlink(outside, file);
    },
  };

  it("missing, not an image, cut short, over the pixel limit, SVG inside, a link, out of content/: each with its line", async () => {
    const run = await build("files", articles, media);
    await expectRefused(run, [
      `missing.md:6: image.src: "/media/nothing.jpg": the photo file does not exist`,
      `files.md:10: "/media/notes.jpg": is not an image that can be read: photos must be JPEG, PNG, WebP or AVIF files`,
      `files.md:12: "/media/cut.jpg": is damaged or cut short (the file ends before the image does): export or copy it again`,
      `files.md:14: "/media/huge.png": is 12000×12000 pixels, over the limit of 120 megapixels: make it smaller before adding it`,
      `files.md:16: "/media/drawing.jpg": is an SVG drawing: photos must be raster files in the repository (JPEG, PNG, WebP or AVIF)`,
      `files.md:18: "/media/link.jpg": is, or is in a folder that is, a symbolic link, which is never followed: put the photo itself here`,
      `files.md:20: "../../site.yaml": leads out of the content folder: photos must be in content/media/ or beside the article`,
      `files.md:22: "/media/linked/port.jpg": is, or is in a folder that is, a symbolic link, which is never followed: put the photo itself here`,
    ]);
    expect(run.result.stderr).toMatch(/^8 problems in 2 files$/m);
  }, 60_000);

  it("reports in the site's language: Arabic for an Arabic site", async () => {
    const run = await build("files-ar", articles, media, "ar");
    await expectRefused(run, [
      `missing.md:6: image.src: «/media/nothing.jpg»: ملف الصورة غير موجود`,
    ]);
  }, 60_000);
});
