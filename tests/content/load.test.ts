import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkArticleText,
  createContentLoader,
  MAX_ARTICLE_BYTES,
  publicationState,
} from "../../src/content/load.ts";
import type { Content } from "../../src/content/article.ts";
import { PLACEHOLDER_BODY, PLACEHOLDER_STANDFIRST } from "../../src/content/new-article.ts";
import { ContentError, messageText, type Problem } from "../../src/content/problems.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  SITE_YAML,
  writeContent,
} from "../helpers/sites.ts";

const NOW = new Date("2024-01-01T00:00:00Z");
let root: string;

beforeAll(async () => {
  root = await makeTempDir("content");
});

afterAll(removeTempDirs);

async function load(
  articles: Record<string, string | Uint8Array>,
  options: { includeDrafts?: boolean; includeFuture?: boolean; now?: Date; siteYaml?: string } = {},
): Promise<Content> {
  const contentDir = await writeContent(
    path.join(root, `site-${Math.random().toString(36).slice(2)}`),
    articles,
    options.siteYaml,
  );
  return createContentLoader({
    contentDir,
    now: options.now ?? NOW,
    includeDrafts: options.includeDrafts ?? false,
    includeFuture: options.includeFuture ?? false,
  }).load();
}

async function problems(
  articles: Record<string, string | Uint8Array>,
  siteYaml?: string,
): Promise<readonly Problem[]> {
  try {
    await load(articles, siteYaml === undefined ? {} : { siteYaml });
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error("the content loaded without problems");
}

const relative = (problem: Problem) => ({ ...problem, file: path.basename(problem.file) });

describe("createContentLoader: published content", () => {
  it("renders articles newest first with their paths and reading time", async () => {
    const content = await load({
      "a.md": articleText({ slug: "older", date: "2023-01-01" }),
      "b.md": articleText({
        slug: "newer",
        date: "2023-06-21T10:00:00+03:00",
        body: "فقرة *مهمة*.",
      }),
    });
    expect(content.articles.map((article) => [article.slug, article.path])).toEqual([
      ["newer", "/articles/newer/"],
      ["older", "/articles/older/"],
    ]);
    expect(content.articles[0]?.html).toBe("<p>فقرة <em>مهمة</em>.</p>\n");
    expect(content.articles[0]?.readingMinutes).toBe(1);
    expect(content.site.name).toBe("صحيفة الاختبار");
    expect([content.draftsSkipped, content.scheduledSkipped, content.warnings]).toEqual([0, 0, []]);
  });

  it("reads a file with a BOM and CRLF line endings exactly like the clean file", async () => {
    const clean = articleText({ slug: "same", body: "سطر أول\nسطر ثان\n\n## عنوان\n\nفقرة." });
    const [plain, bom, crlf] = await Promise.all([
      load({ "a.md": clean }),
      load({ "a.md": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean)]) }),
      load({
        "a.md": Buffer.concat([
          Buffer.from([0xef, 0xbb, 0xbf]),
          Buffer.from(clean.replaceAll("\n", "\r\n")),
        ]),
      }),
    ]);
    const strip = (content: Content) =>
      content.articles.map(({ file: _file, ...rest }) => ({ ...rest, date: rest.date.toISO() }));
    expect(strip(bom)).toEqual(strip(plain));
    expect(strip(crlf)).toEqual(strip(plain));
    expect(plain.articles[0]?.html).toContain("<h2>عنوان</h2>");
  });

  it("renders an English article's body in its own digits and quotes on a digits: arab site", async () => {
    const body = '"Up 12 points in 2023"[^1], said the report.\n\n[^1]: Page 4.';
    const content = await load(
      {
        "en.md": articleText({ slug: "english", extra: ["lang: en", "dir: ltr"], body }),
        // The same body in an Arabic article, loaded together: the two must not share a rendering.
        "ar.md": articleText({ slug: "arabic", body }),
      },
      { siteYaml: `${SITE_YAML}digits: arab\narabicQuotes: true\n` },
    );
    const html = (slug: string) => content.articles.find((a) => a.slug === slug)?.html ?? "";
    expect(html("english")).not.toMatch(/[\u0660-\u0669«»]/);
    expect(html("english")).toContain("“Up 12 points in 2023”");
    expect(html("english")).toMatch(/<a href="#fn:1" id="fnref:1">1<\/a>/);
    expect(html("english")).toContain("Page 4.");
    expect(html("arabic")).toContain("«Up ١٢ points in ٢٠٢٣»");
  });
});

