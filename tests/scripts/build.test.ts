// npm run build as an editor meets it: one report of every problem, exit 1, the published site untouched.

import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashTree } from "../helpers/site-tree.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runScript,
  SITE_YAML,
  writeContent,
  type CliResult,
} from "../helpers/sites.ts";

// Several tests run `npm run build` twice or more, each a whole process; on a loaded CI machine
// two such builds took over the default 60 s (a timeout, not a wrong report).
vi.setConfig({ testTimeout: 180_000 });

const NOW = "2024-01-01T00:00:00Z";
const GOOD = {
  "2023-06-20-first.md": articleText({
    slug: "first",
    date: "2023-06-20",
    body: "فقرة أولى.\n\n## عنوان\n\nفقرة ثانية.",
  }),
  "2023-06-21-second.md": articleText({ slug: "second", date: "2023-06-21T10:00:00+03:00" }),
};

let root: string;
let baseline: { site: string; hash: Record<string, string>; result: CliResult };

/**
 * Builds `articles` into `<root>/<name>/_site`, starting from a copy of the baseline site. The
 * fixture site is Arabic, so its report is in Arabic; most cases here read it in English
 * (SAHIFA_EDITOR_LANGUAGE=en), and "in Arabic" below reads it as its editors do.
 */
async function build(
  name: string,
  articles: Record<string, string | Uint8Array>,
  options: {
    args?: string[];
    env?: Record<string, string>;
    fromBaseline?: boolean;
    siteYaml?: string;
  } = {},
) {
  const dir = path.join(root, name);
  const contentDir = await writeContent(path.join(dir, "content"), articles, options.siteYaml);
  const site = path.join(dir, "_site");
  // Dereferenced: the baseline's _site is a link to its build, and a copied link is not a site.
  if (options.fromBaseline ?? true)
    await cp(baseline.site, site, { recursive: true, dereference: true });
  const result = await runScript("build.ts", ["--output", site, ...(options.args ?? [])], {
    SAHIFA_CONTENT: contentDir,
    SAHIFA_NOW: NOW,
    SAHIFA_EDITOR_LANGUAGE: "en",
    ...options.env,
  });
  return { dir, contentDir, site, result };
}

/** Asserts a failed build: exit 1, the expected report lines, no noise, and the site as it was. */
async function expectRefused(run: Awaited<ReturnType<typeof build>>, lines: (string | RegExp)[]) {
  const { result, contentDir, site, dir } = run;
  expect(result.code).toBe(1);
  const reported = result.stderr.split("\n");
  for (const line of lines) {
    const wanted = typeof line === "string" ? `${contentDir}/articles/${line}` : line;
    expect(reported).toContainEqual(
      typeof wanted === "string" ? wanted : expect.stringMatching(wanted),
    );
  }
  expect(result.stderr).toMatch(/^\d+ problems? in \d+ files?/m);
  expect(result.stderr).toContain("The published site was left as it was.");
  expect(result.output).not.toContain("[11ty]");
  expect(result.output).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe("");
  expect(await hashTree(site)).toEqual(baseline.hash);
  // No staging folder is left behind beside the site.
  expect((await readdir(dir)).sort()).toEqual(["_site", "content"]);
}

beforeAll(async () => {
  root = await makeTempDir("cli-build");
  const dir = path.join(root, "baseline");
  const contentDir = await writeContent(path.join(dir, "content"), GOOD);
  const site = path.join(dir, "_site");
  const result = await runScript("build.ts", ["--output", site], {
    SAHIFA_CONTENT: contentDir,
    SAHIFA_NOW: NOW,
    SAHIFA_EDITOR_LANGUAGE: "en",
  });
  baseline = { site, hash: await hashTree(site), result };
});

afterAll(removeTempDirs);

describe("npm run build: a good site", () => {
  it("builds, prints one summary line and nothing from Eleventy", async () => {
    expect(baseline.result.code).toBe(0);
    expect(baseline.result.stderr).toBe("");
    const files = await readdir(baseline.site, { recursive: true });
    const pages = files.filter((file) => file.endsWith(".html")).length;
    expect(baseline.result.stdout).toMatch(
      new RegExp(
        `^Built /.*/baseline/_site: ${pages} pages written, 2 articles, 0 drafts skipped, 0 scheduled skipped, 0 warnings, \\d+\\.\\d\\d s\n$`,
      ),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        "index.html",
        "404.html",
        "articles/first/index.html",
        "articles/second/index.html",
      ]),
    );
    expect(await readFile(path.join(baseline.site, "articles/first/index.html"), "utf8")).toContain(
      "<h2",
    );
  });
});

