// npm start as an editor uses it: edits show up, a broken article shows its error on the page and in the terminal, a fix recovers; only this machine can reach it.

import { spawn, type ChildProcess } from "node:child_process";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { get, request } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import { articleText, cleanEnv, makeTempDir, removeTempDirs, ROOT } from "../helpers/sites.ts";

const ARTICLE = "2023-06-21-astana-20.md";
let slugLine = 0;
const PAGE = "/articles/astana-20-final-round/";

let dir: string;
let base: string;
let port: number;
let server: ChildProcess;
let terminal = "";
let exited: Promise<void>;
/** A draft, and an article dated a month after the test runs: both shown, both marked. */
const DRAFT = "2023-07-01-draft.md";
const SCHEDULED = "2099-scheduled.md";

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
function getPage(url: string, at = base): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = get(
      `${at}${url}`,
      { headers: { accept: "text/html", "sec-fetch-mode": "navigate" } },
      (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.setTimeout(10_000, () => request.destroy(new Error(`no answer to ${url}`)));
    request.on("error", reject);
  });
}

/** Starts npm start on `port` without --output (its own folder per port) and returns its process. */
function startPreview(
  previewPort: number,
  content: string,
  stylesheet: string,
  output: (chunk: string) => void,
  flags: readonly string[] = [],
): ChildProcess {
  const child = spawn("npm", ["start", "--", "--port", String(previewPort), ...flags], {
    cwd: ROOT,
    // Its own process group, so the test can end npm, tsx, the supervisor and Eleventy together.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: cleanEnv({ SAHIFA_CONTENT: content, SAHIFA_STYLESHEET: stylesheet }),
  });
  child.stdout?.setEncoding("utf8").on("data", output);
  child.stderr?.setEncoding("utf8").on("data", output);
  return child;
}

async function stopPreview(child: ChildProcess, previewPort: number): Promise<void> {
  if (child.pid !== undefined && child.exitCode === null) {
    const closed = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await closed;
  }
  await rm(path.join(ROOT, `.sahifa-preview-${previewPort}`), { recursive: true, force: true });
}

/** The addresses a TCP port is listened on, from the kernel's socket tables (IPv4 and IPv6). */
async function listeningAddresses(listenPort: number): Promise<string[]> {
  const hexPort = listenPort.toString(16).toUpperCase().padStart(4, "0");
  const found: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const rows = (await readFile(table, "utf8").catch(() => "")).split("\n").slice(1);
    for (const row of rows) {
      const [, local, , state] = row.trim().split(/\s+/);
      // State 0A is LISTEN; the local address is hex, its port after the colon.
      if (state === "0A" && local?.endsWith(`:${hexPort}`)) found.push(local.split(":")[0] ?? "");
    }
  }
  return found;
}

/** What the server answers to a request sent exactly as given (path and Host untouched). */
function rawRequest(
  rawPath: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: "127.0.0.1", port, path: rawPath, headers });
    sent.on("upgrade", (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, body: "" });
    });
    sent.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.setTimeout(10_000, () => sent.destroy(new Error(`no answer to ${rawPath}`)));
    sent.on("error", reject);
    sent.end();
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
  // The line the report must name: wherever the seed article's frontmatter puts its slug.
  const seed = await readFile(path.join(dir, "content", "articles", ARTICLE), "utf8");
  slugLine = seed.split("\n").findIndex((line) => line.startsWith("slug: ")) + 1;
  expect(slugLine).toBeGreaterThan(1);
  const articles = path.join(dir, "content", "articles");
  await writeFile(
    path.join(articles, DRAFT),
    articleText({ slug: "draft-piece", date: "2023-07-01", extra: ["draft: true"] }),
  );
  // A month ahead of whenever the test runs, in the site's zone: scheduled, shown in the preview.
  const ahead = DateTime.now().setZone("Europe/Istanbul").plus({ days: 30 }).toISODate() ?? "";
  await writeFile(
    path.join(articles, SCHEDULED),
    articleText({ slug: "scheduled-piece", date: ahead }),
  );
  port = await freePort();
  base = `http://localhost:${port}`;
  server = startPreview(
    port,
    path.join(dir, "content"),
    path.join(dir, "styles", "main.css"),
    (chunk) => (terminal += chunk),
  );
  exited = new Promise((resolve) => server.once("exit", () => resolve()));
  await waitFor("/", (status) => status !== 0, "the server");
});

afterAll(async () => {
  await stopPreview(server, port);
  await exited;
  await removeTempDirs();
});

