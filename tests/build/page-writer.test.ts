// The page writer: pages written on its thread as they are rendered, then the folder made to match Eleventy's results.

import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startPageWriter } from "../../src/build/page-writer.ts";
import { makeTempDir, removeTempDirs } from "../helpers/sites.ts";

afterAll(removeTempDirs);

/** Every file under `dir` with its text, paths relative to it. */
async function filesIn(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const pairs = await Promise.all(
    files.map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, file), await readFile(file, "utf8")] as const;
    }),
  );
  return Object.fromEntries(pairs.sort(([a], [b]) => a.localeCompare(b)));
}

describe("startPageWriter", () => {
  it("writes each rendered page at its path, folders included, and counts the HTML pages", async () => {
    const site = await makeTempDir("sahifa-writer-");
    const writer = startPageWriter(site);
    const pages = Array.from({ length: 60 }, (_, index) => ({
      outputPath: path.join(site, "articles", `a-${index}`, "index.html"),
      content: `<!doctype html>\n<p>مقال ${index}</p>\n`,
    }));
    const feed = { outputPath: path.join(site, "feed.xml"), content: "<feed/>" };
    for (const page of [...pages, feed]) writer.write(page.outputPath, page.content);
    expect(writer.finish([...pages, feed])).toBe(60);
    expect(writer.pages).toBe(60);
    await writer.close();
    const files = await filesIn(site);
    expect(Object.keys(files)).toHaveLength(61);
    expect(files[path.join("articles", "a-7", "index.html")]).toBe(
      "<!doctype html>\n<p>مقال 7</p>\n",
    );
    expect(files["feed.xml"]).toBe("<feed/>");
  });

  it("writes what the results have that was never written or was written with other text", async () => {
    const site = await makeTempDir("sahifa-writer-");
    const writer = startPageWriter(site);
    const kept = path.join(site, "kept", "index.html");
    const changed = path.join(site, "changed", "index.html");
    const late = path.join(site, "late", "index.html");
    writer.write(kept, "kept");
    // A transform after rendering would hand Eleventy's write other text than the render's.
    writer.write(changed, "as rendered");
    const pages = writer.finish([
      { outputPath: kept, content: "kept" },
      { outputPath: changed, content: "as transformed" },
      { outputPath: late, content: "late" },
      { outputPath: false, content: "no permalink: never written" },
    ]);
    await writer.close();
    expect(pages).toBe(3);
    expect(await filesIn(site)).toEqual({
      [path.join("changed", "index.html")]: "as transformed",
      [path.join("kept", "index.html")]: "kept",
      [path.join("late", "index.html")]: "late",
    });
  });

  it("removes a page it wrote that the results do not have", async () => {
    const site = await makeTempDir("sahifa-writer-");
    const writer = startPageWriter(site);
    writer.write(path.join(site, "stray", "index.html"), "rendered, then not output");
    writer.write(path.join(site, "index.html"), "home");
    writer.finish([{ outputPath: path.join(site, "index.html"), content: "home" }]);
    await writer.close();
    expect(await filesIn(site)).toEqual({ "index.html": "home" });
  });

  it("refuses an output outside its folder, without writing it", async () => {
    const root = await makeTempDir("sahifa-writer-");
    const site = path.join(root, "site");
    await mkdir(site);
    const writer = startPageWriter(site);
    const outside = path.join(root, "elsewhere.html");
    writer.write(outside, "outside");
    expect(() => writer.finish([{ outputPath: outside, content: "outside" }])).toThrow(/outside/);
    await writer.close();
    expect(await readdir(root)).toEqual(["site"]);
  });

  it("rejects with the file system's error when a page cannot be written", async () => {
    const site = await makeTempDir("sahifa-writer-");
    // A file where the page's folder has to be.
    await writeFile(path.join(site, "articles"), "not a folder");
    const writer = startPageWriter(site);
    const page = path.join(site, "articles", "a", "index.html");
    writer.write(page, "page");
    expect(() => writer.finish([{ outputPath: page, content: "page" }])).toThrow(/ENOTDIR|EEXIST/);
    await writer.close();
  });
});