describe.concurrent(
  "npm run build: each bad input is refused, naming file and field or line:column",
  () => {
    const cases: {
      name: string;
      file: string;
      text: string | Uint8Array;
      lines: (string | RegExp)[];
    }[] = [
      {
        name: "broken YAML",
        file: "broken-yaml.md",
        text: articleText({ slug: "broken", extra: ["tags: [سوريا, تركيا"] }),
        lines: [
          "broken-yaml.md:6:7: a list or mapping opened with [ is not closed: end it with ] on the same line",
        ],
      },
      {
        name: "missing title",
        file: "no-title.md",
        text: articleText({ slug: "no-title" }).replace(/^title: .*\n/m, ""),
        lines: ["no-title.md:1: title: is required"],
      },
      {
        name: "empty title",
        file: "empty-title.md",
        text: articleText({ slug: "empty-title", title: "" }),
        lines: ["empty-title.md:2: title: is empty (or only invisible characters)"],
      },
      {
        name: "a title of invisible characters alone",
        file: "invisible-title.md",
        text: articleText({ slug: "invisible", title: "\u200f\u200b\u2060\u00a0" }),
        lines: ["invisible-title.md:2: title: is empty (or only invisible characters)"],
      },
      {
        name: "empty body",
        file: "empty-body.md",
        text: articleText({ slug: "empty-body", body: "  \n\u200f\n" }),
        lines: ["empty-body.md:11: the article has no body: write the text after the closing ---"],
      },
      {
        name: "unclosed frontmatter",
        file: "unclosed.md",
        text: "---\ntitle: عنوان\nslug: unclosed\n\nنص المقال بلا سطر يغلق الرأس.\n",
        lines: ["unclosed.md:1: the frontmatter opened on line 1 is never closed with a --- line"],
      },
      {
        name: "a NUL byte",
        file: "nul.md",
        text: Buffer.concat([
          Buffer.from("---\ntitle: abc\n"),
          Buffer.from([0]),
          Buffer.from(articleText().slice(4)),
        ]),
        lines: ["nul.md: the file contains a NUL byte at byte offset 15 (is it a text file?)"],
      },
      {
        name: "invalid UTF-8",
        file: "latin1.md",
        text: Buffer.concat([
          Buffer.from("---\ntitle: caf"),
          Buffer.from([0xe9]),
          Buffer.from("\n---\nx\n"),
        ]),
        lines: [
          "latin1.md: the file is not valid UTF-8: byte 0xe9 at byte offset 14 (save the file as UTF-8)",
        ],
      },
      {
        name: "an impossible date",
        file: "bad-date.md",
        text: articleText({ slug: "bad-date", date: "2023-02-30" }),
        lines: [
          'bad-date.md:4: date: "2023-02-30" is not a real day (expected YYYY-MM-DD, or an ISO 8601 date-time with offset)',
        ],
      },
      {
        name: "an unknown key",
        file: "typo.md",
        text: articleText({ slug: "typo", extra: ["auther: مراسل"] }),
        lines: ['typo.md:6: auther: unknown field (did you mean "author"?)'],
      },
      {
        name: "a key that steers the build",
        file: "steer.md",
        text: articleText({ slug: "steer", extra: ["permalink: /index.html"] }),
        lines: [/\/steer\.md:6: permalink: steers the build and is not allowed in an article/],
      },
      {
        name: "a javascript: source URL",
        file: "url.md",
        text: articleText({
          slug: "url",
          extra: ["source:", "  name: وكالة", "  url: javascript:alert(1)"],
        }),
        lines: [/\/url\.md:8: source\.url: "javascript:alert\(1\)" is not an http\(s\) URL/],
      },
      {
        name: "a non-ASCII slug, a bad lang and a yes for draft",
        file: "fields.md",
        text: articleText({ slug: "مقال", extra: ["lang: arabic", "draft: yes"] }),
        lines: [
          /\/fields\.md:5: slug: "مقال" is not a slug/,
          /\/fields\.md:6: lang: "arabic"/,
          /\/fields\.md:7: draft: "yes"/,
        ],
      },
      {
        name: "a 5 MB article (over the documented 2 MB limit)",
        file: "huge.md",
        text: articleText({ slug: "huge", body: "كلمة ".repeat(582_600) }),
        lines: [
          /\/huge\.md: the file is 5\.0 MB \(524\d{4} bytes\), over the 2\.0 MB limit for one article/,
        ],
      },
    ];

    for (const { name, file, text, lines } of cases) {
      it(name, async () => {
        const run = await build(`bad-${file}`, { ...GOOD, [file]: text });
        await expectRefused(run, lines);
      });
    }

    it("duplicate slugs, with both files named", async () => {
      const run = await build("duplicate", {
        ...GOOD,
        "copy.md": articleText({ slug: "first", date: "2023-07-01" }),
      });
      await expectRefused(run, [
        `2023-06-20-first.md:5: slug: "first" is also the slug of ${run.contentDir}/articles/copy.md (each article needs its own)`,
        `copy.md:5: slug: "first" is also the slug of ${run.contentDir}/articles/2023-06-20-first.md (each article needs its own)`,
      ]);
    });

    it("all of them at once: one report, every file, one count", async () => {
      const all = Object.fromEntries(cases.map(({ file, text }) => [file, text]));
      const run = await build("all-at-once", { ...GOOD, ...all });
      await expectRefused(
        run,
        cases.flatMap(({ lines }) => lines),
      );
      expect(run.result.stderr).toMatch(new RegExp(`^16 problems in ${cases.length} files$`, "m"));
    });

    it("--verbose adds the stack trace", async () => {
      const run = await build(
        "verbose",
        { ...GOOD, "x.md": articleText({ slug: "Bad" }) },
        { args: ["--verbose"] },
      );
      expect(run.result.code).toBe(1);
      expect(run.result.stderr).toMatch(/^ContentError: /m);
      expect(run.result.stderr).toMatch(/^\s+at /m);
      expect(await hashTree(run.site)).toEqual(baseline.hash);
    });
  },
);

