import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildStylesheets, contentHash } from "../src/styles.ts";

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
});
