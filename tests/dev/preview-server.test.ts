// The preview's server on a real socket: loopback only, its own Host and Origin, an answer to every request, never a file outside its folder.

import { mkdir, writeFile } from "node:fs/promises";
import { request, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPreviewState } from "../../src/build/preview.tsx";
import { ContentError } from "../../src/content/problems.ts";
import {
  allowedHosts,
  fileFor,
  portIsFree,
  startPreviewServer,
  type PreviewServer,
} from "../../src/dev/preview-server.ts";
import { makeTempDir, removeTempDirs } from "../helpers/sites.ts";

const SECRET = "secret-outside-the-preview";
const state = createPreviewState();
let server: PreviewServer;
let port: number;
let root: string;

/** A raw GET, with the path and Host exactly as given (fetch would normalise both). */
function get(
  rawPath: string,
  host = `localhost:${port}`,
): Promise<{ status: number; body: string; headers: IncomingMessage["headers"] }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      { host: "127.0.0.1", port, path: rawPath, headers: { host } },
      (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
        );
      },
    );
    sent.setTimeout(5000, () => sent.destroy(new Error(`no answer to ${rawPath}`)));
    sent.on("error", reject);
    sent.end();
  });
}

/** A WebSocket handshake: the socket when the server upgrades it, else the status it answered. */
function upgrade(headers: Record<string, string>): Promise<{ status: number; socket?: Socket }> {
  return new Promise((resolve, reject) => {
    const sent = request({
      host: "127.0.0.1",
      port,
      path: "/.sahifa/reload",
      headers: {
        host: `localhost:${port}`,
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        ...headers,
      },
    });
    sent.on("upgrade", (response, socket: Socket) =>
      resolve({ status: response.statusCode ?? 0, socket }),
    );
    sent.on("response", (response) => resolve({ status: response.statusCode ?? 0 }));
    sent.on("error", reject);
    sent.end();
  });
}

beforeAll(async () => {
  const dir = await makeTempDir("preview-server");
  root = path.join(dir, "preview");
  await mkdir(path.join(root, "articles", "x"), { recursive: true });
  await writeFile(path.join(dir, "package.json"), SECRET);
  await writeFile(path.join(dir, "preview-secret.txt"), SECRET);
  await writeFile(path.join(root, "index.html"), "<html><head></head><body>home</body></html>");
  await writeFile(path.join(root, "articles", "x", "index.html"), "<html><head></head>x</html>");
  await writeFile(path.join(root, "404.html"), "<html><head></head>not here</html>");
  server = await startPreviewServer({ host: "127.0.0.1", port: 0, root, preview: state });
  port = server.address.port;
});

afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe("the preview server", () => {
  it("listens on loopback only, and its port is then taken", async () => {
    expect(server.address.address).toBe("127.0.0.1");
    expect(await portIsFree("127.0.0.1", port)).toBe(false);
  });

  it("serves pages at its own address, with the reload script", async () => {
    const home = await get("/");
    expect([home.status, home.headers["cache-control"]]).toEqual([200, "no-store"]);
    expect(home.body).toBe(
      '<html><head><script type="module" src="/.sahifa/reload.js"></script></head><body>home</body></html>',
    );
    expect((await get("/articles/x/", `127.0.0.1:${port}`)).body).toContain("x</html>");
    expect(await get("/articles/x")).toMatchObject({
      status: 301,
      headers: { location: "/articles/x/" },
    });
    expect(await get("/nothing/")).toMatchObject({
      status: 404,
      body: expect.stringContaining("not here"),
    });
  });

  it("refuses a foreign Host (another machine's name, or DNS rebinding)", async () => {
    for (const host of [
      `evil.example:${port}`,
      "localhost",
      `localhost:${port + 1}`,
      `localhost.evil.example:${port}`,
    ]) {
      const response = await get("/", host);
      expect([host, response.status]).toEqual([host, 421]);
      expect(response.body).toBe("This preview answers only at its own address.\n");
    }
  });

  it("answers every path that tries to leave its folder or does not decode, and never with the file", async () => {
    const paths = [
      "/..%2fpackage.json",
      "/..%2F..%2Fpackage.json",
      "/%2e%2e/package.json",
      "/%2e%2e%2fpreview-secret.txt",
      "/../preview-secret.txt",
      "/articles/../../package.json",
      "/..%5cpackage.json",
      "/%ff",
      "/%",
      "/%E0%A4%A",
      "/x%00.html",
      "/./index.html",
    ];
    for (const rawPath of paths) {
      const response = await get(rawPath);
      expect([rawPath, [400, 404].includes(response.status)]).toEqual([rawPath, true]);
      expect(response.body).not.toContain(SECRET);
    }
  });

  it("shows the content's report on pages while there are problems", async () => {
    state.shown = new ContentError([
      { file: "content/articles/x.md", message: { en: "broken", ar: "معطوب" } },
    ]);
    try {
      const page = await get("/articles/x/");
      expect(page.status).toBe(500);
      expect(page.body).toContain("content/articles/x.md");
      expect(page.body).toContain("broken");
      expect(page.body.split('src="/.sahifa/reload.js"')).toHaveLength(2);
    } finally {
      state.shown = undefined;
    }
  });

  it("accepts the live-reload socket only from its own pages, and sends it no file names", async () => {
    for (const origin of ["http://evil.example", `http://localhost:${port + 1}`, "null"]) {
      expect(await upgrade({ origin })).toEqual({ status: 403 });
    }
    expect(await upgrade({})).toEqual({ status: 403 });
    // DNS rebinding: the page's origin and Host agree, but the name is not the preview's.
    expect(
      await upgrade({ host: `evil.example:${port}`, origin: `http://evil.example:${port}` }),
    ).toEqual({ status: 403 });

    const { status, socket } = await upgrade({ origin: `http://localhost:${port}` });
    expect(status).toBe(101);
    const frame = new Promise<Buffer>((resolve) => socket?.once("data", resolve));
    server.reload();
    // One unmasked text frame (0x81) of six bytes: "reload", nothing else.
    expect([...(await frame)]).toEqual([0x81, 6, ...Buffer.from("reload")]);
    socket?.destroy();
  });
});

describe("allowedHosts", () => {
  it("is loopback names at the port unless the preview is shared", () => {
    expect([...allowedHosts("127.0.0.1", 8080)].sort()).toEqual([
      "127.0.0.1:8080",
      "[::1]:8080",
      "localhost:8080",
    ]);
    expect(allowedHosts("192.168.1.20", 8080).has("192.168.1.20:8080")).toBe(true);
    expect(allowedHosts("0.0.0.0", 8080).has("127.0.0.1:8080")).toBe(true);
  });
});

describe("fileFor", () => {
  it("maps folders to index.html inside the root and refuses the rest", () => {
    expect(fileFor("/articles/x/?a=1", "/p")).toEqual({
      file: "/p/articles/x/index.html",
      folder: true,
    });
    expect(fileFor("/%ff", "/p")).toEqual({ status: 400 });
    expect(fileFor("/..%2fpackage.json", "/p")).toEqual({ status: 404 });
  });
});
