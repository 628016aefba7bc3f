// npm run build: builds _site/ from content/, or prints every content problem and exits 1.

import { parseArgs } from "node:util";
import { buildSite } from "../src/build.ts";
import { ContentError } from "../src/problems.ts";

const { values } = parseArgs({
  options: {
    verbose: { type: "boolean", default: false },
    output: { type: "string", default: "_site" },
  },
});

try {
  const summary = await buildSite({ outputDir: values.output });
  console.log(`Built ${summary.outputDir} in ${(summary.milliseconds / 1000).toFixed(2)} s`);
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
    if (values.verbose) console.error(error.stack);
  } else {
    console.error(
      values.verbose
        ? error
        : `Build failed: ${error instanceof Error ? error.message : String(error)} (run with --verbose for details)`,
    );
  }
  console.error("The published site was left as it was.");
  process.exitCode = 1;
}
