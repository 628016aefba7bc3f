// npm start as an editor uses it: edits show up, a broken article shows its error on the page and in the terminal, a fix recovers.

import { spawn, type ChildProcess } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import { get } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, makeTempDir, removeTempDirs, ROOT } from "../helpers/sites.ts";

const ARTICLE = "2023-06-21-astana-20.md";
const PAGE = "/articles/astana-20-final-round/";

let dir: string;
let base: string;
let server: ChildProcess;
let terminal = "";
let exited: Promise<void>;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Retries `probe` until it returns a value, or the wait runs out. */
async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  let last = "nothing yet";
  for (let attempt = 0; attempt < 360; attempt += 1) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`gave up waiting for ${what} (${last}); terminal:\n${terminal}`);
}

/** Fetches a page until `accept` is true of the response. */
function waitFor(url: string, accept: (status: number, body: string) => boolean, what: string) {
  return until(async () => {
    const response = await getPage(url);
    return accept(response.status, response.body) ? response : undefined;
  }, what);
}

/**
 * GETs a page as a browser navigation (fetch cannot say so: it always sends sec-fetch-mode:
 * cors), so the dev server adds its live-reload client as it does for editors.
 */
function getPage(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = get(
      `${base}${url}`,
      { headers: { accept: "text/html", "sec-fetch-mode": "navigate" } },
      (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
  });
}

async function editArticle(edit: (text: string) => string): Promise<void> {
  const file = path.join(dir, "content", "articles", ARTICLE);
  await writeFile(file, edit(await readFile(file, "utf8")));
}

beforeAll(async () => {
  dir = await makeTempDir("dev");
  await cp(path.join(ROOT, "content"), path.join(dir, "content"), { recursive: true });
  await cp(path.join(ROOT, "styles"), path.join(dir, "styles"), { recursive: true });
  // The session starts with a broken article: the first build must not take the server down.
  await editArticle((text) => text.replace("slug: astana-20-final-round", "slug: Astana 20"));
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = spawn(
    "npm",
    ["start", "--", "--port", String(port), "--output", path.join(dir, "preview")],
    {
      cwd: ROOT,
      // Its own process group, so the test can end npm, tsx, the supervisor and Eleventy together.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: cleanEnv({
        SAHIFA_CONTENT: path.join(dir, "content"),
        SAHIFA_STYLESHEET: path.join(dir, "styles", "main.css"),
      }),
    },
  );
  server.stdout?.setEncoding("utf8").on("data", (chunk: string) => (terminal += chunk));
  server.stderr?.setEncoding("utf8").on("data", (chunk: string) => (terminal += chunk));
  exited = new Promise((resolve) => server.once("exit", () => resolve()));
  await waitFor("/", (status) => status !== 0, "the server");
});

afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    process.kill(-server.pid, "SIGTERM");
    await exited;
  }
  await removeTempDirs();
});

describe("npm start", () => {
  it("starts with a broken article, showing its report on every page", async () => {
    const { body } = await waitFor("/", (status) => status === 500, "the report");
    expect(body).toContain(`${ARTICLE}:6: slug</code> «Astana 20» لا يصلح اسمًا للرابط (slug)`);
    expect((await getPage("/articles/anything/")).status).toBe(500);
    expect(terminal).toContain(`${ARTICLE}:6: slug: «Astana 20» لا يصلح اسمًا للرابط (slug)`);
  });

  it("serves the site with the live-reload client once the article is fixed", async () => {
    await editArticle((text) => text.replace("slug: Astana 20", "slug: astana-20-final-round"));
    const { body } = await waitFor("/", (status) => status === 200, "the home page");
    expect(body).toContain(PAGE);
    expect(body).toMatch(/<script type="module"[^>]*reload-client\.js/);
  });

  it("shows an edit to an article without a restart", async () => {
    await editArticle((text) =>
      text.replace('title: "اجتماع أستانا العشرون', 'title: "تعديل حي: اجتماع أستانا العشرون'),
    );
    const { body } = await waitFor(
      PAGE,
      (status, text) => status === 200 && text.includes("تعديل حي"),
      "the edit",
    );
    expect(body).toContain("<h1");
  });

  it("shows an edit to the stylesheet", async () => {
    const stylesheet = path.join(dir, "styles", "main.css");
    await writeFile(
      stylesheet,
      `${await readFile(stylesheet, "utf8")}\n.live-edit-marker { color: rebeccapurple; }\n`,
    );
    // The stylesheet's name carries its hash: the page links the new one once it is built.
    const css = await until(async () => {
      const home = await (await fetch(`${base}/`)).text();
      const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home)?.[1];
      const text = href ? await (await fetch(new URL(href, base))).text() : "";
      return text.includes("live-edit-marker") ? text : undefined;
    }, "the new stylesheet");
    expect(css).toMatch(/\.live-edit-marker\{color:/);
  });

  it("shows a broken article's error on every page and in the terminal, and keeps running", async () => {
    await editArticle((text) => text.replace("date: 2023-06-21", "date: 2023-02-30"));
    // The site is Arabic, so the report is too (docs/editor-messages.md).
    const line = `${ARTICLE}:4: date</code> «2023-02-30» يوم لا وجود له في التقويم`;
    const { body } = await waitFor(
      PAGE,
      (status, text) => status === 500 && text.includes(line),
      "the error page",
    );
    expect(body).toContain("مشكلة واحدة في ملف واحد");
    expect(body).toContain('<html lang="ar" dir="rtl">');
    // The report page carries the live-reload client too, so a fix reloads it by itself.
    expect(body).toMatch(/<script type="module" integrity="sha512-[^"]+">/);
    const home = await waitFor("/", (status) => status === 500, "the error on the home page");
    expect(home.body).toContain(line);
    expect(terminal).toMatch(
      /articles\/2023-06-21-astana-20\.md:4: date: «2023-02-30» يوم لا وجود له في التقويم/,
    );
    expect(server.exitCode).toBeNull();
  });

  it("shows the page again once the file is fixed", async () => {
    await editArticle((text) => text.replace("date: 2023-02-30", "date: 2023-06-21"));
    const { body } = await waitFor(
      PAGE,
      (status, text) => status === 200 && text.includes("تعديل حي"),
      "the recovery",
    );
    expect(body).not.toContain("is not a real day");
    expect(terminal).toContain("the content is fixed");
  });
});
