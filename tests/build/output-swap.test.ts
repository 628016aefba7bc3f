// The swap: while builds replace the site again and again, another process never finds the output path missing or a page unreadable.

import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { PUBLISHING_FIXTURE } from "../helpers/build-fixture.ts";
import { makeTempDir, removeTempDirs } from "../helpers/sites.ts";

afterAll(removeTempDirs);

const BUILDS = 12;

/**
 * Polls in a tight loop until stdin closes, then prints what it saw as JSON: lstat of the output
 * path (a gap is a run of polls finding nothing), and every 64th poll a page inside read whole
 * (it must end with </html>).
 */
const POLLER = `
const fs = require("node:fs");
const [output] = process.argv.slice(1);
const page = output + "/index.html";
const seen = { polls: 0, reads: 0, missing: 0, gaps: 0, unreadable: 0, torn: 0, first: "" };
let present = true;
let open = true;
process.stdin.on("end", () => (open = false)).resume();
process.stdout.write("ready\\n");
const poll = () => {
  for (let i = 0; i < 20000; i++) {
    seen.polls++;
    try { fs.lstatSync(output); present = true; }
    catch (error) { seen.missing++; seen.gaps += present ? 1 : 0; present = false; seen.first ||= error.code; }
    if (i % 64 !== 0) continue;
    seen.reads++;
    try {
      const text = fs.readFileSync(page, "utf8");
      if (!text.trimEnd().endsWith("</html>")) seen.torn++;
    } catch (error) { seen.unreadable++; seen.first ||= error.code; }
  }
  if (open) setImmediate(poll);
  else process.stdout.write(JSON.stringify(seen));
};
poll();
`;

describe("replacing a published site", () => {
  it(`never leaves the output path missing or a page unreadable, over ${BUILDS} builds`, async () => {
    const dir = await makeTempDir("swap");
    const output = path.join(dir, "_site");
    const saved = process.env.SAHIFA_CONTENT;
    process.env.SAHIFA_CONTENT = PUBLISHING_FIXTURE;
    try {
      await buildSite({ outputDir: output, outputLayout: "link" });
      const poller = spawn(process.execPath, ["-e", POLLER, output], {
        stdio: ["pipe", "pipe", "inherit"],
      });
      let stdout = "";
      poller.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      await new Promise<void>((resolve) => {
        const wait = () => (stdout.includes("ready") ? resolve() : setTimeout(wait, 10));
        wait();
      });
      for (let build = 0; build < BUILDS; build++) {
        await buildSite({ outputDir: output, outputLayout: "link" });
      }
      const exited = new Promise((resolve) => poller.once("close", resolve));
      poller.stdin.end();
      await exited;
      const seen = JSON.parse(stdout.slice(stdout.indexOf("\n") + 1)) as Record<string, number>;
      expect(seen.polls).toBeGreaterThan(10_000);
      expect(seen.reads).toBeGreaterThan(100);
      // Before the link layout, each of five runs found the path missing: 145 to 669 polls, in 5
      // to 9 separate gaps of the 12 builds where counted.
      expect(seen, JSON.stringify(seen)).toMatchObject({ missing: 0, unreadable: 0, torn: 0 });
    } finally {
      if (saved === undefined) delete process.env.SAHIFA_CONTENT;
      else process.env.SAHIFA_CONTENT = saved;
    }
    // The last build is what is served.
    expect(await readFile(path.join(output, "index.html"), "utf8")).toMatch(/<\/html>\s*$/);
  }, 120_000);
});
