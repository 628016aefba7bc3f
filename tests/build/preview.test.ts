import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Content } from "../../src/content/article.ts";
import {
  isPageRequest,
  loadForPreview,
  PREVIEW_PLACEHOLDER,
  previewBuildWritten,
  previewErrorMiddleware,
  rebuildReport,
  renderErrorPage,
  createPreviewState,
  type PreviewState,
} from "../../src/build/preview.tsx";
import { ContentError } from "../../src/content/problems.ts";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { buildFixture } from "../helpers/build-fixture.ts";
import { articleText, makeTempDir, removeTempDirs, writeContent } from "../helpers/sites.ts";

const ERROR = new ContentError([
  {
    file: "content/articles/x.md",
    line: 4,
    field: "date",
    message: { en: '"2023-02-30" is not a real day', ar: "«2023-02-30» يوم لا وجود له" },
  },
  {
    file: "content/articles/y.md",
    line: 2,
    field: "title",
    message: { en: "<script>alert(1)</script> & more", ar: "<script>alert(1)</script> و" },
  },
]);

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    error: (line: string) => lines.push(`E ${line}`),
    log: (line: string) => lines.push(`L ${line}`),
  };
}

describe("isPageRequest", () => {
  it("treats folders, .html and extensionless paths as pages, assets not", () => {
    expect(
      ["/", "/articles/x/", "/404.html", "/articles/x?y=1", "/a/b"].map(isPageRequest),
    ).toEqual([true, true, true, true, true]);
    expect(
      ["/assets/sahifa.rtl.1.css", "/assets/fonts/a.woff2", "/.11ty/reload-client.js"].map(
        isPageRequest,
      ),
    ).toEqual([false, false, false]);
  });
});

