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
  renderErrorPage,
  type PreviewState,
} from "../../src/build/preview.tsx";
import { ContentError } from "../../src/content/problems.ts";

const ERROR = new ContentError([
  {
    file: "content/articles/x.md",
    line: 4,
    field: "date",
    message: '"2023-02-30" is not a real day',
  },
  {
    file: "content/articles/y.md",
    line: 2,
    field: "title",
    message: "<script>alert(1)</script> & more",
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
  it("shows every problem line and the count, escaped", () => {
    const html = renderErrorPage(ERROR);
    expect(html).toContain(
      "content/articles/x.md:4: date: &quot;2023-02-30&quot; is not a real day",
    );
    expect(html).toContain(
      "content/articles/y.md:2: title: &lt;script>alert(1)&lt;/script> &amp; more",
    );
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("<title>Sahifa preview: 2 problems in 2 files</title>");
  });
});

describe("loadForPreview", () => {
  const content = {
    ...PREVIEW_PLACEHOLDER,
    warnings: [{ file: "a.txt", severity: "warning" as const, message: "w" }],
  };

  it("shows the error at once, prints the report and hands templates the placeholder; a fix shows once written", async () => {
    const state: PreviewState = { shown: undefined, latest: undefined };
    const log = recorder();
    const failed = await loadForPreview(() => Promise.reject(ERROR), state, log);
    expect(failed).toBe(PREVIEW_PLACEHOLDER);
    expect([state.shown, state.latest]).toEqual([ERROR, ERROR]);
    expect(log.lines[0]).toMatch(
      /^E content\/articles\/x\.md:4: date: .*\n.*\n2 problems in 2 files\n/,
    );

    const loaded = await loadForPreview(() => Promise.resolve<Content>(content), state, log);
    expect(loaded).toBe(content);
    // The fixed site's pages are not written yet: the report stays until they are.
    expect([state.shown, state.latest]).toEqual([ERROR, undefined]);
    previewBuildWritten(state);
    expect(state.shown).toBeUndefined();
    expect(log.lines.slice(1)).toEqual([
      "L Sahifa: the content is fixed; the preview shows the site again.",
      "E a.txt: warning: w",
    ]);
  });

  it("lets other errors through: they are bugs, not content", async () => {
    const state: PreviewState = { shown: undefined, latest: undefined };
    await expect(
      loadForPreview(() => Promise.reject(new TypeError("bug")), state, recorder()),
    ).rejects.toThrow("bug");
    expect([state.shown, state.latest]).toEqual([undefined, undefined]);
  });
});

describe("previewErrorMiddleware", () => {
  const state: PreviewState = { shown: undefined, latest: undefined };
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
    expect(await page.text()).toContain("content/articles/x.md:4: date:");
    const asset = await fetch(`${base}/assets/sahifa.css`);
    expect([asset.status, await asset.text()]).toEqual([200, "the site"]);
  });
});
