import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { withoutForbiddenCharacters, xmlDocument } from "../../src/publish/xml.ts";

describe("xmlDocument", () => {
  it("escapes text and attributes so markup in a value stays text", () => {
    const xml = xmlDocument("feed", {
      "@href": 'https://x.example/?a=1&b="2"',
      title: "قمة </title><script>alert(1)</script> & ]]> تنتهي",
    });
    expect(xml).toContain(
      "<title>قمة &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; تنتهي</title>",
    );
    expect(xml).toContain('href="https://x.example/?a=1&amp;b=&quot;2&quot;"');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      feed: { title: string };
    };
    expect(parsed.feed.title).toBe("قمة </title><script>alert(1)</script> & ]]> تنتهي");
  });

  it("starts with the XML declaration and repeats array children", () => {
    const xml = xmlDocument("urlset", { url: [{ loc: "a" }, { loc: "b" }] });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<urlset>')).toBe(true);
    expect(xml.match(/<url>/g)).toHaveLength(2);
  });

  it("leaves out undefined children and empty lists", () => {
    const xml = xmlDocument("entry", { author: undefined, category: [], id: "x" });
    expect(xml).not.toContain("author");
    expect(xml).not.toContain("category");
    expect(xml).toContain("<id>x</id>");
  });

  it("drops characters XML 1.0 cannot carry, so the document stays well-formed", () => {
    const xml = xmlDocument("feed", { title: "a\u0000b\u0008c\u001bd\ufffee\ud800f" });
    expect(xml).toContain("<title>abcdef</title>");
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

describe("withoutForbiddenCharacters", () => {
  it("keeps tab, newline, Arabic, U+2028 and astral characters", () => {
    const text = "سطر\tأول\nسطر\u2028ثانٍ 𝕏";
    expect(withoutForbiddenCharacters(text)).toBe(text);
  });

  it("cleans nested values and leaves numbers alone", () => {
    expect(withoutForbiddenCharacters({ a: ["x\u0001"], b: { c: "y\u0002" }, n: 3 })).toEqual({
      a: ["x"],
      b: { c: "y" },
      n: 3,
    });
  });
});
