// The plain-Eleventy baseline for benchmarks: the same Markdown files through a bare layout, with Eleventy's defaults.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** The baseline project's config file, to pass to Eleventy's --config. */
export interface BaselineProject {
  config: string;
}

/**
 * Writes a minimal Eleventy project in `folder` whose input is `articlesDir`: a config that
 * sets one global layout, and that layout (a bare HTML page around the rendered Markdown).
 * Everything else is Eleventy's default, as a site built from the starter docs would be.
 * @example await writeBaselineProject("/tmp/baseline", "/tmp/corpus/articles") //=> { config: "/tmp/baseline/eleventy.config.cjs" }
 */
export async function writeBaselineProject(
  folder: string,
  articlesDir: string,
): Promise<BaselineProject> {
  const includes = path.join(folder, "_includes");
  await mkdir(includes, { recursive: true });
  await writeFile(path.join(includes, "bare.liquid"), BARE_LAYOUT);
  const config = path.join(folder, "eleventy.config.cjs");
  const directories = {
    input: articlesDir,
    includes: path.relative(articlesDir, includes),
  };
  await writeFile(
    config,
    [
      "// Plain Eleventy: one global layout, every other setting left at its default.",
      "module.exports = function (eleventyConfig) {",
      '  eleventyConfig.addGlobalData("layout", "bare.liquid");',
      `  return { dir: ${JSON.stringify(directories)} };`,
      "};",
      "",
    ].join("\n"),
  );
  return { config };
}

const BARE_LAYOUT = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>{{ content }}</main></body>
</html>
`;
