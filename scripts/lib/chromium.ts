// Finds and launches the system Chromium for browser tests and scripts (playwright-core downloads no browser here).

import { accessSync, constants, statSync } from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

/** Where Chromium is looked for when CHROME_PATH is not set: Debian's package, then common names. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** Flags for a quiet, reproducible headless run inside a container. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * The Chromium executable: `CHROME_PATH` if set (it must exist), else the first candidate that
 * does. Throws with the install command when there is none.
 * @example findChromium({}) //=> "/usr/bin/chromium"
 */
export function findChromium(
  env: { CHROME_PATH?: string | undefined } = process.env,
  candidates: readonly string[] = CHROMIUM_CANDIDATES,
): string {
  if (env.CHROME_PATH) {
    if (isExecutable(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new Error(`CHROME_PATH is ${env.CHROME_PATH}, which is not an executable file.`);
  }
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new Error(
    `No Chromium found (looked for ${candidates.join(", ")}). ` +
      "Install it with `apt-get install chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chrome or Chromium executable.",
  );
}

/** Launches the system Chromium headless with the flags above (plus `extraArgs`). */
export async function launchChromium(
  extraArgs: readonly string[] = [],
  options: LaunchOptions = {},
): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
