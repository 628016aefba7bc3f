// Photos processed once per content and settings: kept on disk between builds, a few at a time, never twice at once.

import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  copyFile,
  link,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import path from "node:path";
import sharp from "sharp";
import { CACHE_ROOT, readCacheFile, writeCacheFile } from "./disk-cache.ts";
import {
  DEFAULT_PHOTO_PLAN,
  inspectPhotoBytes,
  photoStem,
  processPhoto,
  refusePhoto,
  type PhotoOutput,
  type PhotoPlan,
  type PhotoRefusal,
} from "./photos.ts";

/** One published file of a photo. */
export interface PhotoFile extends Omit<PhotoOutput, "contents" | "suffix"> {
  /** Its file name: the source's stem, the entry's hash and what it is (`gaza-3f9c2a1b7e-720.avif`). */
  readonly name: string;
  /** The cached file to copy, or its bytes when the cache could not be written. */
  readonly source: string | Uint8Array;
  /** Its size in bytes. */
  readonly bytes: number;
}

/** A photo ready to publish: its size as a reader sees it, and its files. */
export interface PublishedPhoto {
  readonly ok: true;
  readonly file: string;
  readonly width: number;
  readonly height: number;
  /** Narrower than the plan's smallest width (see smallPhotoMessage). */
  readonly small: boolean;
  /** The cache key: the source's bytes, the plan, sharp, libvips and this code. */
  readonly key: string;
  readonly files: readonly PhotoFile[];
}

export interface PhotoCacheOptions {
  /** Where entries live; by default `photos/` in the build's disk cache. */
  readonly folder?: string;
  readonly plan?: PhotoPlan;
  /** Photos processed at once (each is one libvips thread per output): the machine's cores. */
  readonly inFlight?: number;
  /** What makes a photo's outputs (a test counts its calls). */
  readonly process?: typeof processPhoto;
  /**
   * A source changed less than this long before a build is read again by the next build, its
   * stats notwithstanding (default 2 s: see `remember`). Tests set 0.
   */
  readonly settleMs?: number;
}

/** A build's photos: where each is made or found. Make one per build (it remembers work in flight). */
export interface PhotoCache {
  /** The photo's files, from the cache or made now; a refusal says why it cannot be published. */
  publish(file: string): Promise<PublishedPhoto | PhotoRefusal>;
  /**
   * Stores, beside the entries, what each source published so far was (device, inode, size,
   * modification and change times) and its key, so that the next build finds the entry of an
   * unchanged source without reading and hashing it. Any write to a file changes its change
   * time, which no program can set; a source changed within `settleMs` of the build is not
   * remembered (a second write in the same clock tick would leave its times as they were).
   */
  remember(): Promise<void>;
  /** Sources found in the cache, sources processed, and sources read and hashed, so far. */
  readonly stats: { hits: number; misses: number; read: number };
}

/**
 * A photo cache for one build. An entry is a folder named by its key, written beside and
 * renamed into place, so a killed build leaves at most a `.partial` folder that is never read
 * (and is removed when the same source is next processed). A key is processed at most once at
 * a time in a build, however many articles use the photo.
 * @example const photos = createPhotoCache(); await photos.publish("content/media/port.jpg")
 */
