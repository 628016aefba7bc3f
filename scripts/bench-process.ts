// Measuring child processes for benchmarks: wall time and true peak RSS of a build, and the time a watching dev server takes to serve an edit.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Command {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface RunResult {
  seconds: number;
  /** User and system CPU time of the build process, in seconds (steadier than wall time on a busy machine). */
  cpuSeconds: number;
  /** Peak resident set size of the build process, in bytes. */
  peakRss: number;
  output: string;
}

/**
 * Runs a command to completion and measures it. Peak RSS and CPU time come from GNU time (the
 * kernel's rusage of the process and the children it waited for) when /usr/bin/time exists,
 * else from polling /proc: VmHWM, which the kernel keeps as a running peak, and utime + stime.
 * The files earlier runs wrote are flushed to disk first (`sync`): a build leaves 50-150 MB of
 * them in the page cache, and the kernel writing them back during the next run charged that run,
 * whichever builder it was, with the one before's writes.
 */
export async function measureRun(command: Command): Promise<RunResult> {
  await flushWrites();
  const gnuTime = existsSync(GNU_TIME);
  const scratch = await mkdtemp(path.join(tmpdir(), "sahifa-time-"));
  const rssFile = path.join(scratch, "rss");
  const argv = gnuTime
    ? [GNU_TIME, "-f", "%M %U %S", "-o", rssFile, ...command.argv]
    : command.argv;
  const started = performance.now();
  const child = spawn(argv[0] ?? "", argv.slice(1), {
    cwd: command.cwd,
    env: command.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let polled = { peakKb: 0, cpuSeconds: 0 };
  const poll = gnuTime
    ? undefined
    : setInterval(() => void readProcStatus(child.pid).then((now) => (polled = now ?? polled)), 20);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  try {
    if (code !== 0) throw new Error(`${command.argv.join(" ")} exited with ${code}:\n${output}`);
    if (!gnuTime) return { seconds, ...polledResult(polled), output };
    const last = (await readFile(rssFile, "utf8")).trim().split("\n").at(-1) ?? "";
    const [peakKb = 0, user = 0, system = 0] = last.split(" ").map(Number);
    return { seconds, cpuSeconds: user + system, peakRss: peakKb * 1024, output };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** How to start a watching dev server, and where it serves the page that the edit changes. */
export interface DevServer {
  command: Command;
  port: number;
  /** The served path of the edited article's page. */
  pagePath: string;
  /** The Markdown file to edit. */
  file: string;
}

/** One edit: the time until the server served it, and Eleventy's own summary of the rebuild. */
export interface Rebuild {
  seconds: number;
  /** "4 files, 0.36 s" (Eleventy) or "3 pages, 0.31 s" (Sahifa): what the server logged. */
  reported: string;
}

/**
 * Starts a dev server, waits until it serves the page, then edits the article `edits` times
 * (appending a paragraph with a fresh marker) and times each edit from the write until the
 * served page contains the marker. Restores the file and stops the server.
 * @example (await measureRebuilds(server, 3)).map((r) => r.seconds) //=> [0.41, 0.38, 0.39]
 */
export async function measureRebuilds(server: DevServer, edits: number): Promise<Rebuild[]> {
  const original = await readFile(server.file, "utf8");
  const child = spawn(server.command.argv[0] ?? "", server.command.argv.slice(1), {
    cwd: server.command.cwd,
    env: server.command.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${server.port}${server.pagePath}`;
  try {
    await waitFor(
      url,
      (body) => body !== undefined,
      600_000,
      child,
      () => log,
    );
    // Let the watcher settle after the first build before the first edit.
    await sleep(2000);
    const times: Rebuild[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      const marker = `bench-edit-${edit}-${process.pid}`;
      const logStart = log.length;
      const started = performance.now();
      await writeFile(server.file, `${original}\n${marker}\n`);
      await waitFor(
        url,
        (body) => body?.includes(marker) ?? false,
        120_000,
        child,
        () => log,
      );
      const seconds = (performance.now() - started) / 1000;
      // Wait for the build to finish before the next edit, and keep its summary: Eleventy's dev
      // server logs "Wrote N files in X seconds" then "Watching…"; Sahifa's preview logs one line,
      // "Rebuilt N pages in X s".
      const deadline = performance.now() + 120_000;
      let reported: RegExpExecArray | null = null;
      while (reported === null && performance.now() < deadline) {
        const since = log.slice(logStart);
        reported = since.includes("Watching")
          ? /Wrote (\d+) files? in ([\d.]+) seconds/.exec(since)
          : /Rebuilt (\d+) pages? in ([\d.]+) s/.exec(since);
        if (reported === null) await sleep(20);
      }
      const noun = reported?.[0].startsWith("Rebuilt") ? "pages" : "files";
      times.push({ seconds, reported: reported ? `${reported[1]} ${noun}, ${reported[2]} s` : "" });
      await sleep(1000);
    }
    return times;
  } finally {
    await writeFile(server.file, original);
    await stop(child);
  }
}

/**
 * The median of a list (the mean of the middle two when it is even; 0 when it is empty).
 * @example median([3, 1, 2, 10]) //=> 2.5
 */
export function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Internals

const GNU_TIME = "/usr/bin/time";

/** The kernel's running peak RSS (VmHWM) and the CPU time so far of a live process. */
async function readProcStatus(
  pid: number | undefined,
): Promise<{ peakKb: number; cpuSeconds: number } | undefined> {
  if (pid === undefined) return undefined;
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised name: utime, stime in ticks.
    const stat = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
    const ticks = Number(stat[11] ?? 0) + Number(stat[12] ?? 0);
    return {
      peakKb: Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0),
      cpuSeconds: ticks / CLOCK_TICKS,
    };
  } catch {
    return undefined;
  }
}

function polledResult(polled: { peakKb: number; cpuSeconds: number }) {
  return { peakRss: polled.peakKb * 1024, cpuSeconds: polled.cpuSeconds };
}

// USER_HZ: 100 on every Linux that Node supports.
const CLOCK_TICKS = 100;

async function waitFor(
  url: string,
  done: (body: string | undefined) => boolean,
  timeout: number,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = performance.now() + timeout;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the dev server exited:\n${log()}`);
    let body: string | undefined;
    try {
      const response = await fetch(url, { cache: "no-store" });
      body = response.ok ? await response.text() : undefined;
    } catch {
      body = undefined;
    }
    if (done(body)) return;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${url}:\n${log().slice(-2000)}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const closed = new Promise((resolve) => child.once("close", resolve));
  // The server runs in its own process group (detached): end it and anything it started.
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(
    () => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"),
    5000,
  );
  await closed;
  clearTimeout(timer);
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Waits until the kernel has written every file's pending data to disk (coreutils' `sync`). */
function flushWrites(): Promise<void> {
  return new Promise((resolve) => {
    // Without `sync` (not a Debian machine) the runs are measured as before.
    spawn("sync", [], { stdio: "ignore" })
      .on("close", () => resolve())
      .on("error", () => resolve());
  });
}
