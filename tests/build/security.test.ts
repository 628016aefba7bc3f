// Hostile content cannot run code, leak or escape: built pages checked, executable frontmatter refused.

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile, mkdir, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSafeLink } from "../../src/content/markdown.ts";
import { hashTree } from "../helpers/site-tree.ts";

const run = promisify(execFile);
const HOSTILE = path.join(import.meta.dirname, "../fixtures/sites/hostile");
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "sahifa-security-"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function build(contentDir: string, output: string) {
  return run("npx", ["tsx", "scripts/build.ts", "--output", output], {
    // The report in English, which the assertions below read (the site itself is Arabic).
    env: {
      ...process.env,
      SAHIFA_CONTENT: contentDir,
      SAHIFA_EDITOR_LANGUAGE: "en",
      NODE_OPTIONS: "",
    },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe("hostile frontmatter and bodies", () => {
  let page: HTMLElement;
  let html: string;

  beforeAll(async () => {
    const output = path.join(workDir, "hostile-site");
    const result = await build(HOSTILE, output);
    expect(result.code, result.stderr).toBe(0);
    html = await readFile(path.join(output, "articles/hostile/index.html"), "utf8");
    page = parse(html);
  });

  it("lets no script element and no handler attribute into the page", () => {
    for (const element of page.querySelectorAll("*")) {
      if (element.tagName === "SCRIPT")
        expect(element.getAttribute("type")).toBe("application/ld+json");
      for (const [name, value] of Object.entries(element.attributes)) {
        expect(name).not.toMatch(/^on/i);
        if (name === "href" || name === "src") expect(isSafeLink(value), value).toBe(true);
      }
    }
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
  });

  it("shows every field as the text the editor wrote", () => {
    // The headline's quotes are the body's: 'title' pairs as “title” in an Arabic article; the
    // lone " stays straight and the lone ' is an apostrophe.
    const headline = '</title><script>alert(“title”)</script> عنوان " ’ & <b>';
    expect(page.querySelector("title")?.text).toContain(headline);
    expect(page.querySelector("h1")?.text).toBe(headline);
    expect(page.querySelector('meta[name="description"]')?.getAttribute("content")).toContain(
      '"><img src=x onerror=alert(1)> </script><script>alert(2)</script> ]]>',
    );
    expect(page.querySelector(".dateline")?.text).toBe("</p><script>alert(3)</script>");
    expect(page.querySelector(".tags")?.text).toContain("</li><script>alert(4)</script>");
  });

  it("keeps template syntax as text", () => {
    expect(page.querySelector(".article-body")?.text).toContain("{{ 7*7 }} {% raw %}");
    expect(page.querySelector(".article-standfirst")?.text).toContain("{{ 7*7 }}");
    expect(page.querySelector("main")?.text).not.toMatch(/\b49\b/);
  });

  it("keeps the refused attribute block and the unsafe link visible, and inert", () => {
    const body = page.querySelector(".article-body");
    expect(body?.text).toContain("{onclick=alert(1)}");
    expect(body?.text).toContain("[رابط](javascript:alert(1))");
    expect(body?.querySelectorAll("a")).toHaveLength(0);
  });
});

describe("frontmatter cannot steer the build", () => {
  it("refuses ---js frontmatter, runs none of it, and writes nothing", async () => {
    const content = path.join(workDir, "js-content");
    const marker = path.join(workDir, "pwned-by-frontmatter");
    await mkdir(path.join(content, "articles"), { recursive: true });
    await copyFile(path.join(HOSTILE, "site.yaml"), path.join(content, "site.yaml"));
    await writeFile(
      path.join(content, "articles", "evil.md"),
      [
        "---js",
        `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "x");`,
        `module.exports = { title: "x", standfirst: "x", date: "2023-06-21", slug: "evil", permalink: "../../escaped.html" };`,
        "---",
        "body",
      ].join("\n"),
    );
    const output = path.join(workDir, "js-site");
    await mkdir(output);
    await writeFile(path.join(output, "index.html"), "previous site");
    const before = await hashTree(output);
    const result = await build(content, output);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/articles\/evil\.md:1: frontmatter in "js" is not accepted/);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(path.join(workDir, "escaped.html"))).toBe(false);
    expect(await hashTree(output)).toEqual(before);
  });

  it.each([
    ["permalink", "../../escaped.html"],
    ["layout", "evil.njk"],
    ["eleventyComputed", "{permalink: x}"],
    ["pagination", "{data: collections}"],
    ["eleventyExcludeFromCollections", "true"],
  ])("refuses %s in an article", async (key, value) => {
    const content = path.join(workDir, `steer-${key}`);
    await mkdir(path.join(content, "articles"), { recursive: true });
    await copyFile(path.join(HOSTILE, "site.yaml"), path.join(content, "site.yaml"));
    await writeFile(
      path.join(content, "articles", "steer.md"),
      `---\ntitle: t\nstandfirst: s\ndate: 2023-06-21\nslug: steer\n${key}: ${value}\n---\nbody\n`,
    );
    const result = await build(content, path.join(workDir, `steer-${key}-site`));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `articles/steer.md:6: ${key}: steers the build and is not allowed`,
    );
  });

  it("refuses slugs that would write outside the article folder", async () => {
    const content = path.join(workDir, "slug-content");
    await mkdir(path.join(content, "articles"), { recursive: true });
    await copyFile(path.join(HOSTILE, "site.yaml"), path.join(content, "site.yaml"));
    for (const [name, slug] of [
      ["a", "../../x"],
      ["b", "/etc/x"],
      ["c", "a/b"],
      ["d", "..%2f..%2fx"],
    ]) {
      await writeFile(
        path.join(content, "articles", `${name}.md`),
        `---\ntitle: t\nstandfirst: s\ndate: 2023-06-21\nslug: "${slug}"\n---\nbody\n`,
      );
    }
    const result = await build(content, path.join(workDir, "slug-site"));
    expect(result.code).toBe(1);
    expect(result.stderr.match(/: slug: .* is not a slug/g)).toHaveLength(4);
    expect(existsSync(path.join(workDir, "x"))).toBe(false);
  });
});