describe("createContentLoader: the frontmatter's quotes follow the body", () => {
  // Single-quoted YAML, so the straight double quotes arrive as typed.
  const FIELDS = [
    `dateline: 'دمشق ("سانا")'`,
    `author: '"أبو علي"'`,
    `tags: ['"اتفاق"']`,
    `source: {name: 'صحيفة "الوطن"'}`,
    "image:",
    "  src: /media/port.jpg",
    `  alt: 'صورة "القافلة"'`,
    `  caption: 'قافلة "الأمل" و"الرجاء"'`,
    `  credit: 'وكالة "سانا"'`,
  ];
  const PHOTO = `![القافلة "الأولى"](/media/port.jpg 'قافلة "الأمل" | وكالة "سانا"')`;
  const arabic = articleText({
    slug: "lavrov-political-solution",
    title: 'قال لافروف: \\"الحل سياسي\\"',
    standfirst: 'أكد أن \\"الحل\\" ول\\"التسوية\\" في يد الأطراف',
    extra: FIELDS,
    body: `قال لافروف: "الحل سياسي".\n\n${PHOTO}`,
  });

  it("gives the headline, standfirst, dateline, source and captions the body's «…», prefix included", async () => {
    const [article] = (await load({ "a.md": arabic })).articles;
    expect(article?.html).toContain("قال لافروف: «الحل سياسي».");
    expect(article?.title).toBe("قال لافروف: «الحل سياسي»");
    expect(article?.standfirst).toBe("أكد أن «الحل» ول«التسوية» في يد الأطراف");
    expect(article?.dateline).toBe("دمشق («سانا»)");
    expect(article?.source?.name).toBe("صحيفة «الوطن»");
    for (const photo of [article?.leadPhoto, article?.image])
      expect([photo?.caption, photo?.credit]).toEqual(["قافلة «الأمل» و«الرجاء»", "وكالة «سانا»"]);
    expect([article?.photos[0]?.caption, article?.photos[0]?.credit]).toEqual([
      "قافلة «الأمل»",
      "وكالة «سانا»",
    ]);
  });

  it("leaves the slug, path, tags, bylines and alt text as typed", async () => {
    const [article] = (await load({ "a.md": arabic })).articles;
    expect([article?.slug, article?.path]).toEqual([
      "lavrov-political-solution",
      "/articles/lavrov-political-solution/",
    ]);
    expect(article?.tags).toEqual(['"اتفاق"']);
    expect(article?.authors).toEqual(['"أبو علي"']);
    expect(article?.leadPhoto?.alt).toBe('صورة "القافلة"');
    expect(article?.photos[0]?.alt).toBe('القافلة "الأولى"');
  });

  it("gives an English article's headline English marks, its apostrophes apostrophes", async () => {
    const english = articleText({
      slug: "talks",
      title: '\\"Talks resume,\\" O\'Brien says',
      extra: ["lang: en", "dir: ltr"],
      body: "Talks resume.",
    });
    const [article] = (await load({ "en.md": english })).articles;
    expect(article?.title).toBe("“Talks resume,” O’Brien says");
  });

  it("keeps the straight quotes with arabicQuotes: false, in the headline as in the body", async () => {
    const content = await load(
      { "a.md": arabic },
      { siteYaml: `${SITE_YAML}arabicQuotes: false\n` },
    );
    const [article] = content.articles;
    expect(article?.html).toContain("قال لافروف: &quot;الحل سياسي&quot;.");
    expect(article?.title).toBe('قال لافروف: "الحل سياسي"');
    expect(article?.leadPhoto?.caption).toBe('قافلة "الأمل" و"الرجاء"');
  });
});

