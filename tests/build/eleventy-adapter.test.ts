// Contract tests: what src/build/eleventy-adapter.ts relies on in Eleventy still holds; each fails when an Eleventy upgrade changes it.

import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  errorChain,
  firstAfterListener,
  keepOnlyErrors,
  ONE_SHOT_ENVIRONMENT,
  silenceLogger,
  watchWithDeletions,
} from "../../src/build/eleventy-adapter.ts";
import { findContentError } from "../../src/build/build-site.ts";
import { ContentError } from "../../src/content/problems.ts";
import { countingPlugin, runs } from "../fixtures/configs/counting-plugin.ts";
import { makeTempDir, removeTempDirs } from "../helpers/sites.ts";

const CONFIGS = path.join(import.meta.dirname, "../fixtures/configs");

afterAll(removeTempDirs);

describe("a unique plugin (onlyTheFirst)", () => {
  // The config file's copy of the plugin is another module instance (Eleventy imports config
  // files afresh): Eleventy knows a plugin by its function's name, which is what makes this work.
  it("runs once, with the options of the programmatic config callback, before the config file's", async () => {
    runs.length = 0;
    const work = await makeTempDir("adapter-unique");
    const eleventy = new Eleventy(work, path.join(work, "_site"), {
      configPath: path.join(CONFIGS, "adds-counting-plugin.eleventy.ts"),
      quietMode: true,
      config: (config) => config.addPlugin(countingPlugin, { from: "build" }),
    });
    await eleventy.init();
    expect(runs).toEqual(["build"]);
  });

  it("runs for the config file alone when nothing added it first (the dev server)", async () => {
    runs.length = 0;
    const work = await makeTempDir("adapter-alone");
    const eleventy = new Eleventy(work, path.join(work, "_site"), {
      configPath: path.join(CONFIGS, "adds-counting-plugin.eleventy.ts"),
      quietMode: true,
    });
    await eleventy.init();
    expect(runs).toEqual(["config file"]);
  });
});

describe("eleventy.after's first listener (firstAfterListener)", () => {
  it("is the one added in the programmatic config callback, finished before the config file's and a plugin's start, under toJSON", async () => {
    const work = await makeTempDir("adapter-after");
    await writeFile(path.join(work, "index.md"), "# صفحة\n");
    const config = path.join(work, "order.config.mjs");
    await writeFile(
      config,
      [
        "export default function (config) {",
        '  config.addPlugin(function orderPlugin(plugin) { plugin.on("eleventy.after", () => { globalThis.afterOrder.push("plugin"); }); });',
        '  config.on("eleventy.after", () => { globalThis.afterOrder.push("config file"); });',
        "}",
        "",
      ].join("\n"),
    );
    const order: string[] = [];
    Object.assign(globalThis, { afterOrder: order });
    const eleventy = new Eleventy(work, path.join(work, "_site"), {
      configPath: config,
      quietMode: true,
      config: (userConfig) =>
        firstAfterListener(userConfig, ({ results }) => {
          order.push(`first, with ${results.length} result`);
        }),
    });
    const results = await eleventy.toJSON();
    expect(order[0]).toBe("first, with 1 result");
    expect([...order].sort()).toEqual(["config file", "first, with 1 result", "plugin"]);
    // toJSON reports the page with its text and writes nothing.
    expect(results.map((result) => path.basename(String(result.outputPath)))).toEqual([
      "index.html",
    ]);
    expect(results[0]?.content).toContain("صفحة");
    expect(readdirSync(work).sort()).toEqual(["index.md", "order.config.mjs"]);
  });
});

describe("errors thrown inside a build", () => {
  it("keep the original error where errorChain finds it", async () => {
    const work = await makeTempDir("adapter-errors");
    const problem = new ContentError([
      { file: "content/articles/x.md", message: { en: "broken", ar: "معطوب" } },
    ]);
    const eleventy = new Eleventy(work, path.join(work, "_site"), {
      configPath: false,
      quietMode: true,
      config: (config) => {
        config.addGlobalData("broken", () => {
          throw problem;
        });
        config.addTemplate("page.11ty.js", { render: () => "x" });
      },
    });
    silenceLogger(eleventy);
    const error = await eleventy.write().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeDefined();
    expect(errorChain(error)).toContain(problem);
    expect(findContentError(error)).toBe(problem);
  });
});

describe("the one-shot environment", () => {
  it("names variables Eleventy still reads", () => {
    const source = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
    const files = readdirSync(source, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
      .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), "utf8"));
    for (const name of Object.keys(ONE_SHOT_ENVIRONMENT)) {
      const read = new RegExp(`env\\??\\.${name}\\b`);
      expect(
        files.some((text) => read.test(text)),
        name,
      ).toBe(true);
    }
  });
});

describe("the preview's watch (watchWithDeletions, keepOnlyErrors)", () => {
  it("rebuilds when a watched file is deleted, and prints none of Eleventy's lines but errors", async () => {
    const work = await makeTempDir("adapter-watch");
    const watched = path.join(work, "watched");
    await mkdir(watched);
    await mkdir(path.join(work, "in"));
    await writeFile(path.join(watched, "a.md"), "a");
    let builds = 0;
    const eleventy = new Eleventy(path.join(work, "in"), path.join(work, "_site"), {
      configPath: false,
      quietMode: true,
      runMode: "serve",
      config: (config) => {
        config.addWatchTarget(watched);
        config.on("eleventy.after", () => (builds += 1));
        config.addTemplate("page.11ty.js", { render: () => "x" });
      },
    });
    const printed = vi.spyOn(console, "log");
    const errors: string[] = [];
    try {
      keepOnlyErrors(eleventy, { error: (line) => errors.push(line) });
      await eleventy.init();
      await watchWithDeletions(eleventy);
      expect(builds).toBe(1);
      // chokidar misses a deletion in the first moments after it reports ready.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await rm(path.join(watched, "a.md"));
      for (let wait = 0; wait < 300 && builds < 2; wait += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(builds).toBe(2);
      // "Watching…", "File deleted: …" and "Wrote 1 file" are all forced lines in quiet mode.
      expect(printed).not.toHaveBeenCalled();
      expect(errors).toEqual([]);
    } finally {
      printed.mockRestore();
      await eleventy.stopWatch();
    }
  });
});
