import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  resolveRequestPath,
  startStaticServer,
  type SentResponse,
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

describe("startStaticServer's onResponse", () => {
  it("reports the bytes each response put on the wire, two in turn on one connection", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sahifa-server-"));
    await writeFile(path.join(root, "index.html"), "<!doctype html>".padEnd(3000, "س"));
    await writeFile(path.join(root, "404.html"), "not found page");
    const sent: SentResponse[] = [];
    const server = await startStaticServer({ root, onResponse: (response) => sent.push(response) });
    try {
      const received = await getInTurn(server.url, ["/", "/missing?q=1"]);
      expect(received[0]).toBeGreaterThan(Buffer.byteLength("<!doctype html>".padEnd(3000, "س")));
      await expect.poll(() => sent.length).toBe(2);
      expect(sent).toEqual([
        { url: "/", status: 200, bytes: received[0] },
        { url: "/missing?q=1", status: 404, bytes: received[1] },
      ]);
    } finally {
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
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

/** GETs the paths one after the other on one kept-alive connection: the bytes of each response. */
function getInTurn(base: string, paths: readonly string[]): Promise<number[]> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const sizes: number[] = [];
    let buffer = Buffer.alloc(0);
    const ask = () =>
      socket.write(`GET ${paths[sizes.length]} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
    socket.on("connect", ask);
    socket.on("error", reject);
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const headEnd = buffer.indexOf("\r\n\r\n");
      const length = /content-length: (\d+)/i.exec(buffer.subarray(0, headEnd).toString())?.[1];
      if (headEnd === -1 || length === undefined) return;
      const size = headEnd + 4 + Number(length);
      if (buffer.length < size) return;
      sizes.push(size);
      buffer = buffer.subarray(size);
      if (sizes.length < paths.length) ask();
      else {
        socket.end();
        resolve(sizes);
      }
    });
  });
}
