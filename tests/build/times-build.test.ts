// Times of day through the real build: on the article page with the zone's name, the update time, the newest day's times in lists, digits, and no dependence on the clock.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHtml } from "../helpers/nu-checker.ts";
import {
  articleText,
  makeTempDir,
  removeTempDirs,
  runScript,
  SITE_YAML,
  writeContent,
} from "../helpers/sites.ts";

const ARTICLES = {
  "a.md": articleText({
    slug: "a",
    date: "2026-12-05T10:15+03:00",
    extra: ["updated: 2026-12-05T16:40+03:00"],
  }),
  // Written in UTC: shown in the site's zone, 11:00 in Istanbul; updated the next day.
  "b.md": articleText({
    slug: "b",
    date: "2026-12-05T08:00:00Z",
    extra: ["updated: 2026-12-06T09:05+03:00"],
  }),
  // The day before the newest: its time is on its page, not in lists.
  "c.md": articleText({
    slug: "c",
    date: "2026-12-04T23:30+03:00",
    extra: ["updated: 2026-12-05"],
  }),
  "d.md": articleText({ slug: "d", date: "2026-12-05" }),
};

let root: string;
const build = async (name: string, siteYaml: string, now: string) => {
  const content = await writeContent(path.join(root, name, "content"), ARTICLES, siteYaml);
  const site = path.join(root, name, "_site");
  const result = await runScript("build.ts", ["--output", site], {
    SAHIFA_CONTENT: content,
    SAHIFA_NOW: now,
  });
  expect(result.code, result.output).toBe(0);
  return site;
};
let site: string;
let arabicDigits: string;
let later: string;
const html = async (dir: string, page: string) =>
  parse(await readFile(path.join(dir, page, "index.html"), "utf8"));
const meta = async (dir: string, page: string) =>
  (await html(dir, page)).querySelector(".article-header .article-meta");

beforeAll(async () => {
  root = await makeTempDir("times");
  site = await build("latn", SITE_YAML, "2026-12-07T00:00:00Z");
  arabicDigits = await build("arab", `${SITE_YAML}digits: arab\n`, "2026-12-07T00:00:00Z");
  later = await build("later", SITE_YAML, "2027-03-01T00:00:00Z");
}, 180_000);

afterAll(removeTempDirs);

describe("an article's time of day", () => {
  it("shows the time in the site's zone with the city Arabic news sites name", async () => {
    const time = (await meta(site, "articles/a"))?.querySelector(".time-of-day");
    expect(time?.text).toBe("10:15 بتوقيت إسطنبول");
    expect(time?.querySelector("time")?.getAttribute("datetime")).toBe("2026-12-05T10:15:00+03:00");
    const utc = (await meta(site, "articles/b"))?.querySelector(".time-of-day time");
    expect(utc?.text).toBe("11:00");
    expect(utc?.getAttribute("datetime")).toBe("2026-12-05T11:00:00+03:00");
  });

  it("shows the update's time alone on the same day, with its day on another", async () => {
    const same = await meta(site, "articles/a");
    const update = same?.querySelectorAll("span").find((span) => span.text.startsWith("آخر تحديث"));
    expect(update?.text).toBe("آخر تحديث: 16:40");
    expect(update?.querySelector("time")?.getAttribute("datetime")).toBe(
      "2026-12-05T16:40:00+03:00",
    );
    const next = (await meta(site, "articles/b"))?.text ?? "";
    expect(next).toContain("آخر تحديث: الأحد 6 ديسمبر/كانون الأول 2026 09:05");
  });

  it("shows no time for a bare date, as before", async () => {
    expect((await meta(site, "articles/d"))?.querySelector(".time-of-day")).toBeNull();
    const bareUpdate = (await meta(site, "articles/c"))?.text ?? "";
    expect(bareUpdate).toContain("آخر تحديث: السبت 5 ديسمبر/كانون الأول 2026");
    expect(bareUpdate).not.toMatch(/آخر تحديث: [^·]*\d\d:\d\d/);
  });

  it("writes the digits as the site's setting says", async () => {
    const time = (await meta(arabicDigits, "articles/a"))?.querySelector(".time-of-day");
    expect(time?.text).toBe("١٠:١٥ بتوقيت إسطنبول");
    expect(time?.querySelector("time")?.getAttribute("datetime")).toBe("2026-12-05T10:15:00+03:00");
  });

  it("passes the Nu HTML Checker", async () => {
    const files = ["a", "b"].map((slug) => path.join(site, "articles", slug, "index.html"));
    expect((await checkHtml(files)).filter((message) => message.type !== "info")).toEqual([]);
  }, 60_000);
});

describe("times in lists", () => {
  it("shows the time of the newest article's day's stories only", async () => {
    // The front page: the lead story first, then the lists beside and under it.
    const items = (await html(site, "")).querySelectorAll(".lead-story, .article-list li");
    const shown = items.map((item) => [
      item.querySelector("h2 a, h3 a")?.getAttribute("href"),
      item.querySelector(".time-of-day")?.text ?? "",
    ]);
    expect(shown).toEqual([
      ["/news/articles/b/", "11:00"],
      ["/news/articles/a/", "10:15"],
      ["/news/articles/d/", ""],
      ["/news/articles/c/", ""],
    ]);
  });

  it("does not depend on when the site is built", async () => {
    for (const page of ["", "articles/a", "archive/2026/12"]) {
      const file = (dir: string) => readFile(path.join(dir, page, "index.html"), "utf8");
      expect(await file(later), page).toBe(await file(site));
    }
  });
});
