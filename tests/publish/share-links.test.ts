import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeQueryValue, SHARE_TARGETS, shareLinks } from "../../src/publish/share-links.ts";

const page = { url: "https://example.org/news/articles/a/?x=1&y=2", title: "خبر & تحليل + رأي" };

describe("shareLinks", () => {
  it("gives one link per target, in order, all https or mailto", () => {
    const links = shareLinks(page);
    expect(links.map((link) => link.id)).toEqual([
      "whatsapp",
      "telegram",
      "x",
      "facebook",
      "email",
    ]);
    expect(links.map((link) => link.id)).toEqual(SHARE_TARGETS.map((target) => target.id));
    for (const link of links) expect(link.href).toMatch(/^(https:\/\/|mailto:\?)/);
  });

  it("percent-encodes the URL and title so they come back whole", () => {
    for (const link of shareLinks(page)) {
      const values = [...new URL(link.href).searchParams.values()].join("\n");
      if (link.id === "facebook") expect(values).toBe(page.url);
      else expect(values).toContain(page.url);
      if (link.id !== "facebook") expect(values).toContain(page.title);
    }
  });

  it("writes spaces and plus signs in mailto as %20 and %2B (RFC 6068), never +", () => {
    const email = shareLinks(page).find((link) => link.id === "email");
    expect(new URL(email?.href ?? "").href).toBe(
      `mailto:?subject=${encodeURIComponent(page.title)}&body=${encodeURIComponent(page.url)}`,
    );
    expect(email?.href).not.toContain("+");
  });

  it("leaves Arabic letters as they are: a third of the bytes, the same URL once followed", () => {
    const telegram = shareLinks(page).find((link) => link.id === "telegram")?.href ?? "";
    expect(telegram).toContain("text=خبر%20%26%20تحليل%20%2B%20رأي");
    expect(new URL(telegram).href).toBe(
      `https://t.me/share/url?url=${encodeURIComponent(page.url)}&text=${encodeURIComponent(page.title)}`,
    );
  });
});

describe("encodeQueryValue", () => {
  it("gives the URL encodeURIComponent gives once a browser parses it, for any text", () => {
    const unit = fc.constantFrom(
      ..."خبرعاجلأستانا٣٫٥ـًٌّabcXYZ019 &+%#?=/\n\t\"'<>«»،؛؟!.:\u200f\u200e\u00a0\u2066😀é",
    );
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        const encoded = encodeQueryValue(text);
        const url = new URL(`https://example.org/?t=${encoded}`);
        expect(url.href).toBe(new URL(`https://example.org/?t=${encodeURIComponent(text)}`).href);
        expect(url.searchParams.get("t")).toBe(text);
        // Nothing a browser would show or act on hides in it: no spaces, controls or + .
        expect(encoded).not.toMatch(/[\s+&#\u200e\u200f\u2066]/u);
      }),
      { numRuns: 500 },
    );
  });
});
