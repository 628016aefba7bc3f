// Hosting: a real nginx, started here with deploy/nginx/'s example configs and a certificate made for the test, serves built sites over https at a root and in a sub-folder.

import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { request, type RequestOptions } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEEDS } from "../../src/publish/feeds.ts";
import {
  CACHE_CONTROL,
  contentSecurityPolicy,
  nginxHeaderLines,
  SECURITY_HEADERS,
} from "../../src/publish/http-headers.ts";
import { buildFixture, PUBLISHING_FIXTURE, type BuiltFixture } from "../helpers/build-fixture.ts";

const NGINX = "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const DEPLOY = path.resolve(import.meta.dirname, "../../deploy/nginx");

let workDir: string;
let rootSite: BuiltFixture;
let subfolderSite: BuiltFixture;
let nginx: ChildProcess | undefined;
let certificate: { cert: string; key: string; pem: string };
let rootPort: number;
let subfolderPort: number;
let rootHttpPort: number;
let subfolderHttpPort: number;

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
  certificate = await makeCertificate();
  [rootPort, subfolderPort] = [await freePort(), await freePort()];
  [rootHttpPort, subfolderHttpPort] = [await freePort(), await freePort()];
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

describe("deploy/nginx/sahifa.conf", () => {
  it("sends exactly the headers of src/publish/http-headers.ts, the list _headers is made from", async () => {
    const snippet = await readFile(path.join(DEPLOY, "sahifa.conf"), "utf8");
    const lines = snippet.split("\n").filter((line) => line.startsWith("add_header "));
    expect(lines).toEqual([
      "add_header Cache-Control $sahifa_cache always;",
      ...nginxHeaderLines(),
    ]);
  });
});

describe("nginx with deploy/nginx/site.conf (site at the root, over https)", () => {
  it("serves the home page and an article as UTF-8 HTML with the CSP and security headers", async () => {
    for (const url of ["/", "/articles/energy-summit/"]) {
      const response = await get(rootPort, url);
      expect(response.status, url).toBe(200);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expectSecurityHeaders(response);
      expect(response.headers["content-security-policy"]).toContain("script-src 'none'");
      expect(response.headers["strict-transport-security"]).toBe("max-age=31536000");
      expect(response.headers["permissions-policy"]).toContain("camera=()");
      // server_tokens off: "nginx", without its version.
      expect(response.headers["server"]).toBe("nginx");
      expect(response.headers["cache-control"]).toBe(CACHE_CONTROL.page);
      expect(response.body.equals(await readFile(siteFile(rootSite, url)))).toBe(true);
    }
  });

  it("answers a missing page with status 404 and the site's 404 page", async () => {
    const response = await get(rootPort, "/articles/no-such-story/");
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expectSecurityHeaders(response);
    expect(response.headers["server"]).toBe("nginx");
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
      ["/feed.xml", "application/atom+xml; charset=utf-8"],
      ["/feed.json", "application/feed+json; charset=utf-8"],
      ["/sitemap.xml", "text/xml; charset=utf-8"],
      ["/robots.txt", "text/plain; charset=utf-8"],
    ] as const) {
      const response = await get(rootPort, url);
      expect(response.status, url).toBe(200);
      expect(response.headers["content-type"], url).toBe(type);
      expect(response.headers["cache-control"], url).toBe(CACHE_CONTROL.page);
    }
  });

  it("serves each feed as the type the pages announce it with, compressed twins included", async () => {
    for (const feed of Object.values(FEEDS)) {
      for (const encoding of [undefined, "gzip", "br"]) {
        const headers: Record<string, string> = encoding ? { "accept-encoding": encoding } : {};
        const response = await get(rootPort, feed.path, headers);
        expect(response.headers["content-encoding"], feed.path).toBe(encoding);
        expect(response.headers["content-type"], feed.path).toBe(`${feed.type}; charset=utf-8`);
      }
    }
  });

  it("answers plain http with a permanent redirect to https, and nothing else", async () => {
    const response = await getHttp(rootHttpPort, "/articles/energy-summit/");
    expect(response.status).toBe(301);
    expect(response.headers["location"]).toBe("https://127.0.0.1/articles/energy-summit/");
    expect(response.headers["server"]).toBe("nginx");
  });

  it("redirects a folder without its slash relatively, and keeps _headers to itself", async () => {
    const redirect = await get(rootPort, "/articles/energy-summit");
    expect(redirect.status).toBe(301);
    expect(redirect.headers["location"]).toBe("/articles/energy-summit/");
    expect((await get(rootPort, "/_headers")).status).toBe(404);
  });
});

