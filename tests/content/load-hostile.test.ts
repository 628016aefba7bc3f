// The loader against hostile or careless content: reserved ids, control characters from YAML
// escapes, tags in many spellings or without bound, alias bombs, symbolic links.

import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContentLoader, type ContentOptions } from "../../src/content/load.ts";
import type { Content } from "../../src/content/article.ts";
import { ContentError, messageText, type Problem } from "../../src/content/problems.ts";
import { MAX_TAGS } from "../../src/content/schema.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  SITE_YAML,
  writeContent,
} from "../helpers/sites.ts";

const NOW = new Date("2024-01-01T00:00:00Z");
// What a report must never print as it is: C0 but tab and newline, DEL, C1, noncharacters.
const RAW_CONTROL = /[\0-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]/u;
let root: string;

beforeAll(async () => {
  root = await makeTempDir("hostile");
});

afterAll(removeTempDirs);

async function contentDir(
  articles: Record<string, string>,
  siteYaml: string = SITE_YAML,
): Promise<string> {
  return writeContent(
    path.join(root, `site-${Math.random().toString(36).slice(2)}`),
    articles,
    siteYaml,
  );
}

function loader(dir: string, options: Partial<ContentOptions> = {}) {
  return createContentLoader({ contentDir: dir, now: NOW, ...options });
}

