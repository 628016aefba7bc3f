import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildStylesheets, contentHash } from "../../src/assets/styles.ts";

describe("buildStylesheets", () => {
  it("mirrors physical properties for right-to-left pages and minifies", async () => {
    const { rtl, ltr } = await buildStylesheets(
      ".a { margin-left: 1px; padding-left: 2px; text-align: left; border-left: 3px solid red }",
      "test.css",
    );
    expect(rtl.contents).toBe(
      ".a{border-right:3px solid red;margin-right:1px;padding-right:2px;text-align:right}",
    );
    expect(ltr.contents).toBe(
      ".a{border-left:3px solid red;margin-left:1px;padding-left:2px;text-align:left}",
    );
  });

  it("names each file by its content hash", async () => {
    const first = await buildStylesheets(".a{margin-left:1px}", "a.css");
    const second = await buildStylesheets(".a{margin-left:2px}", "a.css");
    expect(first.rtl.path).toMatch(/^assets\/sahifa\.rtl\.[0-9a-f]{10}\.css$/);
    expect(first.rtl.path).toBe(`assets/sahifa.rtl.${contentHash(first.rtl.contents)}.css`);
    expect(second.rtl.path).not.toBe(first.rtl.path);
    expect((await buildStylesheets(".a{margin-left:1px}", "a.css")).rtl.path).toBe(first.rtl.path);
  });

  it("flips the authored stylesheet's left-hand rules", async () => {
    const css = await readFile("styles/main.css", "utf8");
    const { rtl } = await buildStylesheets(css, "styles/main.css");
    const out = String(rtl.contents);
    // .article-body blockquote is authored with padding-left and border-left.
    expect(out).toMatch(/\.article-body blockquote\{[^}]*border-right:4px solid var\(--accent\)/);
    expect(out).toMatch(/\.article-body blockquote\{[^}]*padding-right:1rem/);
    expect(out).not.toMatch(/\.article-body blockquote\{[^}]*padding-left/);
  });

  it("keeps built stylesheets on disk by content, and reuses them in a later build", async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), "sahifa-styles-cache-"));
    try {
      const first = await buildStylesheets(".b{margin-left:1px}", "b.css", { cacheDir });
      const [entry] = await readdir(cacheDir);
      expect(entry).toMatch(/^[0-9a-f]{64}\.json$/);
      const file = path.join(cacheDir, entry ?? "");
      expect(JSON.parse(await readFile(file, "utf8"))).toEqual({
        ltr: first.ltr.contents,
        rtl: first.rtl.contents,
      });
      // Mark the cached copy, build something else, then the first CSS again: the mark shows
      // the second build read the cache rather than running the pipeline.
      await writeFile(file, JSON.stringify({ ltr: "/*cached*/", rtl: "/*cached*/" }));
      const other = await buildStylesheets(".b{margin-left:2px}", "b.css", { cacheDir });
      expect(other.rtl.contents).toBe(".b{margin-right:2px}");
      const again = await buildStylesheets(".b{margin-left:1px}", "b.css", { cacheDir });
      expect(again.rtl.contents).toBe("/*cached*/");
      expect(await readdir(cacheDir)).toHaveLength(2);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
