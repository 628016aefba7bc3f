// The search page's script, bundled: search-page.ts and the Arabic query spellings it searches, in one file.

import { existsSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { contentHash, type BuiltFile } from "./styles.ts";

/**
 * Bundles src/assets/search-page.ts with what it imports (querySpellings, the plural forms)
 * into one ES module without white space, `assets/search.<hash>.js`. esbuild (already what tsx
 * runs on) bundles the TypeScript sources, or the JavaScript tsc emitted from them when the
 * build runs compiled (scripts/run.mjs): both give the same bytes (tests/build/compiled.test.ts).
 * @example (await buildSearchScript()).path //=> "assets/search.3f9c2a1b7e.js"
 */
export async function buildSearchScript(): Promise<BuiltFile> {
  const name = ["search-page.ts", "search-page.js"].find((file) =>
    existsSync(path.join(import.meta.dirname, file)),
  );
  if (name === undefined) throw new Error(`no search-page script in ${import.meta.dirname}`);
  const result = await build({
    // The entry runs the page once the module is loaded. Pagefind's module is imported here, in
    // JavaScript, from the URL the page gives.
    stdin: {
      contents: `import { startSearchPage } from "./${name}";\nvoid startSearchPage((url) => import(url));\n`,
      resolveDir: import.meta.dirname,
      loader: "js",
    },
    bundle: true,
    // Names are kept: esbuild picks short names by how often characters occur in the input, and
    // the sources and tsc's copy differ in comments and types, so they would be named apart.
    minifyWhitespace: true,
    minifySyntax: true,
    format: "esm",
    target: "es2022",
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const contents = result.outputFiles[0]?.text ?? "";
  return { path: `assets/search.${contentHash(contents)}.js`, contents };
}