async function problemsOf(load: Promise<Content>): Promise<readonly Problem[]> {
  try {
    await load;
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error("the content loaded without problems");
}

const en = (problem: Problem) => messageText(problem.message, "en");
const ar = (problem: Problem) => messageText(problem.message, "ar");
/** A problem as the report places and words it: file name, line, field, English text. */
const fileLineFieldText = (problem: Problem) => [
  path.basename(problem.file),
  problem.line,
  problem.field,
  en(problem),
];
const lineOf = (text: string, needle: string) =>
  text.split("\n").findIndex((line) => line.includes(needle)) + 1;

describe("ids the layout or browsers already use", () => {
  const body = [
    "مقدمة الخبر.",
    "",
    "## الجولة الأولى {#main}",
    "",
    "## مشاركة {#share-heading}",
    "",
    "فقرة *مهمة*{#location}",
    "وسطر ثان في الفقرة نفسها {#forms}",
    "",
    "## الجولة الثانية {#al-jawla}",
  ].join("\n");
  const text = articleText({ slug: "ids", extra: ["tags: [سوريا]", "author: مراسلنا"], body });

  it("are refused at the file's line (frontmatter lines + body line), each with free ids to use", async () => {
    const found = [...(await problemsOf(loader(await contentDir({ "ids.md": text })).load()))];
    found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    expect(
      found.map((problem) => [path.basename(problem.file), problem.line, en(problem)]),
    ).toEqual([
      [
        "ids.md",
        lineOf(text, "{#main}"),
        '{#main}: "main" is used by the page layout; choose another id, such as "main-1" or "qism-main"',
      ],
      [
        "ids.md",
        lineOf(text, "{#share-heading}"),
        '{#share-heading}: "share-heading" is used by the page layout; choose another id, such as "share-heading-1" or "qism-share-heading"',
      ],
      [
        "ids.md",
        lineOf(text, "{#location}"),
        expect.stringMatching(
          /^\{#location\}: "location" is a name browsers give to window or document, .* "location-1" or "qism-location"$/,
        ),
      ],
      [
        "ids.md",
        lineOf(text, "{#forms}"),
        expect.stringMatching(/^\{#forms\}: .* "forms-1" or "qism-forms"$/),
      ],
    ]);
    expect(lineOf(text, "{#main}")).toBe(12);
    expect(ar(found[0] as Problem)).toContain("«main-1» أو «qism-main»");
    expect(new ContentError(found).message).toMatch(/ids\.md:12: \{#main\}: /);
  });

  it("are reported again by a loader whose memory holds the rendered body", async () => {
    const load = loader(await contentDir({ "ids.md": text }));
    const first = await problemsOf(load.load());
    const second = await problemsOf(load.load());
    expect(second).toEqual(first);
    expect(second).toHaveLength(4);
  });

  it("are refused in drafts and scheduled articles too, which publish later without a look", async () => {
    const dir = await contentDir({
      "draft.md": articleText({ slug: "draft", extra: ["draft: true"], body: "## أ {#main}" }),
      "later.md": articleText({ slug: "later", date: "2024-06-01", body: "## ب {#cookie}" }),
    });
    const found = await problemsOf(loader(dir).load());
    expect(found.map((problem) => [path.basename(problem.file), problem.line])).toEqual([
      ["draft.md", 9],
      ["later.md", 8],
    ]);
  });

  it("leave free ids alone", async () => {
    const content = await loader(
      await contentDir({ "a.md": articleText({ body: "## الجولة {#al-jawla}" }) }),
    ).load();
    expect(content.articles[0]?.html).toBe('<h2 id="al-jawla">الجولة</h2>\n');
  });
});

describe("control characters from YAML escapes", () => {
  const ESCAPES = [
    ["\\0", "U+0000"],
    ["\\x01", "U+0001"],
    ["\\e[31m", "U+001B"],
    ["\\uFFFE", "U+FFFE"],
  ] as const;

  it.each(ESCAPES)(
    '"%s" is refused in title, standfirst, tags, source.name, image.alt and image.src, with file, line and field',
    async (escape, code) => {
      const text = articleText({
        title: `عنوان ${escape}`,
        standfirst: `مقدمة ${escape}`,
        extra: [
          `tags: [سوريا, "وسم ${escape}"]`,
          `source: {name: "وكالات ${escape}"}`,
          "image:",
          `  src: "/media/a${escape}.jpg"`,
          `  alt: "صورة ${escape}"`,
          "  width: 1200",
          "  height: 630",
        ],
      });
      const found = [...(await problemsOf(loader(await contentDir({ "a.md": text })).load()))];
      found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      expect(found.map((problem) => [problem.line, problem.field])).toEqual([
        [2, "title"],
        [3, "standfirst"],
        [6, "tags[1]"],
        [7, "source.name"],
        [9, "image.src"],
        [10, "image.alt"],
      ]);
      for (const problem of found) {
        expect(path.basename(problem.file)).toBe("a.md");
        // The schema's own message where it prints nothing hidden, else one naming the character.
        expect(en(problem)).toMatch(
          new RegExp(`^contains (the invisible character )?${code.replace("+", "\\+")} `),
        );
        expect(ar(problem)).toContain(code);
      }
      expect(new ContentError(found).message).not.toMatch(RAW_CONTROL);
    },
  );

  it.each(ESCAPES)('"%s" is refused in site.yaml\'s name and description', async (escape, code) => {
    const siteYaml = SITE_YAML.replace("name: صحيفة الاختبار", `name: "صحيفة ${escape}"`).replace(
      "description: موقع لاختبار البناء.",
      `description: "موقع ${escape}"`,
    );
    const found = await problemsOf(
      loader(await contentDir({ "a.md": articleText() }, siteYaml)).load(),
    );
    expect(
      found.map((problem) => [path.basename(problem.file), problem.line, problem.field]),
    ).toEqual([
      ["site.yaml", 1, "name"],
      ["site.yaml", 2, "description"],
    ]);
    expect(en(found[0] as Problem)).toContain(code);
    expect(new ContentError(found).message).not.toMatch(RAW_CONTROL);
  });

  it("is refused in keys, in slugs and in other fields, naming the character, never printing it", async () => {
    const found = [
      ...(await problemsOf(
        loader(
          await contentDir({
            "a.md": articleText({
              slug: "a",
              extra: ['"auth\\x85or": x', 'section: "\\uD800"', '"ke\\uFFFEy": 1'],
            }),
            "b.md": articleText({ title: "عنوان", slug: '"b\\x9b"' }),
          }),
        ).load(),
      )),
    ].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
    expect(found.map(fileLineFieldText)).toEqual([
      // The report escapes a key it prints (noncharacters and lone surrogates too).
      ["a.md", 6, "auth\u0085or", 'unknown field (did you mean "author"?)'],
      [
        "a.md",
        7,
        "section",
        expect.stringMatching(/^contains (the invisible character )?U\+D800 LONE SURROGATE/),
      ],
      ["a.md", 8, "ke\uFFFEy", expect.stringMatching(/^unknown field/)],
      [
        "b.md",
        5,
        "slug",
        expect.stringMatching(/"b\\u\{9b\}" contains .*U\+009B CONTROL CHARACTER/),
      ],
    ]);
    expect(new ContentError(found).message).not.toMatch(RAW_CONTROL);
    expect(new ContentError(found).message).not.toMatch(/\p{Cs}|\uFFFE/u);
    expect(new ContentError(found).message).toContain("ke\\u{fffe}y");
  });

  it("in a file's name is named, not printed", async () => {
    const found = await problemsOf(
      loader(await contentDir({ "\x1b[31mred.md": "---\ntitle: x\n---\nنص\n" })).load(),
    );
    expect(found.length).toBeGreaterThan(0);
    const report = new ContentError(found).message;
    expect(report).toMatch(/\\u\{1b\}\[31mred\.md:/);
    expect(report).not.toMatch(RAW_CONTROL);
  });
});

describe("tags", () => {
  it("in several spellings of one word are one tag, shown cleaned, each listed once", async () => {
    const content = await loader(
      await contentDir({
        "a.md": articleText({
          slug: "a",
          extra: ['tags: [سوريا, "سوريا\\u200f", سوريا, سوريا, "\\u200eتركيا"]'],
        }),
        "b.md": articleText({
          slug: "b",
          extra: [`tags: ["${"سوريا".normalize("NFD")}", سـوريا, تركيا]`],
        }),
      }),
    ).load();
    expect(content.articles.map((article) => article.tags)).toEqual([
      ["سوريا", "تركيا"],
      ["سوريا", "تركيا"],
    ]);
  });

  it(`are at most ${MAX_TAGS} per article, refused with the field and line`, async () => {
    const tags = (count: number) =>
      `tags: [${Array.from({ length: count }, (_, i) => `وسم ${i}`).join(", ")}]`;
    const dir = await contentDir({
      "ok.md": articleText({ slug: "ok", extra: [tags(MAX_TAGS)] }),
      "many.md": articleText({ slug: "many", extra: ["author: أ", tags(MAX_TAGS + 1)] }),
      "huge.md": articleText({ slug: "huge", extra: [tags(100_000)] }),
    });
    const found = await problemsOf(loader(dir).load());
    expect(found.map(fileLineFieldText)).toEqual([
      // A hundred thousand tags pass the frontmatter's size first.
      ["huge.md", 6, "tags", expect.stringMatching(/^the frontmatter's values come to 888,967 /)],
      [
        "many.md",
        7,
        "tags",
        "31 tags, over the 30 an article may have: keep the ones a reader would follow",
      ],
    ]);
    expect(ar(found[1] as Problem)).toBe(
      "عدد الوسوم 31، والحد الأقصى للمقال الواحد 30: أبقِ الوسوم التي قد يتابعها القارئ",
    );
  });
});

describe("frontmatter that expands past its limit", () => {
  it("is refused with the field and line, before anything is expanded", async () => {
    const lines = [
      "standfirst: &s مقدمة",
      "bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
    ];
    for (let level = 1; level < 30; level++)
      lines.push(
        `bomb${level}: &b${level} [${Array(9)
          .fill(`*b${level - 1}`)
          .join(", ")}]`,
      );
    const text = articleText({ slug: "lol", extra: lines }).replace(/^standfirst: .*\n/m, "");
    const found = await problemsOf(loader(await contentDir({ "lol.md": text })).load());
    expect(found.map((problem) => [problem.line, problem.field])).toEqual([
      [lineOf(text, "bomb29:"), "bomb29"],
    ]);
    expect(lineOf(text, "bomb29:")).toBe(35);
    expect(en(found[0] as Problem)).toMatch(
      /^the frontmatter's values come to over a billion characters once aliases/,
    );
  });
});

describe("symbolic links", () => {
  it("are never followed, each reported with a warning, whether they point inside content/ or out of it", async () => {
    const dir = await contentDir({ "real.md": articleText({ slug: "real" }) });
    const outside = path.join(root, `outside-${Math.random().toString(36).slice(2)}`);
    await mkdir(path.join(outside, "folder"), { recursive: true });
    await writeFile(path.join(outside, "secret.md"), articleText({ slug: "secret" }));
    await writeFile(path.join(outside, "folder", "more.md"), articleText({ slug: "more" }));
    const articles = path.join(dir, "articles");
    await symlink(path.join(outside, "secret.md"), path.join(articles, "outside.md"));
    await symlink("real.md", path.join(articles, "inside.md"));
    await symlink(path.join(outside, "folder"), path.join(articles, "folder"));
    const content = await loader(dir).load();
    expect(content.articles.map((article) => article.slug)).toEqual(["real"]);
    expect(
      content.warnings.map((warning) => [
        path.basename(warning.file),
        warning.severity,
        en(warning),
      ]),
    ).toEqual(
      ["folder", "inside.md", "outside.md"].map((name) => [
        name,
        "warning",
        "is a symbolic link, which is never followed, so it is not published: put the file or folder itself in content/",
      ]),
    );
  });

  it("are not followed for the articles folder or site.yaml either", async () => {
    const real = await contentDir({ "real.md": articleText({ slug: "real" }) });
    const linked = path.join(root, `linked-${Math.random().toString(36).slice(2)}`);
    await mkdir(linked);
    await symlink(path.join(real, "articles"), path.join(linked, "articles"));
    await writeFile(path.join(linked, "site.yaml"), SITE_YAML);
    const content = await loader(linked).load();
    expect(content.articles).toEqual([]);
    expect(content.warnings.map((warning) => path.basename(warning.file))).toEqual(["articles"]);

    const settings = path.join(root, `settings-${Math.random().toString(36).slice(2)}`);
    await mkdir(path.join(settings, "articles"), { recursive: true });
    await symlink(path.join(real, "site.yaml"), path.join(settings, "site.yaml"));
    const found = await problemsOf(loader(settings).load());
    expect(found.map((problem) => [path.basename(problem.file), en(problem)])).toEqual([
      [
        "site.yaml",
        "is a symbolic link, which is never followed: put the settings file itself here",
      ],
    ]);
  });
});
