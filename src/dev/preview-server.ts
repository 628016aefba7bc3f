// The preview's HTTP and live-reload server: loopback by default, only its own Host and Origin, an answer to every request.

import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { hostname, networkInterfaces } from "node:os";
import path from "node:path";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { previewErrorMiddleware, type PreviewState } from "../build/preview.tsx";

// Eleventy's dev server (@11ty/eleventy-dev-server 2.1) cannot be told where to listen (it calls
// listen({ port }), every interface: https://github.com/11ty/dev-server/issues/128) nor given a
// check of the WebSocket's Origin, and it broadcasts the name of every saved file. The preview
// serves a folder of static files and says "reload": this small server does that, and Eleventy
// itself only watches and builds (src/dev/run-preview.ts).

export interface PreviewServerOptions {
  /** The address to listen on: 127.0.0.1 unless the editor shares the preview on purpose. */
  host: string;
  port: number;
  /** The folder Eleventy writes the preview into. */
  root: string;
  /** The content's problems, shown on every page while there are any. */
  preview: PreviewState;
}

export interface PreviewServer {
  /** Where it listens, as the socket reports it. */
  readonly address: AddressInfo;
  /** Tells every open page to reload (after a build). */
  reload(): void;
  close(): Promise<void>;
}

/**
 * Starts the preview's server; rejects when the port is taken (the folder is per port, so the
 * preview does not move to another one).
 * @example const server = await startPreviewServer({ host: "127.0.0.1", port: 8080, root: ".sahifa-preview-8080", preview });
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const root = path.resolve(options.root);
  const errors = previewErrorMiddleware(options.preview);
  const server: Server = createServer((request, response) => {
    const allowed = allowedHosts(options.host, port());
    handle(request, response, root, allowed, errors).catch(() => {
      if (!response.headersSent) answer(response, 500, "The preview could not read this file.");
      else response.destroy();
    });
  });
  const sockets = new WebSocketServer({ noServer: true });
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const allowed = allowedHosts(options.host, port());
    if (request.url !== RELOAD_SOCKET || !sameOrigin(request, allowed)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit("connection", client));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = () => (server.address() as AddressInfo).port;
  return {
    address: server.address() as AddressInfo,
    reload() {
      // Only "reload": which files changed is nobody's business but the editor's terminal.
      for (const client of sockets.clients) client.send("reload");
    },
    close() {
      for (const client of sockets.clients) client.terminate();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The Host values the preview answers: loopback names, and when it is shared, the address it
 * was given, and for every interface (0.0.0.0 or ::) the machine's own addresses and name. A
 * page on another site that resolves its own name to this machine (DNS rebinding) is refused.
 * @example allowedHosts("127.0.0.1", 8080).has("localhost:8080") //=> true
 */
export function allowedHosts(host: string, port: number): ReadonlySet<string> {
  const names = new Set(["localhost", "127.0.0.1", "[::1]"]);
  const add = (name: string) => names.add(name.includes(":") ? `[${name}]` : name.toLowerCase());
  if (!isLoopback(host)) {
    add(host);
    if (host === "0.0.0.0" || host === "::") {
      add(hostname());
      add(`${hostname()}.local`);
      for (const addresses of Object.values(networkInterfaces()))
        for (const { address } of addresses ?? []) add(address.split("%")[0] ?? address);
    }
  }
  return new Set([...names].map((name) => `${name}:${port}`));
}

/**
 * Whether nothing listens on `port` at `host` yet (another preview, say).
 * @example await portIsFree("127.0.0.1", 8080) //=> true
 */
