// npm run new, then npm run build: the new article is published.

import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLACEHOLDER_BODY } from "../../src/content/new-article.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runCommand,
  runScript,
  SITE_YAML,
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
    const file = path.join(contentDir, "articles", "2024-07-01-ankara-talks-day-two.md");
    const site = path.join(path.dirname(contentDir), "_site");
    const build = await runScript("build.ts", ["--output", site], {
      SAHIFA_CONTENT: contentDir,
      SAHIFA_NOW: NOW,
    });
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(
      /^بُني .*_site: \d+ صفح(?:ة|ات)، مقالان، لا مسودات، لا مقالات مجدولة، تحذيران، /,
    );
    // The placeholders are pointed out, at their lines, not published silently.
    const bodyLine = (await readFile(file, "utf8")).split("\n").indexOf(PLACEHOLDER_BODY) + 1;
    expect(bodyLine).toBeGreaterThan(10);
    expect(build.stderr.split("\n")).toEqual([
      `${file}:3: تحذير: standfirst: ما زال النص المؤقت الذي وضعه npm run new`,
      `${file}:${bodyLine}: تحذير: ما زال في المتن النص المؤقت الذي وضعه npm run new`,
      "",
    ]);
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
    expect(again.stderr).toBe("اسم الرابط «ankara-talks-day-two» يستعمله مقال آخر\n");
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("never overwrites a file of that name, even one whose slug cannot be read", async () => {
    const file = path.join(contentDir, "articles", "2024-07-01-clash.md");
    await writeFile(file, "half-written notes, no frontmatter yet");
    const clash = await scriptNew("--title", "Clash");
    expect(clash.code).toBe(1);
    expect(clash.stderr).toBe(`${file} موجود من قبل، وتُرك كما هو (اختر --slug آخر)\n`);
    expect(await readFile(file, "utf8")).toBe("half-written notes, no frontmatter yet");
    await rm(file);
  });

  it("numbers the slug of an Arabic title and says how to choose one", async () => {
    const arabic = await scriptNew("--title", "محادثات أنقرة: اليوم الثاني", "--draft");
    expect(arabic.code).toBe(0);
    expect(arabic.stdout).toBe(
      `${path.join(contentDir, "articles", "2024-07-01-article-20240701-1.md")}\n`,
    );
    expect(arabic.stderr).toBe(
      "ليس في العنوان كلمات لاتينية يُصنع منها اسم الرابط، فاسمه article-20240701-1: اختر غيره بـ --slug.\n",
    );
    expect(await readFile(arabic.stdout.trim(), "utf8")).toMatch(/\ndraft: true\n/);
  });

  it("refuses a missing title and a malformed slug, creating nothing", async () => {
    const before = await readdir(path.join(contentDir, "articles"));
    const untitled = await scriptNew();
    expect(untitled.code).toBe(1);
    expect(untitled.stderr).toBe(
      'اكتب عنوان المقال\nالاستعمال: npm run new -- --title "عنوان المقال" [--slug ascii-slug] [--draft]\n',
    );
    const badSlug = await scriptNew("--title", "x", "--slug", "Not A Slug");
    expect(badSlug.code).toBe(1);
    expect(badSlug.stderr).toMatch(/^«Not A Slug» لا يصلح اسمًا للرابط \(slug\)/);
    const unknown = await scriptNew("--titel", "x");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^خيار غير معروف: «--titel»\nالاستعمال: /);
    expect(await readdir(path.join(contentDir, "articles"))).toEqual(before);
  });

  it("speaks English when site.yaml says editorLanguage: en, or SAHIFA_EDITOR_LANGUAGE does", async () => {
    const root = await makeTempDir("cli-new-en");
    const english = await writeContent(
      path.join(root, "content"),
      { "old.md": articleText({ slug: "old-piece" }) },
      `${SITE_YAML}editorLanguage: en\n`,
    );
    const run = (args: string[], extra: Record<string, string> = {}) =>
      runScript("new.ts", args, { SAHIFA_CONTENT: english, SAHIFA_NOW: NOW, ...extra });
    const taken = await run(["--title", "x", "--slug", "old-piece"]);
    expect(taken.stderr).toBe('the slug "old-piece" is taken by another article\n');
    const untitled = await run([]);
    expect(untitled.stderr).toBe(
      'give the article a title\nusage: npm run new -- --title "عنوان المقال" [--slug ascii-slug] [--draft]\n',
    );
    const unknown = await run(["--titel", "x"]);
    expect(unknown.stderr).toMatch(/^unknown option "--titel"\nusage: /);
    const arabic = await run(["--title", "عنوان"], { SAHIFA_EDITOR_LANGUAGE: "ar" });
    expect(arabic.code).toBe(0);
    expect(arabic.stderr).toMatch(/^ليس في العنوان كلمات لاتينية/);
    expect(await readFile(arabic.stdout.trim(), "utf8")).toMatch(/^# حقول اختيارية: /m);
    const numbered = await run(["--title", "عنوان آخر"]);
    expect(numbered.stderr).toBe(
      "The title has no Latin words to make a slug from, so the slug is article-20240701-2: pass --slug to choose one.\n",
    );
    expect(await readFile(numbered.stdout.trim(), "utf8")).toMatch(/^# Optional fields: /m);
  });

  it("reports a broken site.yaml in the editor's language, and creates nothing", async () => {
    const root = await makeTempDir("cli-new-broken");
    const broken = await writeContent(
      path.join(root, "content"),
      {},
      `${SITE_YAML}hijriAdjustment: 5\n`,
    );
    const result = await runScript("new.ts", ["--title", "x"], {
      SAHIFA_CONTENT: broken,
      SAHIFA_NOW: NOW,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${broken}/site.yaml:5: hijriAdjustment: يجب ألا يزيد على 2\nمشكلة واحدة في ملف واحد\n`,
    );
    expect(await readdir(path.join(broken, "articles"))).toEqual([]);
  });
});
