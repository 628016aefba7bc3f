// Hosting: a real nginx, started here with deploy/nginx/'s example configs, serves built sites at a root and in a sub-folder.

import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHE_CONTROL, contentSecurityPolicy } from "../../src/publish/http-headers.ts";
import { buildFixture, PUBLISHING_FIXTURE, type BuiltFixture } from "../helpers/build-fixture.ts";

const NGINX = "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const DEPLOY = path.resolve(import.meta.dirname, "../../deploy/nginx");

let workDir: string;
let rootSite: BuiltFixture;
let subfolderSite: BuiltFixture;
let nginx: ChildProcess | undefined;
let rootPort: number;
let subfolderPort: number;

beforeAll(async () => {
  // nginx serves the .br and .gz twins as they are (gzip_static, brotli_static): built with them.
  rootSite = await buildFixture(PUBLISHING_FIXTURE, "https://news.example.org/", {
    precompress: true,
  });
  subfolderSite = await buildFixture(PUBLISHING_FIXTURE, "https://example.org/news/", {
    precompress: true,
  });
  workDir = await mkdtemp(path.join(tmpdir(), "sahifa-nginx-"));
  // The sub-folder deploy: the built site copied to <server root>/news/.
  await mkdir(path.join(workDir, "www"));
  await symlink(subfolderSite.site, path.join(workDir, "www/news"));
  [rootPort, subfolderPort] = [await freePort(), await freePort()];
  nginx = await startNginx();
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx?.once("exit", resolve));
    nginx.kill("SIGTERM");
    await exited;
  }
  await rm(workDir, { recursive: true, force: true });
  await rootSite?.remove();
  await subfolderSite?.remove();
});

describe("nginx with deploy/nginx/site.conf (site at the root)", () => {
  it("serves the home page and an article as UTF-8 HTML with the CSP and security headers", async () => {
    for (const url of ["/", "/articles/energy-summit/"]) {
      const response = await get(rootPort, url);
      expect(response.status, url).toBe(200);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.headers["content-security-policy"]).toBe(contentSecurityPolicy("header"));
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["cache-control"]).toBe(CACHE_CONTROL.page);
      expect(response.body.equals(await readFile(siteFile(rootSite, url)))).toBe(true);
    }
  });

  it("answers a missing page with status 404 and the site's 404 page", async () => {
    const response = await get(rootPort, "/articles/no-such-story/");
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["content-security-policy"]).toBe(contentSecurityPolicy("header"));
    expect(response.body.equals(await readFile(path.join(rootSite.site, "404.html")))).toBe(true);
  });

  it("serves the precompressed .gz and .br as they are, and the plain file without Accept-Encoding", async () => {
    const file = siteFile(rootSite, "/articles/energy-summit/");
    const gzip = await get(rootPort, "/articles/energy-summit/", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers["vary"]).toBe("Accept-Encoding");
    expect(gzip.body.equals(await readFile(`${file}.gz`))).toBe(true);
    const brotli = await get(rootPort, "/articles/energy-summit/", {
      "accept-encoding": "gzip, deflate, br",
    });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.body.equals(await readFile(`${file}.br`))).toBe(true);
    const plain = await get(rootPort, "/articles/energy-summit/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
  });

  it("caches hashed assets for a year, immutable, and pages and feeds briefly", async () => {
    const html = (await get(rootPort, "/")).body.toString("utf8");
    const stylesheet = /href="(\/assets\/sahifa\.rtl\.[0-9a-f]{10}\.css)"/.exec(html)?.[1] ?? "";
    const css = await get(rootPort, stylesheet, { "accept-encoding": "br" });
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(css.headers["cache-control"]).toBe(CACHE_CONTROL.hashed);
    expect(css.headers["content-encoding"]).toBe("br");
    const font = /href="(\/assets\/fonts\/[^"]+\.woff2)"/.exec(html)?.[1] ?? "";
    const woff2 = await get(rootPort, font);
    expect(woff2.headers["content-type"]).toBe("font/woff2");
    expect(woff2.headers["cache-control"]).toBe(CACHE_CONTROL.hashed);
    for (const [url, type] of [
      ["/feed.xml", "text/xml; charset=utf-8"],
      ["/feed.json", "application/json; charset=utf-8"],
      ["/sitemap.xml", "text/xml; charset=utf-8"],
      ["/robots.txt", "text/plain; charset=utf-8"],
    ] as const) {
      const response = await get(rootPort, url);
      expect(response.status, url).toBe(200);
      expect(response.headers["content-type"], url).toBe(type);
      expect(response.headers["cache-control"], url).toBe(CACHE_CONTROL.page);
    }
  });

  it("redirects a folder without its slash relatively, and keeps _headers to itself", async () => {
    const redirect = await get(rootPort, "/articles/energy-summit");
    expect(redirect.status).toBe(301);
    expect(redirect.headers["location"]).toBe("/articles/energy-summit/");
    expect((await get(rootPort, "/_headers")).status).toBe(404);
  });
});

