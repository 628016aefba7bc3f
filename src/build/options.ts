// Build options: where content lives and how this build differs (drafts, schedule, deploy URL, output), read from the environment once.

import { DateTime } from "luxon";
import type { ContentOptions } from "../content/load.ts";
import type { OutputLayout } from "./output-folder.ts";
import { MESSAGE_LANGUAGES, type MessageLanguage } from "../content/problems.ts";

/** Everything one build is told; what content/ needs of it is ContentOptions. */
export interface BuildOptions extends ContentOptions {
  /** The authored stylesheet. */
  stylesheet: string;
  /** Publish drafts (the dev server does). */
  includeDrafts: boolean;
  /** Publish articles dated after `now` (the dev server does). */
  includeFuture: boolean;
  /** The published folder (default _site). It is replaced whole, or not touched at all. */
  outputDir?: string | undefined;
  /** A link to the newest build, or a real folder; unset, a real folder when `CI` is set. */
  outputLayout?: OutputLayout | undefined;
  /** Eleventy's config file (default .eleventy.ts, or its compiled copy: src/build/code-paths.ts). */
  configPath?: string | undefined;
  /** Let Eleventy print its own "[11ty]" lines (the CLI's --verbose); silent by default. */
  eleventyLog?: boolean | undefined;
  /** Write .br and .gz twins of every text file; when unset, site.yaml's `precompress` decides. */
  precompress?: boolean | undefined;
}

/** Environment variables a build understands; README "Building" and "Writing articles" document them. */
export interface BuildEnvironment {
  /** The content folder (default content/). */
  SAHIFA_CONTENT?: string | undefined;
  /** The authored stylesheet (default styles/main.css). */
  SAHIFA_STYLESHEET?: string | undefined;
  /** The address the site is deployed at, replacing site.yaml's url. */
  SAHIFA_URL?: string | undefined;
  /** "1" publishes drafts (the dev server sets it). */
  SAHIFA_DRAFTS?: string | undefined;
  /** "1" publishes articles dated in the future (the dev server sets it). */
  SAHIFA_FUTURE?: string | undefined;
  /** The moment scheduling is decided against, ISO 8601 with offset; `npm run build` sets it once. */
  SAHIFA_NOW?: string | undefined;
  /** "ar" or "en": the language of editors' messages for this run, replacing site.yaml's. */
  SAHIFA_EDITOR_LANGUAGE?: string | undefined;
  /** The disk cache's folder (default node_modules/.cache/sahifa): read by src/assets/disk-cache.ts. */
  SAHIFA_CACHE?: string | undefined;
}

/**
 * Reads the build's options from an environment, with defaults for a project checkout.
 * @example buildOptionsFromEnv({}).contentDir //=> "content"
 */
export function buildOptionsFromEnv(env: BuildEnvironment): BuildOptions {
  return {
    contentDir: env.SAHIFA_CONTENT || "content",
    stylesheet: env.SAHIFA_STYLESHEET || "styles/main.css",
    urlOverride: env.SAHIFA_URL || undefined,
    includeDrafts: env.SAHIFA_DRAFTS === "1",
    includeFuture: env.SAHIFA_FUTURE === "1",
    now: env.SAHIFA_NOW ? parseNow(env.SAHIFA_NOW) : undefined,
    editorLanguage: env.SAHIFA_EDITOR_LANGUAGE
      ? parseEditorLanguage(env.SAHIFA_EDITOR_LANGUAGE)
      : undefined,
  };
}

/**
 * Reads SAHIFA_EDITOR_LANGUAGE: ar or en.
 * @example parseEditorLanguage("en") //=> "en"
 */
export function parseEditorLanguage(value: string): MessageLanguage {
  const language = MESSAGE_LANGUAGES.find((known) => known === value.trim());
  if (!language) {
    throw new Error(`SAHIFA_EDITOR_LANGUAGE="${value}" is neither ar nor en`);
  }
  return language;
}

/**
 * Reads SAHIFA_NOW: a date-time with its offset, so the moment does not depend on the machine's zone.
 * @example parseNow("2024-05-01T09:00:00+03:00").toISOString() //=> "2024-05-01T06:00:00.000Z"
 */
export function parseNow(value: string): Date {
  const moment = DateTime.fromISO(value.trim(), { setZone: true });
  if (!/T.*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(value.trim()) || !moment.isValid) {
    throw new Error(
      `SAHIFA_NOW="${value}" is not an ISO 8601 date-time with offset, such as 2024-05-01T09:00:00+03:00`,
    );
  }
  return moment.toJSDate();
}
