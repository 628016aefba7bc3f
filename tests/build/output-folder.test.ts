// The output folder: permissions that follow the umask, what a build refuses to replace, the two layouts, and leftovers of killed builds.

import { spawn } from "node:child_process";
import {
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  stat,
  symlink,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { ContentError } from "../../src/content/problems.ts";
import {
  BUILDS_FOLDER,
  checkOutputFolder,
  outputLayoutFromEnv,
} from "../../src/build/output-folder.ts";
import { hashTree } from "../helpers/site-tree.ts";
import {
  articleText,
  cleanEnv,
  makeTempDir,
  removeTempDirs,
  ROOT,
  runCommand,
  runScript,
  writeContent,
} from "../helpers/sites.ts";

const NOW = "2024-01-01T00:00:00Z";
let content: string;

/** A content folder with one article, alone in a temporary folder. */
async function freshContent(): Promise<string> {
  return writeContent(path.join(await makeTempDir("output-content"), "content"), {
    "2023-06-20-first.md": articleText({ slug: "first" }),
  });
}

beforeAll(async () => {
  content = await freshContent();
});

afterAll(removeTempDirs);

/** Builds the small site in this process (SAHIFA_CONTENT and SAHIFA_NOW given as options). */
function build(outputDir: string, layout?: "link" | "folder") {
  return buildSite({
    contentDir: content,
    now: new Date(NOW),
    outputDir,
    ...(layout ? { outputLayout: layout } : {}),
  });
}

/** `npm run build` as a separate process, under a given umask. */
function buildCli(outputDir: string, umask: string, args: readonly string[] = []) {
  const command = [
    `umask ${umask}`,
    `exec "${process.execPath}" --import=tsx scripts/build.ts --output "${outputDir}" ${args.join(" ")}`,
  ].join("; ");
  return runCommand("sh", ["-c", command], { SAHIFA_CONTENT: content, SAHIFA_NOW: NOW, CI: "" });
}

/** Mode bits of every folder and file of a site, its top folder included, through a link. */
async function modesOf(site: string): Promise<{ folders: Set<string>; files: Set<string> }> {
  const modes = { folders: new Set<string>(), files: new Set<string>() };
  const top = await stat(site);
  modes.folders.add((top.mode & 0o777).toString(8));
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    const info = await stat(path.join(entry.parentPath, entry.name));
    (info.isDirectory() ? modes.folders : modes.files).add((info.mode & 0o777).toString(8));
  }
  return modes;
}

/** Gives `dir` the files by which a folder is taken for a site Sahifa built. */
async function writeSiteSignature(dir: string): Promise<void> {
  await mkdir(path.join(dir, "assets"), { recursive: true });
  for (const name of ["index.html", "404.html", "feed.xml", "assets/sahifa.rtl.0123456789.css"])
    await writeFile(path.join(dir, name), "x");
}

/** Every name under `dir`, a few levels down, without following links. */
async function namesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((name) => name.split("/").length <= 3);
}

describe("permissions", () => {
  it.each([
    ["022", "755", "644"],
    ["027", "750", "640"],
  ])(
    "umask %s gives folders %s and files %s, the top folder included",
    async (umask, folder, file) => {
      const site = path.join(await makeTempDir(`umask-${umask}`), "_site");
      const result = await buildCli(site, umask);
      expect(result.code, result.output).toBe(0);
      const modes = await modesOf(site);
      expect([...modes.folders]).toEqual([folder]);
      expect([...modes.files]).toEqual([file]);
    },
  );
});