describe("createContentLoader: the frontmatter's digits follow the site's, as the body's do", () => {
  const fields = {
    title: "ارتفاع الصادرات 12% في 2023",
    standfirst: "بلغت 4.5 مليار دولار بين 2022–2023",
    extra: [
      "dateline: دمشق 2",
      "source: {name: القناة 1}",
      "image:",
      "  src: /media/port.jpg",
      "  alt: الميناء 3",
      "  caption: الميناء في 6 فبراير 2023",
      "  credit: وكالة 24",
    ],
    body: "ارتفعت 12% في 2023.\n\n![الرصيف 5](/media/port.jpg 'الرصيف 7 | عدسة 8')",
  };

  it("writes an Arabic article's headline, standfirst, dateline, source and captions in ٠١٢… with digits: arab", async () => {
    const content = await load(
      { "a.md": articleText({ slug: "exports-2023", ...fields }) },
      { siteYaml: `${SITE_YAML}digits: arab\n` },
    );
    const [article] = content.articles;
    expect(article?.html).toContain("ارتفعت ١٢% في ٢٠٢٣.");
    expect(article?.title).toBe("ارتفاع الصادرات ١٢% في ٢٠٢٣");
    expect(article?.standfirst).toBe("بلغت ٤.٥ مليار دولار بين ٢٠٢٢–٢٠٢٣");
    expect([article?.dateline, article?.source?.name]).toEqual(["دمشق ٢", "القناة ١"]);
    for (const photo of [article?.leadPhoto, article?.image])
      expect([photo?.caption, photo?.credit]).toEqual(["الميناء في ٦ فبراير ٢٠٢٣", "وكالة ٢٤"]);
    expect([article?.photos[0]?.caption, article?.photos[0]?.credit]).toEqual([
      "الرصيف ٧",
      "عدسة ٨",
    ]);
    // The slug is the URL and alt text is read aloud as typed: both keep their digits.
    expect([article?.slug, article?.leadPhoto?.alt, article?.photos[0]?.alt]).toEqual([
      "exports-2023",
      "الميناء 3",
      "الرصيف 5",
    ]);
  });

  it("leaves them as typed with digits: latn, and in an English article with digits: arab", async () => {
    const latin = await load({ "a.md": articleText({ slug: "a", ...fields }) });
    expect(latin.articles[0]?.title).toBe("ارتفاع الصادرات 12% في 2023");
    const english = await load(
      {
        "en.md": articleText({
          slug: "en",
          title: "Exports up 12% in 2023",
          extra: ["lang: en", "dir: ltr"],
          body: "Up 12% in 2023.",
        }),
      },
      { siteYaml: `${SITE_YAML}digits: arab\n` },
    );
    expect(english.articles[0]?.title).toBe("Exports up 12% in 2023");
  });
});

