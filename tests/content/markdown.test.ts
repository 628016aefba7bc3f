import path from "node:path";
import markdownIt from "markdown-it";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  createMarkdown,
  createRenderer,
  isSafeLink,
  renderMarkdown,
} from "../../src/content/markdown.ts";
import { readFixtures } from "../helpers/fixtures.ts";

const md = createMarkdown({ arabicQuotes: true });

for (const name of ["typography", "attributes", "xss", "reserved-ids", "editor", "language"]) {
  const file = path.join(import.meta.dirname, "../fixtures/markdown", `${name}.txt`);
  describe(`markdown fixtures: ${name}`, () => {
    for (const fixture of readFixtures(file)) {
      it(`${fixture.header} (line ${fixture.line})`, () => {
        expect(md.render(fixture.input)).toBe(fixture.expected);
      });
    }
  });
}

describe("createMarkdown options", () => {
  it("keeps straight quotes when Arabic quotes are off", () => {
    const plain = createMarkdown({ arabicQuotes: false });
    expect(plain.render('قال "نعم"')).toBe("<p>قال &quot;نعم&quot;</p>\n");
  });

  it("turns html off whatever the caller asks later", () => {
    expect(md.options.html).toBe(false);
  });
});

describe("renderMarkdown", () => {
  it("returns the visible text for word counts, without markup", () => {
    const { text } = renderMarkdown(
      md,
      "## عنوان {#x}\n\nفقرة **مهمة** و[رابط](https://example.org).",
    );
    expect(text).toBe("عنوان فقرة مهمة ورابط.");
  });
});