describe("what a build refuses to replace", () => {
  // Each with its own content folder: the build before this change deleted it.
  it("refuses --output pointing at the content folder, deleting nothing (npm run build)", async () => {
    const content = await freshContent();
    const before = await hashTree(content);
    const result = await runScript("build.ts", ["--output", content], {
      SAHIFA_CONTENT: content,
      SAHIFA_NOW: NOW,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${content}: the output folder may not be the content folder`);
    expect(result.stderr).toContain("The published site was left as it was.");
    expect(result.stdout).toBe("");
    expect(await hashTree(content)).toEqual(before);
    expect(await readdir(path.dirname(content))).toEqual(["content"]);
  });

  it("refuses a folder that holds the content folder, even one that looks like a site", async () => {
    const content = await freshContent();
    const around = path.dirname(content);
    await writeSiteSignature(around);
    const before = await hashTree(around);
    const problem = await checkOutputFolder(around, { contentDir: content });
    expect(problem?.message.en ?? "").toMatch(/or a folder that holds it/);
    expect(problem?.message.ar ?? "").toMatch(/مجلد المحتوى/);
    const refused = buildSite({ contentDir: content, now: new Date(NOW), outputDir: around });
    await expect(refused).rejects.toThrow(ContentError);
    expect(await hashTree(around)).toEqual(before);
  });

  it("refuses a folder of other files, and a file, writing and deleting nothing", async () => {
    const dir = await makeTempDir("foreign");
    const foreign = path.join(dir, "www");
    await mkdir(path.join(foreign, "images"), { recursive: true });
    await writeFile(path.join(foreign, "index.html"), "<p>the newsroom's own page</p>");
    await writeFile(path.join(foreign, "images/logo.png"), "not really a png");
    await writeFile(path.join(dir, "notes.txt"), "a file");
    const before = await hashTree(dir);
    const refusal = await build(foreign).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ContentError);
    const [problem] = (refusal as ContentError).problems;
    expect(problem?.file).toBe(foreign);
    expect(problem?.message.en ?? "").toMatch(/holds other files.*Nothing was written or deleted/);
    expect(problem?.message.ar ?? "").toMatch(/لم يُكتب شيء ولم يُحذف شيء/);
    await expect(build(path.join(dir, "notes.txt"))).rejects.toThrow(/is a file, not a folder/);
    expect(await hashTree(dir)).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(["notes.txt", "www"]);
  });

  it("reports a refused output together with the content's problems, in one report", async () => {
    const dir = await makeTempDir("both");
    const bad = await writeContent(path.join(dir, "content"), {
      "untitled.md": articleText({ slug: "untitled" }).replace(/^title: .*\n/m, ""),
    });
    const foreign = path.join(dir, "www");
    await mkdir(foreign);
    await writeFile(path.join(foreign, "notes.txt"), "keep me");
    const result = await runScript("build.ts", ["--output", foreign], {
      SAHIFA_CONTENT: bad,
      SAHIFA_NOW: NOW,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}/articles/untitled.md:1: title: is required`);
    expect(result.stderr).toContain(`${foreign}: this folder holds other files`);
    expect(result.stderr).toMatch(/^2 problems in 2 files$/m);
    expect(await readdir(foreign)).toEqual(["notes.txt"]);
  });

  it("refuses a symbolic link it did not make, leaving the link and its folder as they were", async () => {
    const dir = await makeTempDir("foreign-link");
    const webRoot = path.join(dir, "www");
    await mkdir(webRoot);
    await writeFile(path.join(webRoot, "index.html"), "<p>served</p>");
    const site = path.join(dir, "_site");
    await symlink(webRoot, site);
    const problem = await checkOutputFolder(site);
    expect(problem?.message.en ?? "").toContain(
      `symbolic link to ${webRoot}, which Sahifa did not make`,
    );
    expect(problem?.message.en ?? "").toContain(`--output ${webRoot}`);
    await expect(build(site)).rejects.toThrow(ContentError);
    expect(await readlink(site)).toBe(webRoot);
    expect(await readFile(path.join(webRoot, "index.html"), "utf8")).toBe("<p>served</p>");
    expect((await readdir(dir)).sort()).toEqual(["_site", "www"]);
  });

  it("replaces what it may: nothing there, an empty folder, a site built as a real folder", async () => {
    const dir = await makeTempDir("allowed");
    const older = path.join(dir, "older");
    await writeSiteSignature(older);
    await writeFile(path.join(older, "stale.html"), "gone after the build");
    const empty = path.join(dir, "empty");
    await mkdir(empty);
    for (const output of [path.join(dir, "missing"), empty, older]) {
      expect(await checkOutputFolder(output), output).toBeUndefined();
      await build(output);
      expect(await readFile(path.join(output, "index.html"), "utf8")).toContain("</html>");
    }
    await expect(stat(path.join(older, "stale.html"))).rejects.toThrow(/ENOENT/);
    // Without its stylesheet, an index.html and a feed are not enough to be taken for a site.
    const lookalike = path.join(dir, "lookalike");
    await mkdir(path.join(lookalike, "assets"), { recursive: true });
    for (const name of ["index.html", "404.html", "feed.xml"])
      await writeFile(path.join(lookalike, name), "x");
    expect(await checkOutputFolder(lookalike)).toBeDefined();
  });
});

describe("the layouts", () => {
  it("link: the output is a relative link into .sahifa-builds/, which keeps the current site and the one before", async () => {
    const dir = await makeTempDir("link");
    const site = path.join(dir, "_site");
    const targets: string[] = [];
    for (let round = 0; round < 3; round++) {
      await build(site, "link");
      expect((await lstat(site)).isSymbolicLink()).toBe(true);
      targets.push(await readlink(site));
    }
    for (const target of targets)
      expect(target).toMatch(/^\.sahifa-builds\/_site\/site-[0-9a-f]+$/);
    expect(new Set(targets).size).toBe(3);
    const kept = await readdir(path.join(dir, BUILDS_FOLDER, "_site"));
    expect(kept.sort()).toEqual(
      targets
        .slice(1)
        .map((target) => path.basename(target))
        .sort(),
    );
    expect(await checkOutputFolder(site)).toBeUndefined();
  });

  it("folder: a real folder (the default when CI is set), and a switch either way keeps the site", async () => {
    expect(outputLayoutFromEnv({ CI: "true" })).toBe("folder");
    expect(outputLayoutFromEnv({ CI: "false" })).toBe("link");
    expect(outputLayoutFromEnv({})).toBe("link");
    const dir = await makeTempDir("folder");
    const site = path.join(dir, "_site");
    await build(site, "link");
    await build(site, "folder");
    expect((await lstat(site)).isDirectory()).toBe(true);
    expect(await readdir(dir)).toEqual(["_site"]);
    const tree = await hashTree(site);
    await build(site, "link");
    expect((await lstat(site)).isSymbolicLink()).toBe(true);
    expect(await hashTree(site)).toEqual(tree);
    const result = await runScript("build.ts", ["--output", site], {
      SAHIFA_CONTENT: content,
      SAHIFA_NOW: NOW,
      CI: "true",
    });
    expect(result.code, result.output).toBe(0);
    expect((await lstat(site)).isDirectory()).toBe(true);
    expect(await hashTree(site)).toEqual(tree);
  });
});

describe("leftovers of killed builds", () => {
  it("are removed by the next build; a build still running keeps its folder", async () => {
    const dir = await makeTempDir("killed");
    const site = path.join(dir, "_site");
    await build(site);
    // A build killed half-way through writing...
    const child = spawn(process.execPath, ["--import=tsx", "scripts/build.ts", "--output", site], {
      cwd: ROOT,
      env: cleanEnv({ SAHIFA_CONTENT: content, SAHIFA_NOW: NOW }),
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const deadline = Date.now() + 60_000;
    while (!(await namesUnder(dir)).some((name) => /building-/.test(name))) {
      expect(Date.now(), "the build never started writing").toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill("SIGKILL");
    await exited;
    expect((await namesUnder(dir)).filter((name) => /building-/.test(name))).not.toEqual([]);
    // ...those of builds made before the .sahifa-builds layout, and one of a build still running.
    for (const older of ["._site.building-AbC123", "._site.building-AbC123.previous"]) {
      await mkdir(path.join(dir, older, "articles"), { recursive: true });
      await writeFile(path.join(dir, older, "index.html"), "half");
    }
    const running = path.join(dir, BUILDS_FOLDER, "_site", `building-${process.pid}-0000`);
    await mkdir(running, { recursive: true });
    const unrelated = path.join(dir, "._site.building-notes.txt");
    await writeFile(unrelated, "not a build");

    await build(site);
    const left = (await namesUnder(dir)).filter((name) => /building-/.test(name));
    expect(left.sort()).toEqual([
      "._site.building-notes.txt",
      `${BUILDS_FOLDER}/_site/building-${process.pid}-0000`,
    ]);
    expect(await readFile(path.join(site, "index.html"), "utf8")).toContain("</html>");
  }, 120_000);
});
