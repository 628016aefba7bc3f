import { describe, expect, it } from "vitest";
import { describeIssues } from "../../src/content/schema.ts";
import {
  editorLanguageOf,
  resolveSite,
  siteKnownKeys,
  siteSchema,
} from "../../src/content/site-settings.ts";

const settings = siteSchema.parse({
  name: "صحيفة",
  description: "موقع إخباري",
  url: "https://example.org/news",
  timeZone: "Europe/Istanbul",
});

describe("site settings", () => {
  it("fills defaults: Arabic, Latin digits, both month names, no Hijri shift, Arabic quotes, no twins, search on", () => {
    expect(settings).toMatchObject({
      language: "ar",
      digits: "latn",
      monthNames: "egyptian-levantine",
      hijriAdjustment: 0,
      arabicQuotes: true,
      precompress: false,
      search: true,
    });
  });

  it("turns search off with search: false, and refuses anything but true or false", () => {
    expect(siteSchema.parse({ ...settings, search: false }).search).toBe(false);
    expect(problemsFor({ search: "off" })).toEqual([
      expect.objectContaining({
        field: "search",
        message: expect.objectContaining({ en: '"off" is not true or false' }),
      }),
    ]);
  });

  it("turns precompression on when asked, and says what it takes", () => {
    expect(siteSchema.parse({ ...settings, precompress: true }).precompress).toBe(true);
    // YAML 1.2 reads `precompress: yes` as text, not as true.
    expect(problemsFor({ precompress: "yes" })).toEqual([
      {
        file: "site.yaml",
        line: 1,
        field: "precompress",
        message: {
          en: '"yes" is not true or false',
          ar: "يجب أن تكون القيمة true أو false، لا «yes»",
        },
      },
    ]);
  });

  it("derives the path prefix and direction from the URL and language", () => {
    const site = resolveSite(settings);
    expect(site.url).toBe("https://example.org/news/");
    expect(site.pathPrefix).toBe("/news/");
    expect(site.dir).toBe("rtl");
    expect(resolveSite({ ...settings, language: "en" }).dir).toBe("ltr");
  });

  it("lets the deploy environment replace the URL", () => {
    expect(resolveSite(settings, "https://user.github.io/sahifa").pathPrefix).toBe("/sahifa/");
  });

  it.each([
    ["timeZone", "Mars/Olympus"],
    ["url", "ftp://example.org/"],
    ["digits", "roman"],
    ["hijriAdjustment", 5],
    ["monthNames", "french"],
    ["precompress", "yes"],
  ])("refuses %s: %j", (field, value) => {
    const result = siteSchema.safeParse({ ...settings, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});

/** The problems of site.yaml's settings with `changes` made, as the build reports them. */
function problemsFor(changes: Record<string, unknown>) {
  const data: unknown = { ...settings, ...changes };
  const result = siteSchema.safeParse(data);
  if (result.success) return [];
  return describeIssues(result.error.issues, "site.yaml", () => 1, data, siteKnownKeys(data));
}

describe("site settings: the language of editors' messages", () => {
  it("follows the site's language unless editorLanguage says otherwise", () => {
    expect(resolveSite(settings).editorLanguage).toBe("ar");
    expect(resolveSite({ ...settings, language: "ar-SY" }).editorLanguage).toBe("ar");
    expect(resolveSite({ ...settings, language: "en" }).editorLanguage).toBe("en");
    expect(resolveSite({ ...settings, language: "fr" }).editorLanguage).toBe("en");
    const english = siteSchema.parse({ ...settings, editorLanguage: "en" });
    expect(resolveSite(english).editorLanguage).toBe("en");
    expect(resolveSite({ ...settings, language: "en", editorLanguage: "ar" }).editorLanguage).toBe(
      "ar",
    );
  });

  it("is replaced for one run by SAHIFA_EDITOR_LANGUAGE's value", () => {
    expect(resolveSite(settings, undefined, "en").editorLanguage).toBe("en");
  });

  it("is read leniently from a site.yaml that fails its checks, Arabic when it cannot be", () => {
    expect(editorLanguageOf({ editorLanguage: "en", url: 5 })).toBe("en");
    expect(editorLanguageOf({ editorLanguage: "fr", language: "en" })).toBe("en");
    expect(editorLanguageOf({ language: 7 })).toBe("ar");
    expect(editorLanguageOf(undefined)).toBe("ar");
    expect(problemsFor({ editorLanguage: "fr" })[0]?.message).toEqual({
      en: '"fr" is not one of: ar, en',
      ar: "«fr» ليس من القيم المقبولة: ar، en",
    });
  });
});

describe("site settings: every message is ours, in both languages", () => {
  const WRONG: unknown[] = [1984, true, ["a"], { a: 1 }, "", "x\u202ey", -100, 1000, 2.5];
  for (const field of Object.keys(siteSchema.shape)) {
    it(field, () => {
      for (const value of WRONG) {
        const data = { ...settings, [field]: value };
        const result = siteSchema.safeParse(data);
        if (result.success) continue;
        const raw = result.error.issues.map((found) => found.message);
        for (const problem of problemsFor({ [field]: value })) {
          // A list's entries are named by index: sections[0].
          expect(problem.field).toMatch(new RegExp(`^${field}(\\[\\d+\\]|$)`));
          const { en, ar } = problem.message as { en: string; ar: string };
          for (const text of [en, ar]) {
            for (const zods of raw) expect(text).not.toContain(zods);
            expect(text).not.toMatch(
              /Invalid (input|option|string)|Too (big|small)|received|<=|>=/,
            );
          }
          expect(ar).toMatch(/[\u0621-\u064a]{3}/);
          expect(en).not.toMatch(/[\u0600-\u06ff]/);
        }
      }
    });
  }

  it("says what a range allows", () => {
    expect(problemsFor({ hijriAdjustment: 5 })[0]?.message).toEqual({
      en: "must be at most 2",
      ar: "يجب ألا يزيد على 2",
    });
    expect(problemsFor({ wordsPerMinute: 10 })[0]?.message).toEqual({
      en: "must be at least 60",
      ar: "يجب ألا يقل عن 60",
    });
    expect(problemsFor({ timeZone: "Mars/Olympus" })[0]?.message).toEqual({
      en: '"Mars/Olympus" is not an IANA time zone (such as Asia/Damascus or Europe/Istanbul)',
      ar: "«Mars/Olympus» ليست منطقة زمنية من قائمة IANA (مثل Asia/Damascus أو Europe/Istanbul)",
    });
  });
});
