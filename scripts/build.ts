// npm run build: builds _site/ from content/, or prints every content problem and exits 1.

import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite, type BuildSummary } from "../src/build/build-site.ts";
import { ONE_SHOT_ENVIRONMENT } from "../src/build/eleventy-adapter.ts";
import { parseOutputLayout } from "../src/build/output-folder.ts";
import { ContentError, formatProblem, plural } from "../src/content/problems.ts";

const { values } = parseArgs({
  options: {
    verbose: { type: "boolean", default: false },
    output: { type: "string", default: "_site" },
    // link: the output is a link to the newest build, swapped atomically; folder: a real folder
    // (the default when CI is set). docs/publishing.md, "The output folder".
    layout: { type: "string" },
    future: { type: "boolean", default: false },
    // .br and .gz twins for hosts that serve them as they are (nginx, Apache, object stores);
    // unset, site.yaml's `precompress` decides.
    precompress: { type: "boolean" },
    "no-precompress": { type: "boolean" },
  },
});

// The clock is read once, here: the check and Eleventy then agree on what is scheduled, and a
// build given SAHIFA_NOW is reproducible byte for byte.
process.env.SAHIFA_NOW ||= new Date().toISOString();
if (values.future) process.env.SAHIFA_FUTURE = "1";
// One build, then the process ends: Eleventy is told so before it is imported (in src/build/build-site.ts).
for (const [name, value] of Object.entries(ONE_SHOT_ENVIRONMENT)) process.env[name] ||= value;

try {
  const summary = await buildSite({
    outputDir: values.output,
    outputLayout: parseOutputLayout(values.layout),
    eleventyLog: values.verbose,
    precompress: values["no-precompress"] ? false : values.precompress,
  });
  for (const warning of summary.warnings) console.warn(formatProblem(warning));
  console.log(describeSummary(summary));
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
    if (values.verbose) console.error(error.stack);
  } else if (values.verbose) {
    console.error(error);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Build failed: ${message} (run with --verbose for details)`);
  }
  console.error("The published site was left as it was.");
  process.exitCode = 1;
}

function describeSummary(summary: BuildSummary): string {
  const relative = path.relative(process.cwd(), summary.outputDir);
  const shown = relative.startsWith("..") ? summary.outputDir : relative || ".";
  return [
    `Built ${shown}: ${plural(summary.pages, "page")} written`,
    plural(summary.articles, "article"),
    `${plural(summary.draftsSkipped, "draft")} skipped`,
    `${summary.scheduledSkipped} scheduled skipped`,
    plural(summary.warnings.length, "warning"),
    `${(summary.milliseconds / 1000).toFixed(2)} s`,
  ].join(", ");
}
