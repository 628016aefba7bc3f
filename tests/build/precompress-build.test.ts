// Precompression inside real builds: off by default; when on, twins of every text file's final bytes, the same every build, written only by the build command.

import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { isCompressible } from "../../src/build/precompress.ts";
import { BASE } from "../fixtures/configs/html-base.eleventy.ts";
import { AFTER_MARK, LATE_MARK } from "../fixtures/configs/rewrites-pages.eleventy.ts";
import { PUBLISHING_FIXTURE } from "../helpers/build-fixture.ts";
import { hashTree } from "../helpers/site-tree.ts";
import { makeTempDir, removeTempDirs, ROOT } from "../helpers/sites.ts";

const CONFIGS = path.join(import.meta.dirname, "../fixtures/configs");
let work: string;
let site: string;

/** Builds the publishing fixture into `outputDir` through buildSite, in this process. */
async function build(
  outputDir: string,
  configPath?: string,
  options: { precompress?: boolean } = { precompress: true },
): Promise<void> {
  const saved = process.env.SAHIFA_CONTENT;
  process.env.SAHIFA_CONTENT = PUBLISHING_FIXTURE;
  try {
    await buildSite({ outputDir, ...options, ...(configPath === undefined ? {} : { configPath }) });
  } finally {
    if (saved === undefined) delete process.env.SAHIFA_CONTENT;
    else process.env.SAHIFA_CONTENT = saved;
  }
}

/** Runs `args` with node (tsx loaded) from the repository root; resolves with its exit and output. */
function runNode(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: "", SAHIFA_CONTENT: PUBLISHING_FIXTURE },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Every compressible file's .br and .gz hold exactly its bytes, and every twin has its file.
 * Returns how many files were checked.
 */
async function expectExactTwins(root: string): Promise<number> {
  const files = await filesUnder(root);
  const all = new Set(files);
  const texts = files.filter(isCompressible);
  for (const file of texts) {
    const bytes = await readFile(path.join(root, file));
    expect(all.has(`${file}.br`) && all.has(`${file}.gz`), `${file} has both twins`).toBe(true);
    const brotli = brotliDecompressSync(await readFile(path.join(root, `${file}.br`)));
    const gzip = gunzipSync(await readFile(path.join(root, `${file}.gz`)));
    expect(brotli.equals(bytes), `${file}.br is its bytes`).toBe(true);
    expect(gzip.equals(bytes), `${file}.gz is its bytes`).toBe(true);
  }
  for (const twin of files.filter((file) => /\.(br|gz)$/.test(file))) {
    expect(texts, `${twin} belongs to a text file`).toContain(twin.slice(0, -3));
  }
  return texts.length;
}

beforeAll(async () => {
  work = await makeTempDir("compress-build");
  site = path.join(work, "first", "_site");
  await build(site);
}, 120_000);

afterAll(removeTempDirs);

describe("a build's compressed twins", () => {
  it("exist for every text file, feeds, stylesheet and pages alike, and hold its exact bytes", async () => {
    const checked = await expectExactTwins(site);
    const files = await filesUnder(site);
    expect(checked).toBeGreaterThan(10);
    for (const file of ["index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt"]) {
      expect(files).toContain(`${file}.br`);
    }
    expect(files.some((file) => /^assets\/.*\.css\.br$/.test(file))).toBe(true);
  });

  it("are the same bytes in a second build into a fresh folder", async () => {
    const second = path.join(work, "second", "_site");
    await build(second);
    const [first, again] = await Promise.all([hashTree(site), hashTree(second)]);
    expect(Object.keys(first).filter((file) => file.endsWith(".br")).length).toBeGreaterThan(10);
    expect(again).toEqual(first);
  }, 120_000);

  it("follow pages a transform changed after they were queued and files rewritten after the write", async () => {
    const changed = path.join(work, "changed", "_site");
    await build(changed, path.join(CONFIGS, "rewrites-pages.eleventy.ts"));
    expect(await readFile(path.join(changed, "index.html"), "utf8")).toMatch(
      new RegExp(`${LATE_MARK}$`),
    );
    expect(await readFile(path.join(changed, "404.html"), "utf8")).toMatch(
      new RegExp(`${AFTER_MARK}$`),
    );
    await expectExactTwins(changed);
  }, 120_000);

  it("hold the pages a plugin's HTML transform rewrote (Eleventy's HtmlBasePlugin)", async () => {
    const based = path.join(work, "based", "_site");
    await build(based, path.join(CONFIGS, "html-base.eleventy.ts"));
    expect(await readFile(path.join(based, "index.html"), "utf8")).toContain(`href="${BASE}`);
    await expectExactTwins(based);
  }, 120_000);
});

describe("a build without precompression (the default)", () => {
  it("writes no twins, and the same pages and assets", async () => {
    const plain = path.join(work, "plain-build", "_site");
    await build(plain, undefined, {});
    const files = await filesUnder(plain);
    expect(files).toContain("index.html");
    expect(files.filter((file) => /\.(br|gz)$/.test(file))).toEqual([]);
    const withTwins = (await filesUnder(site)).filter((file) => !/\.(br|gz)$/.test(file));
    expect(files).toEqual(withTwins);
    for (const file of files) {
      const same = (await readFile(path.join(plain, file))).equals(
        await readFile(path.join(site, file)),
      );
      expect(same, file).toBe(true);
    }
  }, 120_000);
});

describe("runs other than the build command", () => {
  it("write no compressed twins (plain Eleventy, as the dev server runs it)", async () => {
    const output = path.join(work, "plain", "_site");
    const { code, output: log } = await runNode([
      "node_modules/@11ty/eleventy/cmd.cjs",
      "--config=.eleventy.ts",
      "--quiet",
      `--output=${output}`,
    ]);
    expect(code, log).toBe(0);
    const files = await filesUnder(output);
    expect(files).toContain("index.html");
    expect(files.filter((file) => /\.(br|gz)$/.test(file))).toEqual([]);
  }, 120_000);
});
