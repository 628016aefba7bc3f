import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMPRESSION_SETTINGS } from "../../src/build/compress.ts";
import { CompressionPool, type CompressionAnswer } from "../../src/build/compress-pool.ts";

let dir: string;
let answers: CompressionAnswer[];
let pool: CompressionPool;

const openPool = (threads: number) =>
  new CompressionPool({
    dir,
    settings: COMPRESSION_SETTINGS,
    threads,
    onAnswer: (answer) => answers.push(answer),
  });

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sahifa-pool-"));
  answers = [];
});

afterEach(async () => {
  await pool?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("CompressionPool", () => {
  it("compresses text it is given and files it reads, each twin decompressing to the bytes", async () => {
    pool = openPool(2);
    const given = "<p>خبر عاجل</p>\n".repeat(300);
    const onDisk = path.join(dir, "feed.xml");
    await writeFile(onDisk, "<feed>عاجل</feed>");
    // A page's folder may not exist yet when its text is handed over: the thread makes it.
    const page = path.join(dir, "articles/a/index.html");
    await pool.submit({ file: page, content: given });
    await pool.submit({ file: onDisk });
    await pool.drain();
    expect(answers.map((answer) => answer.file).sort()).toEqual([page, onDisk].sort());
    for (const [file, bytes] of [
      [page, Buffer.from(given)],
      [onDisk, await readFile(onDisk)],
    ] as const) {
      expect(brotliDecompressSync(await readFile(`${file}.br`))).toEqual(bytes);
      expect(gunzipSync(await readFile(`${file}.gz`))).toEqual(bytes);
    }
    const pageAnswer = answers.find((answer) => answer.file === page);
    expect(pageAnswer).toMatchObject({ written: true, digest: sha256(given) });
  });

  it("leaves twins whose digest matches the file, and rewrites those of a changed file", async () => {
    pool = openPool(1);
    const file = path.join(dir, "index.html");
    await writeFile(file, "<p>أ</p>");
    await pool.submit({ file });
    await pool.drain();
    const first = await stat(`${file}.br`);
    await pool.submit({ file, digest: sha256("<p>أ</p>") });
    await pool.drain();
    expect(answers.at(-1)).toEqual({ ok: true, file, digest: sha256("<p>أ</p>"), written: false });
    expect((await stat(`${file}.br`)).mtimeMs).toBe(first.mtimeMs);

    await writeFile(file, "<p>ب</p>");
    await pool.submit({ file, digest: sha256("<p>أ</p>") });
    await pool.drain();
    expect(answers.at(-1)?.written).toBe(true);
    expect(brotliDecompressSync(await readFile(`${file}.br`)).toString()).toBe("<p>ب</p>");
  });

  it("fails with the file it could not compress, then refuses more work", async () => {
    pool = openPool(1);
    const file = path.join(dir, "index.html");
    await mkdir(`${file}.br`); // a folder where the twin must go
    await pool.submit({ file, content: "<p>نص</p>" });
    await expect(pool.drain()).rejects.toThrow(/index\.html.*EISDIR/);
    await expect(pool.submit({ file: path.join(dir, "other.html"), content: "x" })).rejects.toThrow(
      /index\.html/,
    );
  });

  it("stops the other threads between files when one fails, dropping what they were given", async () => {
    pool = openPool(2);
    // Large pages keep the second thread inside Brotli when the first one fails.
    const page = "<p>قال لافرنتييف إن صيغة أستانا ستتواصل في الجولات المقبلة.</p>\n".repeat(20_000);
    const bad = path.join(dir, "bad.html");
    await mkdir(`${bad}.br`);
    for (let index = 0; index < 12; index++) {
      await pool.submit({ file: path.join(dir, `page-${index}.html`), content: page });
      if (index === 1) await pool.submit({ file: bad, content: "<p>نص</p>" });
    }
    await expect(pool.drain()).rejects.toThrow(/bad\.html.*EISDIR/);
    await pool.close();
    // This process is still here, and the threads compressed fewer pages than they were given.
    const written = answers.filter((answer) => answer.written).length;
    expect(written).toBeLessThan(12);
  });

  it("fails when a file to read is missing", async () => {
    pool = openPool(1);
    await pool.submit({ file: path.join(dir, "gone.html") });
    await expect(pool.drain()).rejects.toThrow(/gone\.html.*ENOENT/);
  });
});
