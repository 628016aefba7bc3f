// Reads an editor's text file strictly: a size limit, UTF-8 or an error with the byte offset, no control characters.

import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync, type BigIntStats } from "node:fs";
import type { Message } from "./problems.ts";

/** Files larger than this are refused: no article is that long, and parsing time grows with size. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** A file that cannot be read as text, with its place when it has one. */
export class SourceTextError extends Error {
  override name = "SourceTextError";
  constructor(
    /** What the editor is told, in both languages (the error's own message is the English). */
    readonly editorMessage: Message,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(editorMessage.en);
  }
}

/**
 * Reads at most `limit` bytes of a file; a larger file is refused without reading it whole.
 * With the bytes, the status of the file they were read from (its inode, size and times: the
 * same version as the bytes, read from the open file).
 * @example readBoundedFile("content/articles/x.md", MAX_ARTICLE_BYTES).bytes //=> <Buffer 2d 2d 2d …>
 */
export function readBoundedFile(
  file: string,
  limit: number,
): { bytes: Buffer; stats: BigIntStats } {
  // Synchronous calls: for thousands of small files, the promise API's round trips through the
  // thread pool (open, stat, read, close) cost several times the reading itself.
  // Never through a symbolic link (one swapped in after the folder was listed is refused with
  // ELOOP), and never blocking on a named pipe or a device: only a regular file is read.
  const handle = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = fstatSync(handle, { bigint: true });
    if (!info.isFile()) {
      throw new SourceTextError({
        en: "is not a regular file (a pipe, a device or a folder): only files are read",
        ar: "ليس ملفًا عاديًا (أنبوبًا أو جهازًا أو مجلدًا): لا يُقرأ إلا الملفات",
      });
    }
    const size = Number(info.size);
    if (size > limit) {
      throw new SourceTextError({
        en: `the file is ${formatMegabytes(size)} (${size} bytes), over the ${formatMegabytes(limit)} limit for one article: split it, or move tables and data out of it`,
        ar: `حجم الملف ${formatMegabytes(size)} (${size} بايت)، أكبر من الحد المسموح للمقال الواحد ${formatMegabytes(limit)}: قسّمه، أو انقل الجداول والبيانات منه`,
      });
    }
    // Read one byte past the limit, in case the file grew since stat.
    const buffer = Buffer.alloc(size + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(handle, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > limit) {
      throw new SourceTextError({
        en: `the file grew past the ${formatMegabytes(limit)} limit while being read`,
        ar: `كبر الملف أثناء قراءته فتجاوز الحد ${formatMegabytes(limit)}`,
      });
    }
    return { bytes: buffer.subarray(0, length), stats: info };
  } finally {
    closeSync(handle);
  }
}

/**
 * Strict UTF-8: a byte that is not UTF-8 is an error with its offset, never a silent U+FFFD.
 * A byte-order mark is dropped; CRLF and lone CR become LF. NUL and other control characters
 * (which HTML cannot carry) are errors with their place.
 * @example decodeSourceText(Buffer.from("\ufeff---\r\n")) //=> "---\n"
 */
export function decodeSourceText(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    throw new SourceTextError({
      en: `the file contains a NUL byte at byte offset ${nul} (is it a text file?)`,
      ar: `في الملف بايت فارغ (NUL) عند البايت ${nul} (هل هو ملف نصي؟)`,
    });
  let text: string;
  if (isUtf8(bytes)) {
    // simdutf validation, then the plain decoder: several times faster than a fatal TextDecoder.
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } else {
    const offset = firstInvalidUtf8Byte(bytes);
    const byte = `0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")}`;
    throw new SourceTextError({
      en: `the file is not valid UTF-8: byte ${byte} at byte offset ${offset} (save the file as UTF-8)`,
      ar: `الملف ليس بترميز UTF-8 صحيح: البايت ${byte} عند البايت ${offset} (احفظ الملف بترميز UTF-8)`,
    });
  }
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  const control = CONTROL.exec(text);
  if (control) {
    const before = text.slice(0, control.index).split("\n");
    const code = (control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    throw new SourceTextError(
      {
        en: `invisible control character U+${code} (it cannot be published: delete it)`,
        ar: `محرف تحكم غير مرئي U+${code} (لا يمكن نشره: احذفه)`,
      },
      before.length,
      (before.at(-1)?.length ?? 0) + 1,
    );
  }
  return text;
}

/**
 * Bytes in megabytes as editors read them.
 * @example formatMegabytes(5 * 1024 * 1024) //=> "5.0 MB"
 */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// ---------------------------------------------------------------------------------------------
// Internals

// C0 controls but tab and newline, DEL, C1 controls, and the noncharacters U+FFFE/U+FFFF: HTML
// parsers reject them (https://html.spec.whatwg.org/#preprocessing-the-input-stream).
// Every one of them is a single UTF-16 code unit, so no `u` flag (which makes the search slower).
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;

/** The offset of the first byte of the first malformed sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  // Binary search for the longest prefix a streaming decoder accepts (decoding is the only
  // UTF-8 validator we trust); the byte after it, or the end of the file, breaks a sequence.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (isUtf8Prefix(bytes.subarray(0, middle))) low = middle;
    else high = middle - 1;
  }
  // If that prefix ends inside a multi-byte character, the character's lead byte is the culprit.
  for (let start = low - 1; start >= Math.max(0, low - 3); start -= 1) {
    const byte = bytes[start] ?? 0;
    if ((byte & 0xc0) !== 0x80)
      return byte >= 0xc0 && start + sequenceLength(byte) > low ? start : low;
  }
  return low;
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

function isUtf8Prefix(bytes: Uint8Array): boolean {
  // A prefix may end inside a valid multi-byte character: streaming mode allows that.
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
