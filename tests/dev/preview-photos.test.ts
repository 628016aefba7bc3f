// Integration: the preview (scripts/preview.ts) publishes a photo added while it runs, and serves its files.

import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/bench-process.ts";
import { writePhoto } from "../helpers/photos.ts";
import { articleText, makeTempDir, removeTempDirs, writeContent } from "../helpers/sites.ts";

let content: string;
let server: ChildProcess;
let port: number;
let log = "";

const get = (sitePath: string) =>
  fetch(`http://127.0.0.1:${port}${sitePath}`, { cache: "no-store" });

/** Polls `check` until it holds, or fails after `timeout` with the preview's log. */
async function until(check: () => Promise<boolean>, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the preview exited:\n${log}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out:\n${log.slice(-3000)}`);
}

beforeAll(async () => {
  const dir = await makeTempDir("preview-photos");
  content = await writeContent(path.join(dir, "content"), { "a.md": articleText({ slug: "a" }) });
  port = await freePort();
  server = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/preview.ts",
      `--port=${port}`,
      `--output=${path.join(dir, "_site")}`,
    ],
    {
      env: { ...process.env, NODE_OPTIONS: "", SAHIFA_CONTENT: content },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await until(async () => (await get("/articles/a/")).status === 200, 120_000);
}, 180_000);

afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const closed = new Promise((resolve) => server.once("close", resolve));
    process.kill(-server.pid, "SIGTERM");
    await closed;
  }
  await removeTempDirs();
});

describe("the preview", () => {
  it("shows a lead photo added while it runs, and serves its AVIF, WebP and JPEG files", async () => {
    await mkdir(path.join(content, "media"));
    await writePhoto(path.join(content, "media/port.jpg"), 1600, 1000);
    const text = articleText({ slug: "a", extra: ["image: {src: /media/port.jpg, alt: الميناء}"] });
    await writeFile(path.join(content, "articles/a.md"), text);
    let html = "";
    await until(async () => {
      html = await (await get("/articles/a/")).text();
      return html.includes("<figure");
    }, 60_000);
    const urls = [...html.matchAll(/\/media\/port-[0-9a-f]{10}-720\.(avif|webp|jpg)/g)];
    expect(urls.map((match) => match[1]).sort()).toEqual(["avif", "jpg", "jpg", "webp"]);
    const types = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg" };
    for (const [url, format] of urls) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get("content-type"), url).toBe(types[format as keyof typeof types]);
    }
  }, 90_000);
});
