// Live preview: in the dev server a content error becomes a page showing the report, and the server keeps running.

import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { Content } from "../content/article.ts";
import { formatCount, type PluralForms } from "../arabic/plurals.ts";
import {
  ContentError,
  escapeName,
  formatPlace,
  formatProblem,
  messageText,
  plural,
  reportCountOf,
  reportOrder,
  warningWord,
  type Message,
  type MessageLanguage,
  type Problem,
} from "../content/problems.ts";
import { resolveSite, siteSchema } from "../content/site-settings.ts";

/** What the dev server knows about the content, and about the build under way. */
export interface PreviewState {
  /** The problems the pages show, or undefined when they show the site. */
  shown: ContentError | undefined;
  /** The problems of the latest load: shown at once, but a fix only once its pages are written. */
  latest: ContentError | undefined;
  /** The warnings of the latest load that passed. */
  warnings: readonly Problem[];
  /** The files whose change started this build (Eleventy's watch queue); undefined at first. */
  changed: readonly string[] | undefined;
  /** When this build started, from performance.now(). */
  started: number;
  /** Told once a build's pages are written: the preview's server reloads the open pages. */
  written: (() => void) | undefined;
  /** The editors' language, from the latest load (site.yaml's, or the report's when it failed). */
  language: MessageLanguage;
}

/** Where the preview's messages go (the terminal), injectable for tests. */
export interface PreviewLog {
  error(message: string): void;
  log(message: string): void;
}

/**
 * A preview's state before its first build.
 * @example createPreviewState().shown //=> undefined
 */
export function createPreviewState(): PreviewState {
  return {
    shown: undefined,
    latest: undefined,
    warnings: [],
    changed: undefined,
    started: 0,
    written: undefined,
    language: "ar",
  };
}

/**
 * Loads content for the dev server. A content error is kept in `state` for the middleware to
 * show at once, and the build goes on with empty content, so Eleventy finishes, the browser
 * reloads and sees the report; the terminal hears of it when the build is written
 * (previewBuildWritten). Other errors are thrown as usual.
 * @example await loadForPreview(load, state) //=> the content, or PREVIEW_PLACEHOLDER
 */
export async function loadForPreview(
  load: () => Promise<Content>,
  state: PreviewState,
): Promise<Content> {
  try {
    const content = await load();
    state.latest = undefined;
    state.warnings = content.warnings;
    state.language = content.site.editorLanguage;
    return content;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    state.latest = error;
    state.shown = error;
    state.warnings = [];
    state.language = error.language;
    return PREVIEW_PLACEHOLDER;
  }
}

/**
 * Called once a build's pages are written: from then on the pages show what the latest load
 * found, so a fixed article is never answered with the stale pages of the failed build. Prints
 * one line (what was rebuilt, how long it took), then the problems of the files that changed,
 * errors first, and tells the server to reload the open pages.
 * @example previewBuildWritten(state, 3, console) // prints "Rebuilt 3 pages in 0.41 s: content/articles/x.md"
 */
export function previewBuildWritten(
  state: PreviewState,
  pages: number,
  log: PreviewLog,
  now: number = performance.now(),
): void {
  const fixed = state.shown !== undefined && state.latest === undefined;
  state.shown = state.latest;
  const report = rebuildReport({
    pages,
    seconds: (now - state.started) / 1000,
    changed: state.changed,
    problems: [...(state.latest?.problems ?? []), ...state.warnings],
    fixed,
    language: state.language,
  });
  state.changed = undefined;
  log.log(report.line[state.language]);
  for (const line of report.problems) log.error(line);
  if (report.elsewhere) log.error(report.elsewhere[state.language]);
  state.written?.();
}

/** What one rebuild's report says. */
export interface RebuildReport {
  line: Message;
  /** The problems of the changed files, one line each, errors first. */
  problems: string[];
  /** How many errors other files still have, when they have any. */
  elsewhere: Message | undefined;
}

/**
 * The report of one build of the preview: one line, then the problems of the files that
 * changed (every file's on the first build), errors before warnings.
 * @example rebuildReport({ pages: 2, seconds: 0.4, changed: ["./content/articles/x.md"], problems: [], fixed: false }).line.en
 * //=> "Rebuilt 2 pages in 0.40 s: content/articles/x.md"
 */
export function rebuildReport(build: {
  pages: number;
  seconds: number;
  changed: readonly string[] | undefined;
  problems: readonly Problem[];
  fixed: boolean;
  /** The language of the problems' lines (the caller picks the line's and the count's). */
  language?: MessageLanguage;
}): RebuildReport {
  const changed = build.changed?.map(shownPath);
  const isChanged = (problem: Problem) =>
    changed === undefined || changed.includes(shownPath(problem.file));
  const errors = build.problems.filter((problem) => problem.severity !== "warning");
  const shown = [
    ...errors.filter(isChanged),
    ...build.problems.filter((problem) => problem.severity === "warning" && isChanged(problem)),
  ];
  const others = errors.length - errors.filter(isChanged).length;
  const seconds = build.seconds.toFixed(2);
  const files = changed === undefined ? "" : `: ${listFiles(changed)}`;
  const line: Message = changed
    ? {
        en: `Rebuilt ${plural(build.pages, "page")} in ${seconds} s${files}`,
        ar: `أُعيد بناء ${formatCount(build.pages, PAGE_FORMS, "latn")} في ${seconds} ث${files}`,
      }
    : {
        en: `Built ${plural(build.pages, "page")} in ${seconds} s`,
        ar: `اكتمل بناء ${formatCount(build.pages, PAGE_FORMS, "latn")} في ${seconds} ث`,
      };
  const fixed: Message = {
    en: "; the content is fixed and the preview shows the site again",
    ar: "؛ صُحّح المحتوى وعادت المعاينة تعرض الموقع",
  };
  return {
    line: build.fixed ? { en: line.en + fixed.en, ar: line.ar + fixed.ar } : line,
    problems: shown.map((problem) => formatProblem(problem, build.language ?? "en")),
    elsewhere:
      others === 0
        ? undefined
        : {
            en: `${plural(others, "problem")} in other files: every page of the preview shows the whole report`,
            ar: `${formatCount(others, PROBLEM_FORMS, "latn")} في ملفات أخرى: كل صفحات المعاينة تعرض التقرير كاملًا`,
          },
  };
}

