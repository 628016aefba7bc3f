// npm start: Eleventy's dev server with live reload, drafts and scheduled articles shown, restarted when src/ changes.

import { rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import { superviseProcess } from "../src/dev/supervise.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "8080" },
    // The preview's own output folder: never _site/, so drafts cannot end up in a deploy.
    output: { type: "string", default: ".sahifa-preview" },
  },
});

// A fresh folder each session, so pages of articles deleted since the last one are not served.
await rm(values.output, { recursive: true, force: true });

const supervisor = superviseProcess({
  command: process.execPath,
  args: [
    "--import=tsx",
    "node_modules/@11ty/eleventy/cmd.cjs",
    "--config=.eleventy.ts",
    "--serve",
    `--port=${values.port}`,
    `--output=${values.output}`,
  ],
  // Editors preview what they are writing: drafts and scheduled articles, unless told otherwise.
  env: {
    ...process.env,
    SAHIFA_DRAFTS: process.env.SAHIFA_DRAFTS ?? "1",
    SAHIFA_FUTURE: process.env.SAHIFA_FUTURE ?? "1",
  },
  // content/ and styles/ are watched by Eleventy itself (the plugin's watch targets); code is not
  // reloaded inside a running process, so src/ and the config restart it.
  watch: ["src", ".eleventy.ts"],
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void supervisor.stop().then(() => process.exit(0));
  });
}
