// Eleventy wiring: Sahifa's plugin, the markdown library, directories. Nothing else belongs here.
import type { UserConfig } from "@11ty/eleventy";
import { createMarkdown } from "./src/markdown.ts";
import { refuseExecutableFrontmatter } from "./src/frontmatter.ts";
import { sahifaPlugin } from "./src/plugin.ts";
import { buildOptionsFromEnv } from "./src/options.ts";

export default function (eleventyConfig: UserConfig) {
  const options = buildOptionsFromEnv(process.env);
  eleventyConfig.addPlugin(sahifaPlugin, options);
  eleventyConfig.setTemplateFormats(["11ty.tsx"]);
  eleventyConfig.setLibrary("md", createMarkdown({ arabicQuotes: true }));
  eleventyConfig.setFrontMatterParsingOptions(refuseExecutableFrontmatter);
  eleventyConfig.setDataFileSuffixes([]);
}

export const config = {
  dir: { input: "src/pages", data: "_no-data", includes: "_no-includes" },
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