/**
 * The preview server's middleware: while the content has problems, every page request gets the
 * report (status 500) instead of a stale page; stylesheets, fonts and the reload script pass.
 */
export function previewErrorMiddleware(state: PreviewState) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const error = state.shown;
    if (!error || !isPageRequest(request.url ?? "/")) {
      next();
      return;
    }
    response.statusCode = 500;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    // A string body: the dev server adds its live-reload script, so fixing the file reloads this page.
    response.end(renderErrorPage(error));
  };
}

/**
 * Whether a URL asks for a page (a folder, an .html file, or a path without an extension).
 * @example isPageRequest("/articles/x/?a=1") //=> true
 * @example isPageRequest("/assets/sahifa.rtl.css") //=> false
 */
export function isPageRequest(url: string): boolean {
  const pathname = url.split(/[?#]/)[0] ?? "/";
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  return last === "" || last.endsWith(".html") || !last.includes(".");
}

/**
 * The report as a page, in the report's language (an Arabic page is `lang="ar" dir="rtl"`):
 * every problem in the report's order, its place and field as a left-to-right code run, then
 * the message in the page's direction.
 * @example renderErrorPage(new ContentError([problem], "ar")) //=> "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">…"
 */
export function renderErrorPage(error: ContentError): string {
  const language = error.language;
  const count = reportCountOf(error.problems, language);
  const page = (
    <html lang={language} dir={language === "ar" ? "rtl" : "ltr"}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${ERROR_PAGE_WORDS.title[language]}: ${count}`}</title>
        <style>{ERROR_PAGE_STYLE}</style>
      </head>
      <body>
        <main>
          <h1>{ERROR_PAGE_WORDS.heading[language]}</h1>
          <ul>
            {reportOrder(error.problems).map((problem) => (
              <li class={problem.severity === "warning" ? "warning" : undefined}>
                <code dir="ltr">
                  {formatPlace(problem)}
                  {problem.field ? `: ${escapeName(problem.field)}` : ""}
                </code>{" "}
                {problem.severity === "warning" ? `${warningWord(language)}: ` : ""}
                {messageText(problem.message, language)}
              </li>
            ))}
          </ul>
          <p>
            <strong>{count}</strong>. {ERROR_PAGE_WORDS.fix[language]}
          </p>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>\n${renderToStaticMarkup(page)}\n`;
}

const ERROR_PAGE_WORDS = {
  title: { en: "Sahifa preview", ar: "معاينة صحيفة" },
  heading: { en: "The content has problems", ar: "في المحتوى مشكلات" },
  fix: {
    en: "Fix the files and save: this page reloads by itself. The published site is not affected.",
    ar: "صحّح الملفات واحفظها، فتتحدّث هذه الصفحة وحدها. الموقع المنشور لا يتأثر.",
  },
} as const satisfies Record<string, Message>;

/** What the templates are given while the content has problems: a valid site with no articles. */
export const PREVIEW_PLACEHOLDER: Content = {
  site: resolveSite(
    siteSchema.parse({
      name: "Sahifa preview",
      description: "The content has problems.",
      url: "http://localhost/",
      timeZone: "UTC",
    }),
  ),
  authors: { authors: [] },
  articles: [],
  draftsSkipped: 0,
  scheduledSkipped: 0,
  warnings: [],
};

const ERROR_PAGE_STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #fff8f6; }
h1 { color: #a4000f; font-size: 1.4rem; }
ul { padding: 0; list-style: none; }
li { margin: .5rem 0; padding: .5rem .75rem; background: #fff; border-inline-start: 4px solid #a4000f; }
li.warning { border-inline-start-color: #8a5a00; }
code { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: isolate; }
@media (prefers-color-scheme: dark) {
  body { color: #eee; background: #1c1212; } li { background: #2a1b1b; } h1 { color: #ff8a80; }
}`;

const PAGE_FORMS: PluralForms = {
  zero: "# صفحة",
  one: "صفحة واحدة",
  two: "صفحتين",
  few: "# صفحات",
  many: "# صفحة",
  other: "# صفحة",
};

const PROBLEM_FORMS: PluralForms = {
  zero: "# أخطاء",
  one: "خطأ واحد",
  two: "خطآن",
  few: "# أخطاء",
  many: "# خطأً",
  other: "# خطأ",
};

/** A path as problems show it: relative to the project inside it, else absolute. */
function shownPath(file: string): string {
  const relative = path.relative(".", file);
  return relative.startsWith("..") ? path.resolve(file) : relative;
}

/** Up to three file names, then how many more. */
function listFiles(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(", ");
  return files.length > 3 ? `${shown} (+${files.length - 3})` : shown;
}
