// Small fixture sites in temp folders, and the project's CLIs run against them.

import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** The repository root: CLIs run from here, as `npm run …` does. */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** A site.yaml every fixture site can use. */
export const SITE_YAML = [
  "name: صحيفة الاختبار",
  "description: موقع لاختبار البناء.",
  "url: https://example.org/news/",
  "timeZone: Europe/Istanbul",
  "",
].join("\n");

export interface ArticleFields {
  title?: string;
  standfirst?: string;
  date?: string;
  slug?: string;
  /** Extra frontmatter lines, written as is. */
  extra?: readonly string[];
  body?: string;
}

/**
 * An article file's text with valid defaults, each of which a test may replace.
 * @example articleText({ slug: "a" }) //=> "---\ntitle: \"عنوان a\"\n…"
 */
export function articleText(fields: ArticleFields = {}): string {
  const slug = fields.slug ?? "sample";
  return [
    "---",
    `title: "${fields.title ?? `عنوان المقال ${slug}`}"`,
    `standfirst: "${fields.standfirst ?? "مقدمة قصيرة للمقال."}"`,
    `date: ${fields.date ?? "2023-06-21"}`,
    `slug: ${slug}`,
    ...(fields.extra ?? []),
    "---",
    "",
    fields.body ?? `نص المقال ${slug} في فقرة واحدة.`,
    "",
  ].join("\n");
}

/** Creates a temp folder for a test's sites; `removeTempDirs` (in an afterAll) deletes it. */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `sahifa-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Deletes every folder this test file made with `makeTempDir`. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

const made: string[] = [];

/** Writes a content folder: site.yaml and the given articles (name → text or bytes). */
export async function writeContent(
  contentDir: string,
  articles: Readonly<Record<string, string | Uint8Array>>,
  siteYaml: string = SITE_YAML,
): Promise<string> {
  await mkdir(path.join(contentDir, "articles"), { recursive: true });
  await writeFile(path.join(contentDir, "site.yaml"), siteYaml);
  for (const [name, text] of Object.entries(articles)) {
    await writeFile(path.join(contentDir, "articles", name), text);
  }
  return contentDir;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, in no particular interleaving. */
  output: string;
}

/**
 * Runs a script from scripts/ with tsx, from the repository root, with extra environment.
 * @example await runScript("build.ts", ["--output", out], { SAHIFA_CONTENT: dir })
 */
export function runScript(
  script: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<CliResult> {
  return runCommand(process.execPath, ["--import=tsx", path.join("scripts", script), ...args], env);
}

/** Runs a command from the repository root and collects its output. */
export function runCommand(
  command: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: ROOT,
      env: cleanEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` }));
  });
}

/** The test runner's environment minus Sahifa's own variables and NODE_OPTIONS, plus `env`. */
export function cleanEnv(env: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith("SAHIFA_") && key !== "NODE_OPTIONS",
    ),
  );
  return { ...base, NO_COLOR: "1", ...env };
}
