// Precompression inside real builds: twins of every text file's final bytes, the same every build, written only by the build command, and a failing compression thread fails the build.

import { spawn } from "node:child_process";
import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Eleventy } from "@11ty/eleventy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { isCompressible } from "../../src/build/compress.ts";
import { announcesEveryPage } from "../../src/build/plugin.ts";
import { BASE } from "../fixtures/configs/html-base.eleventy.ts";
import { AFTER_MARK, LATE_MARK } from "../fixtures/configs/rewrites-pages.eleventy.ts";
import { PUBLISHING_FIXTURE } from "../helpers/build-fixture.ts";
import { hashTree } from "../helpers/site-tree.ts";
import { makeTempDir, removeTempDirs, ROOT } from "../helpers/sites.ts";

const CONFIGS = path.join(import.meta.dirname, "../fixtures/configs");
let work: string;
let site: string;

/** Builds the publishing fixture into `outputDir` through buildSite, in this process. */
async function build(outputDir: string, configPath?: string): Promise<void> {
  const saved = process.env.SAHIFA_CONTENT;
  process.env.SAHIFA_CONTENT = PUBLISHING_FIXTURE;
  try {
    await buildSite({ outputDir, ...(configPath === undefined ? {} : { configPath }) });
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
});

/** What announcesEveryPage says of a config file once Eleventy has loaded it. */
async function announcesEveryPageWith(configPath: string): Promise<boolean | undefined> {
  let answer: boolean | undefined;
  const eleventy = new Eleventy("src/pages", path.join(work, "unused"), {
    configPath,
    quietMode: true,
    config: (config) => config.on("eleventy.config", () => (answer = announcesEveryPage(config))),
  });
  await eleventy.init();
  return answer;
}

describe("pages written by the compression threads", () => {
  it("are left to them with Sahifa's configuration, and to Eleventy once a page could change after rendering", async () => {
    expect(await announcesEveryPageWith(path.join(ROOT, ".eleventy.ts"))).toBe(true);
    expect(await announcesEveryPageWith(path.join(CONFIGS, "noop-transform.eleventy.ts"))).toBe(
      false,
    );
    expect(await announcesEveryPageWith(path.join(CONFIGS, "html-base.eleventy.ts"))).toBe(false);
  }, 60_000);

  it("are the bytes Eleventy writes when it writes them itself", async () => {
    const byEleventy = path.join(work, "by-eleventy", "_site");
    await build(byEleventy, path.join(CONFIGS, "noop-transform.eleventy.ts"));
    const [threads, eleventy] = await Promise.all([hashTree(site), hashTree(byEleventy)]);
    expect(Object.keys(threads)).toContain("_headers");
    expect(eleventy).toEqual(threads);
  }, 120_000);

  it("are checked again when something rewrites them after the build wrote them", async () => {
    expect(
      await announcesEveryPageWith(path.join(CONFIGS, "rewrites-after-write.eleventy.ts")),
    ).toBe(true);
    const rewritten = path.join(work, "rewritten", "_site");
    await build(rewritten, path.join(CONFIGS, "rewrites-after-write.eleventy.ts"));
    expect(await readFile(path.join(rewritten, "404.html"), "utf8")).toMatch(
      new RegExp(`${AFTER_MARK}$`),
    );
    await expectExactTwins(rewritten);
  }, 120_000);

  it("give way to Eleventy's HTML transformer when a plugin gives it work", async () => {
    const based = path.join(work, "html-base", "_site");
    await build(based, path.join(CONFIGS, "html-base.eleventy.ts"));
    const home = await readFile(path.join(based, "index.html"), "utf8");
    expect(home).toMatch(new RegExp(`<link rel="stylesheet" href="${BASE}[^"]*\\.css"`));
    await expectExactTwins(based);
  }, 120_000);
});

describe("a compression thread that fails", () => {
  it("fails the build, the process exits, and the published site stays as it was", async () => {
    const published = path.join(work, "published", "_site");
    await cp(site, published, { recursive: true });
    const before = await hashTree(published);
    const script = [
      `const { buildSite } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, "src/build/build-site.ts")).href)});`,
      "try { await buildSite({ outputDir: process.argv[1], configPath: process.argv[2] }); }",
      "catch (error) { for (let e = error; e; e = e.originalError ?? e.cause) console.error(e.message);",
      "process.exitCode = 1; }",
    ].join("\n");
    // No timeout of its own: a thread left running would keep the process, and the test, waiting.
    const { code, output } = await runNode([
      "--input-type=module",
      "-e",
      script,
      published,
      path.join(CONFIGS, "blocks-a-twin.eleventy.ts"),
    ]);
    expect(output).toMatch(/could not compress .*index\.html: EISDIR/);
    expect(code).toBe(1);
    expect(await hashTree(published)).toEqual(before);
    expect((await readdir(path.dirname(published))).sort()).toEqual(["_site"]);
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
