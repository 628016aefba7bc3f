// The same input gives the same bytes, whatever the build machine's time zone.

import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTree } from "./helpers/site-tree.ts";

const run = promisify(execFile);
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "sahifa-tz-"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function buildUnder(tz: string): Promise<Record<string, string>> {
  const output = path.join(workDir, tz.replace("/", "-"), "_site");
  await run("npx", ["tsx", "scripts/build.ts", "--output", output], {
    env: { ...process.env, TZ: tz, NODE_OPTIONS: "" },
  });
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
});