export function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once("error", () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * Whether an address is this machine's own (nobody else can reach it).
 * @example isLoopback("127.0.0.1") //=> true
 */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The file a request path stands for inside `root`, or the status to answer instead: 400 for
 * a path that does not decode, 404 for one that would leave the folder or hides a separator.
 * @example fileFor("/articles/x/", "/p") //=> { file: "/p/articles/x/index.html", folder: true }
 * @example fileFor("/..%2fpackage.json", "/p") //=> { status: 404 }
 */
export function fileFor(
  url: string,
  root: string,
): { file: string; folder: boolean } | { status: 400 | 404 } {
  const raw = url.split(/[?#]/)[0] ?? "/";
  let pathname: string;
  try {
    pathname = decodeURIComponent(raw);
  } catch {
    return { status: 400 };
  }
  // An encoded slash or backslash, a NUL, or a dot segment is never a page of the site.
  if (!pathname.startsWith("/") || /%2f|%5c/i.test(raw) || /[\\\0]/.test(pathname))
    return { status: 404 };
  if (pathname.split("/").some((segment) => segment === ".." || segment === "."))
    return { status: 404 };
  const folder = pathname.endsWith("/");
  const file = path.join(root, pathname, folder ? "index.html" : "");
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return { status: 404 };
  return { file, folder };
}

// ---------------------------------------------------------------------------------------------
// Internals

const RELOAD_SOCKET = "/.sahifa/reload";
const RELOAD_SCRIPT = "/.sahifa/reload.js";
const RELOAD_CLIENT = `const socket = new WebSocket(new URL(${JSON.stringify(RELOAD_SOCKET)}, location.href.replace(/^http/, "ws")));
socket.addEventListener("message", (event) => { if (event.data === "reload") location.reload(); });
`;

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  allowed: ReadonlySet<string>,
  errors: ReturnType<typeof previewErrorMiddleware>,
): Promise<void> {
  withReload(response);
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("X-Content-Type-Options", "nosniff");
  if (!allowed.has((request.headers.host ?? "").toLowerCase())) {
    answer(response, 421, "This preview answers only at its own address.");
    return;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    answer(response, 405, "The preview only serves pages.");
    return;
  }
  const url = request.url ?? "/";
  if (url === RELOAD_SCRIPT) {
    send(response, 200, "text/javascript; charset=utf-8", RELOAD_CLIENT);
    return;
  }
  const target = fileFor(url, root);
  if ("status" in target) {
    answer(response, target.status, target.status === 400 ? "Bad request." : "Not found.");
    return;
  }
  // While the content has problems, pages show the report (src/build/preview.tsx).
  let passed = false;
  errors(request, response, () => (passed = true));
  if (!passed) return;
  const found = await stat(target.file).catch(() => undefined);
  if (found?.isDirectory()) {
    response.setHeader("Location", `${url.split(/[?#]/)[0]}/`);
    answer(response, 301, "Moved.");
  } else if (found?.isFile()) {
    const type = TYPES[path.extname(target.file)] ?? "application/octet-stream";
    send(response, 200, type, await readFile(target.file));
  } else {
    const page = await readFile(path.join(root, "404.html")).catch(() => undefined);
    if (page) send(response, 404, TYPES[".html"] ?? "", page);
    else answer(response, 404, "Not found.");
  }
}

function sameOrigin(request: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const host = (request.headers.host ?? "").toLowerCase();
  return allowed.has(host) && request.headers.origin?.toLowerCase() === `http://${host}`;
}

/** Makes every HTML body the response ends with carry the reload script (the report page too). */
function withReload(response: ServerResponse): void {
  const end = response.end.bind(response);
  const isHtml = () => String(response.getHeader("Content-Type")).startsWith("text/html");
  Object.assign(response, {
    end: (body?: string | Buffer) =>
      end(typeof body === "string" && isHtml() ? addReloadScript(body) : body),
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.statusCode = status;
  response.setHeader("Content-Type", type);
  response.end(type.startsWith("text/html") ? body.toString() : body);
}

/**
 * The reload client added to a page. Published pages run no script (`script-src 'none'` in
 * their CSP meta tag), so in the preview that one directive becomes `'self'`: the client, from
 * the preview's own address, runs; inline and foreign scripts stay refused.
 */
function addReloadScript(html: string): string {
  const script = `<script type="module" src="${RELOAD_SCRIPT}"></script>`;
  const allowed = html.replace(
    /(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src )'none'/,
    "$1'self'",
  );
  return allowed.includes("</head>")
    ? allowed.replace("</head>", `${script}</head>`)
    : allowed + script;
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader("Content-Type", "text/plain; charset=utf-8");
  response.end(`${text}\n`);
}