export function createPhotoCache(options: PhotoCacheOptions = {}): PhotoCache {
  const folder = options.folder ?? path.join(CACHE_ROOT, "photos");
  const plan = options.plan ?? DEFAULT_PHOTO_PLAN;
  const make = options.process ?? processPhoto;
  const limit = Math.max(1, options.inFlight ?? availableParallelism());
  const settings = settingsHash(plan);
  const settleNs = BigInt(Math.round((options.settleMs ?? 2000) * 1e6));
  const started = new Map<string, Promise<Entry | PhotoRefusal>>();
  const keys = new Map<string, Promise<string | undefined>>();
  const stats = { hits: 0, misses: 0, read: 0 };
  // What the last build knew of its sources (by absolute path), and what this one learns.
  const memoFile = path.join(folder, `sources-${settings.slice(0, 16)}.json`);
  let remembered: Promise<Map<string, Source>> | undefined;
  const learned = new Map<string, Source>();
  const waiting: (() => void)[] = [];
  let active = 0;

  async function oneOfFew<T>(work: () => Promise<T>): Promise<T> {
    while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  }

  async function entryFor(
    file: string,
    source: { key: string; bytes?: Buffer | undefined; vouched: boolean },
  ): Promise<Entry | PhotoRefusal> {
    const { key, bytes: given } = source;
    const place = path.join(folder, key.slice(0, 2), key);
    // An entry the last build read whole (or wrote) is taken on its manifest: 22 stats fewer.
    const found = await readEntry(place, { checkSizes: !source.vouched });
    if (found) {
      stats.hits += 1;
      return found;
    }
    stats.misses += 1;
    const bytes = given ?? (await readFile(file).catch(() => undefined));
    if (bytes === undefined) return refusePhoto("missing");
    return oneOfFew(async () => {
      const inspected = await inspectPhotoBytes(file, bytes);
      if (!inspected.ok) return inspected;
      const processed = await make(inspected, plan);
      if (!processed.ok) return processed;
      return writeEntry(place, {
        width: processed.width,
        height: processed.height,
        small: processed.small,
        outputs: processed.outputs,
      });
    });
  }

  /** The source's key: remembered when its stats are unchanged, else read and hashed. */
  async function keyOf(
    file: string,
  ): Promise<{ key: string; bytes?: Buffer; vouched: boolean } | undefined> {
    const info = await stat(file, { bigint: true }).catch(() => undefined);
    const identity = info?.isFile()
      ? [info.dev, info.ino, info.size, info.mtimeNs, info.ctimeNs].join(":")
      : undefined;
    remembered ??= readMemo(memoFile);
    const known = (await remembered).get(file);
    if (identity !== undefined && known?.identity === identity) {
      learned.set(file, known);
      return { key: known.key, vouched: true };
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return undefined;
    }
    stats.read += 1;
    const key = createHash("sha256").update(bytes).update(settings).digest("hex").slice(0, 32);
    const settled = info !== undefined && info.ctimeNs + settleNs <= nowNs();
    if (identity !== undefined && settled) learned.set(file, { identity, key });
    return { key, bytes, vouched: false };
  }

  return {
    stats,
    async remember() {
      // What other builds remembered stays (a site without photos, or another site, may share
      // the cache); what this build learned replaces it.
      const before = await (remembered ?? readMemo(memoFile));
      const news = [...learned].filter(
        ([file, source]) => before.get(file)?.identity !== source.identity,
      );
      if (news.length === 0) return;
      const merged = new Map([...before, ...news]);
      await writeCacheFile(memoFile, JSON.stringify(Object.fromEntries(merged)));
    },
    async publish(file) {
      // A file shown by several articles is read once; its bytes are not kept past its entry.
      let pending = keys.get(file);
      if (!pending) {
        pending = keyOf(file).then((source) => {
          if (source && !started.has(source.key)) started.set(source.key, entryFor(file, source));
          return source?.key;
        });
        keys.set(file, pending);
      }
      const key = await pending;
      const entry = key === undefined ? undefined : started.get(key);
      if (key === undefined || entry === undefined) return refusePhoto("missing");
      const result = await entry;
      if (!result.ok) return result;
      const prefix = `${photoStem(file)}-${key.slice(0, 10)}-`;
      return {
        ok: true,
        file,
        width: result.width,
        height: result.height,
        small: result.small,
        key,
        files: result.files.map(({ suffix, ...output }) => ({ ...output, name: prefix + suffix })),
      };
    },
  };
}

/**
 * Puts a photo's file into the site: a hard link to the cached file (about a seventh of a
 * copy's time here: 2,200 files in 30–65 ms against 200–230 ms; the outputs are named by their
 * content and never written again, so sharing the inode is safe), a copy when the site is on
 * another file system or the destination exists, or its bytes when the cache could not be written.
 * @example await putPhotoFile(photo.files[0], path.join(output, "media", photo.files[0].name))
 */
export async function putPhotoFile(file: PhotoFile, destination: string): Promise<void> {
  if (typeof file.source !== "string") return writeFile(destination, file.source);
  try {
    await link(file.source, destination);
  } catch {
    await copyFile(file.source, destination);
  }
}

/**
 * Puts many photo files into the site at once (putPhotoFile's links, or copies), on a worker
 * thread with the file system's synchronous calls: 22,000 links as promises cost the main
 * thread about a second of callbacks and garbage collection while it renders the pages. Files
 * whose bytes are in memory (a cache that could not be written) are written here.
 * @example await putPhotoFiles([{ file: photo.files[0], destination: "_site/media/x.avif" }])
 */
