import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Builds write _site-like folders and share the markdown cache per process: one file per fork.
    pool: "forks",
    // Vitest's default is one fork fewer than the cores: one on a two-core machine, where most
    // files spend their time waiting on Chromium, Pagefind, nginx or the Nu checker. Two forks
    // there took the suite from about 930 s to 786 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
