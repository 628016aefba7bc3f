// A real nginx for the tests, run with deploy/nginx/'s example server blocks, and raw HTTP requests to it.

import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import path from "node:path";

const NGINX = "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const DEPLOY = path.resolve(import.meta.dirname, "../../deploy/nginx");

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One example server block (deploy/nginx/<file>) on a loopback port, serving `root`. */
export interface ServerBlock {
  file: "site.conf" | "site-subfolder.conf";
  port: number;
  root: string;
}

export interface NginxOptions {
  /** Configuration, logs, pid and temporary files go here. */
  workDir: string;
  servers: readonly ServerBlock[];
  /**
   * Run as the packaged nginx runs: a master process (we are root) and workers as this user
   * (nginx's `user` directive). Unset: one process, as whoever runs the tests.
   */
  workerUser?: string;
}

/** Starts nginx and resolves once every server answers; stop it with `stopNginx`. */
export async function startNginx(options: NginxOptions): Promise<ChildProcess> {
  const { workDir } = options;
  const conf = path.join(workDir, "conf");
  await mkdir(path.join(conf, "snippets"), { recursive: true });
  await cp(path.join(DEPLOY, "sahifa.conf"), path.join(conf, "snippets/sahifa.conf"));
  const blocks = await Promise.all(options.servers.map(adapt));
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
  for (const { port } of options.servers) {
    while (!(await answers(port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        const log = await readFile(path.join(workDir, "error.log"), "utf8").catch(() => "");
        throw new Error(`nginx did not start: ${stderr}${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
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

/** GET without any decoding (node:http never decompresses), to compare bytes with the files. */
export function get(
  port: number,
  url: string,
  headers: Record<string, string> = {},
): Promise<HttpResponse> {
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

/** An example server block with its listen lines and root replaced; fails if they are missing. */
async function adapt({ file, port, root }: ServerBlock): Promise<string> {
  const text = await readFile(path.join(DEPLOY, file), "utf8");
  if (!/^\s*listen 80;$/m.test(text) || !/^\s*root \S+;$/m.test(text)) {
    throw new Error(`deploy/nginx/${file} lost its "listen 80;" or "root …;" line`);
  }
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
