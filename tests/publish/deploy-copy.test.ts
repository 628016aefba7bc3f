// Deploying as the README says: a build copied with `rsync -a _site/ …` (or `cp -a _site/. …`) and served by nginx whose workers run as www-data.

import { execFile, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, PUBLISHING_FIXTURE, type BuiltFixture } from "../helpers/build-fixture.ts";
import {
  freePort,
  get as getFrom,
  makeCertificate,
  startNginx,
  stopNginx,
  type Certificate,
} from "../helpers/nginx.ts";

const run = promisify(execFile);
/** Debian's nginx runs its workers as www-data. */
const WORKER_USER = "www-data";

let workDir: string;
let built: BuiltFixture;
let nginx: ChildProcess | undefined;
let certificate: Certificate;
let rsyncPort: number;
let cpPort: number;

beforeAll(async () => {
  built = await buildFixture(PUBLISHING_FIXTURE, "https://news.example.org/", {
    precompress: true,
  });
  workDir = await mkdtemp(path.join(tmpdir(), "sahifa-deploy-"));
  // A web server's folders are readable by all (mkdtemp makes its folder private).
  await chmod(workDir, 0o755);
  const rsyncRoot = path.join(workDir, "www-rsync");
  const cpRoot = path.join(workDir, "www-cp");
  // The README's commands, with the trailing "/" (or "/.") that copies the files, not the link.
  await run("rsync", ["-a", "--delete", `${built.site}/`, `${rsyncRoot}/`]);
  await run("cp", ["-a", `${built.site}/.`, cpRoot]);
  certificate = await makeCertificate(workDir);
  [rsyncPort, cpPort] = [await freePort(), await freePort()];
  nginx = await startNginx({
    workDir,
    certificate,
    workerUser: WORKER_USER,
    servers: [
      { file: "site.conf", port: rsyncPort, httpPort: await freePort(), root: rsyncRoot },
      { file: "site.conf", port: cpPort, httpPort: await freePort(), root: cpRoot },
    ],
  });
}, 120_000);

afterAll(async () => {
  await stopNginx(nginx);
  await rm(workDir, { recursive: true, force: true });
  await built?.remove();
});

describe("a build copied to a web root and served by unprivileged nginx workers", () => {
  it(`runs nginx's workers as ${WORKER_USER}, not root`, async () => {
    const { stdout } = await run("id", ["-u", WORKER_USER]);
    const workers = await childrenOf(nginx?.pid ?? 0);
    expect(workers.length).toBeGreaterThan(0);
    for (const pid of workers) expect(await uidOf(pid)).toBe(Number(stdout.trim()));
  });

  it.each([
    ["rsync -a", () => rsyncPort],
    ["cp -a", () => cpPort],
  ])("serves every page copied with %s, byte for byte", async (_, port) => {
    const pages = (await readdir(built.site, { recursive: true }))
      .filter((file) => file.endsWith("index.html"))
      .map((file) => `/${file.replace(/index\.html$/, "")}`);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const response = await get(port(), page);
      expect(response.status, page).toBe(200);
      const file = path.join(built.site, page, "index.html");
      expect(response.body.equals(await readFile(file)), page).toBe(true);
    }
    const css = /href="(\/assets\/sahifa\.rtl\.[0-9a-f]{10}\.css)"/.exec(
      (await get(port(), "/")).body.toString("utf8"),
    )?.[1];
    expect((await get(port(), css ?? "/missing.css", { "accept-encoding": "br" })).status).toBe(
      200,
    );
  });
});

/** GET over https, trusting only this test's certificate. */
function get(port: number, url: string, headers: Record<string, string> = {}) {
  return getFrom(certificate, port, url, headers);
}

/** The processes whose parent is `pid` (nginx's workers, under its master). */
async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const status = await readFile(`/proc/${name}/status`, "utf8").catch(() => "");
    if (new RegExp(`^PPid:\\s+${pid}$`, "m").test(status)) children.push(Number(name));
  }
  return children;
}

/** The real user id a process runs as. */
async function uidOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
}
