// The preview's builds: Eleventy builds into the preview's folder and rebuilds on every change, deletions included.

import { ELEVENTY_CONFIG, ELEVENTY_INPUT } from "./code-paths.ts";
import { createBuildContext } from "./context.ts";
import { keepOnlyErrors, watchWithDeletions } from "./eleventy-adapter.ts";
import { buildOptionsFromEnv } from "./options.ts";
import { sahifaPlugin } from "./plugin.ts";
import type { PreviewState } from "./preview.tsx";

/**
 * Builds the site into `output` with the options of the environment (npm start sets drafts and
 * scheduled articles on), then rebuilds on every change to content/ or the stylesheet; resolves
 * after the first build with the state the preview's server reads (content problems) and sets
 * (what to do once a build is written).
 * @example const state = await watchPreview(".sahifa-preview-8080");
 */
export async function watchPreview(output: string): Promise<PreviewState> {
  const context = createBuildContext(buildOptionsFromEnv(process.env));
  const { Eleventy } = await import("@11ty/eleventy");
  const eleventy = new Eleventy(ELEVENTY_INPUT, output, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    // "serve": the plugin shows content errors as pages (src/build/preview.tsx). The serving
    // itself is src/dev/preview-server.ts, not Eleventy's dev server, which is never started.
    runMode: "serve",
    // Added before the config file's own addPlugin, which is then skipped: the preview's server
    // reads this context's problems (src/build/eleventy-adapter.ts, onlyTheFirst).
    config: (config) => config.addPlugin(sahifaPlugin, { context }),
  });
  keepOnlyErrors(eleventy, console);
  await eleventy.init();
  await watchWithDeletions(eleventy);
  return context.session.preview;
}
