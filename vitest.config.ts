import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Builds write _site-like folders and share the markdown cache per process: one file per fork.
    pool: "forks",
  },
});
