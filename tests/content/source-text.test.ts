import { execFileSync } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  decodeSourceText,
  formatMegabytes,
  MAX_ARTICLE_BYTES,
  readBoundedFile,
  SourceTextError,
} from "../../src/content/source-text.ts";
import { thrown } from "../helpers/errors.ts";
import { makeTempDir, removeTempDirs } from "../helpers/sites.ts";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))),
  );

const decodeError = (input: Uint8Array) => thrown(() => decodeSourceText(input), SourceTextError);

afterAll(removeTempDirs);

describe("decodeSourceText", () => {
  it("drops a byte-order mark and turns CRLF and lone CR into LF", () => {
    expect(decodeSourceText(bytes([0xef, 0xbb, 0xbf], "---\r\ntitle: عنوان\r\n---\rنص\r\n"))).toBe(
      "---\ntitle: عنوان\n---\nنص\n",
    );
  });

  it("keeps a BOM-less clean file as it is, Arabic included", () => {
    expect(decodeSourceText(bytes("نص\tمع علامة\n"))).toBe("نص\tمع علامة\n");
  });

  it("refuses a NUL byte with its byte offset", () => {
    expect(decodeError(bytes("---\nنص", [0], "x")).message).toMatch(/NUL byte at byte offset 8\b/);
  });

  it("refuses a byte that is not UTF-8 with its offset, not U+FFFD", () => {
    // "ab" then 0xff: byte offset 2.
    expect(decodeError(bytes("ab", [0xff], "cd")).message).toMatch(/byte 0xff at byte offset 2\b/);
    // Latin-1 é (0xe9) after Arabic letters (2 bytes each): offset 6.
    expect(decodeError(bytes("نصا", [0xe9], "t")).message).toMatch(/byte 0xe9 at byte offset 6\b/);
  });

  it("points at the lead byte of a sequence cut short, in the middle or at the end", () => {
    // e2 82 starts a three-byte character; "A" cannot continue it.
    expect(decodeError(bytes("xy", [0xe2, 0x82], "A")).message).toMatch(
      /byte 0xe2 at byte offset 2\b/,
    );
    expect(decodeError(bytes("xyz", [0xd8])).message).toMatch(/byte 0xd8 at byte offset 3\b/);
  });

  it("refuses a stray continuation byte and an overlong encoding", () => {
    expect(decodeError(bytes("a", [0x80])).message).toMatch(/byte 0x80 at byte offset 1\b/);
    expect(decodeError(bytes("ab", [0xc0, 0xaf])).message).toMatch(/byte 0xc0 at byte offset 2\b/);
  });

  it("refuses control characters HTML cannot carry, with line and column", () => {
    const error = decodeError(bytes("---\ntitle: عنوان\u0007\n"));
    expect(error.message).toMatch(/control character U\+0007/);
    expect([error.line, error.column]).toEqual([2, 13]);
    expect(decodeError(bytes("a\u0085b")).message).toMatch(/U\+0085/);
  });

  it("counts lines after CRLF normalisation", () => {
    const error = decodeError(bytes("a\r\nb\r\n\u001bc"));
    expect([error.line, error.column]).toEqual([3, 1]);
  });
});

describe("readBoundedFile", () => {
  it("reads a file within the limit whole", async () => {
    const file = path.join(await makeTempDir("bounded"), "a.md");
    await writeFile(file, "x".repeat(1000));
    expect(readBoundedFile(file, 1000).bytes.length).toBe(1000);
  });

  it("refuses a larger file with its size and the limit, in megabytes", async () => {
    const file = path.join(await makeTempDir("bounded"), "big.md");
    await writeFile(file, Buffer.alloc(5 * 1024 * 1024, 0x61));
    expect(() => readBoundedFile(file, MAX_ARTICLE_BYTES).bytes).toThrow(
      /the file is 5\.0 MB \(5242880 bytes\), over the 2\.0 MB limit/,
    );
  });

  it("never reads through a symbolic link (one swapped in after the folder was listed)", async () => {
    const dir = await makeTempDir("bounded");
    await writeFile(path.join(dir, "secret.txt"), "secret");
    await symlink(path.join(dir, "secret.txt"), path.join(dir, "a.md"));
    expect(() => readBoundedFile(path.join(dir, "a.md"), 1000).bytes).toThrow(
      expect.objectContaining({ code: "ELOOP" }),
    );
  });

  it("refuses a named pipe or a folder at once, without waiting for a writer", async () => {
    const dir = await makeTempDir("bounded");
    execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
    await mkdir(path.join(dir, "folder.md"));
    for (const name of ["pipe.md", "folder.md"]) {
      const error = thrown(
        () => readBoundedFile(path.join(dir, name), 1000).bytes,
        SourceTextError,
      );
      expect(error.editorMessage.en).toMatch(/is not a regular file/);
      expect(error.editorMessage.ar).toMatch(/ليس ملفًا عاديًا/);
    }
  });
});

describe("formatMegabytes", () => {
  it("writes one decimal", () => {
    expect(formatMegabytes(MAX_ARTICLE_BYTES)).toBe("2.0 MB");
    expect(formatMegabytes(1536 * 1024)).toBe("1.5 MB");
  });
});
