// npm start: the preview (src/dev/run-preview.ts) with live reload, drafts and scheduled articles shown, restarted when src/ changes.

import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblem } from "../src/content/problems.ts";
import { checkOutputFolder } from "../src/build/output-folder.ts";
import { isLoopback, portIsFree } from "../src/dev/preview-server.ts";
import { superviseProcess } from "../src/dev/supervise.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "8080" },
    // The preview's own output folder: never _site/, so drafts cannot end up in a deploy, and
    // one per port, so two previews at once do not write into (or clear) each other's.
    output: { type: "string" },
    // Only this machine can open the preview unless the editor shares it on purpose.
    host: { type: "string", default: "127.0.0.1" },
  },
});
const output = values.output ?? `.sahifa-preview-${values.port}`;

if (!isLoopback(values.host)) {
  console.error(
    `Warning: the preview is shared at ${values.host}: anyone who can reach this address can read the drafts and scheduled articles.\n` +
      `تنبيه: المعاينة متاحة على ${values.host}: يستطيع كل من يصل إلى هذا العنوان قراءة المسودات والمقالات المجدولة.`,
  );
}

// The folder is the port's: a port in use is another preview's, whose folder must not be cleared.
if (!(await portIsFree(values.host, Number(values.port)))) {
  console.error(
    `Port ${values.port} is in use (another preview?): npm start -- --port <another port>\n` +
      `المنفذ ${values.port} مشغول (معاينة أخرى؟): npm start -- --port <منفذ آخر>`,
  );
  process.exit(1);
}

// A folder given with --output is cleared only if it is empty or a site Sahifa wrote (the
// content folder, or a folder of other files, is refused), and never the published _site/: the
// preview shows drafts. The port's own folder is the preview's by its name.
if (values.output !== undefined) {
  const refused =
    path.resolve(values.output) === path.resolve("_site")
      ? {
          file: values.output,
          message: {
            en: "is the published site's folder: the preview shows drafts and must not write there (leave out --output)",
            ar: "هو مجلد الموقع المنشور: المعاينة تعرض المسودات ولا يجوز أن تكتب فيه (احذف ‎--output)",
          },
        }
      : await checkOutputFolder(values.output);
  if (refused) {
    console.error(`${formatProblem(refused, "ar")}\n${formatProblem(refused, "en")}`);
    process.exit(1);
  }
}

// A fresh folder each session, so pages of articles deleted since the last one are not served.
await rm(output, { recursive: true, force: true });

const supervisor = superviseProcess({
  command: process.execPath,
  args: [
    "--import=tsx",
    "scripts/preview.ts",
    `--host=${values.host}`,
    `--port=${values.port}`,
    `--output=${output}`,
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
