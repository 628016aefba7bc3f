import { freePort, measureRebuilds } from "./bench-process.ts";
import path from "node:path";
const corpus = process.argv[2]!;
const port = await freePort();
const number = "02000";
const times = await measureRebuilds({
  command: { argv: [process.execPath, "--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--serve", `--port=${port}`, "--output=/tmp/devout"], cwd: process.cwd(), env: { ...process.env, SAHIFA_CONTENT: corpus, SAHIFA_DRAFTS: "1", NODE_OPTIONS: "" } },
  port, pagePath: `/articles/article-${number}/`, file: path.join(corpus, "articles", `${number}-article-${number}.md`),
}, 3);
console.log(times);