describe.concurrent("npm run build: the report in the editors' language", () => {
  // Three errors and two warnings, the warnings' files sorting first.
  const BAD = {
    ...GOOD,
    "bad-date.md": articleText({ slug: "bad-date", date: "2023-02-30" }),
    "broken-yaml.md": articleText({ slug: "broken", extra: ["dateline: أستانا: اليوم الثاني"] }),
    "typo.md": articleText({ slug: "typo", extra: ["auther: مراسل"] }),
    "a-far.md": articleText({ slug: "far", date: "2205-01-01" }),
    "a-notes.txt": "ملاحظات",
  };
  const unset = { SAHIFA_EDITOR_LANGUAGE: "" };

  it("an Arabic site's report is in Arabic: errors first, then warnings, each with its place", async () => {
    const run = await build("arabic-report", BAD, { env: unset });
    const at = `${run.contentDir}/articles`;
    expect(run.result.code).toBe(1);
    expect(run.result.stderr).toBe(
      [
        `${at}/bad-date.md:4: date: «2023-02-30» يوم لا وجود له في التقويم: اكتبه بالصيغة 2023-06-21، أو مع الوقت وفارق التوقيت: 2023-06-21T10:00:00+03:00`,
        `${at}/broken-yaml.md:6:11: في القيمة نقطتان تليهما مسافة (أو سطر مزاح أكثر من اللازم): ضع القيمة بين علامتي تنصيص، مثل title: "…: …"`,
        `${at}/typo.md:6: auther: حقل غير معروف (هل تقصد «author»؟)`,
        `${at}/a-far.md:4: تحذير: date: 2205-01-01 بعد أكثر من سنة (خطأ في السنة؟)، ولن يُنشر المقال قبل ذلك اليوم`,
        `${at}/a-notes.txt: تحذير: لا يُنشر: المقالات هي الملفات التي تنتهي بـ .md وحدها`,
        "3 مشكلات في 3 ملفات (وتحذيران)",
        "تُرك الموقع المنشور كما كان.",
        "",
      ].join("\n"),
    );
    expect(await hashTree(run.site)).toEqual(baseline.hash);
  });

  it("editorLanguage: en in site.yaml makes it English; SAHIFA_EDITOR_LANGUAGE overrides either", async () => {
    const siteYaml = `${SITE_YAML}editorLanguage: en\n`;
    const [english, arabic] = await Promise.all([
      build("english-report", BAD, { env: unset, siteYaml }),
      build("override-report", BAD, { env: { SAHIFA_EDITOR_LANGUAGE: "ar" }, siteYaml }),
    ]);
    const lines = english.result.stderr.split("\n");
    expect(lines.map((line) => line.replace(`${english.contentDir}/articles/`, ""))).toEqual([
      'bad-date.md:4: date: "2023-02-30" is not a real day (expected YYYY-MM-DD, or an ISO 8601 date-time with offset)',
      'broken-yaml.md:6:11: a value holds a colon and a space (or a line is indented too far): put the value in quotes, such as title: "…: …"',
      'typo.md:6: auther: unknown field (did you mean "author"?)',
      "a-far.md:4: warning: date: 2205-01-01 is more than a year ahead (a typo in the year?); the article waits until then",
      "a-notes.txt: warning: is not published: only files ending in .md are articles",
      "3 problems in 3 files (and 2 warnings)",
      "The published site was left as it was.",
      "",
    ]);
    expect(arabic.result.stderr).toMatch(/^3 مشكلات في 3 ملفات \(وتحذيران\)$/m);
  });

  it("a broken site.yaml is reported in the language it asks for, or in Arabic", async () => {
    const english = await build("site-yaml-en", GOOD, {
      env: unset,
      siteYaml: `${SITE_YAML}editorLanguage: en\nhijriAdjustment: 5\n`,
    });
    expect(english.result.stderr).toContain(
      `${english.contentDir}/site.yaml:6: hijriAdjustment: must be at most 2\n1 problem in 1 file\n`,
    );
    const broken = await build("site-yaml-broken", GOOD, {
      env: unset,
      siteYaml: `${SITE_YAML}editorLanguage: en\nmonthNames: [x\n`,
    });
    // The YAML cannot be read, so neither can editorLanguage: Arabic, as `language` defaults to.
    expect(broken.result.stderr).toMatch(
      /site\.yaml:\d+:\d+: قائمة أو مجموعة فُتحت بـ \[ ولم تُغلق: أغلقها بـ \] في السطر نفسه\nمشكلة واحدة في ملف واحد\n/,
    );
  });

  it("file and key names are printed escaped: no terminal escape, carriage return, newline, bell or bidi control gets through", async () => {
    const names = [
      "a\u001b[2K\u001b[1Ab.md",
      "c\rd.md",
      "e\nFAKE.md:1: title: is required.md",
      "g\u0007h.md",
      "i\u202ej\u2066k.md",
    ];
    const bad = Object.fromEntries(
      names.map((name, index) => [name, articleText({ slug: `bad-${index}`, date: "2023-02-30" })]),
    );
    const run = await build("escapes", {
      ...GOOD,
      ...bad,
      "key.md": articleText({ slug: "key", extra: ["\u202etitle\u2069: x"] }),
    });
    const lines = run.result.stderr.split("\n");
    expect(run.result.stderr).not.toMatch(
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
    );
    // One line per problem: a newline in a name cannot start a line of its own.
    expect(lines.filter((line) => line.startsWith(run.contentDir))).toHaveLength(6);
    expect(lines).not.toContainEqual(expect.stringMatching(/^FAKE/));
    const at = `${run.contentDir}/articles`;
    for (const escaped of [
      "a\\u{1b}[2K\\u{1b}[1Ab.md:4: date:",
      "c\\u{d}d.md:4: date:",
      "e\\u{a}FAKE.md:1: title: is required.md:4: date:",
      "g\\u{7}h.md:4: date:",
      "i\\u{202e}j\\u{2066}k.md:4: date:",
    ]) {
      expect(lines).toContainEqual(expect.stringContaining(`${at}/${escaped}`));
    }
    expect(lines).toContainEqual(
      `${at}/key.md:6: \\u{202e}title\\u{2069}: unknown field (did you mean "title"?)`,
    );
  });
});

