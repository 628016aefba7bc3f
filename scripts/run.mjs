// @ts-check
// Runs a script of scripts/ as the JavaScript tsc emits from the TypeScript sources: `node scripts/run.mjs build --output x`.
//
// Node 20 cannot run TypeScript. tsx can, through a module loader that Node runs on a thread of
// its own, and every module the process imports then goes through that thread, Eleventy's few
// hundred included: about 0.6 s of CPU and half a second of waiting on every build (measured in
// docs/performance.md). So npm run build runs what `tsc -p tsconfig.build.json` emits from src/,
// scripts/ and .eleventy.ts, kept in .sahifa/compiled/<hash of the sources>/: compiled again only
// when a source changes, never edited by hand. The dev server, `npm run new` and the tests run
// the TypeScript through tsx as before; both ways run the same code and write the same bytes
// (tests/build/compiled.test.ts).
// JavaScript because this file is what runs before anything is compiled; `// @ts-check` and
// `allowJs` have `npm run check` type-check it like the TypeScript.

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, ".sahifa", "compiled");
const require = createRequire(import.meta.url);
// What the compiled code is made from besides src/ and scripts/ (see sourcesHash).
const ROOT_INPUTS = [".eleventy.ts", "tsconfig.json", "tsconfig.build.json"];

const [script] = process.argv.slice(2);
if (
  !script ||
  !/^[a-z][a-z-]*$/.test(script) ||
  !existsSync(path.join(ROOT, "scripts", `${script}.ts`))
) {
  console.error(
    `usage: node scripts/run.mjs <script> [options]: one of scripts/*.ts, such as build`,
  );
  process.exit(2);
}
const compiled = await compile();
// The script reads its own options from process.argv, as if it had been started itself.
process.argv.splice(2, 1);
await import(pathToFileURL(path.join(compiled, "scripts", `${script}.js`)).href);

/** The folder holding the compiled sources, compiling them first if they changed. */
async function compile() {
  const target = path.join(OUT, sourcesHash());
  if (existsSync(target)) {
    // Marks it as in use (see prune).
    const now = new Date();
    await utimes(target, now, now).catch(() => undefined);
    return target;
  }
  await mkdir(OUT, { recursive: true });
  // Emitted beside, then renamed into place whole: a build running at the same moment (tests
  // run several) sees the folder complete or not at all.
  const staging = await mkdtemp(path.join(OUT, ".staging-"));
  try {
    await emit(staging);
    await rename(staging, target).catch(async (/** @type {unknown} */ error) => {
      // Another process compiled the same sources first: theirs is as good.
      if (!existsSync(target)) throw error;
      await rm(staging, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await prune(target);
  return target;
}

/**
 * tsc's emit of tsconfig.build.json into `outDir`. The compiler options (JSX for preact,
 * relative `.ts` imports rewritten to `.js`) are the project's own; type errors are
 * `npm run check`'s to report, so only a file tsc cannot parse stops the build.
 * @param {string} outDir
 */
async function emit(outDir) {
  const tsc = path.join(path.dirname(require.resolve("typescript/package.json")), "bin", "tsc");
  const args = [tsc, "-p", path.join(ROOT, "tsconfig.build.json"), "--outDir", outDir];
  try {
    await promisify(execFile)(process.execPath, args, { cwd: ROOT });
  } catch (error) {
    const { stdout = "", stderr = "" } = /** @type {{ stdout?: string, stderr?: string }} */ (
      error
    );
    throw new Error(`tsc could not compile the sources:\n${stdout}${stderr}`, { cause: error });
  }
}

/**
 * A name for the sources' compiled copy: the hash of every file under src/ and scripts/, the
 * root files tsc reads, and tsc's version. Read whole on every run: about 90 files, a few
 * hundred KB, some milliseconds.
 */
function sourcesHash() {
  const files = [...ROOT_INPUTS];
  for (const folder of ["src", "scripts"]) {
    for (const entry of readdirSync(path.join(ROOT, folder), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (!entry.isFile()) continue;
      files.push(
        path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
      );
    }
  }
  const hash = createHash("sha256").update(require("typescript/package.json").version);
  for (const file of files.sort()) {
    hash.update(`\0${file}\0`).update(readFileSync(path.join(ROOT, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Removes compiled folders nobody has used for a day (their sources have changed since).
 * @param {string} keep
 */
async function prune(keep) {
  const day = 24 * 60 * 60 * 1000;
  for (const name of await readdir(OUT)) {
    const folder = path.join(OUT, name);
    if (folder === keep) continue;
    const stats = await stat(folder).catch(() => undefined);
    if (stats && Date.now() - stats.mtimeMs > day)
      await rm(folder, { recursive: true, force: true });
  }
}