describe("nginx with deploy/nginx/site-subfolder.conf (site under /news/)", () => {
  it("serves the site's pages, assets and 404 page under the prefix", async () => {
    const home = await get(subfolderPort, "/news/", { "accept-encoding": "gzip" });
    expect(home.status).toBe(200);
    expect(home.headers["content-encoding"]).toBe("gzip");
    expect(home.headers["content-security-policy"]).toBe(contentSecurityPolicy("header"));
    const html = (await get(subfolderPort, "/news/")).body.toString("utf8");
    const stylesheet = /href="(\/news\/assets\/[^"]+\.css)"/.exec(html)?.[1] ?? "";
    expect((await get(subfolderPort, stylesheet)).headers["cache-control"]).toBe(
      CACHE_CONTROL.hashed,
    );
    const missing = await get(subfolderPort, "/news/articles/gone/");
    expect(missing.status).toBe(404);
    expect(missing.body.equals(await readFile(path.join(subfolderSite.site, "404.html")))).toBe(
      true,
    );
  });

  it("leaves the rest of the server alone: no Sahifa headers outside /news/", async () => {
    const outside = await get(subfolderPort, "/elsewhere/");
    expect(outside.status).toBe(404);
    expect(outside.headers["content-security-policy"]).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET without any decoding (node:http never decompresses), to compare bytes with the files. */
function get(port: number, url: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, path: url, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () =>
        resolve({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: Buffer.concat(chunks),
        }),
      );
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

function siteFile(built: BuiltFixture, url: string): string {
  return path.join(built.site, url.endsWith("/") ? `${url}index.html` : url);
}

/** The example server blocks, pointed at this test's port and folders and nothing else. */
async function startNginx(): Promise<ChildProcess> {
  const conf = path.join(workDir, "conf");
  await mkdir(path.join(conf, "snippets"), { recursive: true });
  await cp(path.join(DEPLOY, "sahifa.conf"), path.join(conf, "snippets/sahifa.conf"));
  const root = await adapt("site.conf", rootPort, rootSite.site);
  const subfolder = await adapt("site-subfolder.conf", subfolderPort, path.join(workDir, "www"));
  const temp = (name: string) => `${name}_temp_path ${path.join(workDir, `${name}-temp`)};`;
  await writeFile(
    path.join(conf, "nginx.conf"),
    [
      "daemon off;",
      "master_process off;",
      `pid ${path.join(workDir, "nginx.pid")};`,
      `error_log ${path.join(workDir, "error.log")} warn;`,
      `load_module ${BROTLI_MODULE};`,
      "events { worker_connections 64; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${temp(name)}`),
      root,
      subfolder,
      "}",
    ].join("\n"),
  );
  const child = spawn(
    NGINX,
    ["-p", workDir, "-e", path.join(workDir, "error.log"), "-c", path.join(conf, "nginx.conf")],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await answers(rootPort)) || !(await answers(subfolderPort))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = await readFile(path.join(workDir, "error.log"), "utf8").catch(() => "");
      throw new Error(`nginx did not start: ${stderr}${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

/** An example server block with its listen lines and root replaced; fails if they are missing. */
async function adapt(file: string, port: number, root: string): Promise<string> {
  const text = await readFile(path.join(DEPLOY, file), "utf8");
  expect(text).toMatch(/^\s*listen 80;$/m);
  expect(text).toMatch(/^\s*root \S+;$/m);
  return text
    .replace(/^\s*listen \[::\]:80;\n/m, "")
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root \S+;$/m, `$1root ${root};`);
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request({ host: "127.0.0.1", port, path: "/", method: "HEAD" }, (response) => {
      response.resume();
      resolve(true);
    });
    probe.on("error", () => resolve(false));
    probe.end();
  });
}

/** A port nothing listens on now: the kernel picks it, then we let it go for nginx. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
