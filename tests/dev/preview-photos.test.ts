// Integration: the preview (scripts/preview.ts) publishes a photo added while it runs, and serves its files.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePhoto } from "../helpers/photos.ts";
import { startPreview, type PreviewProcess } from "../helpers/preview-process.ts";
import { articleText, makeTempDir, removeTempDirs, writeContent } from "../helpers/sites.ts";

let content: string;
let preview: PreviewProcess;

const get = (sitePath: string) =>
  fetch(`http://127.0.0.1:${preview.port}${sitePath}`, { cache: "no-store" });

/** Polls `check` until it holds, or fails after `timeout` with the preview's log. */
async function until(check: () => Promise<boolean>, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (preview.process.exitCode !== null) throw new Error(`the preview exited:\n${preview.log()}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out:\n${preview.log().slice(-3000)}`);
}

beforeAll(async () => {
  const dir = await makeTempDir("preview-photos");
  content = await writeContent(path.join(dir, "content"), { "a.md": articleText({ slug: "a" }) });
  preview = await startPreview(content, path.join(dir, "_site"));
  await until(async () => (await get("/articles/a/")).status === 200, 120_000);
}, 180_000);

afterAll(async () => {
  await preview?.stop();
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

  it("publishes a photo replaced under the same name: the page names the new files", async () => {
    const before = await (await get("/articles/a/")).text();
    const key = /\/media\/port-([0-9a-f]{10})-720\.jpg/.exec(before)?.[1];
    expect(key).toBeDefined();
    await writePhoto(path.join(content, "media/port.jpg"), 1200, 900);
    let after = "";
    await until(async () => {
      after = await (await get("/articles/a/")).text();
      return !after.includes(`port-${key}-`);
    }, 60_000);
    const [, fresh] = /\/media\/(port-[0-9a-f]{10})-720\.jpg/.exec(after) ?? [];
    expect(fresh).toBeDefined();
    expect(after).toContain('width="1200" height="900"');
    expect((await get(`/media/${fresh}-720.avif`)).status).toBe(200);
  }, 90_000);
});
