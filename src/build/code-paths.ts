// Where Sahifa's own code is: the TypeScript sources (run through tsx), or the JavaScript tsc emitted from them (scripts/run.mjs).

import { existsSync } from "node:fs";
import path from "node:path";

/** In the order looked for: the sources' config wins if a stray compiled one sits beside it. */
const CONFIG_FILES = [".eleventy.ts", ".eleventy.js"];

/** The running code's root and Eleventy config, found from this module's folder. */
const CODE = findCodeRoot(import.meta.dirname);

/** Whether this is the compiled JavaScript (npm run build) rather than the sources. */
const COMPILED = CODE.config.endsWith(".js");

/** The template formats of src/pages: pages in TSX and text outputs in TS, each compiled to .11ty.js. */
export const TEMPLATE_FORMATS: readonly string[] = COMPILED ? ["11ty.js"] : ["11ty.tsx", "11ty.ts"];

/**
 * Eleventy's input folder (src/pages) and config file for the running code, relative to the
 * working folder: the sources' own, or their compiled copies in .sahifa/compiled/….
 * @example ELEVENTY_INPUT //=> "src/pages"
 * @example ELEVENTY_CONFIG //=> ".eleventy.ts"
 */
export const ELEVENTY_INPUT = fromWorkingFolder("src/pages");
export const ELEVENTY_CONFIG = fromWorkingFolder(CODE.config);

/**
 * Whether Eleventy should leave out what .gitignore lists: not for the compiled code, which
 * lives in an ignored folder (.sahifa/). Only src/pages is ever Eleventy's input.
 */
export const USE_GIT_IGNORE = !COMPILED;

/**
 * The folder that holds an Eleventy config file, at or above `folder`, and that file's name:
 * `.eleventy.ts` beside the sources, `.eleventy.js` in a compiled copy (tsc emits no `.ts`).
 * Found by walking up, so this module may live in any folder under the code's root.
 * @example findCodeRoot("/work/sahifa/src/build") //=> { root: "/work/sahifa", config: ".eleventy.ts" }
 * @example findCodeRoot("/work/sahifa/.sahifa/compiled/3f9c…/src/build") //=> { root: "/work/sahifa/.sahifa/compiled/3f9c…", config: ".eleventy.js" }
 */
export function findCodeRoot(folder: string): { root: string; config: string } {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    const config = CONFIG_FILES.find((name) => existsSync(path.join(dir, name)));
    if (config !== undefined) return { root: dir, config };
    if (path.dirname(dir) === dir) {
      throw new Error(`no ${CONFIG_FILES.join(" or ")} in ${folder} or any folder above it`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

function fromWorkingFolder(file: string): string {
  return path.relative(process.cwd(), path.join(CODE.root, file)).split(path.sep).join("/");
}
