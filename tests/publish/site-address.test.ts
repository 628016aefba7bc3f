// The example-address warning: a production build for https://sahifa.example/ says so, in English and Arabic; a preview, or a build for a real address, does not.

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { exampleAddressWarnings } from "../../src/publish/site-address.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runScript,
  SITE_YAML,
  writeContent,
  type CliResult,
} from "../helpers/sites.ts";

const EXAMPLE_YAML = SITE_YAML.replace("https://example.org/news/", "https://sahifa.example/");
const PRODUCTION = { contentDir: "content", includeDrafts: false };

let root: string;
let contentDir: string;
let cli: CliResult;

beforeAll(async () => {
  root = await makeTempDir("address");
  contentDir = await writeContent(
    path.join(root, "content"),
    { "2023-06-20-a.md": articleText({ slug: "a" }) },
    EXAMPLE_YAML,
  );
  cli = await runScript("build.ts", ["--output", path.join(root, "_site")], {
    SAHIFA_CONTENT: contentDir,
    SAHIFA_NOW: "2024-01-01T00:00:00Z",
  });
});

afterAll(removeTempDirs);

describe("exampleAddressWarnings", () => {
  it("warns about any address under .example, the domain kept for examples, naming site.yaml's url", () => {
    for (const url of ["https://sahifa.example/", "https://news.sahifa.example/sub/"]) {
      const [warning, ...more] = exampleAddressWarnings({ url }, PRODUCTION);
      expect(more).toEqual([]);
      expect(warning).toMatchObject({
        file: "content/site.yaml",
        field: "url",
        severity: "warning",
        message: {
          en: expect.stringContaining(`${url} is an example address (url)`),
          ar: expect.stringContaining(`${url} عنوان للمثال فقط`),
        },
      });
    }
  });

  it("names SAHIFA_URL when the address came from the environment", () => {
    const warnings = exampleAddressWarnings(
      { url: "https://sahifa.example/" },
      { ...PRODUCTION, urlOverride: "https://sahifa.example/" },
    );
    expect(warnings.map((warning) => formatProblem(warning))).toEqual([
      expect.stringContaining("is an example address (SAHIFA_URL)"),
    ]);
  });

  it("leaves real addresses alone, example.org and a host merely containing 'example' included", () => {
    for (const url of [
      "https://example.org/news/",
      "https://news.example.com/",
      "https://example.news/",
      "https://sahifa.example.net/",
    ]) {
      expect(exampleAddressWarnings({ url }, PRODUCTION), url).toEqual([]);
    }
  });

  it("says nothing to a preview (a build that publishes drafts)", () => {
    const preview = { ...PRODUCTION, includeDrafts: true };
    expect(exampleAddressWarnings({ url: "https://sahifa.example/" }, preview)).toEqual([]);
  });
});

describe("npm run build with the example address", () => {
  it("builds, and prints the warning and counts it", () => {
    expect(cli.code).toBe(0);
    expect(cli.stderr).toBe(
      `${contentDir}/site.yaml: warning: url: https://sahifa.example/ is an example address (url): links, feeds and share cards would point nowhere; set the address the site is served at, in site.yaml's url or SAHIFA_URL\n`,
    );
    expect(cli.stdout).toMatch(/, 1 warning, /);
  });

  it("warns no more once SAHIFA_URL gives the real address, nor in a preview build", async () => {
    for (const options of [
      { urlOverride: "https://example.org/news/" },
      { includeDrafts: true, includeFuture: true },
    ]) {
      const summary = await buildSite({
        contentDir,
        outputDir: path.join(root, "_site"),
        now: new Date("2024-01-01T00:00:00Z"),
        ...options,
      });
      expect(summary.warnings, JSON.stringify(options)).toEqual([]);
    }
  });
});
