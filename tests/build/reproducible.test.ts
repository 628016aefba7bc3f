// The same input gives the same bytes, whatever the build machine's time zone.

import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTree } from "../helpers/site-tree.ts";

const run = promisify(execFile);
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "sahifa-tz-"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function buildUnder(
  tz: string,
  now?: string,
  args: readonly string[] = [],
): Promise<Record<string, string>> {
  const output = path.join(workDir, `${tz.replace("/", "-")}-${now ?? "clock"}`, "_site");
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: tz, NODE_OPTIONS: "" };
  if (now) env.SAHIFA_NOW = now;
  else delete env.SAHIFA_NOW;
  await run("npx", ["tsx", "scripts/build.ts", "--output", output, ...args], { env });
  return hashTree(output);
}

describe("reproducible output", () => {
  it("writes byte-identical trees under TZ=UTC and TZ=America/Los_Angeles", async () => {
    const [utc, losAngeles] = await Promise.all([
      buildUnder("UTC"),
      buildUnder("America/Los_Angeles"),
    ]);
    expect(Object.keys(utc)).toContain("articles/astana-20-final-round/index.html");
    expect(losAngeles).toEqual(utc);
  });

  it("writes the same tree, compressed twins included, when rebuilding over a published site", async () => {
    const fresh = await buildUnder("UTC", "2026-01-01T00:00:00Z", ["--precompress"]);
    const again = await buildUnder("UTC", "2026-01-01T00:00:00Z", ["--precompress"]);
    expect(Object.keys(fresh).some((file) => file.endsWith(".br"))).toBe(true);
    expect(again).toEqual(fresh);
  });

  it("writes byte-identical trees on different days, in different zones", async () => {
    // The moment a build runs decides only which scheduled articles are due: nothing else in
    // the output may depend on it (no build date in pages, feeds or the sitemap).
    const [early, late] = await Promise.all([
      buildUnder("Asia/Tokyo", "2025-01-01T00:00:00Z"),
      buildUnder("America/Los_Angeles", "2031-07-15T12:00:00Z"),
    ]);
    expect(Object.keys(early)).toContain("feed.xml");
    expect(late).toEqual(early);
  });
});
