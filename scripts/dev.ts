// npm start: Eleventy's dev server with live reload, drafts shown.

import { spawn } from "node:child_process";

const child = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    "node_modules/@11ty/eleventy/cmd.cjs",
    "--config=.eleventy.ts",
    "--serve",
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", env: { ...process.env, SAHIFA_DRAFTS: process.env.SAHIFA_DRAFTS ?? "1" } },
);
child.on("exit", (code) => process.exit(code ?? 0));
