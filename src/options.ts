// Build options: where content lives and how this build differs (drafts, deploy URL), read from the environment once.

import type { SahifaOptions } from "./plugin.ts";

/** Environment variables a build understands; README "Building" documents them. */
export interface BuildEnvironment {
  /** The content folder (default content/). */
  SAHIFA_CONTENT?: string | undefined;
  /** The authored stylesheet (default styles/main.css). */
  SAHIFA_STYLESHEET?: string | undefined;
  /** The address the site is deployed at, replacing site.yaml's url. */
  SAHIFA_URL?: string | undefined;
  /** "1" publishes drafts (the dev server sets it). */
  SAHIFA_DRAFTS?: string | undefined;
}

/**
 * Reads the plugin's options from an environment, with defaults for a project checkout.
 * @example buildOptionsFromEnv({}).contentDir //=> "content"
 */
export function buildOptionsFromEnv(env: BuildEnvironment): SahifaOptions {
  return {
    contentDir: env.SAHIFA_CONTENT || "content",
    stylesheet: env.SAHIFA_STYLESHEET || "styles/main.css",
    urlOverride: env.SAHIFA_URL || undefined,
    includeDrafts: env.SAHIFA_DRAFTS === "1",
  };
}
