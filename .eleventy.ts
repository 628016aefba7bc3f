// Eleventy wiring: Sahifa's plugin, the markdown library, directories. Nothing else belongs here.
// (A build takes Eleventy's toJSON and writes the pages itself, src/build/page-writer.ts: a
// passthrough copy added here would be left out; Sahifa's assets are written by the plugin.)
import type { UserConfig } from "@11ty/eleventy";
import { createMarkdown } from "./src/content/markdown.ts";
import { refuseExecutableFrontmatter } from "./src/content/frontmatter.ts";
import { sahifaPlugin } from "./src/build/plugin.ts";
import { buildOptionsFromEnv } from "./src/build/options.ts";
import { ELEVENTY_INPUT, TEMPLATE_FORMATS, USE_GIT_IGNORE } from "./src/build/code-paths.ts";

export default function (eleventyConfig: UserConfig) {
  // npm run build adds the plugin first, with its build's context; this call then changes nothing.
  eleventyConfig.addPlugin(sahifaPlugin, { options: buildOptionsFromEnv(process.env) });
  eleventyConfig.setTemplateFormats([...TEMPLATE_FORMATS]);
  eleventyConfig.setUseGitIgnore(USE_GIT_IGNORE);
  eleventyConfig.setLibrary("md", createMarkdown({ arabicQuotes: true }));
  eleventyConfig.setFrontMatterParsingOptions(refuseExecutableFrontmatter);
  eleventyConfig.setDataFileSuffixes([]);
}

export const config = {
  dir: { input: ELEVENTY_INPUT, data: "_no-data", includes: "_no-includes" },
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
