// Hosting: a real nginx, started here with deploy/nginx/'s example configs and a certificate made for the test, serves built sites over https at a root and in a sub-folder.

import type { ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEEDS } from "../../src/publish/feeds.ts";
import {
  CACHE_CONTROL,
  contentSecurityPolicy,
  nginxHeaderLines,
  nginxSearchLocation,
  SEARCH_CSP_DIRECTIVES,
  SECURITY_HEADERS,
} from "../../src/publish/http-headers.ts";
import { buildFixture, PUBLISHING_FIXTURE, type BuiltFixture } from "../helpers/build-fixture.ts";
import {
  DEPLOY,
  freePort,
  get as getFrom,
  getHttp,
  makeCertificate,
  startNginx,
  stopNginx,
  type Certificate,
  type HttpResponse,
} from "../helpers/nginx.ts";

let workDir: string;
let rootSite: BuiltFixture;
let subfolderSite: BuiltFixture;
let nginx: ChildProcess | undefined;
let certificate: Certificate;
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
  certificate = await makeCertificate(workDir);
  [rootPort, subfolderPort] = [await freePort(), await freePort()];
  [rootHttpPort, subfolderHttpPort] = [await freePort(), await freePort()];
  nginx = await startNginx({
    workDir,
    certificate,
    servers: [
      { file: "site.conf", port: rootPort, httpPort: rootHttpPort, root: rootSite.site },
      {
        file: "site-subfolder.conf",
        port: subfolderPort,
        httpPort: subfolderHttpPort,
        root: path.join(workDir, "www"),
      },
    ],
  });
});

afterAll(async () => {
  await stopNginx(nginx);
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

  it("gives the search page its location, exactly the lines of nginxSearchLocation", async () => {
    const snippet = await readFile(path.join(DEPLOY, "sahifa.conf"), "utf8");
    expect(snippet).toContain(`\n${nginxSearchLocation().join("\n")}\n`);
  });
});

describe("nginx: the search page's policy", () => {
  it("sends the search policy at /search/ alone, at a root and in a sub-folder, and the pages' elsewhere", async () => {
    const searchPolicy = contentSecurityPolicy("header", SEARCH_CSP_DIRECTIVES);
    for (const [port, prefix] of [
      [rootPort, "/"],
      [subfolderPort, "/news/"],
    ] as const) {
      for (const url of [
        `${prefix}search/`,
        `${prefix}search/index.html`,
        `${prefix}pagefind/pagefind-worker.js`,
      ]) {
        const response = await get(port, url);
        expect(response.status, url).toBe(200);
        expect(response.headers["content-security-policy"], url).toBe(searchPolicy);
        // Every other header is still sent: a location that sets a variable keeps them.
        expect(response.headers["strict-transport-security"], url).toBe("max-age=31536000");
        expect(response.headers["cache-control"], url).toBe(CACHE_CONTROL.page);
      }
      const search = (await get(port, `${prefix}search/`)).body.toString("utf8");
      const script = /<script type="module" src="([^"]+)"/.exec(search)?.[1] ?? "";
      for (const url of [`${prefix}`, `${prefix}articles/energy-summit/`, script]) {
        const response = await get(port, url);
        expect(response.status, url).toBe(200);
        expect(response.headers["content-security-policy"], url).toBe(
          contentSecurityPolicy("header"),
        );
      }
    }
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
    // The photo's files: by their types (AVIF too, which older mime.types lack), for a year.
    const article = (await get(rootPort, "/articles/energy-summit/")).body.toString("utf8");
    const photos = [...article.matchAll(/\/media\/[^"\s,]+?\.(avif|webp|jpg)/g)];
    expect(new Set(photos.map((match) => match[1]))).toEqual(new Set(["avif", "webp", "jpg"]));
    for (const [url, extension] of photos) {
      const photo = await get(rootPort, url);
      expect(photo.status, url).toBe(200);
      const type = extension === "jpg" ? "image/jpeg" : `image/${extension}`;
      expect(photo.headers["content-type"], url).toBe(type);
      expect(photo.headers["cache-control"], url).toBe(CACHE_CONTROL.hashed);
    }
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

/** Every header of SECURITY_HEADERS, as src/publish/http-headers.ts has it. */
function expectSecurityHeaders(response: HttpResponse): void {
  expect(response.headers["content-security-policy"]).toBe(contentSecurityPolicy("header"));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(response.headers[name.toLowerCase()], name).toBe(value);
  }
}

/** GET over https, trusting only this test's certificate. */
function get(port: number, url: string, headers: Record<string, string> = {}) {
  return getFrom(certificate, port, url, headers);
}

function siteFile(built: BuiltFixture, url: string): string {
  return path.join(built.site, url.endsWith("/") ? `${url}index.html` : url);
}
