import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { superviseProcess } from "../../src/dev/supervise.ts";
import { makeTempDir, removeTempDirs } from "../helpers/sites.ts";

// A child that records its pid in a file named after it, then waits to be stopped.
const CHILD = `require("node:fs").writeFileSync(require("node:path").join(process.argv[1], "started-" + process.pid), ""); setInterval(() => {}, 1000);`;

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(removeTempDirs);

describe("superviseProcess", () => {
  it("restarts the child after a change under a watched folder, and ends it on stop", async () => {
    const dir = await makeTempDir("supervise");
    const runs = path.join(dir, "runs");
    const watched = path.join(dir, "src", "nested");
    await mkdir(runs);
    await mkdir(watched, { recursive: true });
    const messages: string[] = [];
    const started = async (count: number) => {
      const pids = (await readdir(runs)).map((name) => Number(name.replace("started-", "")));
      return pids.length >= count ? pids : undefined;
    };
    const supervisor = superviseProcess({
      command: process.execPath,
      args: ["-e", CHILD, runs],
      watch: [path.join(dir, "src")],
      debounceMs: 50,
      log: (message) => messages.push(message),
    });
    try {
      const [first] = await until(() => started(1), "the first start");
      await writeFile(path.join(watched, "module.ts"), "export {};\n");
      const pids = await until(() => started(2), "a restart");
      const second = pids.find((pid) => pid !== first);
      expect(second).toBeDefined();
      expect(isAlive(first ?? 0)).toBe(false);
      expect(isAlive(second ?? 0)).toBe(true);
      expect(messages).toContain("Source changed: restarting the preview.");
      await supervisor.stop();
      expect(isAlive(second ?? 0)).toBe(false);
    } finally {
      await supervisor.stop();
    }
  });

  it("waits for a change after the child dies on its own, then starts it again", async () => {
    const dir = await makeTempDir("supervise");
    const marker = path.join(dir, "runs");
    await mkdir(marker);
    await mkdir(path.join(dir, "src"));
    const messages: string[] = [];
    const supervisor = superviseProcess({
      command: process.execPath,
      args: [
        "-e",
        `require("node:fs").writeFileSync(require("node:path").join(process.argv[1], String(process.pid)), ""); process.exit(3);`,
        marker,
      ],
      watch: [path.join(dir, "src")],
      debounceMs: 50,
      log: (message) => messages.push(message),
    });
    try {
      await until(
        async () => (messages.some((m) => m.includes("exit code 3")) ? true : undefined),
        "the crash",
      );
      expect(await readdir(marker)).toHaveLength(1);
      await writeFile(path.join(dir, "src", "fixed.ts"), "");
      await until(
        async () => ((await readdir(marker)).length === 2 ? true : undefined),
        "the start after a change",
      );
    } finally {
      await supervisor.stop();
    }
  });
});
