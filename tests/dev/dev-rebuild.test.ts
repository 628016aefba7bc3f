// Integration: the preview (scripts/preview.ts) rewrites only the pages an edit changes, and drops deleted ones at once.

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/bench-process.ts";
import { generateCorpus, readAstanaText, writeCorpus } from "../../scripts/corpus.ts";

let workDir: string;
let content: string;
let output: string;
let server: ChildProcess;
let port: number;
let log = "";

const page = async (sitePath: string) => {
  const response = await fetch(`http://127.0.0.1:${port}${sitePath}`, { cache: "no-store" });
  return { status: response.status, body: await response.text() };
};

/** Polls until `check` holds, or fails after `timeout` with the server's log. */
async function until(check: () => Promise<boolean>, timeout = 45_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the dev server exited:\n${log}`);
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out:\n${log.slice(-3000)}`);
}

/**
 * Saves `text` to `file` and waits until `served` holds. On a busy machine the watcher may
 * still be settling after the first build, so an unnoticed save is repeated every few seconds.
 */
async function saveUntil(file: string, text: string, served: () => Promise<boolean>) {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    await writeFile(file, text);
    try {
      await until(served, 5_000);
      return;
    } catch {
      // not picked up yet: save again
    }
  }
  throw new Error(`the dev server never served the edit of ${file}:\n${log.slice(-3000)}`);
}

const articleFile = (number: number) => {
  const id = String(number).padStart(5, "0");
  return path.join(content, "articles", `${id}-article-${id}.md`);
};

async function htmlTimes(): Promise<Map<string, number>> {
  const files = (await readdir(output, { recursive: true })).filter((f) => f.endsWith(".html"));
  const times = new Map<string, number>();
  for (const file of files) times.set(file, (await stat(path.join(output, file))).mtimeMs);
  return times;
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "sahifa-dev-"));
  content = path.join(workDir, "content");
  output = path.join(workDir, "_site");
  await writeCorpus(content, generateCorpus({ count: 30, sourceText: await readAstanaText() }));
  port = await freePort();
  server = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/preview.ts", `--port=${port}`, `--output=${output}`],
    {
      env: { ...process.env, NODE_OPTIONS: "", SAHIFA_CONTENT: content },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await until(async () => (await page("/articles/article-00030/")).status === 200, 120_000);
  await until(async () => log.includes("Sahifa preview: http://"));
}, 180_000);

afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const closed = new Promise((resolve) => server.once("close", resolve));
    process.kill(-server.pid, "SIGTERM");
    await closed;
  }
  await rm(workDir, { recursive: true, force: true });
});

describe("the dev server", () => {
  it(
    "serves an edited article's new text, rewriting that page and no other article or list",
    {
      timeout: 90_000,
    },
    async () => {
      const before = await htmlTimes();
      expect(before.size).toBeGreaterThan(40);
      const file = articleFile(15);
      await saveUntil(file, `${await readFile(file, "utf8")}\nتعديل-للاختبار\n`, async () =>
        (await page("/articles/article-00015/")).body.includes("تعديل-للاختبار"),
      );
      const after = await htmlTimes();
      const rewritten = [...after]
        .filter(([name, time]) => before.get(name) !== time)
        .map(([n]) => n);
      expect(rewritten).toContain("articles/article-00015/index.html");
      // The index pages (tags, archive, 404, search) are always written; no other article or
      // list page is.
      const always = ["404.html", "tags/index.html", "archive/index.html", "search/index.html"];
      expect(rewritten.filter((name) => !always.includes(name))).toEqual([
        "articles/article-00015/index.html",
      ]);
    },
  );

  it("rewrites only that page when an edit brings the site's first Latin words and digits", async () => {
    // The corpus is Arabic only: before the preview kept Latin letters and both digit styles in
    // its font subsets whatever the text, these renamed the fonts and rewrote every page.
    const before = await htmlTimes();
    const file = articleFile(16);
    await saveUntil(
      file,
      `${await readFile(file, "utf8")}
G20 Summit ٢٠٢٣ 2023
`,
      async () => (await page("/articles/article-00016/")).body.includes("G20 Summit"),
    );
    const after = await htmlTimes();
    const rewritten = [...after].filter(([name, time]) => before.get(name) !== time);
    const always = ["404.html", "tags/index.html", "archive/index.html", "search/index.html"];
    expect(rewritten.map(([name]) => name).filter((name) => !always.includes(name))).toEqual([
      "articles/article-00016/index.html",
    ]);
  });

  it("rewrites the lists that show an article whose title changed", async () => {
    const file = articleFile(30);
    const text = await readFile(file, "utf8");
    await saveUntil(file, text.replace(/^title: .*$/m, 'title: "عنوان معدل للاختبار"'), async () =>
      (await page("/")).body.includes("عنوان معدل للاختبار"),
    );
    expect((await page("/articles/article-00029/")).body).toContain("عنوان معدل للاختبار");
  });

  it("writes no compressed twins (only the build command precompresses)", async () => {
    const files = await readdir(output, { recursive: true });
    expect(files).toContain("index.html");
    expect(files.filter((file) => /\.(br|gz)$/.test(file))).toEqual([]);
  });

  it("drops the page of a deleted article at once, and rewrites the lists that showed it", async () => {
    // Eleventy itself rebuilds on changes and additions, not deletions: the preview asks it to.
    expect((await page("/articles/article-00002/")).body).toContain("/articles/article-00001/");
    await rm(articleFile(1));
    await until(async () => (await page("/articles/article-00001/")).status === 404, 30_000);
    expect((await page("/articles/article-00002/")).body).not.toContain("/articles/article-00001/");
    expect((await page("/articles/article-00003/")).status).toBe(200);
  });
});
