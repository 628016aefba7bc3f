// The few things Sahifa relies on that Eleventy's documentation does not spell out, each with a contract test (tests/build/eleventy-adapter.test.ts) that fails when Eleventy changes it.

import type { EleventyAfterArguments, EleventyConsole, UserConfig } from "@11ty/eleventy";

/**
 * Marks a plugin so that Eleventy runs only its first `addPlugin` and skips the later ones
 * (UserConfig.addPlugin: "First addPlugin of a unique plugin wins", the PluginDefinition
 * typedef's `eleventyPluginOptions.unique`). `npm run build` adds Sahifa's plugin with its build
 * context in the programmatic API's `config` callback, which Eleventy runs before the config
 * file; the config file's own call (for the dev server) is then skipped, and one plugin with
 * one context serves the build.
 * @example export const plugin = onlyTheFirst(function plugin(eleventyConfig, options) {});
 */
export function onlyTheFirst<Options>(
  plugin: (eleventyConfig: UserConfig, options: Options) => void,
): ((eleventyConfig: UserConfig, options: Options) => void) & UniquePlugin {
  return Object.assign(plugin, { eleventyPluginOptions: { unique: true } } as const);
}

interface UniquePlugin {
  readonly eleventyPluginOptions: { readonly unique: true };
}

/**
 * Adds the `eleventy.after` listener that runs before every other; call it in the programmatic
 * API's `config` callback, which Eleventy runs before the config file and the plugins. Eleventy's
 * emitter calls the listeners in the order they were added, each up to its first `await` before
 * it calls the next, so a synchronous listener added here has finished before any other starts
 * (under `toJSON` as under `write`).
 * @example firstAfterListener(config, ({ results }) => void writer.finish(results));
 */
export function firstAfterListener(
  config: UserConfig,
  listener: (args: EleventyAfterArguments) => void,
): void {
  config.on("eleventy.after", listener);
}

/**
 * The errors an error thrown during an Eleventy build wraps, outermost first: Eleventy wraps
 * what a data function or template throws in its own errors, keeping the original as
 * `originalError` (EleventyBaseError), and plain JavaScript as `cause`.
 * @example errorChain(error).find((inner) => inner instanceof ContentError)
 */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && !chain.includes(current)) {
    chain.push(current);
    const wrapped = current as { cause?: unknown; originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return chain;
}

/**
 * Silences Eleventy's own console lines: even in quiet mode it prints "[11ty] Wrote N files";
 * a build reports in its own words, and Eleventy's errors still reach it as exceptions.
 * @example silenceLogger(eleventy)
 */
export function silenceLogger(eleventy: { logger: { overrideLogger(logger: false): void } }): void {
  eleventy.logger.overrideLogger(false);
}

/**
 * Environment for a one-shot build, set before Eleventy is imported. Eleventy's ESM cache-buster
 * is for --serve and --watch, which import changed templates again; on Node 20 it is a loader
 * (module.register) whose thread every later import waits on, about 0.15 s of the main thread
 * and as much of its own (docs/performance.md). https://github.com/11ty/eleventy/issues/3371
 */
export const ONE_SHOT_ENVIRONMENT = { ELEVENTY_SKIP_ESM_RESOLVER: "1" } as const;

/**
 * Keeps Eleventy's error lines and drops the rest ("File changed", "Watching…", "Wrote N
 * files"): in quiet mode Eleventy still prints those with forceLog, and the preview prints one
 * line of its own per rebuild (src/build/preview.tsx).
 * @example keepOnlyErrors(eleventy, console)
 */
export function keepOnlyErrors(
  eleventy: { logger: { overrideLogger(logger: EleventyConsole): void } },
  log: { error(message: string): void },
): void {
  eleventy.logger.overrideLogger({
    log: () => {},
    warn: () => {},
    error: (line) => log.error(line),
  });
}

/**
 * Builds and watches, and rebuilds when a watched file is deleted too. Eleventy 3.1 rebuilds on
 * a change or an addition but only logs a deletion (Eleventy#watch, the watcher's "unlink"), so
 * a deleted article stayed in the preview until the next save; watch() resolves to the function
 * its watcher calls on a change ("Returns for testability"), which a deletion now calls as well.
 * @example await watchWithDeletions(eleventy)
 */
export async function watchWithDeletions(eleventy: {
  watch(): Promise<(changedFile: string) => Promise<void>>;
  readonly watcher: { on(event: "unlink", listener: (file: string) => void): void } | undefined;
}): Promise<void> {
  const rebuild = await eleventy.watch();
  if (typeof rebuild !== "function" || !eleventy.watcher)
    throw new Error("Eleventy's watch() no longer returns its rebuild function");
  eleventy.watcher.on("unlink", (file) => void rebuild(file));
}