describe("npm start", () => {
  it("starts with a broken article, showing its report on every page", async () => {
    const { body } = await waitFor("/", (status) => status === 500, "the report");
    expect(body).toContain(
      `${ARTICLE}:${slugLine}: slug</code> «Astana 20» لا يصلح اسمًا للرابط (slug)`,
    );
    expect((await getPage("/articles/anything/")).status).toBe(500);
    expect(terminal).toContain(
      `${ARTICLE}:${slugLine}: slug: «Astana 20» لا يصلح اسمًا للرابط (slug)`,
    );
  });

  it("serves the site with the live-reload client once the article is fixed", async () => {
    await editArticle((text) => text.replace("slug: Astana 20", "slug: astana-20-final-round"));
    const { body } = await waitFor("/", (status) => status === 200, "the home page");
    expect(body).toContain(PAGE);
    expect(body).toContain('<script type="module" src="/.sahifa/reload.js"></script>');
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
    expect(body).toContain('<script type="module" src="/.sahifa/reload.js"></script>');
    const home = await waitFor("/", (status) => status === 500, "the error on the home page");
    expect(home.body).toContain(line);
    // The terminal hears of it once the build is written, just after the pages show it.
    const reported =
      /articles\/2023-06-21-astana-20\.md:4: date: «2023-02-30» يوم لا وجود له في التقويم/;
    await until(async () => (reported.test(terminal) ? true : undefined), "the terminal's report");
    expect(server.exitCode).toBeNull();
  });

  it("shows the page again once the file is fixed", async () => {
    await editArticle((text) => text.replace("date: 2023-02-30", "date: 2023-06-21"));
    const { body } = await waitFor(
      PAGE,
      (status, text) => status === 200 && text.includes("تعديل حي"),
      "the recovery",
    );
    expect(body).not.toContain("يوم لا وجود له");
    // The rebuild's line says so, in the language of this Arabic site.
    await until(
      async () => (terminal.includes("صُحّح المحتوى وعادت المعاينة تعرض الموقع") ? true : undefined),
      "fixed",
    );
  });

  it("marks drafts and scheduled articles for the editor, in Arabic", async () => {
    const draft = await waitFor("/articles/draft-piece/", (status) => status === 200, "the draft");
    expect(draft.body).toMatch(
      /<aside class="preview-mark preview-mark-draft" aria-label="مسودة"><p><strong>مسودة:<\/strong> لا تظهر في الموقع المنشور<\/p><\/aside>/,
    );
    const scheduled = await getPage("/articles/scheduled-piece/");
    expect(scheduled.body).toMatch(
      /<aside class="preview-mark preview-mark-scheduled" aria-label="مجدولة"><p><strong>مجدولة:<\/strong> تُنشر في <time datetime="[^"]+">[^<]+<\/time><\/p><\/aside>/,
    );
    expect((await getPage(PAGE)).body).not.toContain("preview-mark");
  });

  it("shows the mark accessibly in light and dark, and reloads an open page on a save", async () => {
    const browser = await launchChromium();
    try {
      for (const colorScheme of ["light", "dark"] as const) {
        const page = await (await browser.newContext({ colorScheme })).newPage();
        await page.goto(`${base}/articles/draft-piece/`);
        const mark = page.getByRole("complementary", { name: "مسودة" });
        expect(await mark.isVisible()).toBe(true);
        const results = await new AxeBuilder({ page }).include(".preview-mark").analyze();
        expect(results.passes.map((pass) => pass.id)).toContain("color-contrast");
        expect(results.violations.map((violation) => violation.id)).toEqual([]);
      }
      // The live-reload socket: a save reloads the open page by itself.
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${base}/articles/draft-piece/`);
      const file = path.join(dir, "content", "articles", DRAFT);
      const before = terminal.length;
      await writeFile(file, `${await readFile(file, "utf8")}\nأُعيد-التحميل\n`);
      await page.getByText("أُعيد-التحميل").waitFor({ timeout: 60_000 });
      // The rebuild's line, before the next test counts lines.
      await until(async () => (terminal.slice(before).includes(DRAFT) ? true : undefined), "line");
    } finally {
      await browser.close();
    }
  });

  it("prints one line per rebuild, with what changed and how long it took", async () => {
    const before = terminal.length;
    await editArticle((text) => `${text}\nسطر-لعد-الأسطر\n`);
    await waitFor(PAGE, (_, text) => text.includes("سطر-لعد-الأسطر"), "the edit");
    await until(async () => (terminal.slice(before).includes("\n") ? true : undefined), "the line");
    const lines = terminal.slice(before).trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    // In the editors' language: this site is Arabic ("Rebuilt 3 pages in 0.41 s: …" in English).
    expect(lines[0]).toMatch(
      /^أُعيد بناء [^\n]+ في \d+\.\d\d ث: .*articles\/2023-06-21-astana-20\.md$/,
    );
  });

  it("drops a deleted article's page and its error at once, without another save", async () => {
    const broken = path.join(dir, "content", "articles", "2023-07-02-broken.md");
    await writeFile(broken, articleText({ slug: "broken-piece", date: "2023-02-30" }));
    await waitFor("/", (status) => status === 500, "the broken article's report");
    await rm(broken);
    await waitFor("/", (status) => status === 200, "the report gone");
    await rm(path.join(dir, "content", "articles", DRAFT));
    await waitFor("/articles/draft-piece/", (status) => status === 404, "the deleted page gone");
    expect((await getPage(PAGE)).status).toBe(200);
  });

  it("listens on this machine's loopback address only", async () => {
    const addresses = await listeningAddresses(port);
    expect(addresses.length).toBeGreaterThan(0);
    // 127.0.0.1 in /proc/net/tcp's byte order; never 0.0.0.0, :: or an interface's address.
    expect(new Set(addresses)).toEqual(new Set(["0100007F"]));
  });

  it("refuses a foreign Host, and a live-reload socket from another origin", async () => {
    const foreign = await rawRequest("/", { host: `attacker.example:${port}` });
    expect(foreign.status).toBe(421);
    expect(foreign.body).not.toContain(PAGE);
    const socket = (origin: string, host = `localhost:${port}`) =>
      rawRequest("/.sahifa/reload", {
        host,
        origin,
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
      });
    expect((await socket("http://attacker.example")).status).toBe(403);
    expect(
      (await socket(`http://attacker.example:${port}`, `attacker.example:${port}`)).status,
    ).toBe(403);
    expect((await socket(`http://localhost:${port}`)).status).toBe(101);
  });

  it("answers paths that try to leave its folder or do not decode, never with the file", async () => {
    for (const rawPath of ["/..%2fpackage.json", "/%2e%2e%2fpackage.json", "/%ff", "/%"]) {
      const response = await rawRequest(rawPath, { host: `localhost:${port}` });
      expect([rawPath, [400, 404].includes(response.status)]).toEqual([rawPath, true]);
      expect(response.body).not.toContain('"name": "sahifa"');
    }
    expect(server.exitCode).toBeNull();
  });

  it("runs beside a second preview on another port without either disturbing the other", async () => {
    const other = await makeTempDir("dev-other");
    await cp(path.join(ROOT, "styles"), path.join(other, "styles"), { recursive: true });
    await cp(path.join(ROOT, "content"), path.join(other, "content"), { recursive: true });
    await writeFile(
      path.join(other, "content", "articles", "2023-08-01-other.md"),
      articleText({ slug: "only-in-the-second", date: "2023-08-01" }),
    );
    const otherPort = await freePort();
    const otherBase = `http://localhost:${otherPort}`;
    let otherTerminal = "";
    const second = startPreview(
      otherPort,
      path.join(other, "content"),
      path.join(other, "styles", "main.css"),
      (chunk) => (otherTerminal += chunk),
    );
    try {
      await until(async () => {
        const response = await getPage("/articles/only-in-the-second/", otherBase);
        return response.status === 200 ? response : undefined;
      }, `the second preview (${otherTerminal})`);
      // The first one still serves its own pages, from its own folder.
      expect((await getPage(PAGE)).status).toBe(200);
      expect((await getPage("/articles/only-in-the-second/")).status).toBe(404);
      await editArticle((text) => `${text}\nبعد-المعاينة-الثانية\n`);
      await waitFor(PAGE, (_, text) => text.includes("بعد-المعاينة-الثانية"), "the first's edit");
      expect((await getPage(PAGE, otherBase)).body).not.toContain("بعد-المعاينة-الثانية");

      // A third on the first one's port, shared on the network, is warned about, then stops
      // before clearing that port's folder.
      let third = "";
      const clash = startPreview(
        port,
        path.join(other, "content"),
        "x.css",
        (chunk) => (third += chunk),
        ["--host", "0.0.0.0"],
      );
      const code = await new Promise((resolve) => clash.once("exit", resolve));
      expect(code).toBe(1);
      expect(third).toContain(
        "Warning: the preview is shared at 0.0.0.0: anyone who can reach this address can read the drafts",
      );
      expect(third).toContain("تنبيه: المعاينة متاحة على 0.0.0.0");
      expect(third).toContain(`Port ${port} is in use`);
      expect((await getPage(PAGE)).body).toContain("بعد-المعاينة-الثانية");
    } finally {
      await stopPreview(second, otherPort);
    }
  });
});