describe("createContentLoader: one report of every problem", () => {
  it("reports every problem of every file together, each with its file", async () => {
    const found = await problems({
      "a-good.md": articleText({ slug: "good" }),
      "b-date.md": articleText({ slug: "b", date: "2023-02-30" }),
      "c-yaml.md": articleText({ slug: "c", extra: ["tags: [x"] }),
      "d-body.md": articleText({ slug: "d", body: "\u200f \n" }),
      "e-key.md": articleText({ slug: "e", extra: ["layout: x", "titel: y"] }),
    });
    expect(
      found
        .map(relative)
        .map(({ file, line, field }) => `${file}:${line}:${field ?? ""}`)
        .sort(),
    ).toEqual([
      "b-date.md:4:date",
      "c-yaml.md:6:",
      "d-body.md:10:",
      "e-key.md:6:layout",
      "e-key.md:7:titel",
    ]);
    expect(new ContentError(found).message.split("\n").at(-1)).toBe("5 problems in 4 files");
  });

  it("names both files of a duplicate slug, case and compatibility forms folded", async () => {
    const found = await problems({
      "one.md": articleText({ slug: "same" }),
      "two.md": articleText({ slug: "same", date: "2023-06-22" }),
    });
    expect(found.map(relative)).toEqual([
      expect.objectContaining({
        file: "one.md",
        field: "slug",
        message: expect.objectContaining({
          en: expect.stringMatching(/"same" is also the slug of .*two\.md/),
        }),
      }),
      expect.objectContaining({
        file: "two.md",
        field: "slug",
        message: expect.objectContaining({
          en: expect.stringMatching(/"same" is also the slug of .*one\.md/),
        }),
      }),
    ]);
  });

  it("counts drafts and scheduled articles for duplicate slugs, so publishing them later cannot break", async () => {
    const found = await problems({
      "live.md": articleText({ slug: "same" }),
      "draft.md": articleText({ slug: "same", extra: ["draft: true"] }),
    });
    expect(found.map((problem) => path.basename(problem.file))).toEqual(["draft.md", "live.md"]);
  });

  it("checks articles even when site.yaml is broken, in the same report", async () => {
    const found = await problems(
      { "a.md": articleText({ slug: "Bad Slug" }) },
      "name: x\nurl: ftp://x\n",
    );
    const fields = found.map((problem) => `${path.basename(problem.file)}:${problem.field ?? ""}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        "site.yaml:url",
        "site.yaml:description",
        "site.yaml:timeZone",
        "a.md:slug",
      ]),
    );
  });

  it("refuses a twitter handle X would not take, in English and Arabic", async () => {
    for (const handle of ["sahifa", "@", "@has-hyphen", "@sixteen_letters_", "@عربي", "123"]) {
      const found = await problems(
        { "a.md": articleText({ slug: "a" }) },
        `${SITE_YAML}twitter: "${handle}"\n`,
      );
      expect(found.map(relative), handle).toEqual([
        {
          file: "site.yaml",
          line: 5,
          field: "twitter",
          message: {
            en: expect.stringContaining("@ then 1 to 15 Latin letters, digits or _"),
            ar: expect.stringContaining("من 1 إلى 15 حرفًا لاتينيًا"),
          },
        },
      ]);
    }
    const site = await load(
      { "a.md": articleText({ slug: "a" }) },
      {
        siteYaml: `${SITE_YAML}twitter: "@Sahifa_News_15c"\n`,
      },
    );
    expect(site.site.twitter).toBe("@Sahifa_News_15c");
  });

  it("refuses an article over the size limit without failing the others' checks", async () => {
    const big = articleText({ slug: "big", body: "كلمة ".repeat(600_000) });
    const found = await problems({
      "big.md": big,
      "bad.md": articleText({ slug: "bad", date: "2023-13-01" }),
    });
    expect(found.map(relative)).toEqual([
      expect.objectContaining({ file: "bad.md", field: "date" }),
      {
        file: "big.md",
        message: expect.objectContaining({
          en: expect.stringMatching(/^the file is 5\.\d MB \(\d+ bytes\), over the 2\.0 MB limit/),
        }),
      },
    ]);
  });
});

describe("createContentLoader: the largest article accepted", () => {
  it("renders and counts an article just under the 2 MB limit", async () => {
    // 14 words a paragraph; about 1.99 MB in all.
    const paragraph =
      "ناقشت الدول المشاركة في اجتماع أستانا التقدم المحرز لإعداد خارطة طريق بشأن مشاورات التطبيع.\n\n";
    const count = Math.floor((MAX_ARTICLE_BYTES - 2000) / Buffer.byteLength(paragraph));
    const content = await load({
      "long.md": articleText({ slug: "long", body: paragraph.repeat(count) }),
    });
    const [article] = content.articles;
    expect(article?.wordCount).toBe(14 * count);
    expect(article?.html.split("<p>").length).toBe(count + 1);
  });
});

describe("createContentLoader: drafts and scheduling", () => {
  const articles = {
    "live.md": articleText({ slug: "live", date: "2023-12-31" }),
    "draft.md": articleText({ slug: "draft", extra: ["draft: true"] }),
    "later.md": articleText({ slug: "later", date: "2024-01-01T09:00:00+03:00" }),
  };

  it("leaves drafts and future articles out of a production build, and counts them", async () => {
    const content = await load(articles);
    expect(content.articles.map((article) => article.slug)).toEqual(["live"]);
    expect([content.draftsSkipped, content.scheduledSkipped]).toEqual([1, 1]);
  });

  it("publishes drafts and future articles when asked", async () => {
    const content = await load(articles, { includeDrafts: true, includeFuture: true });
    expect(content.articles.map((article) => article.slug)).toEqual(["later", "live", "draft"]);
    expect([content.draftsSkipped, content.scheduledSkipped]).toEqual([0, 0]);
  });

  it("publishes a scheduled article from its moment on, decided by the given now only", async () => {
    const before = await load(articles, { now: new Date("2024-01-01T05:59:59Z") });
    const at = await load(articles, { now: new Date("2024-01-01T06:00:00Z") });
    expect(before.articles.map((article) => article.slug)).not.toContain("later");
    expect(at.articles.map((article) => article.slug)).toContain("later");
  });
});

describe("createContentLoader: warnings", () => {
  it("warns about files that are not articles and dates more than a year ahead, and still loads", async () => {
    const content = await load({
      "a.md": articleText({ slug: "a" }),
      "notes.txt": "x",
      "b.MD": articleText({ slug: "b" }),
      ".hidden.swp": "x",
      "far.md": articleText({ slug: "far", date: "2205-01-01" }),
    });
    expect(
      content.warnings.map(relative).map((warning) => ({
        ...warning,
        message: messageText(warning.message, "en"),
      })),
    ).toEqual([
      {
        file: "b.MD",
        severity: "warning",
        message: "is not published: only files ending in .md are articles",
      },
      {
        file: "notes.txt",
        severity: "warning",
        message: "is not published: only files ending in .md are articles",
      },
      {
        file: "far.md",
        line: 4,
        severity: "warning",
        field: "date",
        message:
          "2205-01-01 is more than a year ahead (a typo in the year?); the article waits until then",
      },
    ]);
    expect(content.scheduledSkipped).toBe(1);
  });

  it("warns while the placeholders of npm run new are left in, except in drafts", async () => {
    const content = await load({
      "a.md": articleText({
        slug: "a",
        standfirst: PLACEHOLDER_STANDFIRST,
        body: PLACEHOLDER_BODY,
      }),
      "b.md": articleText({
        slug: "b",
        standfirst: PLACEHOLDER_STANDFIRST,
        extra: ["draft: true"],
      }),
    });
    expect(
      content.warnings.map((warning) => `${path.basename(warning.file)}:${warning.field ?? ""}`),
    ).toEqual(["a.md:standfirst", "a.md:"]);
  });

  it("treats a missing articles folder as no articles, with a warning", async () => {
    const contentDir = await writeContent(path.join(root, "no-articles"), {});
    await rm(path.join(contentDir, "articles"), { recursive: true });
    const content = await createContentLoader({ contentDir, now: NOW }).load();
    expect(content.articles).toEqual([]);
    expect(content.warnings).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: {
          en: "the folder is missing: no articles to publish",
          ar: "المجلد غير موجود: لا مقالات للنشر",
        },
      }),
    ]);
  });

  it("keeps warnings in the report when there are errors too", async () => {
    const found = await problems({ "a.md": articleText({ slug: "A" }), "x.txt": "x" });
    expect(new ContentError(found).message.split("\n").at(-1)).toBe(
      "1 problem in 1 file (and 1 warning)",
    );
  });
});

describe("createContentLoader: re-reading", () => {
  it("sees edits and deletions on the next call (the dev server's rebuilds)", async () => {
    const contentDir = await writeContent(path.join(root, "reload"), {
      "a.md": articleText({ slug: "a" }),
      "b.md": articleText({ slug: "b" }),
    });
    const loader = createContentLoader({ contentDir, now: NOW });
    expect((await loader.load()).articles).toHaveLength(2);
    await writeFile(
      path.join(contentDir, "articles", "a.md"),
      articleText({ slug: "a", title: "عنوان جديد" }),
    );
    await rm(path.join(contentDir, "articles", "b.md"));
    const again = await loader.load();
    expect(again.articles.map((article) => article.title)).toEqual(["عنوان جديد"]);
  });

  it("does not read again a file unchanged for a few seconds, and reads an edited one", async () => {
    const contentDir = await writeContent(path.join(root, "stamps"), {
      "a.md": articleText({ slug: "a" }),
      "b.md": articleText({ slug: "b" }),
    });
    const loader = createContentLoader({ contentDir, now: NOW });
    // Files changed in the last three seconds are always read.
    expect((await loader.load()).articles).toHaveLength(2);
    expect(loader.lastLoad.filesRead).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 3200));
    const first = await loader.load();
    expect(loader.lastLoad.filesRead).toBe(2);
    const second = await loader.load();
    expect(loader.lastLoad.filesRead).toBe(0);
    // Unchanged articles keep their objects from one load to the next.
    expect(second.articles[0]).toBe(first.articles[0]);
    // An edit that keeps the size (one two-byte letter for another): read again, and shown.
    const file = path.join(contentDir, "articles", "b.md");
    const before = await readFile(file, "utf8");
    const edited = before.replace("عنوان المقال b", "عنوان المقاك b");
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(before));
    await writeFile(file, edited);
    const third = await loader.load();
    expect(loader.lastLoad.filesRead).toBe(1);
    expect(third.articles.map((article) => article.title)).toContain("عنوان المقاك b");
  });
});

describe("createContentLoader: each loader its own memory", () => {
  it("reads every file again in a new loader, and an edit seen by one loader is not hidden from another", async () => {
    const contentDir = await writeContent(path.join(root, "two-loaders"), {
      "a.md": articleText({ slug: "a" }),
    });
    await new Promise((resolve) => setTimeout(resolve, 3200));
    const first = createContentLoader({ contentDir, now: NOW });
    const before = await first.load();
    await first.load();
    expect(first.lastLoad.filesRead).toBe(0);
    // A second loader knows nothing of the first one's files or rendered bodies.
    const second = createContentLoader({ contentDir, now: NOW });
    const again = await second.load();
    expect(second.lastLoad.filesRead).toBe(1);
    expect(again.articles[0]).not.toBe(before.articles[0]);
    expect(again.articles[0]?.html).toBe(before.articles[0]?.html);
  });
});

describe("publicationState", () => {
  const date = DateTime.fromISO("2024-05-01T09:00:00+03:00", { setZone: true });
  it("drafts first, then the schedule, each overridable", () => {
    expect(publicationState({ draft: true, date }, { now: NOW })).toBe("draft");
    expect(publicationState({ draft: false, date }, { now: NOW })).toBe("scheduled");
    expect(publicationState({ draft: false, date }, { now: NOW, includeFuture: true })).toBe(
      "published",
    );
    expect(publicationState({ draft: true, date }, { now: NOW, includeDrafts: true })).toBe(
      "scheduled",
    );
    expect(
      publicationState({ draft: false, date }, { now: new Date("2024-05-01T06:00:00Z") }),
    ).toBe("published");
  });
});

describe("checkArticleText", () => {
  it("checks text as the build would", () => {
    expect(checkArticleText(articleText(), "a.md", "UTC")).toEqual([]);
    expect(
      checkArticleText("---\ntitle: x\n---\n", "a.md", "UTC").map(
        (problem) => problem.field ?? messageText(problem.message, "en"),
      ),
    ).toEqual([
      "standfirst",
      "date",
      "slug",
      "the article has no body: write the text after the closing ---",
    ]);
  });
});
