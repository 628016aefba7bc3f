// An article body made to be slow (`{` × 40,000 then `}`, 40 KB) builds in about the time of 40 KB of plain text.

import { afterAll, describe, expect, it } from "vitest";
import { buildFixture } from "../helpers/build-fixture.ts";
import { articleText, makeTempDir, removeTempDirs, writeContent } from "../helpers/sites.ts";

afterAll(removeTempDirs);

const SIZE = 40_000;

/**
 * A body of SIZE bytes, different for each `run` (a last paragraph), so no memo of rendered
 * bodies can answer a second build: each build renders its body afresh.
 */
const BODIES: Readonly<Record<string, (run: number) => string>> = {
  // Two Arabic letters (2 bytes each) and a space, repeated; then the run's number alone.
  plain: (run) => `${"نص ".repeat(SIZE / 5 - 1)}\n\n${String(run).padStart(3, "0")}`,
  braces: (run) => `${"{".repeat(SIZE - 6)}}\n\n${String(run).padStart(3, "0")}`,
};

/** CPU time of one whole build of a one-article site with `body`, in milliseconds. */
async function buildCpuTime(body: string): Promise<number> {
  const dir = await makeTempDir("pathological");
  const content = await writeContent(`${dir}/content`, {
    "a.md": articleText({ slug: "a", body }),
  });
  const before = process.cpuUsage();
  const built = await buildFixture(content);
  const used = process.cpuUsage(before);
  await built.remove();
  return (used.user + used.system) / 1000;
}

describe("a pathological article body at build time", () => {
  it(
    "`{` × 40,000 then `}` costs about what the same size of plain text does",
    { timeout: 300_000 },
    async () => {
      for (const make of Object.values(BODIES)) expect(Buffer.byteLength(make(0))).toBe(SIZE);
      // A warm-up build first (fonts, Eleventy's import), then each body twice, a new body each
      // time, keeping the faster run of each: the ratio compares like with like on a busy
      // machine. Before attribute blocks were read in linear time this body took 42 s against 2 s.
      await buildCpuTime(BODIES.plain!(0));
      const plain = Math.min(
        await buildCpuTime(BODIES.plain!(1)),
        await buildCpuTime(BODIES.plain!(2)),
      );
      const braces = Math.min(
        await buildCpuTime(BODIES.braces!(3)),
        await buildCpuTime(BODIES.braces!(4)),
      );
      expect(braces / plain).toBeLessThan(2);
    },
  );
});
