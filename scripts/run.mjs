// Runs a script of scripts/ as plain JavaScript, compiled once from the TypeScript sources: `node scripts/run.mjs build --output x`.
//
// Node 20 cannot run TypeScript. tsx can, through a module loader that Node runs on a thread of
// its own, and every module the process imports then goes through that thread, Eleventy's few
// hundred included: about 0.6 s of CPU and half a second of waiting on every build (measured in
// docs/performance.md). So npm run build runs JavaScript that esbuild (the compiler inside tsx)
// made from src/, scripts/ and .eleventy.ts, kept in .sahifa/compiled/<hash of the sources>/:
// compiled again only when a source changes (about 0.2 s), never edited by hand. The dev
// server, `npm run new` and the tests run the TypeScript through tsx as before; both ways run
// the same code and write the same bytes (tests/build/compiled.test.ts).
// Plain JavaScript on purpose: this file is what runs before anything is compiled.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, ".sahifa", "compiled");
// Part of the hash: a change to how files are compiled compiles everything again.
const COMPILER = "sahifa-run-1";

const [script, ...args] = process.argv.slice(2);
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
// esbuild is loaded only to compile; its version is read from its package.json to name the output.
const esbuildVersion = createRequire(import.meta.url)("esbuild/package.json").version;
const compiled = await compile();
// The script reads its own options from process.argv, as if it had been started itself.
process.argv.splice(2, 1);
await import(pathToFileURL(path.join(compiled, "scripts", `${script}.js`)).href);

/** The folder holding the compiled sources, compiling them first if they changed. */
async function compile() {
  const sources = listSources();
  const texts = sources.map((file) => readFileSync(path.join(ROOT, file), "utf8"));
  const tsconfig = JSON.parse(readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"));
  const hash = createHash("sha256").update(
    JSON.stringify([COMPILER, esbuildVersion, tsconfig.compilerOptions]),
  );
  sources.forEach((file, index) => hash.update(`\0${file}\0${texts[index]}`));
  const target = path.join(OUT, hash.digest("hex").slice(0, 16));
  if (existsSync(target)) {
    // Marks it as in use (see prune).
    const now = new Date();
    await utimes(target, now, now).catch(() => undefined);
    return target;
  }
  await mkdir(OUT, { recursive: true });
  // Compiled beside, then renamed into place whole: a build running at the same moment (tests
  // run several) sees the folder complete or not at all.
  const staging = await mkdtemp(path.join(OUT, ".staging-"));
  try {
    await Promise.all(
      sources.map(async (file, index) => {
        const output = path.join(staging, javascriptName(file));
        await mkdir(path.dirname(output), { recursive: true });
        await writeFile(
          output,
          await toJavaScript(file, texts[index] ?? "", tsconfig.compilerOptions),
        );
      }),
    );
    await rename(staging, target).catch(async (error) => {
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

/** The files to compile or copy, relative to the root, sorted. */
function listSources() {
  const files = [".eleventy.ts"];
  for (const folder of ["src", "scripts"]) {
    for (const entry of readdirSync(path.join(ROOT, folder), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (!entry.isFile() || !/\.(ts|tsx|js)$/.test(entry.name) || entry.name.endsWith(".d.ts"))
        continue;
      files.push(
        path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
      );
    }
  }
  return files.sort();
}

function javascriptName(file) {
  return file.replace(/\.tsx?$/, ".js");
}

/**
 * TypeScript to JavaScript with the project's compiler options (JSX for preact's runtime), and
 * relative imports of .ts and .tsx files pointed at their .js. Plain JavaScript is copied.
 */
async function toJavaScript(file, text, compilerOptions) {
  if (file.endsWith(".js")) return text;
  const { transform } = await import("esbuild");
  const { code } = await transform(text, {
    loader: file.endsWith(".tsx") ? "tsx" : "ts",
    format: "esm",
    target: "node20",
    sourcefile: file,
    tsconfigRaw: { compilerOptions },
  });
  return code.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.\.?\/[^"'\n]*)\.tsx?\2/g,
    "$1$2$3.js$2",
  );
}

/** Removes compiled folders nobody has used for a day (their sources have changed since). */
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
