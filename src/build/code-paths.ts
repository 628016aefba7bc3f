// Where Sahifa's own code is: the TypeScript sources (run through tsx), or the JavaScript scripts/run.mjs compiled from them.

import path from "node:path";
import { fileURLToPath } from "node:url";

/** Whether this is the compiled JavaScript (npm run build) rather than the sources. */
const COMPILED = import.meta.url.endsWith(".js");

/** The folder holding src/, scripts/ and the Eleventy config of the code that is running. */
const CODE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The template formats of src/pages: pages in TSX and text outputs in TS, each compiled to .11ty.js. */
export const TEMPLATE_FORMATS: readonly string[] = COMPILED ? ["11ty.js"] : ["11ty.tsx", "11ty.ts"];

/**
 * Eleventy's input folder (src/pages) and config file for the running code, relative to the
 * working folder: the sources' own, or their compiled copies in .sahifa/compiled/….
 * @example ELEVENTY_INPUT //=> "src/pages"
 */
export const ELEVENTY_INPUT = COMPILED ? fromWorkingFolder("src/pages") : "src/pages";
export const ELEVENTY_CONFIG = COMPILED ? fromWorkingFolder(".eleventy.js") : ".eleventy.ts";

/**
 * Whether Eleventy should leave out what .gitignore lists: not for the compiled code, which
 * lives in an ignored folder (.sahifa/). Only src/pages is ever Eleventy's input.
 */
export const USE_GIT_IGNORE = !COMPILED;

function fromWorkingFolder(file: string): string {
  return path.relative(process.cwd(), path.join(CODE_ROOT, file)).split(path.sep).join("/");
}
