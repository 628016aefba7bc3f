import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  gunzipSync,
  gzipSync,
} from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  COMPRESSION_SETTINGS,
  isCompressible,
  precompress,
  startPrecompression,
} from "../../src/build/compress.ts";

let dir: string;
const text = "<p>خبر عاجل</p>\n".repeat(200);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sahifa-compress-"));
  await mkdir(path.join(dir, "articles/a"), { recursive: true });
  await writeFile(path.join(dir, "index.html"), text);
  await writeFile(path.join(dir, "articles/a/index.html"), text.toUpperCase());
  await writeFile(path.join(dir, "feed.xml"), "<feed/>");
  await writeFile(path.join(dir, "face.woff2"), new Uint8Array([1, 2, 3]));
  await writeFile(path.join(dir, "_headers"), "/*\n  X: y\n");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("precompress", () => {
  it("writes .br and .gz beside every text file, each decompressing to the original", async () => {
    const summary = await precompress(dir);
    expect(summary.files).toBe(3);
    for (const file of ["index.html", "articles/a/index.html", "feed.xml"]) {
      const original = await readFile(path.join(dir, file));
      expect(brotliDecompressSync(await readFile(path.join(dir, `${file}.br`)))).toEqual(original);
      expect(gunzipSync(await readFile(path.join(dir, `${file}.gz`)))).toEqual(original);
    }
    expect(summary.brotliBytes).toBeLessThan(summary.bytes);
    expect(summary.gzipBytes).toBeLessThan(summary.bytes);
  });

  it("makes the folders it is asked to make ahead, inside the site only", async () => {
    const outside = path.join(dir, "..", `${path.basename(dir)}-outside`);
    const run = startPrecompression(dir);
    try {
      await run.prepareFolders([path.join(dir, "articles/b"), path.join(dir, "tags/x/y"), outside]);
      await run.drain();
    } finally {
      await run.close();
    }
    expect(existsSync(path.join(dir, "articles/b"))).toBe(true);
    expect(existsSync(path.join(dir, "tags/x/y"))).toBe(true);
    expect(existsSync(outside)).toBe(false);
  });

  it("leaves fonts and host files alone", async () => {
    await precompress(dir);
    await expect(readFile(path.join(dir, "face.woff2.br"))).rejects.toThrow();
    await expect(readFile(path.join(dir, "_headers.gz"))).rejects.toThrow();
  });
});

describe("precompress with the previous build", () => {
  it("reuses the twins of unchanged files, checked first, and compresses the rest", async () => {
    const previous = await mkdtemp(path.join(tmpdir(), "sahifa-compress-previous-"));
    try {
      // index.html unchanged, with twins made differently (so reuse is visible in the bytes);
      // feed.xml unchanged but its .br corrupt; articles/a changed.
      await writeFile(path.join(previous, "index.html"), text);
      const lightGzip = gzipSync(Buffer.from(text), { level: 1 });
      const lightBrotli = brotliCompressSync(Buffer.from(text), {
        params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
      });
      await writeFile(path.join(previous, "index.html.gz"), lightGzip);
      await writeFile(path.join(previous, "index.html.br"), lightBrotli);
      await writeFile(path.join(previous, "feed.xml"), "<feed/>");
      await writeFile(path.join(previous, "feed.xml.gz"), gzipSync(Buffer.from("<feed/>")));
      await writeFile(path.join(previous, "feed.xml.br"), Buffer.from("not brotli"));
      await mkdir(path.join(previous, "articles/a"), { recursive: true });
      await writeFile(path.join(previous, "articles/a/index.html"), "old");
      await writeFile(path.join(previous, "articles/a/index.html.br"), brotliCompressSync("old"));
      await writeFile(path.join(previous, "articles/a/index.html.gz"), gzipSync("old"));

      await precompress(dir, { previous });
      expect(await readFile(path.join(dir, "index.html.gz"))).toEqual(lightGzip);
      expect(await readFile(path.join(dir, "index.html.br"))).toEqual(lightBrotli);
      const feed = await readFile(path.join(dir, "feed.xml.br"));
      expect(brotliDecompressSync(feed).toString()).toBe("<feed/>");
      const article = await readFile(path.join(dir, "articles/a/index.html"));
      expect(
        brotliDecompressSync(await readFile(path.join(dir, "articles/a/index.html.br"))),
      ).toEqual(article);
      // What a build from nothing writes: the build's Brotli settings.
      expect(await readFile(path.join(dir, "articles/a/index.html.br"))).toEqual(
        brotliCompressSync(article, {
          params: {
            ...COMPRESSION_SETTINGS.brotli,
            [constants.BROTLI_PARAM_SIZE_HINT]: article.length,
          },
        }),
      );
    } finally {
      await rm(previous, { recursive: true, force: true });
    }
  });
});

describe("the twins' bytes", () => {
  it("are the same every time (no name or time in the gzip header)", async () => {
    const twins = async (): Promise<[Buffer, Buffer]> => [
      await readFile(path.join(dir, "index.html.gz")),
      await readFile(path.join(dir, "index.html.br")),
    ];
    await precompress(dir);
    const [gzipA, brotliA] = await twins();
    await rm(path.join(dir, "index.html.gz"));
    await rm(path.join(dir, "index.html.br"));
    await precompress(dir);
    const [gzipB, brotliB] = await twins();
    expect(gzipA.equals(gzipB)).toBe(true);
    // Bytes 4–7 are MTIME: zero means "no time stamp" (RFC 1952).
    expect(gzipA.readUInt32LE(4)).toBe(0);
    expect(brotliA.equals(brotliB)).toBe(true);
  });
});

describe("isCompressible", () => {
  it.each([
    ["index.html", true],
    ["feed.xml", true],
    ["feed.json", true],
    ["robots.txt", true],
    ["STYLE.CSS", true],
    ["card.png", false],
    ["face.woff2", false],
    ["_headers", false],
    ["index.html.gz", false],
  ])("%s → %s", (name, expected) => {
    expect(isCompressible(name)).toBe(expected);
  });
});
