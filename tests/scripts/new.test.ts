// npm run new, then npm run build: the new article is published.

import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runCommand,
  runScript,
  writeContent,
  type CliResult,
} from "../helpers/sites.ts";

// 22:30 UTC on 30 June is already 1 July in Istanbul, the fixture site's zone.
const NOW = "2024-06-30T22:30:00Z";
let contentDir: string;
let created: CliResult;

const env = () => ({ SAHIFA_CONTENT: contentDir, SAHIFA_NOW: NOW });
// The first article goes through npm itself; the other cases run the same script directly.
const npmNew = (...args: string[]) =>
  runCommand("npm", ["run", "--silent", "new", "--", ...args], env());
const scriptNew = (...args: string[]) => runScript("new.ts", args, env());

beforeAll(async () => {
  const root = await makeTempDir("cli-new");
  contentDir = await writeContent(path.join(root, "content"), {
    "old.md": articleText({ slug: "old-piece" }),
  });
  created = await npmNew("--title", "Ankara talks: day two");
});

afterAll(removeTempDirs);

describe("npm run new", () => {
  it("creates <date>-<slug>.md with today's date in the site's zone and prints its path", async () => {
    const file = path.join(contentDir, "articles", "2024-07-01-ankara-talks-day-two.md");
    expect(created).toMatchObject({ code: 0, stdout: `${file}\n`, stderr: "" });
    const text = await readFile(file, "utf8");
    expect(text).toMatch(/^---\ntitle: "Ankara talks: day two"\n/);
    expect(text).toContain("\ndate: 2024-07-01\nslug: ankara-talks-day-two\n");
  });

  it("is published by the next npm run build", async () => {
    const site = path.join(path.dirname(contentDir), "_site");
    const build = await runScript("build.ts", ["--output", site], {
      SAHIFA_CONTENT: contentDir,
      SAHIFA_NOW: NOW,
    });
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(
      /: \d+ pages written, 2 articles, 0 drafts skipped, 0 scheduled skipped, 2 warnings, /,
    );
    // The placeholders are pointed out, not published silently.
    expect(build.stderr).toContain(
      "2024-07-01-ankara-talks-day-two.md: warning: standfirst: is still the placeholder",
    );
    const page = await readFile(
      path.join(site, "articles/ankara-talks-day-two/index.html"),
      "utf8",
    );
    expect(page).toContain("Ankara talks: day two");
    expect(await readFile(path.join(site, "index.html"), "utf8")).toContain(
      "/news/articles/ankara-talks-day-two/",
    );
  });

  it("never overwrites: the same slug again is refused and the file is left as it was", async () => {
    const file = path.join(contentDir, "articles", "2024-07-01-ankara-talks-day-two.md");
    const before = await readFile(file, "utf8");
    const again = await scriptNew("--title", "Other", "--slug", "ankara-talks-day-two");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the slug "ankara-talks-day-two" is taken by another article');
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("never overwrites a file of that name, even one whose slug cannot be read", async () => {
    const file = path.join(contentDir, "articles", "2024-07-01-clash.md");
    await writeFile(file, "half-written notes, no frontmatter yet");
    const clash = await scriptNew("--title", "Clash");
    expect(clash.code).toBe(1);
    expect(clash.stderr).toBe(
      `${file} already exists: it was left as it was (choose another --slug)\n`,
    );
    expect(await readFile(file, "utf8")).toBe("half-written notes, no frontmatter yet");
    await rm(file);
  });

  it("numbers the slug of an Arabic title and says how to choose one", async () => {
    const arabic = await scriptNew("--title", "محادثات أنقرة: اليوم الثاني", "--draft");
    expect(arabic.code).toBe(0);
    expect(arabic.stdout).toBe(
      `${path.join(contentDir, "articles", "2024-07-01-article-20240701-1.md")}\n`,
    );
    expect(arabic.stderr).toMatch(/the slug is article-20240701-1: pass --slug to choose one/);
    expect(await readFile(arabic.stdout.trim(), "utf8")).toMatch(/\ndraft: true\n/);
  });

  it("refuses a missing title and a malformed slug, creating nothing", async () => {
    const before = await readdir(path.join(contentDir, "articles"));
    const untitled = await scriptNew();
    expect(untitled.code).toBe(1);
    expect(untitled.stderr).toMatch(/give the article a title\nusage: npm run new -- --title/);
    const badSlug = await scriptNew("--title", "x", "--slug", "Not A Slug");
    expect(badSlug.code).toBe(1);
    expect(badSlug.stderr).toMatch(/"Not A Slug" is not a slug/);
    expect(await readdir(path.join(contentDir, "articles"))).toEqual(before);
  });
});
