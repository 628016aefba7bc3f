// Two different sites built one after the other in one process: the second shows nothing of the first (state lives in each build's context, not in modules).

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { hashTree } from "../helpers/site-tree.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runScript,
  writeContent,
} from "../helpers/sites.ts";

const NOW = "2024-01-01T00:00:00Z";
// The same file name and the same text in both sites, so any memo keyed by file, text or
// article would carry the first site's rendering into the second.
const SHARED = articleText({ slug: "shared", title: "خبر مشترك", extra: ["tags: [مشترك]"] });
const FIRST_SITE = [
  "name: الصحيفة الأولى",
  "description: الموقع الأول.",
  "url: https://first.example/news/",
  "timeZone: Europe/Istanbul",
  "digits: latn",
  "",
].join("\n");
const SECOND_SITE = [
  "name: نشرة ثانية",
  "description: الموقع الثاني.",
  "url: https://second.example/",
  "timeZone: Asia/Riyadh",
  "digits: arab",
  "monthNames: levantine",
  "",
].join("\n");

let root: string;
let first: { content: string; site: string };
let second: { content: string; site: string; alone: string };

beforeAll(async () => {
  root = await makeTempDir("two-sites");
  first = {
    content: await writeContent(
      path.join(root, "first"),
      {
        "shared.md": SHARED,
        "only-first.md": articleText({
          slug: "only-first",
          title: "خبر الموقع الأول",
          extra: ["tags: [أول]"],
        }),
      },
      FIRST_SITE,
    ),
    site: path.join(root, "first", "_site"),
  };
  second = {
    content: await writeContent(
      path.join(root, "second"),
      {
        "shared.md": SHARED,
        "only-second.md": articleText({ slug: "only-second", title: "خبر الموقع الثاني" }),
      },
      SECOND_SITE,
    ),
    site: path.join(root, "second", "_site"),
    alone: path.join(root, "second", "_alone"),
  };
  const saved = process.env.SAHIFA_NOW;
  process.env.SAHIFA_NOW = NOW;
  try {
    await buildSite({ contentDir: first.content, outputDir: first.site });
    await buildSite({ contentDir: second.content, outputDir: second.site });
  } finally {
    if (saved === undefined) delete process.env.SAHIFA_NOW;
    else process.env.SAHIFA_NOW = saved;
  }
  // The second site again, in a process of its own that never saw the first.
  const alone = await runScript("build.ts", ["--output", second.alone], {
    SAHIFA_CONTENT: second.content,
    SAHIFA_NOW: NOW,
  });
  expect(alone.code, alone.output).toBe(0);
}, 240_000);

afterAll(removeTempDirs);

describe("two sites built in one process", () => {
  it("give the second site the same bytes as a process that built it alone", async () => {
    const [inProcess, alone] = await Promise.all([hashTree(second.site), hashTree(second.alone)]);
    expect(Object.keys(inProcess)).toContain("articles/shared/index.html");
    expect(inProcess).toEqual(alone);
  });

  it("show nothing of the first site in the second: no name, article, tag, address or digits", async () => {
    const pages = (await readdir(second.site, { recursive: true })).filter((file) =>
      /\.(html|xml|json|txt)$/.test(file),
    );
    expect(pages.length).toBeGreaterThan(8);
    for (const page of pages) {
      const text = await readFile(path.join(second.site, page), "utf8");
      for (const trace of [
        "الصحيفة الأولى",
        "خبر الموقع الأول",
        "first.example",
        "only-first",
        "/news/",
      ]) {
        expect(text.includes(trace), `${page} shows "${trace}"`).toBe(false);
      }
    }
    // The shared article is rendered with the second site's settings: Arabic-Indic digits.
    const shared = await readFile(path.join(second.site, "articles/shared/index.html"), "utf8");
    expect(shared).toContain("نشرة ثانية");
    expect(shared).toMatch(/[٠-٩]{4}/);
  });

  it("leave the first site as the first site", async () => {
    const shared = await readFile(path.join(first.site, "articles/shared/index.html"), "utf8");
    expect(shared).toContain("الصحيفة الأولى");
    expect(shared).not.toContain("نشرة ثانية");
  });
});
