import { describe, expect, it } from "vitest";
import { buildOptionsFromEnv, parseNow } from "../../src/build/options.ts";

describe("buildOptionsFromEnv", () => {
  it("defaults to a production build of content/", () => {
    expect(buildOptionsFromEnv({})).toEqual({
      contentDir: "content",
      stylesheet: "styles/main.css",
      urlOverride: undefined,
      includeDrafts: false,
      includeFuture: false,
      now: undefined,
      editorLanguage: undefined,
    });
  });

  it("reads the editors' language, ar or en, refusing anything else", () => {
    expect(buildOptionsFromEnv({ SAHIFA_EDITOR_LANGUAGE: "en" }).editorLanguage).toBe("en");
    expect(buildOptionsFromEnv({ SAHIFA_EDITOR_LANGUAGE: "ar" }).editorLanguage).toBe("ar");
    expect(() => buildOptionsFromEnv({ SAHIFA_EDITOR_LANGUAGE: "fr" })).toThrow(
      'SAHIFA_EDITOR_LANGUAGE="fr" is neither ar nor en',
    );
  });

  it("reads drafts, future and the moment from the environment", () => {
    const options = buildOptionsFromEnv({
      SAHIFA_DRAFTS: "1",
      SAHIFA_FUTURE: "1",
      SAHIFA_NOW: "2024-05-01T09:00:00+03:00",
    });
    expect(options).toMatchObject({ includeDrafts: true, includeFuture: true });
    expect(options.now?.toISOString()).toBe("2024-05-01T06:00:00.000Z");
  });

  it("only 1 switches drafts and future on", () => {
    expect(buildOptionsFromEnv({ SAHIFA_DRAFTS: "true", SAHIFA_FUTURE: "yes" })).toMatchObject({
      includeDrafts: false,
      includeFuture: false,
    });
  });
});

describe("parseNow", () => {
  it("accepts date-times with an offset or Z", () => {
    expect(parseNow("2024-05-01T00:00:00Z").toISOString()).toBe("2024-05-01T00:00:00.000Z");
    expect(parseNow("2024-05-01T00:00-0130").toISOString()).toBe("2024-05-01T01:30:00.000Z");
  });

  it("refuses a bare date, a time without offset, and nonsense, naming the variable", () => {
    for (const value of ["2024-05-01", "2024-05-01T10:00", "now", "2024-02-30T00:00:00Z"]) {
      expect(() => parseNow(value)).toThrow(
        /^SAHIFA_NOW=.* is not an ISO 8601 date-time with offset/,
      );
    }
  });
});
