// A small static file server for a built site, on loopback: what a static host does, for browser tests and the audit.

import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { constants, createBrotliCompress, createGzip } from "node:zlib";

export interface StaticServerOptions {
  /** The built site's folder. */
  root: string;
  /** Compress text responses (brotli, else gzip) when the client accepts it, as a real host does. */
  compress?: boolean;
  /** Headers sent with every response, such as the shipped Content-Security-Policy. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Send each path the headers the site's own `_headers` file gives it, as Netlify and
   * Cloudflare Pages do (each page its own Content-Security-Policy: the search page's differs).
   */
  headersFile?: boolean;
  /** Told of every response once it is sent: what the bench counts as a page's bytes. */
  onResponse?: (sent: SentResponse) => void;
}

/** One response as it went out. */
export interface SentResponse {
  /** The request's path and query, as the browser asked for it. */
  url: string;
  status: number;
  /** Bytes on the wire: status line, headers and body as sent (compressed when it was). */
  bytes: number;
}

export interface StaticServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  close(): Promise<void>;
}

/** Content types of the files Sahifa writes; anything else is served as bytes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * Serves `root` on 127.0.0.1 at a free port: files as they are, `index.html` for a folder,
 * and `404.html` with status 404 for anything missing (as GitHub Pages and Netlify do).
 * @example const server = await startStaticServer({ root: "_site" }); server.url //=> "http://127.0.0.1:41234/"
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const rules = options.headersFile ? await readFile(path.join(root, "_headers"), "utf8") : "";
  const server = createServer((request, response) => {
    const pathname = (request.url ?? "/").split(/[?#]/)[0] ?? "/";
    const fromFile = options.headersFile ? headersFor(rules, pathname) : {};
    for (const [name, value] of Object.entries({ ...options.headers, ...fromFile }))
      response.setHeader(name, value);
    // A connection carries one response at a time (HTTP/1.1, no pipelining from browsers), so
    // what its socket wrote meanwhile is this response.
    const { onResponse } = options;
    const written = request.socket.bytesWritten;
    if (onResponse)
      response.once("finish", () =>
        onResponse({
          url: request.url ?? "/",
          status: response.statusCode,
          bytes: request.socket.bytesWritten - written,
        }),
      );
    serve(root, options.compress ?? false, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => closeServer(server) };
}

/**
 * The headers a `_headers` file gives a path: those of every rule whose pattern matches (`*`
 * matches anything, even nothing), a header named twice joined with ", " as Netlify does (a
 * second Content-Security-Policy would then be enforced too).
 * @example headersFor("/*\n  X-Frame-Options: DENY\n", "/a/") //=> { "X-Frame-Options": "DENY" }
 */
export function headersFor(file: string, pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let matches = false;
  for (const line of file.split("\n")) {
    if (line === "") continue;
    if (!line.startsWith(" ")) {
      const pattern = line.split("*").map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, "\\$&"));
      matches = new RegExp(`^${pattern.join(".*")}$`).test(pathname);
      continue;
    }
    if (!matches) continue;
    const [name = "", value = ""] = line.trim().split(/: (.*)/s);
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

/**
 * The file a URL path names under `root`, or undefined when it would leave `root`.
 * @example resolveRequestPath("/srv", "/articles/x/") //=> "/srv/articles/x/index.html"
 */
export function resolveRequestPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? "/");
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const file = path.join(root, path.normalize(decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  return decoded.endsWith("/") ? path.join(file, "index.html") : file;
}

// ---------------------------------------------------------------------------------------------
// Internals

async function serve(
  root: string,
  compress: boolean,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  let status = 200;
  let file = resolveRequestPath(root, request.url ?? "/");
  let info = file ? await statOrUndefined(file) : undefined;
  if (file && info?.isDirectory()) {
    // A folder without the trailing slash: redirect, so relative links resolve as on a host.
    response.writeHead(301, { location: `${(request.url ?? "/").split("?")[0]}/` }).end();
    return;
  }
  if (!file || !info?.isFile()) {
    status = 404;
    file = path.join(root, "404.html");
    info = await statOrUndefined(file);
    if (!info?.isFile()) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  const encoding =
    compress && isCompressible(type) ? pickEncoding(request.headers["accept-encoding"]) : undefined;
  const headers: Record<string, string | number> = {
    "content-type": type,
    "cache-control": "no-cache",
  };
  if (encoding) {
    headers["content-encoding"] = encoding;
    headers["vary"] = "Accept-Encoding";
  } else {
    headers["content-length"] = info.size;
  }
  response.writeHead(status, headers);
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  const source = createReadStream(file);
  if (encoding === "br") {
    await pipeline(
      source,
      createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      response,
    );
  } else if (encoding === "gzip") {
    await pipeline(source, createGzip({ level: 9 }), response);
  } else {
    await pipeline(source, response);
  }
}

function isCompressible(type: string): boolean {
  return /^(text\/|application\/(json|xml)|image\/svg)/.test(type);
}

function pickEncoding(accept: string | undefined): "br" | "gzip" | undefined {
  const offered = (accept ?? "").split(",").map((part) => part.trim().split(";")[0]);
  if (offered.includes("br")) return "br";
  if (offered.includes("gzip")) return "gzip";
  return undefined;
}

async function statOrUndefined(file: string) {
  try {
    return await stat(file);
  } catch {
    return undefined;
  }
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}
