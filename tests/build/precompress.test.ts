import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  gunzipSync,
  gzipSync,
} from "node:zlib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  COMPRESSION_SETTINGS,
  FILES_IN_FLIGHT,
  isCompressible,
  precompressSite,
} from "../../src/build/precompress.ts";
import { hashTree } from "../helpers/site-tree.ts";

// node:zlib's asynchronous compressors, counted while they run, with a hook called as each
// starts: how many run at once, and a file removed while the run is under way.
const zlibCalls = vi.hoisted(() => ({
  running: 0,
  peak: 0,
  total: 0,
  onStart: undefined as (() => void) | undefined,
}));
vi.mock("node:zlib", async (importOriginal) => {
  const zlib = await importOriginal<typeof import("node:zlib")>();
  type Done = (error: Error | null, result: Buffer) => void;
  const counted =
    (compress: (bytes: Buffer, options: object, done: Done) => void) =>
    (bytes: Buffer, options: object, done: Done): void => {
      zlibCalls.running += 1;
      zlibCalls.total += 1;
      zlibCalls.peak = Math.max(zlibCalls.peak, zlibCalls.running);
      zlibCalls.onStart?.();
      compress(bytes, options, (error, result) => {
        zlibCalls.running -= 1;
        done(error, result);
      });
    };
  return { ...zlib, gzip: counted(zlib.gzip), brotliCompress: counted(zlib.brotliCompress) };
});

let dir: string;
const text = "<p>خبر عاجل</p>\n".repeat(200);
const font = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]);