export async function putPhotoFiles(
  files: readonly { file: PhotoFile; destination: string }[],
): Promise<void> {
  const linked = files.flatMap(({ file, destination }) =>
    typeof file.source === "string" ? [[file.source, destination]] : [],
  );
  await Promise.all(
    files.map(({ file, destination }) =>
      typeof file.source === "string" ? undefined : putPhotoFile(file, destination),
    ),
  );
  if (linked.length === 0) return;
  const worker = new Worker(LINK_WORKER, { eval: true, workerData: linked });
  const failure = await new Promise<string | null>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the photo link worker exited with ${code}`)));
  });
  await worker.terminate();
  if (failure !== null) throw new Error(failure);
}

/** putPhotoFiles's thread: a hard link for each [source, destination], else a copy. */
const LINK_WORKER = `
const { copyFileSync, linkSync } = require("node:fs");
const { parentPort, workerData } = require("node:worker_threads");
parentPort.postMessage(linkAll(workerData));
function linkAll(pairs) {
  for (const [source, destination] of pairs) {
    try {
      linkSync(source, destination);
    } catch {
      try {
        copyFileSync(source, destination);
      } catch (error) {
        return String(error);
      }
    }
  }
  return null;
}
`;

// ---------------------------------------------------------------------------------------------

/** A source as a build found it: its stats joined (device:inode:size:mtime:ctime, in ns), and its key. */
interface Source {
  readonly identity: string;
  readonly key: string;
}

/** The sources the last build remembered, or none when the file is missing or unreadable. */
async function readMemo(file: string): Promise<Map<string, Source>> {
  try {
    const text = (await readCacheFile(file))?.toString("utf8");
    return new Map(text ? Object.entries(JSON.parse(text) as Record<string, Source>) : []);
  } catch {
    return new Map();
  }
}

function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

/** A cache entry as read back: each file named by its suffix, found where it was cached. */
interface Entry {
  readonly ok: true;
  readonly width: number;
  readonly height: number;
  readonly small: boolean;
  readonly files: readonly (Omit<PhotoFile, "name"> & { readonly suffix: string })[];
}

interface Manifest {
  width: number;
  height: number;
  small: boolean;
  outputs: (Omit<PhotoOutput, "contents"> & { bytes: number })[];
}

const MANIFEST = "manifest.json";

/**
 * Everything besides the source that decides an output's bytes: the plan, sharp's and
 * libvips's versions and the text of photos.ts (so an upgrade that changes how photos are
 * made makes them again, once; this file only stores them).
 */
function settingsHash(plan: PhotoPlan): string {
  const code = readFileSync(
    new URL("./photos" + path.extname(new URL(import.meta.url).pathname), import.meta.url),
  );
  return createHash("sha256")
    .update(JSON.stringify([plan, sharp.versions]))
    .update(code)
    .digest("hex");
}

/**
 * The entry in `place`, or undefined when it is missing, unreadable or (with `checkSizes`, the
 * default) any file is short.
 */
async function readEntry(
  place: string,
  options: { checkSizes: boolean } = { checkSizes: true },
): Promise<Entry | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(place, MANIFEST), "utf8")) as Manifest;
    if (options.checkSizes) {
      const sizes = await Promise.all(
        manifest.outputs.map(async (output) => (await stat(path.join(place, output.suffix))).size),
      );
      if (sizes.some((size, index) => size !== manifest.outputs[index]?.bytes)) return undefined;
    }
    return {
      ok: true,
      width: manifest.width,
      height: manifest.height,
      small: manifest.small,
      files: manifest.outputs.map((output) => ({
        ...output,
        source: path.join(place, output.suffix),
      })),
    };
  } catch {
    return undefined;
  }
}

/**
 * Writes an entry into a `.partial` folder beside its place, its manifest last, and renames the
 * folder into place (over an incomplete entry, never over a complete one). Another build that
 * got there first wins; a cache that cannot be written hands the bytes on instead.
 */
async function writeEntry(
  place: string,
  photo: { width: number; height: number; small: boolean; outputs: readonly PhotoOutput[] },
): Promise<Entry> {
  const parent = path.dirname(place);
  const key = path.basename(place);
  const partial = path.join(parent, `.${key}.${process.pid}.${randomUUID().slice(0, 8)}.partial`);
  try {
    await mkdir(partial, { recursive: true });
    await Promise.all(
      photo.outputs.map((output) => writeFile(path.join(partial, output.suffix), output.contents)),
    );
    const manifest: Manifest = {
      width: photo.width,
      height: photo.height,
      small: photo.small,
      outputs: photo.outputs.map(({ contents, ...output }) => ({
        ...output,
        bytes: contents.length,
      })),
    };
    await writeFile(path.join(partial, MANIFEST), JSON.stringify(manifest));
    await removeLeftovers(parent, key);
    // another build may have put the same entry in place meanwhile: keep it, files in use and all
    if (!(await readEntry(place))) {
      await rm(place, { recursive: true, force: true });
      await rename(partial, place);
    }
  } catch {
    // a read-only cache, or another build renamed its entry first: see below
  }
  await rm(partial, { recursive: true, force: true }).catch(() => undefined);
  return (
    (await readEntry(place)) ?? {
      ok: true,
      width: photo.width,
      height: photo.height,
      small: photo.small,
      files: photo.outputs.map(({ contents, ...output }) => ({
        ...output,
        source: contents,
        bytes: contents.length,
      })),
    }
  );
}

/** `.partial` folders of this key left by builds that are no longer running (killed ones). */
async function removeLeftovers(parent: string, key: string): Promise<void> {
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const pid = new RegExp(`^\\.${key}\\.(\\d+)\\.[0-9a-f]+\\.partial$`).exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid)))
      await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