describe("renderErrorPage", () => {
  it("shows every problem, its place and the count, escaped", () => {
    const html = renderErrorPage(ERROR);
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain(
      '<li><code dir="ltr">content/articles/x.md:4: date</code> &quot;2023-02-30&quot; is not a real day</li>',
    );
    expect(html).toContain(
      '<li><code dir="ltr">content/articles/y.md:2: title</code> &lt;script>alert(1)&lt;/script> &amp; more</li>',
    );
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("<title>Sahifa preview: 2 problems in 2 files</title>");
  });

  it("is an Arabic, right-to-left page for an Arabic report: errors first, then warnings", () => {
    const html = renderErrorPage(
      new ContentError(
        [
          {
            file: "content/articles/notes.txt",
            severity: "warning",
            message: { en: "is not published", ar: "لا يُنشر" },
          },
          {
            file: "content/articles/x.md",
            line: 4,
            field: "date",
            message: { en: "is not a date", ar: "ليس تاريخًا صحيحًا" },
          },
        ],
        "ar",
      ),
    );
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(html).toContain("<title>معاينة صحيفة: مشكلة واحدة في ملف واحد (وتحذير واحد)</title>");
    expect(html).toContain("<h1>في المحتوى مشكلات</h1>");
    const items = [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((match) => match[1]);
    expect(items).toEqual([
      '<code dir="ltr">content/articles/x.md:4: date</code> ليس تاريخًا صحيحًا',
      '<code dir="ltr">content/articles/notes.txt</code> تحذير: لا يُنشر',
    ]);
    expect(html).not.toMatch(/is not|problems? in/);
  });

  it("escapes control and bidi characters in file and field names", () => {
    const html = renderErrorPage(
      new ContentError([
        {
          file: "content/articles/a\u202eb\u001b[2K.md",
          field: "t\u2066x",
          message: { en: "m", ar: "م" },
        },
      ]),
    );
    expect(html).toContain("content/articles/a\\u{202e}b\\u{1b}[2K.md: t\\u{2066}x");
    expect(html).not.toMatch(/[\u001b\u202e\u2066]/);
  });
});

describe("loadForPreview", () => {
  const content = {
    ...PREVIEW_PLACEHOLDER,
    warnings: [{ file: "a.txt", severity: "warning" as const, message: { en: "w", ar: "ت" } }],
  };

  it("shows the error at once and hands templates the placeholder; a fix shows once written", async () => {
    const state = createPreviewState();
    const failed = await loadForPreview(() => Promise.reject(ERROR), state);
    expect(failed).toBe(PREVIEW_PLACEHOLDER);
    expect([state.shown, state.latest]).toEqual([ERROR, ERROR]);

    const loaded = await loadForPreview(() => Promise.resolve<Content>(content), state);
    expect(loaded).toBe(content);
    // The fixed site's pages are not written yet: the report stays until they are.
    expect([state.shown, state.latest, state.warnings]).toEqual([
      ERROR,
      undefined,
      content.warnings,
    ]);
    previewBuildWritten(state, 3, recorder());
    expect(state.shown).toBeUndefined();
  });

  it("lets other errors through: they are bugs, not content", async () => {
    const state = createPreviewState();
    await expect(loadForPreview(() => Promise.reject(new TypeError("bug")), state)).rejects.toThrow(
      "bug",
    );
    expect([state.shown, state.latest]).toEqual([undefined, undefined]);
  });
});

describe("previewBuildWritten", () => {
  const warning = {
    file: "content/articles/y.md",
    severity: "warning" as const,
    message: { en: "w", ar: "ت" },
  };

  /** Sets what a build found and changed, writes it, and returns what the terminal got. */
  function writeBuild(
    state: PreviewState,
    found: Pick<PreviewState, "latest" | "warnings" | "changed"> & Partial<PreviewState>,
    pages: number,
    seconds: number,
  ): string[] {
    Object.assign(state, { language: "en" }, found, { started: 1000 });
    const log = recorder();
    previewBuildWritten(state, pages, log, 1000 + seconds * 1000);
    return log.lines;
  }

  it("prints one line per rebuild, then only the changed files' problems, errors first", () => {
    const state = createPreviewState();
    let reloads = 0;
    state.written = () => (reloads += 1);
    const changed = ["./content/articles/y.md"];
    expect(writeBuild(state, { latest: ERROR, warnings: [], changed }, 2, 0.42)).toEqual([
      "L Rebuilt 2 pages in 0.42 s: content/articles/y.md",
      "E content/articles/y.md:2: title: <script>alert(1)</script> & more",
      "E 1 problem in other files: every page of the preview shows the whole report",
    ]);
    expect([state.shown, state.changed, reloads]).toEqual([ERROR, undefined, 1]);

    // Fixed: one line says so; another file's warning is not repeated, the changed file's is.
    const warnings = [warning, { ...warning, file: "content/articles/z.md" }];
    expect(writeBuild(state, { latest: undefined, warnings, changed }, 12, 0)).toEqual([
      "L Rebuilt 12 pages in 0.00 s: content/articles/y.md; the content is fixed and the preview shows the site again",
      "E content/articles/y.md: warning: w",
    ]);
    expect([state.shown, reloads]).toEqual([undefined, 2]);
  });

  it("speaks the editors' language: Arabic for an Arabic site", () => {
    const state = createPreviewState();
    const changed = ["./content/articles/y.md"];
    const found = { latest: ERROR, warnings: [warning], changed, language: "ar" as const };
    expect(writeBuild(state, found, 2, 0.5)).toEqual([
      "L أُعيد بناء صفحتين في 0.50 ث: content/articles/y.md",
      "E content/articles/y.md:2: title: <script>alert(1)</script> و",
      "E content/articles/y.md: تحذير: ت",
      expect.stringMatching(/في ملفات أخرى/),
    ]);
  });

  it("reports every file's problems after the first build", () => {
    const state = createPreviewState();
    state.latest = ERROR;
    const log = recorder();
    previewBuildWritten(state, 1, log, 2000);
    expect(log.lines).toEqual([
      "L Built 1 page in 2.00 s",
      'E content/articles/x.md:4: date: "2023-02-30" is not a real day',
      "E content/articles/y.md:2: title: <script>alert(1)</script> & more",
    ]);
  });
});

describe("rebuildReport", () => {
  it("says the same in Arabic, counted in Arabic plural forms", () => {
    const report = rebuildReport({
      pages: 2,
      seconds: 0.5,
      changed: ["a.md", "b.md", "c.md", "d.md"],
      problems: [ERROR.problems[0]!, { ...ERROR.problems[0]!, file: "e.md" }],
      fixed: false,
    });
    expect(report.line).toEqual({
      en: "Rebuilt 2 pages in 0.50 s: a.md, b.md, c.md (+1)",
      ar: "أُعيد بناء صفحتين في 0.50 ث: a.md, b.md, c.md (+1)",
    });
    expect(report.elsewhere?.ar).toBe("خطآن في ملفات أخرى: كل صفحات المعاينة تعرض التقرير كاملًا");
  });
});

describe("previewErrorMiddleware", () => {
  const state = createPreviewState();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const middleware = previewErrorMiddleware(state);
    server = createServer((request, response) =>
      middleware(request, response, () => {
        response.setHeader("Content-Type", "text/plain");
        response.end("the site");
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("passes every request through while the content is fine", async () => {
    state.shown = undefined;
    const response = await fetch(`${base}/articles/x/`);
    expect([response.status, await response.text()]).toEqual([200, "the site"]);
  });

  it("answers page requests with the report while the content has problems, assets still pass", async () => {
    state.shown = ERROR;
    const page = await fetch(`${base}/articles/x/`);
    expect(page.status).toBe(500);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("content/articles/x.md:4: date</code>");
    const asset = await fetch(`${base}/assets/sahifa.css`);
    expect([asset.status, await asset.text()]).toEqual([200, "the site"]);
  });
});

describe("the preview's marks in a production build", () => {
  afterAll(removeTempDirs);

  it("are never there, even when a build publishes drafts and scheduled articles", async () => {
    const content = await writeContent(path.join(await makeTempDir("marks"), "content"), {
      "draft.md": articleText({ slug: "draft-piece", extra: ["draft: true"] }),
      "scheduled.md": articleText({ slug: "scheduled-piece", date: "2024-06-01" }),
    });
    const saved = { ...process.env };
    Object.assign(process.env, {
      SAHIFA_DRAFTS: "1",
      SAHIFA_FUTURE: "1",
      SAHIFA_NOW: "2024-01-01T00:00:00+03:00",
    });
    const built = await buildFixture(content).finally(() => {
      for (const name of ["SAHIFA_DRAFTS", "SAHIFA_FUTURE", "SAHIFA_NOW"]) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });
    try {
      const pages = (await readdir(built.site, { recursive: true })).filter((file) =>
        file.endsWith(".html"),
      );
      expect(pages).toContain(path.join("articles", "draft-piece", "index.html"));
      expect(pages).toContain(path.join("articles", "scheduled-piece", "index.html"));
      for (const page of pages) {
        const html = await readFile(path.join(built.site, page), "utf8");
        expect([page, html.includes("preview-mark"), html.includes("مسودة")]).toEqual([
          page,
          false,
          false,
        ]);
      }
    } finally {
      await built.remove();
    }
  });
});
