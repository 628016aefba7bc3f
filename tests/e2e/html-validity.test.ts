// The Nu HTML Checker, the W3C's validator, on every HTML file the build writes: no errors.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTemporarySite, type BuiltSite } from "../../scripts/lib/built-site.ts";
import { checkHtml, type NuMessage } from "../helpers/nu-checker.ts";

let site: BuiltSite;
let scratch: string;
let messages: NuMessage[];
let broken: string;

beforeAll(async () => {
  site = await buildTemporarySite();
  scratch = await mkdtemp(path.join(tmpdir(), "sahifa-nu-"));
  // A damaged copy of a real page, checked in the same run: proves the checker reads the files.
  const index = await readFile(path.join(site.root, "index.html"), "utf8");
  broken = path.join(scratch, "broken.html");
  await writeFile(broken, index.replace("<main", '<p><div id="main"></div></p><main'));
  messages = await checkHtml([...site.htmlFiles.map((file) => path.join(site.root, file)), broken]);
});

afterAll(async () => {
  await site?.remove();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("Nu HTML Checker", () => {
  it("checks every HTML file of the build", () => {
    expect(site.htmlFiles).toEqual(expect.arrayContaining(["404.html", "index.html"]));
    expect(site.htmlFiles.some((file) => file.startsWith("articles/"))).toBe(true);
  });

  it("reports no errors in any of them", () => {
    const errors = messages
      .filter((message) => message.type !== "info" && message.url !== pathToUrl(broken))
      .map(
        (message) =>
          `${message.url?.replace(/^.*\/_site\//, "")}:${message.lastLine ?? "?"} ${message.message}`,
      );
    expect(errors).toEqual([]);
  });

  it("reports the errors of a damaged page (the check can fail)", () => {
    const errors = messages.filter(
      (message) => message.type === "error" && message.url === pathToUrl(broken),
    );
    expect(errors.map((error) => error.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Duplicate ID/),
        expect.stringMatching(/No “p” element in scope/),
      ]),
    );
  });
});

function pathToUrl(file: string): string {
  return `file:${file}`;
}
