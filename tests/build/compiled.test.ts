// npm run build runs the JavaScript tsc emits from the sources (scripts/run.mjs): the same bytes, never stale.

import { execFile } from "node:child_process";
import { cp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { hashTree } from "../helpers/site-tree.ts";
import {
  articleText,
  cleanEnv,
  makeTempDir,
  removeTempDirs,
  ROOT,
  runCommand,
  writeContent,
} from "../helpers/sites.ts";

const run = promisify(execFile);
const NOW = { SAHIFA_NOW: "2026-01-01T00:00:00Z" };

afterAll(removeTempDirs);

describe("scripts/run.mjs", () => {
  it("builds the same bytes as the TypeScript sources run through tsx", async () => {
    const dir = await makeTempDir("compiled");
    const [compiled, sources] = await Promise.all([
      runCommand(process.execPath, ["scripts/run.mjs", "build", "--output", `${dir}/a`], NOW),
      runCommand(
        process.execPath,
        ["--import=tsx", "scripts/build.ts", "--output", `${dir}/b`],
        NOW,
      ),
    ]);
    expect(compiled.code, compiled.output).toBe(0);
    expect(sources.code, sources.output).toBe(0);
    // content/ is an Arabic site: its summary is in Arabic.
    expect(compiled.stdout).toMatch(/^بُني .*: \d+ صفح/);
    const tree = await hashTree(`${dir}/a`);
    // Every kind of template: a page (TSX) and text outputs (TS).
    expect(Object.keys(tree)).toEqual(
      expect.arrayContaining([
        "articles/astana-20-final-round/index.html",
        "feed.xml",
        "robots.txt",
        "_headers",
      ]),
    );
    expect(await readFile(`${dir}/a/feed.xml`, "utf8")).toMatch(/^<\?xml /);
    expect(await readFile(`${dir}/a/index.html`, "utf8")).toMatch(/^<!doctype html>\n<html/);
    expect(await hashTree(`${dir}/b`)).toEqual(tree);
  });

  it("compiles again when a source changes, and keeps what it compiled otherwise", async () => {
    // A copy of the project's code beside the real node_modules, so its sources can be edited.
    const project = await makeTempDir("compiled-copy");
    for (const entry of ["src", "scripts", "styles", "content"]) {
      await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
    }
    for (const file of [".eleventy.ts", "tsconfig.json", "tsconfig.build.json", "package.json"]) {
      await cp(path.join(ROOT, file), path.join(project, file));
    }
    await symlink(path.join(ROOT, "node_modules"), path.join(project, "node_modules"), "dir");
    const build = async (output: string) => {
      const args = ["scripts/run.mjs", "build", "--output", output];
      await run(process.execPath, args, { cwd: project, env: cleanEnv(NOW) });
      return readFile(path.join(output, "robots.txt"), "utf8");
    };
    const compiledFolders = () => readdir(path.join(project, ".sahifa", "compiled"));

    const first = await build(`${project}/one`);
    expect(first).toContain("Sitemap:");
    expect(await compiledFolders()).toHaveLength(1);
    await build(`${project}/two`);
    expect(await compiledFolders()).toHaveLength(1);

    const robots = path.join(project, "src/pages/robots.11ty.ts");
    const source = await readFile(robots, "utf8");
    const edited = source.replace(
      "return robotsTxt(data.site);",
      'return robotsTxt(data.site) + "# edited\\n";',
    );
    expect(edited).not.toBe(source);
    await writeFile(robots, edited);
    // Two builds at once, as the tests run them: each sees one whole compiled copy.
    const [three, four] = await Promise.all([build(`${project}/three`), build(`${project}/four`)]);
    expect(three).toBe(`${first}# edited\n`);
    expect(four).toBe(three);
    const folders = await compiledFolders();
    expect(folders).toHaveLength(2);

    // tsc's emit: JavaScript only, with relative imports pointed at the emitted .js files.
    const compiled = path.join(project, ".sahifa", "compiled");
    const names = await Promise.all(
      folders.map((folder) => readdir(path.join(compiled, folder), { recursive: true })),
    );
    for (const files of names) {
      expect(files).toEqual(expect.arrayContaining([".eleventy.js", "src/pages/robots.11ty.js"]));
      expect(files.filter((file) => /\.tsx?$/.test(file))).toEqual([]);
    }
    const page = await readFile(
      path.join(compiled, folders[0] ?? "", "src/pages/robots.11ty.js"),
      "utf8",
    );
    expect(page).toMatch(/from "\.\.\/publish\/[a-z-]+\.js";/);

    // A source tsc cannot parse: the build stops with tsc's message and leaves no half copy.
    await writeFile(robots, `${edited}\nexport const broken = ;\n`);
    await expect(build(`${project}/five`)).rejects.toThrow(
      /tsc could not compile[^]*robots\.11ty\.ts/,
    );
    expect(await compiledFolders()).toEqual(folders);
  });

  it("reports a content problem with its file and field, exits 1 and leaves the site alone", async () => {
    const dir = await makeTempDir("compiled-bad");
    const content = await writeContent(path.join(dir, "content"), {
      "bad.md": articleText({ slug: "bad", date: "2023-13-45" }),
    });
    const output = path.join(dir, "_site");
    const result = await runCommand(
      process.execPath,
      ["scripts/run.mjs", "build", "--output", output],
      { ...NOW, SAHIFA_CONTENT: content, SAHIFA_EDITOR_LANGUAGE: "en" },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.md:\d+: date: "2023-13-45" is not a real day/);
    expect(result.stderr).toContain("The published site was left as it was.");
    await expect(readdir(output)).rejects.toThrow();
  });

  it("names the scripts it can run when given none it knows", async () => {
    const result = await runCommand(process.execPath, ["scripts/run.mjs", "nonsense"], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: node scripts/run.mjs <script>");
  });
});