beforeEach(async () => {
  Object.assign(zlibCalls, { running: 0, peak: 0, total: 0, onStart: undefined });
  dir = await mkdtemp(path.join(tmpdir(), "sahifa-precompress-"));
  await mkdir(path.join(dir, "articles/a"), { recursive: true });
  await writeFile(path.join(dir, "index.html"), text);
  await writeFile(path.join(dir, "articles/a/index.html"), text.toUpperCase());
  await writeFile(path.join(dir, "feed.xml"), "<feed/>");
  await writeFile(path.join(dir, "face.woff2"), font);
  await writeFile(path.join(dir, "_headers"), "/*\n  X: y\n");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TEXT_FILES = ["articles/a/index.html", "feed.xml", "index.html"];

/** Every file under `root`, relative to it, sorted. */
const filesUnder = async (root: string): Promise<string[]> => Object.keys(await hashTree(root));

/**
 * What the compression threads wrote for `bytes` (compress-worker.js, size hint included): the
 * bytes precompressSite must write too.
 */
function expectedTwins(bytes: Buffer): { gz: Buffer; br: Buffer } {
  return {
    gz: gzipSync(bytes, COMPRESSION_SETTINGS.gzip),
    br: brotliCompressSync(bytes, {
      params: { ...COMPRESSION_SETTINGS.brotli, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  };
}

describe("precompressSite", () => {
  it("writes .br and .gz beside every text file, each decompressing to the original", async () => {
    const summary = await precompressSite(dir);
    for (const file of TEXT_FILES) {
      const original = await readFile(path.join(dir, file));
      expect(brotliDecompressSync(await readFile(path.join(dir, `${file}.br`)))).toEqual(original);
      expect(gunzipSync(await readFile(path.join(dir, `${file}.gz`)))).toEqual(original);
    }
    expect(summary.textFiles).toEqual(TEXT_FILES);
  });

  it("counts the files and the bytes of the originals and of their twins", async () => {
    const summary = await precompressSite(dir);
    let bytes = 0;
    let gzipBytes = 0;
    let brotliBytes = 0;
    for (const file of TEXT_FILES) {
      bytes += (await readFile(path.join(dir, file))).length;
      gzipBytes += (await readFile(path.join(dir, `${file}.gz`))).length;
      brotliBytes += (await readFile(path.join(dir, `${file}.br`))).length;
    }
    expect(summary).toEqual({ textFiles: TEXT_FILES, files: 3, bytes, gzipBytes, brotliBytes });
    expect(summary.brotliBytes).toBeLessThan(summary.bytes);
    expect(summary.gzipBytes).toBeLessThan(summary.bytes);
  });

  it("writes the same bytes as the compression threads did, twins of tiny files included", async () => {
    // feed.xml (7 bytes) has twins larger than itself: they are written all the same, as before.
    await precompressSite(dir);
    for (const file of TEXT_FILES) {
      const { gz, br } = expectedTwins(await readFile(path.join(dir, file)));
      expect(await readFile(path.join(dir, `${file}.gz`))).toEqual(gz);
      expect(await readFile(path.join(dir, `${file}.br`))).toEqual(br);
    }
    expect((await readFile(path.join(dir, "feed.xml.gz"))).length).toBeGreaterThan(7);
  });

  it("leaves fonts and host files alone, and writes nothing else", async () => {
    await precompressSite(dir);
    expect(await filesUnder(dir)).toEqual(
      [
        ...TEXT_FILES.flatMap((file) => [file, `${file}.br`, `${file}.gz`]),
        "_headers",
        "face.woff2",
      ].sort(),
    );
    expect(await readFile(path.join(dir, "face.woff2"))).toEqual(Buffer.from(font));
    expect(await readFile(path.join(dir, "_headers"), "utf8")).toBe("/*\n  X: y\n");
  });

  it("compresses no twin again when run twice (twins are not text files)", async () => {
    await precompressSite(dir);
    const second = await precompressSite(dir);
    expect(second.textFiles).toEqual(TEXT_FILES);
    expect(existsSync(path.join(dir, "index.html.gz.gz"))).toBe(false);
  });

  it("gives an empty summary for a folder with no files", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "sahifa-precompress-empty-"));
    try {
      expect(await precompressSite(empty)).toEqual({
        textFiles: [],
        files: 0,
        bytes: 0,
        gzipBytes: 0,
        brotliBytes: 0,
      });
      expect(await readdir(empty)).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("fails for a folder that does not exist", async () => {
    await expect(precompressSite(path.join(dir, "missing"))).rejects.toThrow(/ENOENT.*missing/);
  });
});

describe("precompressSite's failures", () => {
  it("names a file removed while the run is under way", async () => {
    // Sorted after more files than run at once, so it is read only after the first compression.
    for (let index = 0; index < FILES_IN_FLIGHT * 2; index++) {
      await writeFile(path.join(dir, `page-${String(index).padStart(2, "0")}.html`), text);
    }
    const gone = path.join(dir, "zz-gone.html");
    await writeFile(gone, text);
    zlibCalls.onStart = () => void rm(gone, { force: true });
    await expect(precompressSite(dir)).rejects.toThrow(
      new RegExp(`could not compress .*zz-gone\\.html: ENOENT`),
    );
  });

  it("names a file whose twin cannot be written, and starts no file after it", async () => {
    for (let index = 0; index < FILES_IN_FLIGHT * 4; index++) {
      await writeFile(path.join(dir, `page-${String(index).padStart(2, "0")}.html`), text);
    }
    await mkdir(path.join(dir, "0-bad.html.br")); // a folder where the twin must go
    await writeFile(path.join(dir, "0-bad.html"), text);
    await expect(precompressSite(dir)).rejects.toThrow(/could not compress .*0-bad\.html: EISDIR/);
    // The other files in flight finish; none is started after the failure.
    const twins = (await filesUnder(dir)).filter((file) => file.endsWith(".gz"));
    expect(twins.length).toBeLessThan(FILES_IN_FLIGHT * 2);
  });
});

describe("precompressSite's concurrency", () => {
  it("keeps at most FILES_IN_FLIGHT files (two zlib calls each) running at once", async () => {
    const many = await mkdtemp(path.join(tmpdir(), "sahifa-precompress-many-"));
    try {
      for (let index = 0; index < 300; index++) {
        await writeFile(path.join(many, `page-${index}.html`), `${text}${index}`);
      }
      const summary = await precompressSite(many);
      expect(summary.files).toBe(300);
      expect(zlibCalls.total).toBe(600);
      expect(zlibCalls.peak).toBeLessThanOrEqual(FILES_IN_FLIGHT * 2);
      // And more than one file at a time: libuv's threads are used.
      expect(zlibCalls.peak).toBeGreaterThan(2);
      expect(zlibCalls.running).toBe(0);
    } finally {
      await rm(many, { recursive: true, force: true });
    }
  });
});

describe("precompressSite with the previous site", () => {
  it("reuses the twins of unchanged files, checked first, and compresses the rest", async () => {
    const previous = await mkdtemp(path.join(tmpdir(), "sahifa-precompress-previous-"));
    try {
      // index.html unchanged, with twins made differently (so reuse is visible in the bytes);
      // feed.xml and robots.txt unchanged, one twin of each whole but of other bytes;
      // sitemap.xml unchanged, its .br corrupt; articles/a changed, with twins of its old text.
      await writeFile(path.join(previous, "index.html"), text);
      const lightGzip = gzipSync(Buffer.from(text), { level: 1 });
      const lightBrotli = brotliCompressSync(Buffer.from(text), {
        params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
      });
      await writeFile(path.join(previous, "index.html.gz"), lightGzip);
      await writeFile(path.join(previous, "index.html.br"), lightBrotli);
      await writeFile(path.join(previous, "feed.xml"), "<feed/>");
      await writeFile(path.join(previous, "feed.xml.gz"), gzipSync("<feed/>"));
      await writeFile(path.join(previous, "feed.xml.br"), brotliCompressSync("<feed>old</feed>"));
      const robots = "User-agent: *\n";
      const sitemap = "<urlset/>";
      await writeFile(path.join(dir, "robots.txt"), robots);
      await writeFile(path.join(dir, "sitemap.xml"), sitemap);
      await writeFile(path.join(previous, "robots.txt"), robots);
      await writeFile(path.join(previous, "robots.txt.gz"), gzipSync("User-agent: old\n"));
      await writeFile(path.join(previous, "robots.txt.br"), brotliCompressSync(robots));
      await writeFile(path.join(previous, "sitemap.xml"), sitemap);
      await writeFile(path.join(previous, "sitemap.xml.gz"), gzipSync(sitemap));
      await writeFile(path.join(previous, "sitemap.xml.br"), Buffer.from("not brotli"));
      await mkdir(path.join(previous, "articles/a"), { recursive: true });
      await writeFile(path.join(previous, "articles/a/index.html"), "old");
      await writeFile(path.join(previous, "articles/a/index.html.br"), brotliCompressSync("old"));
      await writeFile(path.join(previous, "articles/a/index.html.gz"), gzipSync("old"));

      const summary = await precompressSite(dir, { previous });
      expect(await readFile(path.join(dir, "index.html.gz"))).toEqual(lightGzip);
      expect(await readFile(path.join(dir, "index.html.br"))).toEqual(lightBrotli);
      expect(summary.gzipBytes).toBeGreaterThanOrEqual(lightGzip.length);
      // The rest as a run without `previous` writes them.
      for (const file of ["feed.xml", "robots.txt", "sitemap.xml", "articles/a/index.html"]) {
        const { gz, br } = expectedTwins(await readFile(path.join(dir, file)));
        expect(await readFile(path.join(dir, `${file}.gz`))).toEqual(gz);
        expect(await readFile(path.join(dir, `${file}.br`))).toEqual(br);
      }
      // Only the four files whose twins were not reused went through the compressors.
      expect(zlibCalls.total).toBe(8);
    } finally {
      await rm(previous, { recursive: true, force: true });
    }
  });

  it("compresses everything when the previous site is missing", async () => {
    await precompressSite(dir, { previous: path.join(dir, "no-such-site") });
    expect(zlibCalls.total).toBe(6);
    const { br } = expectedTwins(Buffer.from(text));
    expect(await readFile(path.join(dir, "index.html.br"))).toEqual(br);
  });
});

describe("the twins' bytes", () => {
  it("are the same every time (no name or time in the gzip header)", async () => {
    const twins = async (): Promise<[Buffer, Buffer]> => [
      await readFile(path.join(dir, "index.html.gz")),
      await readFile(path.join(dir, "index.html.br")),
    ];
    await precompressSite(dir);
    const [gzipA, brotliA] = await twins();
    await rm(path.join(dir, "index.html.gz"));
    await rm(path.join(dir, "index.html.br"));
    await precompressSite(dir);
    const [gzipB, brotliB] = await twins();
    expect(gzipA.equals(gzipB)).toBe(true);
    expect(brotliA.equals(brotliB)).toBe(true);
    // RFC 1952: FLG (byte 3) 0 means no file name or comment; MTIME (bytes 4–7) 0, no time.
    expect(gzipA[3]).toBe(0);
    expect(gzipA.readUInt32LE(4)).toBe(0);
  });
});

describe("isCompressible", () => {
  it.each([
    ["index.html", true],
    ["feed.xml", true],
    ["feed.json", true],
    ["robots.txt", true],
    ["STYLE.CSS", true],
    ["site.webmanifest", true],
    ["card.png", false],
    ["face.woff2", false],
    ["_headers", false],
    ["index.html.gz", false],
    ["index.html.br", false],
  ])("%s → %s", (name, expected) => {
    expect(isCompressible(name)).toBe(expected);
  });
});
