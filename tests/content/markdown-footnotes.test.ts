import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { FOOTNOTE_MESSAGES, FOOTNOTES_HEADING } from "../../src/content/markdown-footnotes.ts";
import { ATTRIBUTE_VALUES, createRenderer } from "../../src/content/markdown.ts";

const render = createRenderer({ arabicQuotes: true });
const SOURCE = "قال المبعوث[^1] إن الصيغة[^b] ستتواصل[^1].\n\n[^1]: في مؤتمر صحفي.\n[^b]: ثانية.\n";

describe("footnotes", () => {
  it("links every reference to its note and every note back to each reference", () => {
    const root = parse(render(SOURCE).html);
    const refs = root.querySelectorAll("sup.footnote-ref a");
    expect(refs.map((a) => a.text)).toEqual(["1", "2", "1"]);
    const ids = new Set(root.querySelectorAll("[id]").map((element) => element.id));
    for (const a of [...refs, ...root.querySelectorAll("a.footnote-backref")]) {
      const target = (a.getAttribute("href") ?? "").slice(1);
      expect(ids.has(target), target).toBe(true);
    }
    expect(root.querySelectorAll("a.footnote-backref").map((a) => a.getAttribute("href"))).toEqual([
      "#fnref:1",
      "#fnref:1:2",
      "#fnref:2",
    ]);
  });

  it("puts the notes in a section with an Arabic heading, each back-link named in Arabic", () => {
    const root = parse(render(SOURCE).html);
    const section = root.querySelector("section.footnotes");
    expect(section?.querySelector("h2")?.text).toBe(FOOTNOTES_HEADING);
    expect(section?.querySelectorAll("li").map((li) => li.id)).toEqual(["fn:1", "fn:2"]);
    for (const back of section?.querySelectorAll("a.footnote-backref") ?? []) {
      expect(back.getAttribute("aria-label")).toMatch(/^العودة إلى موضع الحاشية \d في النص$/);
    }
  });

  it("marks its heading and back-links with the site's language in an article in another", () => {
    const ENGLISH = "The envoy said[^1].\n\n[^1]: At a press conference.\n";
    const marks = (language: string | undefined, lang: string) => {
      const site = createRenderer({ arabicQuotes: true, ...(language ? { language } : {}) });
      const root = parse(site(lang === "en" ? ENGLISH : SOURCE, lang).html);
      return [
        root.querySelector(".footnotes-heading"),
        root.querySelector(".footnote-backref"),
      ].map((element) => `${element?.getAttribute("lang")} ${element?.getAttribute("dir")}`);
    };
    expect(marks(undefined, "en")).toEqual(["ar rtl", "ar rtl"]);
    // The site's own language tag, not a fixed "ar"; none in an article in the site's language.
    expect(marks("ar-SY", "en")).toEqual(["ar-SY rtl", "ar-SY rtl"]);
    expect(marks("ar-SY", "ar-SY")).toEqual(["undefined undefined", "undefined undefined"]);
    expect(marks(undefined, "ar")).toEqual(["undefined undefined", "undefined undefined"]);
  });

  it("uses ids no editor can give an element, so none clashes with an article's own", () => {
    const html = render(`${SOURCE}\n## قسم {#fn-1}\n\n## قسم {#fnref1}\n`).html;
    const ids = parse(html)
      .querySelectorAll("[id]")
      .map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    const generated = ids.filter((id) => id.startsWith("fn"));
    expect(generated.filter((id) => ATTRIBUTE_VALUES.id.test(id))).toEqual(["fn-1", "fnref1"]);
  });

  it("writes the numbers in the site's digits", () => {
    const arab = createRenderer({ arabicQuotes: true, digits: "arab" })(SOURCE).html;
    const root = parse(arab);
    expect(root.querySelectorAll("sup.footnote-ref a").map((a) => a.text)).toEqual(["١", "٢", "١"]);
    expect(root.querySelector("a.footnote-backref")?.getAttribute("aria-label")).toContain("١");
  });

  it("reports a reference to a note that is not written, at its line", () => {
    const { problems } = render("فقرة.\n\nسطر\nسطر[^3] آخر\n");
    expect(problems).toEqual([{ line: 4, message: FOOTNOTE_MESSAGES.missing("3") }]);
  });

  it("counts the notes' text with the article's", () => {
    expect(render(SOURCE).text).toContain("في مؤتمر صحفي");
  });
});
