// src/build/code-paths.ts: Eleventy's input, config and template formats for the running code, wherever the module sits.

import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  ELEVENTY_CONFIG,
  ELEVENTY_INPUT,
  findCodeRoot,
  TEMPLATE_FORMATS,
  USE_GIT_IGNORE,
} from "../../src/build/code-paths.ts";
import { makeTempDir, removeTempDirs, ROOT } from "../helpers/sites.ts";

afterAll(removeTempDirs);

describe("code-paths from the sources", () => {
  it("points Eleventy at src/pages and .eleventy.ts, in TSX and TS", async () => {
    // The tests run from the repository's root, as npm does.
    expect(process.cwd()).toBe(ROOT);
    expect(ELEVENTY_INPUT).toBe("src/pages");
    expect(ELEVENTY_CONFIG).toBe(".eleventy.ts");
    expect(TEMPLATE_FORMATS).toEqual(["11ty.tsx", "11ty.ts"]);
    expect(USE_GIT_IGNORE).toBe(true);
    const pages = await readdir(path.join(ROOT, ELEVENTY_INPUT));
    for (const format of TEMPLATE_FORMATS) {
      expect(pages.filter((page) => page.endsWith(`.${format}`)).length).toBeGreaterThan(0);
    }
  });
});

describe("findCodeRoot", () => {
  it("finds the sources' root from any folder under it", async () => {
    expect(findCodeRoot(path.join(ROOT, "src/build"))).toEqual({
      root: ROOT,
      config: ".eleventy.ts",
    });
    expect(findCodeRoot(ROOT)).toEqual({ root: ROOT, config: ".eleventy.ts" });
    expect(findCodeRoot(path.join(ROOT, "src/a/folder/that/does/not/exist"))).toEqual({
      root: ROOT,
      config: ".eleventy.ts",
    });
  });

  it("finds the nearest root: a compiled copy inside the repository is its own", async () => {
    const repository = await makeTempDir("code-root");
    await writeFile(path.join(repository, ".eleventy.ts"), "");
    const copy = path.join(repository, ".sahifa/compiled/0123456789abcdef");
    await mkdir(path.join(copy, "src/build"), { recursive: true });
    await writeFile(path.join(copy, ".eleventy.js"), "");
    expect(findCodeRoot(path.join(copy, "src/build"))).toEqual({
      root: copy,
      config: ".eleventy.js",
    });
    expect(findCodeRoot(path.join(repository, "src/build"))).toEqual({
      root: repository,
      config: ".eleventy.ts",
    });
  });

  it("prefers the sources' config when both sit in one folder", async () => {
    const folder = await makeTempDir("code-root-both");
    await writeFile(path.join(folder, ".eleventy.js"), "");
    await writeFile(path.join(folder, ".eleventy.ts"), "");
    expect(findCodeRoot(folder)).toEqual({ root: folder, config: ".eleventy.ts" });
  });

  it("throws, naming the files it looked for, outside any code", async () => {
    const folder = await makeTempDir("code-root-none");
    expect(() => findCodeRoot(folder)).toThrow(/no \.eleventy\.ts or \.eleventy\.js in /);
  });
});

describe("code-paths moved", () => {
  it("finds a compiled copy's input and config from a folder deeper than src/build", async () => {
    const copy = await makeTempDir("code-paths-moved");
    await writeFile(path.join(copy, ".eleventy.js"), "");
    const moved = path.join(copy, "src/some/other/layer/code-paths.ts");
    await mkdir(path.dirname(moved), { recursive: true });
    await copyFile(path.join(ROOT, "src/build/code-paths.ts"), moved);
    const paths = (await import(
      pathToFileURL(moved).href
    )) as typeof import("../../src/build/code-paths.ts");
    const fromRoot = path.relative(ROOT, copy).split(path.sep).join("/");
    expect(paths.ELEVENTY_INPUT).toBe(`${fromRoot}/src/pages`);
    expect(paths.ELEVENTY_CONFIG).toBe(`${fromRoot}/.eleventy.js`);
    expect(paths.TEMPLATE_FORMATS).toEqual(["11ty.js"]);
    expect(paths.USE_GIT_IGNORE).toBe(false);
  });
});