describe("renderMarkdown problems", () => {
  it("reports a reserved id on the line of the element it names, counted from the body's first line", () => {
    const { problems, html } = renderMarkdown(
      md,
      "مقدمة\n\n## عنوان {#main}\n\nسطر\nسطر *ثان*{#top}\n\n```js {#name}\nx\n```\n",
    );
    expect(html).not.toMatch(/id=/);
    expect(problems).toEqual([
      {
        line: 3,
        message: {
          en: '{#main}: "main" is used by the page layout; choose another id, such as "main-1" or "qism-main"',
          ar: "{#main}: المعرّف «main» يستخدمه تصميم الصفحة؛ اختر معرّفًا آخر، مثل «main-1» أو «qism-main»",
        },
      },
      {
        line: 6,
        message: expect.objectContaining({
          en: expect.stringMatching(/^\{#top\}: "top" is a name browsers give/),
        }),
      },
      {
        line: 8,
        message: expect.objectContaining({ en: expect.stringMatching(/^\{#name\}: /) }),
      },
    ]);
  });

  it("reports nothing for free ids, and the renderer without attributes reports nothing", () => {
    const render = createRenderer({ arabicQuotes: true });
    expect(render("## عنوان {#al-jawla}").problems).toEqual([]);
    expect(render("## عنوان بلا سمات").problems).toEqual([]);
  });
});

describe("createRenderer", () => {
  it("renders every fixture, the Astana article and edge cases exactly as the full instance does", () => {
    const render = createRenderer({ arabicQuotes: true });
    const inputs = ["typography", "attributes", "editor", "language"].flatMap((name) =>
      readFixtures(path.join(import.meta.dirname, "../fixtures/markdown", `${name}.txt`)).map(
        (fixture) => fixture.input,
      ),
    );
    inputs.push(
      readFileSync(
        path.join(import.meta.dirname, "../../content/articles/2023-06-21-astana-20.md"),
        "utf8",
      ),
      "نص &#123;.x&#125; و&lbrace;#y&rbrace;",
      "| أ | ب |\n|:--|--:|\n| 1 | 2 |\n",
      '> "اقتباس" [رابط](javascript:alert(1))',
    );
    const leanInputs = inputs.filter((input) => !/[{&]/.test(input));
    expect(leanInputs.length).toBeGreaterThan(5);
    for (const input of inputs) {
      expect(render(input)).toEqual(renderMarkdown(md, input));
    }
  });
});

describe("the path prefix", () => {
  it("prefixes root-relative links, reference links and links around a refused image too", () => {
    const source = [
      "[a](/articles/a/) [b][ref] [![صورة](/media/x.jpg)](/articles/c/)",
      "[d](https://example.org/d/) [e](#e) [f](../f/) [g](f.jpg) [h](mailto:x@example.org)",
      "",
      "[ref]: /articles/b/",
    ].join("\n");
    const html = createRenderer({ arabicQuotes: true, pathPrefix: "/news/" })(source).html;
    const urls = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls).toEqual([
      "/news/articles/a/",
      "/news/articles/b/",
      "/news/articles/c/",
      "https://example.org/d/",
      "#e",
      "../f/",
      "f.jpg",
      "mailto:x@example.org",
    ]);
    // At a domain's root nothing changes.
    expect(createRenderer({ arabicQuotes: true, pathPrefix: "/" })(source).html).toBe(
      createRenderer({ arabicQuotes: true })(source).html,
    );
  });
});

describe("linkify: bare web addresses", () => {
  it("turns a bare https address into a link, and never a javascript: text, even one linkify-it is taught to find", () => {
    const source =
      "انظر https://example.org/a و javascript:alert(1) و JAVASCRIPT:alert(document.cookie)";
    expect(md.render(source)).toContain('<a href="https://example.org/a" dir="ltr">');
    // linkify-it does not know javascript: (so the fixture alone could pass without the
    // validator); taught it, it finds the text, and the link validator still refuses it.
    const taught = createMarkdown({ arabicQuotes: true });
    taught.linkify.add("javascript:", {
      validate: (text: string, pos: number) => /^\S*/.exec(text.slice(pos))?.[0].length ?? 0,
    });
    expect(taught.linkify.test("javascript:alert(1)")).toBe(true);
    const html = taught.render(source);
    expect(html).toContain('<a href="https://example.org/a" dir="ltr">');
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain("javascript:alert(1)");
    expect(parse(html).querySelectorAll("a")).toHaveLength(1);
  });

  it("finds every address linkify-it finds, after the quick look for ':', '//', '@' or a dot before a letter", () => {
    const plain = markdownIt({ linkify: true }).linkify;
    const texts = [
      "زوروا example.com اليوم",
      "الموقع www.مثال.com والمزيد",
      "راسلونا على desk@example.org",
      "الخادم http://localhost للتجربة",
      "انظر //localhost:8080/x",
      "النطاق пример.рф والآخر xn--mgbh0fb.xn--kgbechtv",
      "FTP://EXAMPLE.ORG/ARCHIVE",
      "قالت الوكالة. وأضافت أن 0.5 في المئة",
      "نص عربي بلا عنوان",
    ];
    expect(texts.filter((text) => plain.test(text))).toHaveLength(4);
    for (const text of texts) expect(md.linkify.test(text), text).toBe(plain.test(text));
    // With fuzzy links on (bare domains, www.), which markdown-it leaves off, the same holds.
    const fuzzy = createMarkdown({ arabicQuotes: true });
    fuzzy.linkify.set({ fuzzyLink: true });
    plain.set({ fuzzyLink: true });
    expect(texts.filter((text) => plain.test(text))).toHaveLength(7);
    for (const text of texts) expect(fuzzy.linkify.test(text), text).toBe(plain.test(text));
  });

  it("leaves addresses inside code and inside an explicit link alone", () => {
    const html = md.render("`https://example.org/x` و [الموقع](https://example.org/y)");
    expect(html).toBe(
      '<p><code>https://example.org/x</code> و <a href="https://example.org/y">الموقع</a></p>\n',
    );
  });
});

describe("isSafeLink", () => {
  it.each([
    ["https://example.org/a", true],
    ["http://example.org", true],
    ["mailto:desk@example.org", true],
    ["/articles/x/", true],
    ["#final-round", true],
    ["../x", true],
    ["javascript:alert(1)", false],
    ["JavaScript:alert(1)", false],
    ["java\tscript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["vbscript:msgbox(1)", false],
    ["data:text/html,<script>alert(1)</script>", false],
    ["file:///etc/passwd", false],
    ["//evil.example/x", false],
  ])("%s → %s", (url, safe) => {
    expect(isSafeLink(url)).toBe(safe);
  });
});

describe("isSafeLink edge cases", () => {
  it.each([
    ["java%09script:alert(1)", false],
    ["%5Cjavascript:alert(1)", false],
    ["/\\evil.example", false],
    ["\\\\evil.example", false],
    ["articles/x/?q=a:b", true],
    ["#a:b", true],
  ])("%s → %s", (url, safe) => {
    expect(isSafeLink(url)).toBe(safe);
  });
});

describe("XSS fixtures: what the output may never contain", () => {
  const file = path.join(import.meta.dirname, "../fixtures/markdown/xss.txt");
  const fixtures = readFixtures(file);

  it("has at least 40 cases", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  for (const fixture of fixtures) {
    it(`no script, handler, style or unsafe URL: ${fixture.header}`, () => {
      const root = parse(md.render(fixture.input));
      const elements = root.querySelectorAll("*");
      for (const element of elements) {
        expect(["SCRIPT", "IFRAME", "SVG", "MATH", "STYLE", "OBJECT", "EMBED"]).not.toContain(
          element.tagName,
        );
        for (const [name, value] of Object.entries(element.attributes)) {
          expect(name.toLowerCase()).not.toMatch(/^on|^style$|^formaction$|^srcdoc$/);
          if (["href", "src"].includes(name.toLowerCase())) expect(isSafeLink(value)).toBe(true);
        }
      }
    });
  }
});
