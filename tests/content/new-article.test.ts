import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { checkArticleText } from "../../src/content/load.ts";
import { parseFrontmatter } from "../../src/content/frontmatter.ts";
import { thrown } from "../helpers/errors.ts";
import {
  articleFileName,
  articleSkeleton,
  chooseSlug,
  dayInZone,
  FIELDS_HEADING,
  NewArticleError,
  PLACEHOLDER_BODY,
  slugFromTitle,
} from "../../src/content/new-article.ts";

describe("dayInZone", () => {
  it("is the calendar day in the site's zone, not the machine's", () => {
    const moment = new Date("2023-06-20T22:30:00Z");
    expect(dayInZone(moment, "Europe/Istanbul")).toBe("2023-06-21");
    expect(dayInZone(moment, "America/New_York")).toBe("2023-06-20");
  });

  it("refuses an unknown zone", () => {
    expect(() => dayInZone(new Date(0), "Mars/Olympus")).toThrow(/not a known IANA time zone/);
  });
});

describe("slugFromTitle", () => {
  it("derives ASCII words from a Latin title, dropping accents and punctuation", () => {
    expect(slugFromTitle("G20 Summit: Day 2 — Café talks")).toBe("g20-summit-day-2-cafe-talks");
  });

  it("declines an Arabic title, or one with a few Latin letters among Arabic words", () => {
    expect(slugFromTitle("اجتماع أستانا العشرون")).toBeUndefined();
    expect(slugFromTitle("وزير الخارجية في مقابلة مع CNN")).toBeUndefined();
    expect(slugFromTitle("2024")).toBeUndefined();
  });

  it("stops at a word boundary within 80 characters", () => {
    const slug = slugFromTitle("word ".repeat(40)) ?? "";
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("word")).toBe(true);
  });
});

describe("chooseSlug", () => {
  const day = "2024-05-01";
  it("uses the slug asked for, or refuses it when malformed or taken", () => {
    expect(chooseSlug({ title: "x", slug: "my-slug", day, taken: new Set() })).toEqual({
      slug: "my-slug",
      origin: "asked",
    });
    expect(() => chooseSlug({ title: "x", slug: "My Slug", day, taken: new Set() })).toThrow(
      NewArticleError,
    );
    const taken = thrown(
      () => chooseSlug({ title: "x", slug: "a", day, taken: new Set(["a"]) }),
      NewArticleError,
    );
    expect(taken.editorMessage).toEqual({
      en: 'the slug "a" is taken by another article',
      ar: "اسم الرابط «a» يستعمله مقال آخر",
    });
  });

  it("numbers a derived slug that is taken", () => {
    const taken = new Set(["g20-summit", "g20-summit-2"]);
    expect(chooseSlug({ title: "G20 summit", day, taken })).toEqual({
      slug: "g20-summit-3",
      origin: "title",
    });
  });

  it("falls back to article-<day>-<n> for an Arabic title", () => {
    expect(chooseSlug({ title: "عنوان", day, taken: new Set(["article-20240501-1"]) })).toEqual({
      slug: "article-20240501-2",
      origin: "numbered",
    });
  });
});

describe("articleSkeleton", () => {
  it("passes the build's own check, whatever the title holds", () => {
    for (const title of ['قال: "نعم" — #1', "- list? [no] {no}", "'quoted' & <b>", "  spaces  "]) {
      const text = articleSkeleton({
        title,
        slug: "a-b",
        day: "2024-05-01",
        draft: false,
        language: "ar",
      });
      expect(checkArticleText(text, "a.md", "Asia/Riyadh")).toEqual([]);
      expect(parseFrontmatter(text).data).toMatchObject({
        title: title.trim(),
        slug: "a-b",
        date: "2024-05-01",
      });
    }
  });

  it("marks a draft and ends with the placeholder body", () => {
    const text = articleSkeleton(skeleton("ar", true));
    expect(parseFrontmatter(text).data).toMatchObject({ draft: true, tags: [] });
    expect(text.endsWith(`---\n\n${PLACEHOLDER_BODY}\n`)).toBe(true);
  });

  it("offers every optional field, section and image included, commented out", () => {
    const text = articleSkeleton(skeleton("ar"));
    const offered = [...text.matchAll(/^# ([a-z]+): /gm)].map((match) => match[1]);
    expect(offered).toEqual(["section", "author", "dateline", "source", "image", "updated"]);
    expect(Object.keys(parseFrontmatter(text).data as object)).toEqual([
      "title",
      "standfirst",
      "date",
      "slug",
      "tags",
    ]);
  });

  it("offers the site's own first section, naming the others, or no section line when it has none", () => {
    const names = ["سياسة", "اقتصاد", "مجتمع"];
    const text = articleSkeleton({ ...skeleton("ar"), sections: names });
    expect(text).toMatch(/^# section: سياسة {2}# واحد من: سياسة، اقتصاد، مجتمع$/m);
    const uncommented = text.replace(/^# (?=[a-z]+: )/gm, "");
    expect(parseFrontmatter(uncommented).data).toMatchObject({ section: "سياسة" });
    expect(checkArticleText(uncommented, "a.md", "Asia/Riyadh")).toEqual([]);
    const english = articleSkeleton({ ...skeleton("en"), sections: ["ثقافة"] });
    expect(english).toMatch(/^# section: ثقافة$/m);
    expect(articleSkeleton({ ...skeleton("ar"), sections: [] })).not.toMatch(/^# section:/m);
  });

  it("still passes the build's check with every optional field uncommented", () => {
    const text = articleSkeleton(skeleton("en")).replace(/^# (?=[a-z]+: )/gm, "");
    expect(parseFrontmatter(text).data).toMatchObject({
      section: "اقتصاد",
      image: { src: "/media/photo.jpg", caption: "تعليق الصورة", credit: "اسم المصوّر" },
    });
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Damascus"]) {
      expect(checkArticleText(text, "a.md", zone)).toEqual([]);
    }
  });

  it("explains the optional fields in the editor's language, naming a real README heading", async () => {
    expect(articleSkeleton(skeleton("ar"))).toMatch(
      /^# حقول اختيارية: احذف علامة # من أول السطر لتستعمله \(يصف README\.md في قسم «Writing articles»/m,
    );
    expect(articleSkeleton(skeleton("en"))).toMatch(
      /^# Optional fields: delete the # at the start of a line to use it \(README\.md, "Writing articles"/m,
    );
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme.split("\n")).toContain(`## ${FIELDS_HEADING}`);
  });
});

describe("articleFileName", () => {
  it("puts the day first so files sort by date", () => {
    expect(articleFileName("2024-05-01", "g20")).toBe("2024-05-01-g20.md");
  });
});

function skeleton(language: "ar" | "en", draft = false) {
  return { title: "عنوان", slug: "a", day: "2024-05-01", draft, language };
}
