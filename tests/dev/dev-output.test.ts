// npm start -- --output …: a folder that is not the preview's to clear is refused before anything is deleted.

import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runScript,
  writeContent,
} from "../helpers/sites.ts";

afterAll(removeTempDirs);

describe("npm start -- --output", () => {
  it("refuses the content folder, deleting nothing, in Arabic and English", async () => {
    const dir = await makeTempDir("dev-output");
    const content = await writeContent(path.join(dir, "content"), { "a.md": articleText() });
    const before = await readdir(content, { recursive: true });
    const result = await runScript("dev.ts", ["--port", "0", "--output", content], {
      SAHIFA_CONTENT: content,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(path.basename(content));
    expect(result.stderr).toMatch(/[\u0600-\u06ff]/);
    expect(await readdir(content, { recursive: true })).toEqual(before);
    expect(await readFile(path.join(content, "articles/a.md"), "utf8")).toBe(articleText());
  });

  it("refuses a folder of other files, and the published _site", async () => {
    const dir = await makeTempDir("dev-output");
    const content = await writeContent(path.join(dir, "content"), { "a.md": articleText() });
    const other = path.join(dir, "notes");
    await mkdir(other);
    await writeFile(path.join(other, "plan.txt"), "keep me");
    const refused = await runScript("dev.ts", ["--port", "0", "--output", other], {
      SAHIFA_CONTENT: content,
    });
    expect(refused.code).toBe(1);
    expect(await readFile(path.join(other, "plan.txt"), "utf8")).toBe("keep me");

    const published = await runScript("dev.ts", ["--port", "0", "--output", "_site"], {
      SAHIFA_CONTENT: content,
    });
    expect(published.code).toBe(1);
    expect(published.stderr).toContain("_site");
  });
});
