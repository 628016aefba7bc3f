// A real nginx for the tests, run with deploy/nginx/'s example server blocks over https (a certificate made here), and raw requests to it.

import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest, type RequestOptions } from "node:https";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

const NGINX = "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
/** The example configs the tests serve as they are written. */
export const DEPLOY = path.resolve(import.meta.dirname, "../../deploy/nginx");

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A self-signed certificate for 127.0.0.1: files for nginx, PEM text for the client to trust. */
export interface Certificate {
  cert: string;
  key: string;
  pem: string;
}

/** One example server block (deploy/nginx/<file>): https and plain http ports, serving `root`. */
export interface ServerBlock {
  file: "site.conf" | "site-subfolder.conf";
  port: number;
  httpPort: number;
  root: string;
}

export interface NginxOptions {
  /** Configuration, logs, pid and temporary files go here. */
  workDir: string;
  certificate: Certificate;
  servers: readonly ServerBlock[];
  /**
   * Run as the packaged nginx runs: a master process (we are root) and workers as this user
   * (nginx's `user` directive). Unset: one process, as whoever runs the tests.
   */
  workerUser?: string;
}

/** A certificate for 127.0.0.1 made by openssl in `dir`: nothing is downloaded. */
export async function makeCertificate(dir: string): Promise<Certificate> {
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  await promisify(execFile)("openssl", [
    ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
    ...["-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1"],
    ...["-addext", "subjectAltName=IP:127.0.0.1"],
  ]);
  return { cert, key, pem: await readFile(cert, "utf8") };
}

/** Starts nginx and resolves once every port answers; stop it with `stopNginx`. */
export async function startNginx(options: NginxOptions): Promise<ChildProcess> {
  const { workDir } = options;
  const conf = path.join(workDir, "conf");
  await mkdir(path.join(conf, "snippets"), { recursive: true });
  await cp(path.join(DEPLOY, "sahifa.conf"), path.join(conf, "snippets/sahifa.conf"));
  const blocks = await Promise.all(
    options.servers.map((server) => adapt(server, options.certificate)),
  );
  const temp = (name: string) => `${name}_temp_path ${path.join(workDir, `${name}-temp`)};`;
  await writeFile(
    path.join(conf, "nginx.conf"),
    [
      "daemon off;",
      ...(options.workerUser === undefined
        ? ["master_process off;"]
        : ["master_process on;", "worker_processes 1;", `user ${options.workerUser};`]),
      `pid ${path.join(workDir, "nginx.pid")};`,
      `error_log ${path.join(workDir, "error.log")} warn;`,
      `load_module ${BROTLI_MODULE};`,
      "events { worker_connections 64; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${temp(name)}`),
      ...blocks,
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
  const ports = options.servers.flatMap((server) => [server.port, server.httpPort]);
  while (!(await Promise.all(ports.map(answers))).every(Boolean)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = await readFile(path.join(workDir, "error.log"), "utf8").catch(() => "");
      throw new Error(`nginx did not start: ${stderr}${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

/** Stops an nginx started by `startNginx` (SIGTERM: a fast shutdown, workers included). */
export async function stopNginx(nginx: ChildProcess | undefined): Promise<void> {
  if (!nginx || nginx.exitCode !== null) return;
  const exited = new Promise((resolve) => nginx.once("exit", resolve));
  nginx.kill("SIGTERM");
  await exited;
}

/**
 * GET over https trusting only `certificate`, without any decoding (node never decompresses),
 * to compare bytes with the files.
 */
export function get(
  certificate: Certificate,
  port: number,
  url: string,
  headers: Record<string, string> = {},
): Promise<HttpResponse> {
  return fetchRaw(httpsRequest, {
    host: "127.0.0.1",
    port,
    path: url,
    headers,
    ca: certificate.pem,
  });
}

/** GET over plain http. */
export function getHttp(port: number, url: string): Promise<HttpResponse> {
  return fetchRaw(httpRequest, { host: "127.0.0.1", port, path: url });
}

/** A port nothing listens on now: the kernel picks it, then we let it go for nginx. */
export function freePort(): Promise<number> {
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

// ---------------------------------------------------------------------------------------------

/**
 * An example's server blocks with their listen lines, certificate and root replaced by the
 * test's; fails if any of them is missing, so the test serves the example as it is written.
 */
async function adapt(server: ServerBlock, certificate: Certificate): Promise<string> {
  const text = await readFile(path.join(DEPLOY, server.file), "utf8");
  const replacements: [RegExp, string][] = [
    [/^\s*listen \[::\]:(?:80|443 ssl http2);\n/gm, ""],
    [/^(\s*)listen 443 ssl http2;$/m, `$1listen 127.0.0.1:${server.port} ssl http2;`],
    [/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${server.httpPort};`],
    [/^(\s*)ssl_certificate \S+;$/m, `$1ssl_certificate ${certificate.cert};`],
    [/^(\s*)ssl_certificate_key \S+;$/m, `$1ssl_certificate_key ${certificate.key};`],
    [/^(\s*)root \S+;$/m, `$1root ${server.root};`],
  ];
  return replacements.reduce((adapted, [pattern, replacement]) => {
    if (!pattern.test(adapted)) {
      throw new Error(`deploy/nginx/${server.file} lost a line the test adapts: ${pattern}`);
    }
    pattern.lastIndex = 0;
    return adapted.replace(pattern, replacement);
  }, text);
}

function fetchRaw(
  send: (options: RequestOptions, listener: (incoming: IncomingMessage) => void) => ClientRequest,
  options: RequestOptions,
): Promise<HttpResponse> {
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

/** Whether anything answers on the port (an https port answers a plain request with 400). */
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
