// The content layer's side of photos: what a body photo becomes, what is refused by line, and article folders.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createContentLoader } from "../../src/content/load.ts";
import { createRenderer } from "../../src/content/markdown.ts";
import { captionAndCredit, photoSourceProblem } from "../../src/content/photo-source.ts";
import { messageText } from "../../src/content/problems.ts";
import { articleText, makeTempDir, removeTempDirs, writeContent } from "../helpers/sites.ts";

afterAll(removeTempDirs);

const render = createRenderer({ arabicQuotes: true, pathPrefix: "/news/" });

describe("body photos", () => {
  it("become numbered placeholders, outside any paragraph, with their alt, caption and credit", () => {
    const rendered = render(
      [
        "نص.",
        "",
        '![الميناء](/media/port.jpg "السفن | أحمد سالم")',
        "",
        "![](زينة.jpg){.decorative}",
      ].join("\n"),
    );
    expect(rendered.html).toBe("<p>نص.</p>\n<!--sahifa-photo:0-->\n<!--sahifa-photo:1-->\n");
    expect(rendered.photos).toEqual([
      {
        src: "/media/port.jpg",
        alt: "الميناء",
        decorative: false,
        caption: "السفن",
        credit: "أحمد سالم",
        line: 3,
      },
      { src: "زينة.jpg", alt: "", decorative: true, line: 5 },
    ]);
    expect(rendered.problems).toEqual([]);
    // The caption and credit are shown, so they are counted and their letters join the fonts.
    expect(rendered.text).toContain("أحمد سالم");
  });

  it("are refused by line when remote, SVG, without alt text or inside a sentence", () => {
    const rendered = render(
      [
        "![أ](https://x.org/a.jpg)",
        "",
        "![ب](b.svg)",
        "",
        "![](c.jpg)",
        "",
        "نص ![د](d.jpg) نص",
      ].join("\n"),
    );
    expect(rendered.photos).toEqual([]);
    expect(
      rendered.problems.map(({ line, message }) => `${line} ${message.en.slice(0, 30)}`),
    ).toEqual([
      '1 "https://x.org/a.jpg" is a web',
      '3 "b.svg" is an SVG drawing: pho',
      '5 the photo "c.jpg" has no alt t',
      '7 the photo "d.jpg" is inside a ',
    ]);
    // Nothing loads meanwhile: the alt text stands in.
    expect(rendered.html).not.toMatch(/<img|<a /);
  });
});

describe("photo sources and titles", () => {
  it("takes files in the repository only", () => {
    expect(photoSourceProblem("/media/a.jpg")).toBeUndefined();
    expect(photoSourceProblem("a.png")).toBeUndefined();
    for (const src of [
      "https://x.org/a.jpg",
      "//x.org/a.jpg",
      "data:image/png;base64,AA",
      "a.SVG",
      "a.jpg?v=2",
      "",
    ]) {
      expect(photoSourceProblem(src), src).toBeDefined();
    }
  });

  it("splits a title at its last ' | ' into caption and credit", () => {
    expect(captionAndCredit("أ | ب | ج")).toEqual({ caption: "أ | ب", credit: "ج" });
    expect(captionAndCredit("تعليق فقط")).toEqual({ caption: "تعليق فقط" });
    expect(captionAndCredit(" | مصوّر")).toEqual({ credit: "مصوّر" });
  });
});

describe("articles with photos", () => {
  it("reads an article folder's index.md like a single file, its other files as its photos (no warning), and warns of width and height", async () => {
    const dir = await makeTempDir("content-photos");
    const content = await writeContent(path.join(dir, "content"), {
      "old.md": articleText({
        slug: "old",
        extra: ["image: {src: /media/a.jpg, alt: صورة, width: 800, height: 450}"],
      }),
      "stray.jpg": "x",
    });
    await mkdir(path.join(content, "articles/gaza"));
    await writeFile(
      path.join(content, "articles/gaza/index.md"),
      articleText({
        slug: "gaza",
        extra: ["image:", "  src: port.jpg", "  decorative: true"],
        body: "نص.\n\n![شارع](street.png)",
      }),
    );
    await writeFile(path.join(content, "articles/gaza/port.jpg"), "x");
    const loaded = await createContentLoader({
      contentDir: content,
      now: new Date("2024-01-01"),
    }).load();
    const gaza = loaded.articles.find((article) => article.slug === "gaza");
    expect(gaza?.path).toBe("/articles/gaza/");
    expect(gaza?.leadPhoto).toMatchObject({
      src: "port.jpg",
      alt: "",
      decorative: true,
      line: 7,
      field: "image.src",
    });
    // Lines are the file's: the body starts after the frontmatter's 9 lines and an empty one.
    expect(gaza?.photos).toMatchObject([{ src: "street.png", alt: "شارع", line: 13 }]);
    const warnings = loaded.warnings.map(
      (w) =>
        `${w.file.split("/articles/")[1]} ${w.field ?? ""} ${messageText(w.message, "en").slice(0, 40)}`,
    );
    expect(warnings.sort()).toEqual([
      "old.md image width and height are no longer needed: t",
      "stray.jpg  is not published: only files ending in .",
    ]);
  });

  it("requires the lead photo's alt text unless it is marked decorative, and not both", async () => {
    const dir = await makeTempDir("content-photos");
    const content = await writeContent(path.join(dir, "content"), {
      "a.md": articleText({ slug: "a", extra: ["image: {src: /media/a.jpg}"] }),
      "b.md": articleText({
        slug: "b",
        extra: ["image: {src: /media/a.jpg, alt: صورة, decorative: true}"],
      }),
    });
    const error = await createContentLoader({ contentDir: content })
      .load()
      .catch((e: unknown) => e);
    expect((error as { problems: { field?: string; line?: number }[] }).problems).toMatchObject([
      { field: "image.alt", line: 6 },
      { field: "image.decorative", line: 6 },
    ]);
  });
});
