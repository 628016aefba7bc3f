// The build's disk cache (node_modules/.cache/sahifa/, or SAHIFA_CACHE): files written whole or not at all, and a miss that is never an error.

import { readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Where each kind of cached result lives: the project's node_modules/.cache/sahifa, or the
 * folder SAHIFA_CACHE names (a CI runner or host that keeps one folder between builds; the
 * photos are what it saves most). Read once, when the build starts.
 */
export const CACHE_ROOT = path.resolve(process.env.SAHIFA_CACHE || "node_modules/.cache/sahifa");

/**
 * A cached file's bytes, or undefined when it is missing or unreadable (a miss).
 * @example await readCacheFile(path.join(CACHE_ROOT, "fonts", "x.woff2")) //=> undefined
 */
export async function readCacheFile(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/**
 * Stores a result. Written beside and renamed, so a concurrent build never reads half a file;
 * a cache that cannot be written (a read-only checkout) only costs the next build the work again.
 * @example await writeCacheFile(path.join(CACHE_ROOT, "fonts", "x.woff2"), bytes)
 */
export async function writeCacheFile(file: string, contents: string | Uint8Array): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, contents);
    await rename(partial, file);
  } catch {
    // ignore: see above
  }
}

/**
 * An installed package's version, for cache keys: a new version may compute different bytes.
 * Found from the package's entry point when its `exports` hide package.json.
 * @example packageVersion("postcss") //=> "8.5.33"
 */
export function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    for (let folder = path.dirname(require.resolve(name)); ; folder = path.dirname(folder)) {
      try {
        const manifest = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as {
          name?: string;
          version?: string;
        };
        if (manifest.name === name && manifest.version) return manifest.version;
      } catch {
        // not this folder: keep going up
      }
      if (path.dirname(folder) === folder) throw new Error(`cannot find the version of ${name}`);
    }
  }
}

const require = createRequire(import.meta.url);
