import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  resolveRequestPath,
  startStaticServer,
  type StaticServer,
} from "../../scripts/lib/static-server.ts";

describe("resolveRequestPath", () => {
  it("maps folders to their index.html and files to themselves", () => {
    expect(resolveRequestPath("/srv", "/")).toBe("/srv/index.html");
    expect(resolveRequestPath("/srv", "/articles/x/")).toBe("/srv/articles/x/index.html");
    expect(resolveRequestPath("/srv", "/assets/a.css?v=1")).toBe("/srv/assets/a.css");
  });

  it("decodes percent-escapes (Arabic paths)", () => {
    expect(resolveRequestPath("/srv", "/%D8%B3/")).toBe("/srv/س/index.html");
  });

  it("never leaves the root", () => {
    expect(resolveRequestPath("/srv", "/../etc/passwd")).toBe("/srv/etc/passwd");
    expect(resolveRequestPath("/srv", "/%2e%2e/%2e%2e/etc/passwd")).toBe("/srv/etc/passwd");
    expect(resolveRequestPath("/srv", "/a%00b")).toBeUndefined();
    expect(resolveRequestPath("/srv", "/%E0%A4%A")).toBeUndefined();
  });
});

describe("startStaticServer", () => {
  let root: string;
  let plain: StaticServer;
  let compressing: StaticServer;
  const page = "<!doctype html><title>س</title>".padEnd(2000, " ");

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "sahifa-server-"));
    await mkdir(path.join(root, "articles/x"), { recursive: true });
    await writeFile(path.join(root, "index.html"), page);
    await writeFile(path.join(root, "articles/x/index.html"), "article");
    await writeFile(path.join(root, "404.html"), "not found page");
    await writeFile(path.join(root, "font.woff2"), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    plain = await startStaticServer({ root });
    compressing = await startStaticServer({ root, compress: true });
  });

  afterAll(async () => {
    await plain?.close();
    await compressing?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("serves index.html for folders, with the HTML content type", async () => {
    const response = await get(plain.url + "articles/x/");
    expect(response).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
    expect(response.body.toString()).toBe("article");
  });

  it("redirects a folder without its trailing slash", async () => {
    expect(await get(plain.url + "articles/x")).toMatchObject({
      status: 301,
      location: "/articles/x/",
    });
  });

  it("answers a missing path with 404.html and status 404", async () => {
    const response = await get(plain.url + "no/such/page/");
    expect(response.status).toBe(404);
    expect(response.body.toString()).toBe("not found page");
  });

  it("serves fonts as font/woff2, uncompressed", async () => {
    const response = await get(compressing.url + "font.woff2", "br, gzip");
    expect(response).toMatchObject({ status: 200, type: "font/woff2", encoding: undefined });
    expect(response.body).toHaveLength(4);
  });

  it("compresses text with brotli when asked to and accepted", async () => {
    const response = await get(compressing.url, "gzip, br");
    expect(response.encoding).toBe("br");
    expect(response.body.length).toBeLessThan(page.length / 10);
    expect(brotliDecompressSync(response.body).toString()).toBe(page);
    expect((await get(plain.url, "br")).encoding).toBeUndefined();
  });
});

interface Got {
  status: number;
  type: string | undefined;
  encoding: string | undefined;
  location: string | undefined;
  body: Buffer;
}

function get(url: string, acceptEncoding?: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          type: response.headers["content-type"],
          encoding: response.headers["content-encoding"],
          location: response.headers.location,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on("error", reject)
      .end();
  });
}