describe("nginx with deploy/nginx/site-subfolder.conf (site under /news/, over https)", () => {
  it("serves the site's pages, assets, feeds and 404 page under the prefix", async () => {
    const home = await get(subfolderPort, "/news/", { "accept-encoding": "gzip" });
    expect(home.status).toBe(200);
    expect(home.headers["content-encoding"]).toBe("gzip");
    expectSecurityHeaders(home);
    expect(home.headers["server"]).toBe("nginx");
    expect((await get(subfolderPort, "/news/feed.xml")).headers["content-type"]).toBe(
      "application/atom+xml; charset=utf-8",
    );
    expect((await getHttp(subfolderHttpPort, "/news/")).headers["location"]).toBe(
      "https://127.0.0.1/news/",
    );
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
    expect(outside.headers["strict-transport-security"]).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Every header of SECURITY_HEADERS, as src/publish/http-headers.ts has it. */
function expectSecurityHeaders(response: Response): void {
  expect(response.headers["content-security-policy"]).toBe(contentSecurityPolicy("header"));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(response.headers[name.toLowerCase()], name).toBe(value);
  }
}

/**
 * GET over https, trusting only this test's certificate, without any decoding (node never
 * decompresses), to compare bytes with the files.
 */
function get(port: number, url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetchRaw(request, { host: "127.0.0.1", port, path: url, headers, ca: certificate.pem });
}

/** GET over plain http. */
function getHttp(port: number, url: string): Promise<Response> {
  return fetchRaw(httpRequest, { host: "127.0.0.1", port, path: url });
}

function fetchRaw(
  send: (options: RequestOptions, listener: (incoming: IncomingMessage) => void) => ClientRequest,
  options: RequestOptions,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = send(options, (incoming) => {
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
  const root = await adapt("site.conf", [rootPort, rootHttpPort], rootSite.site);
  const subfolder = await adapt(
    "site-subfolder.conf",
    [subfolderPort, subfolderHttpPort],
    path.join(workDir, "www"),
  );
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
  const ports = [rootPort, subfolderPort, rootHttpPort, subfolderHttpPort];
  while (!(await Promise.all(ports.map(answers))).every(Boolean)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = await readFile(path.join(workDir, "error.log"), "utf8").catch(() => "");
      throw new Error(`nginx did not start: ${stderr}${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

/**
 * An example's server blocks with their listen lines, certificate and root replaced by this
 * test's; fails if any of them is missing, so the test serves the example as it is written.
 */
async function adapt(file: string, [https, http]: number[], root: string): Promise<string> {
  const text = await readFile(path.join(DEPLOY, file), "utf8");
  const replacements: [RegExp, string][] = [
    [/^\s*listen \[::\]:(?:80|443 ssl http2);\n/gm, ""],
    [/^(\s*)listen 443 ssl http2;$/m, `$1listen 127.0.0.1:${https} ssl http2;`],
    [/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${http};`],
    [/^(\s*)ssl_certificate \S+;$/m, `$1ssl_certificate ${certificate.cert};`],
    [/^(\s*)ssl_certificate_key \S+;$/m, `$1ssl_certificate_key ${certificate.key};`],
    [/^(\s*)root \S+;$/m, `$1root ${root};`],
  ];
  return replacements.reduce((adapted, [pattern, replacement]) => {
    expect(adapted, `${file}: ${pattern}`).toMatch(pattern);
    return adapted.replace(pattern, replacement);
  }, text);
}

/** A self-signed certificate for 127.0.0.1, made here by openssl: nothing is downloaded. */
async function makeCertificate(): Promise<{ cert: string; key: string; pem: string }> {
  const cert = path.join(workDir, "cert.pem");
  const key = path.join(workDir, "key.pem");
  await promisify(execFile)("openssl", [
    ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
    ...["-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1"],
    ...["-addext", "subjectAltName=IP:127.0.0.1"],
  ]);
  return { cert, key, pem: await readFile(cert, "utf8") };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = httpRequest(
      { host: "127.0.0.1", port, path: "/", method: "HEAD" },
      (response) => {
        response.resume();
        resolve(true);
      },
    );
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
