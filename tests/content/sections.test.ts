import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContentLoader } from "../../src/content/load.ts";
import { ContentError, formatProblem, type Problem } from "../../src/content/problems.ts";
import { findSection, sectionProblems, sectionsSchema } from "../../src/content/sections.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  SITE_YAML,
  writeContent,
} from "../helpers/sites.ts";

const SECTIONS_YAML = [
  "sections:",
  "  - { slug: politics, name: سياسة }",
  "  - { slug: economy, name: اقتصاد }",
  "",
].join("\n");
const SECTIONS = [
  { slug: "politics", name: "سياسة" },
  { slug: "economy", name: "اقتصاد" },
];

let root: string;
let sites = 0;
beforeAll(async () => {
  root = await makeTempDir("sections");
});
afterAll(removeTempDirs);

async function load(articles: Record<string, string>, siteYaml = SITE_YAML + SECTIONS_YAML) {
  const contentDir = await writeContent(path.join(root, `site-${++sites}`), articles, siteYaml);
  return createContentLoader({ contentDir, now: new Date("2030-01-01T00:00:00Z") }).load();
}

async function problemsOf(articles: Record<string, string>, siteYaml?: string): Promise<Problem[]> {
  try {
    await load(articles, siteYaml);
  } catch (error) {
    if (error instanceof ContentError) return [...error.problems];
    throw error;
  }
  throw new Error("the content loaded without problems");
}

describe("sections in site.yaml", () => {
  it("keeps their order and normalises names as tags are", () => {
    const parsed = sectionsSchema.parse([
      { slug: "economy", name: "اقتصـاد " },
      { slug: "politics", name: "سياسة" },
    ]);
    expect(parsed).toEqual([
      { slug: "economy", name: "اقتصاد" },
      { slug: "politics", name: "سياسة" },
    ]);
    expect(sectionsSchema.parse(undefined)).toEqual([]);
  });

  it.each([
    ["a slug that is not one", [{ slug: "Economy", name: "اقتصاد" }], [0, "slug"]],
    ["a blank name", [{ slug: "economy", name: " " }], [0, "name"]],
    ["an unknown key", [{ slug: "economy", name: "اقتصاد", colour: "red" }], [0]],
    [
      "a slug used twice",
      [
        { slug: "economy", name: "اقتصاد" },
        { slug: "economy", name: "أعمال" },
      ],
      [1, "slug"],
    ],
    [
      "a name used twice",
      [
        { slug: "economy", name: "اقتصاد" },
        { slug: "business", name: "اقتصاد" },
      ],
      [1, "name"],
    ],
  ])("refuses %s", (_, value, at) => {
    const result = sectionsSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(at);
  });

  it("reports a misspelt field of a section at its line, with a suggestion", async () => {
    const yaml = `${SITE_YAML}sections:\n  - slug: economy\n    nmae: اقتصاد\n`;
    const found = await problemsOf({ "a.md": articleText({ slug: "a" }) }, yaml);
    expect(found.map((problem) => formatProblem(problem, "en"))).toContain(
      `${found[0]?.file}:7: sections[0].nmae: unknown field (did you mean "name"?)`,
    );
  });
});

describe("an article's section", () => {
  it("is published as site.yaml spells it", async () => {
    const content = await load({
      "a.md": articleText({ slug: "a", extra: ["section: اقتصـاد"] }),
      "b.md": articleText({ slug: "b" }),
    });
    expect(content.articles.map((article) => [article.slug, article.section])).toEqual([
      ["a", "اقتصاد"],
      ["b", undefined],
    ]);
  });

  it("must be declared: the file, line and field, with a did-you-mean in both languages", async () => {
    const found = await problemsOf({
      "a.md": articleText({ slug: "a", extra: ["tags: [x]", "section: اقتصد"] }),
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 7, field: "section" });
    expect(found[0]?.file).toMatch(/articles\/a\.md$/);
    expect(found[0]?.message.en).toMatch(
      /^"اقتصد" is not one of the sections in .*site\.yaml \(did you mean "اقتصاد"\?\)$/,
    );
    expect(found[0]?.message.ar).toMatch(
      /^«اقتصد» ليس من الأقسام المعرّفة في .*site\.yaml \(هل تقصد «اقتصاد»؟\)$/,
    );
  });

  it("suggests the section whose slug was written, and lists them all when none is near", async () => {
    const [bySlug, far] = sectionProblems(
      [
        { file: "a.md", line: 5, section: "economy" },
        { file: "b.md", line: 6, section: "رياضة ومنوعات" },
      ],
      SECTIONS,
    );
    expect(bySlug?.message.en).toContain('(did you mean "اقتصاد"?)');
    expect(far?.message.en).toContain('(the sections are "سياسة", "اقتصاد")');
    expect(far?.message.ar).toContain("(الأقسام: «سياسة»، «اقتصاد»)");
  });

  it("is refused when site.yaml declares no sections, saying where to declare them", async () => {
    const found = await problemsOf(
      { "a.md": articleText({ slug: "a", extra: ["section: اقتصاد"] }) },
      SITE_YAML,
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.message.en).toMatch(/declares none \(add it under sections:/);
  });

  it("is checked in drafts too, so publishing one later cannot break the build", async () => {
    const found = await problemsOf({
      "a.md": articleText({ slug: "a", extra: ["draft: true", "section: رياضة"] }),
    });
    expect(found.map((problem) => problem.field)).toEqual(["section"]);
  });

  it("matches names across tatweel, marks and spacing, and nothing else", () => {
    expect(findSection(SECTIONS, "\u200fسياســة ")?.slug).toBe("politics");
    expect(findSection(SECTIONS, "سياسي")).toBeUndefined();
    expect(findSection(SECTIONS, "politics")).toBeUndefined();
  });
});