describe("npm run build --verbose on a good site", () => {
  it("builds the same bytes, and counts every page it wrote in its summary", async () => {
    const run = await build("verbose-good", GOOD, { args: ["--verbose"], fromBaseline: false });
    expect(run.result.code).toBe(0);
    const files = await readdir(run.site, { recursive: true });
    const pages = files.filter((file) => file.endsWith(".html")).length;
    expect(pages).toBeGreaterThan(5);
    // «بُني _site: 14 صفحة، …» or «Built _site: 14 pages written»: counted from what Eleventy
    // rendered, each written.
    const counted = /: (\d+) (?:صفح|pages? written)/.exec(run.result.stdout + run.result.stderr);
    expect(Number(counted?.[1])).toBe(pages);
    expect(await hashTree(run.site)).toEqual(baseline.hash);
  });
});

describe.concurrent("npm run build: what is accepted and what changes", () => {
  it("a UTF-8 BOM and CRLF line endings, on a machine in another time zone: the site is byte for byte the clean one's", async () => {
    const [[firstName, first], [secondName, second]] = Object.entries(GOOD) as [
      [string, string],
      [string, string],
    ];
    const run = await build(
      "bom-crlf",
      {
        [firstName]: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(first)]),
        [secondName]: second.replaceAll("\n", "\r\n"),
      },
      { fromBaseline: false, env: { TZ: "Pacific/Kiritimati" } },
    );
    expect(run.result.code).toBe(0);
    expect(await hashTree(run.site)).toEqual(baseline.hash);
  });

  it("a deleted article's page is gone after the next build; a warning does not stop it", async () => {
    const { "2023-06-21-second.md": _deleted, ...rest } = GOOD;
    const run = await build("deleted", { ...rest, "notes.txt": "ملاحظات" });
    expect(run.result.code).toBe(0);
    expect(run.result.stdout).toMatch(
      /: \d+ pages written, 1 article, 0 drafts skipped, 0 scheduled skipped, 1 warning, /,
    );
    expect(run.result.stderr).toBe(
      `${run.contentDir}/articles/notes.txt: warning: is not published: only files ending in .md are articles\n`,
    );
    const files = await readdir(run.site, { recursive: true });
    expect(files).toContain("articles/first/index.html");
    expect(files.filter((file) => file.includes("second"))).toEqual([]);
    expect(await readFile(path.join(run.site, "index.html"), "utf8")).not.toContain(
      "/articles/second/",
    );
  });

  it("drafts and scheduled articles are left out and counted; SAHIFA_DRAFTS and --future bring them in", async () => {
    const articles = {
      ...GOOD,
      "draft.md": articleText({ slug: "draft-piece", title: "مسودة", extra: ["draft: true"] }),
      "later.md": articleText({
        slug: "later-piece",
        title: "مقال مجدول",
        date: "2024-01-01T09:00:00+03:00",
      }),
    };
    const production = await build("scheduled", articles);
    expect(production.result.code).toBe(0);
    expect(production.result.stdout).toMatch(
      /: \d+ pages written, 2 articles, 1 draft skipped, 1 scheduled skipped, 0 warnings, /,
    );
    const home = await readFile(path.join(production.site, "index.html"), "utf8");
    expect(home).toContain("/articles/first/");
    expect(home).not.toContain("مسودة");
    expect(home).not.toContain("مقال مجدول");
    const files = await readdir(production.site, { recursive: true });
    expect(files.filter((file) => /draft-piece|later-piece/.test(file))).toEqual([]);

    const everything = await runScript("build.ts", ["--output", production.site, "--future"], {
      SAHIFA_CONTENT: production.contentDir,
      SAHIFA_NOW: NOW,
      SAHIFA_DRAFTS: "1",
      SAHIFA_EDITOR_LANGUAGE: "en",
    });
    expect(everything.stdout).toMatch(
      /: \d+ pages written, 4 articles, 0 drafts skipped, 0 scheduled skipped, /,
    );
    const all = await readdir(production.site, { recursive: true });
    expect(all).toEqual(
      expect.arrayContaining([
        "articles/draft-piece/index.html",
        "articles/later-piece/index.html",
      ]),
    );
  });
});
