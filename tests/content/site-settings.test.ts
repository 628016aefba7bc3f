import { describe, expect, it } from "vitest";
import { resolveSite, siteSchema } from "../../src/content/site-settings.ts";

const settings = siteSchema.parse({
  name: "صحيفة",
  description: "موقع إخباري",
  url: "https://example.org/news",
  timeZone: "Europe/Istanbul",
});

describe("site settings", () => {
  it("fills defaults: Arabic, Latin digits, both month names, no Hijri shift, Arabic quotes, no twins", () => {
    expect(settings).toMatchObject({
      language: "ar",
      digits: "latn",
      monthNames: "egyptian-levantine",
      hijriAdjustment: 0,
      arabicQuotes: true,
      precompress: false,
    });
  });

  it("turns precompression on when asked, and says what it takes", () => {
    expect(siteSchema.parse({ ...settings, precompress: true }).precompress).toBe(true);
    // YAML 1.2 reads `precompress: yes` as text, not as true.
    const refused = siteSchema.safeParse({ ...settings, precompress: "yes" });
    expect(refused.error?.issues[0]?.message).toBe("precompress must be true or false");
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
