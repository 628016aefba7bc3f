// Live preview: in the dev server a content error becomes a page showing the report, and the server keeps running.

import type { IncomingMessage, ServerResponse } from "node:http";
import { renderToStaticMarkup } from "preact-render-to-string";
import type { Content } from "../content/article.ts";
import { ContentError, formatProblem, formatReport } from "../content/problems.ts";
import { resolveSite, siteSchema } from "../content/site-settings.ts";

/** What the dev server knows about the content. */
export interface PreviewState {
  /** The problems the pages show, or undefined when they show the site. */
  shown: ContentError | undefined;
  /** The problems of the latest load: shown at once, but a fix only once its pages are written. */
  latest: ContentError | undefined;
}

/** Where the preview's messages go (the terminal), injectable for tests. */
export interface PreviewLog {
  error(message: string): void;
  log(message: string): void;
}

/**
 * Loads content for the dev server. A content error is printed to the terminal, kept in
 * `state` for the middleware to show at once, and the build goes on with empty content, so
 * Eleventy finishes, the browser reloads and sees the report. Other errors are thrown as usual.
 * @example await loadForPreview(load, state, console) //=> the content, or PREVIEW_PLACEHOLDER
 */
export async function loadForPreview(
  load: () => Promise<Content>,
  state: PreviewState,
  log: PreviewLog,
): Promise<Content> {
  try {
    const content = await load();
    if (state.latest) log.log("Sahifa: the content is fixed; the preview shows the site again.");
    state.latest = undefined;
    for (const warning of content.warnings) log.error(formatProblem(warning));
    return content;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    state.latest = error;
    state.shown = error;
    log.error(
      `${error.message}\nSahifa: every page of the preview shows this report until the files are fixed.`,
    );
    return PREVIEW_PLACEHOLDER;
  }
}

/**
 * Called once a build's pages are written: from then on the pages show what the latest load
 * found, so a fixed article is never answered with the stale pages of the failed build.
 */
export function previewBuildWritten(state: PreviewState): void {
  state.shown = state.latest;
}

/**
 * Eleventy dev server middleware: while the content has problems, every page request gets the
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
 * The report as a page: every problem on its own line, in the order of the terminal report.
 * @example renderErrorPage(new ContentError([problem])) //=> "<!doctype html>…content/articles/x.md:4: date: …"
 */
export function renderErrorPage(error: ContentError): string {
  const lines = formatReport(error.problems).split("\n");
  const count = lines.pop() ?? "";
  const page = (
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Sahifa preview: ${count}`}</title>
        <style>{ERROR_PAGE_STYLE}</style>
      </head>
      <body>
        <main>
          <h1>The content has problems</h1>
          <p lang="ar" dir="rtl">
            في المحتوى أخطاء: صحّحها واحفظ الملف، فتعود الصفحة وحدها.
          </p>
          <ul>
            {lines.map((line) => (
              <li>
                <code>{line}</code>
              </li>
            ))}
          </ul>
          <p>
            <strong>{count}</strong>. Fix the files and save: this page reloads by itself. The
            published site is not affected.
          </p>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>\n${renderToStaticMarkup(page)}\n`;
}

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
code { white-space: pre-wrap; overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) {
  body { color: #eee; background: #1c1212; } li { background: #2a1b1b; } h1 { color: #ff8a80; }
}`;
