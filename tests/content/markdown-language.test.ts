import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { createRenderer, createTextQuotes } from "../../src/content/markdown.ts";

const arab = createRenderer({ arabicQuotes: true, digits: "arab" });
const latn = createRenderer({ arabicQuotes: true, digits: "latn" });

const SOURCE = [
  "بلغ العدد 2254 في 6 فبراير/شباط 2023، بتراجع -0.5 و10–20%.",
  "",
  "| البند | القيمة |",
  "| --- | --- |",
  "| أ | 15 |",
  "",
  "- البند 3",
  "",
  "`x = 42` و https://example.org/2023/ و[المادة 7](https://example.org/7)",
  "",
  "Up 12 points in 2023.",
  "{lang=en dir=ltr}",
  "",
  "```",
  "let y = 99;",
  "```",
].join("\n");

describe("digits: arab in the body", () => {
  const html = arab(SOURCE).html;
  const root = parse(html);

  it("writes Arabic text's numbers in Arabic-Indic digits, dates, tables, lists and link text included", () => {
    const arabicText = [
      root.querySelector("p")?.text,
      root.querySelector("td:last-child")?.text,
      root.querySelector("li")?.text,
      root.querySelectorAll("a").find((a) => !a.getAttribute("dir"))?.text,
    ].join(" ");
    expect(arabicText).toMatch(/٢٢٥٤.*٦ فبراير\/شباط ٢٠٢٣.*٠.٥.*١٠–٢٠.*١٥.*٣.*٧/);
    expect(arabicText).not.toMatch(/[0-9]/);
  });

  it("leaves code, web addresses, hrefs and a Latin passage as written", () => {
    expect(root.querySelector("p code")?.text).toBe("x = 42");
    expect(root.querySelector("pre")?.text).toContain("let y = 99;");
    expect(root.querySelector('a[dir="ltr"]')?.text).toBe("https://example.org/2023/");
    expect(root.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual([
      "https://example.org/2023/",
      "https://example.org/7",
    ]);
    expect(root.querySelector('p[lang="en"]')?.text).toBe("Up 12 points in 2023.");
  });

  it("gives the text for word counts and descriptions the same digits as the page", () => {
    expect(arab(SOURCE).text).toContain("٢٢٥٤");
    expect(latn(SOURCE).text).toContain("2254");
  });

  it("changes nothing with digits: latn but the isolation and the no-wrap dates", () => {
    const plain = latn(SOURCE).html.replace(/<\/?bdi[^>]*>|<span class="nowrap">|<\/span>/g, "");
    expect(plain).not.toMatch(/[\u0660-\u0669]/);
    expect(plain).toContain("بلغ العدد 2254 في 6 فبراير/شباط 2023، بتراجع -0.5 و10–20%.");
  });
});

describe("an article in another language (lang: en) on a digits: arab site", () => {
  const source = '"Up 12 points" in 2023, -0.5 on 6 February[^1].\n\n[^1]: Page 4.\n\n1. First';
  const english = arab(source, "en").html;

  it("keeps its digits Latin, isolates nothing and gets English quotes", () => {
    expect(english).not.toMatch(/[\u0660-\u0669«»]|<bdi|digits-arab/);
    expect(english).toContain("<p>“Up 12 points” in 2023, -0.5 on 6 February");
    expect(english).toContain(">1</a></sup>");
  });

  it("still follows a passage marked Arabic inside it", () => {
    expect(arab('"Up"\n\n"عاد" 5%\n{lang=ar}', "en").html).toBe(
      '<p>“Up”</p>\n<p lang="ar">«عاد» ٥%</p>\n',
    );
  });

  it("is the same as no language for an Arabic article", () => {
    expect(arab(source, "ar").html).toBe(arab(source).html);
    expect(arab(source).html).toContain("«Up ١٢ points»");
  });
});

describe("a language set on a few words (emphasis, strong, a link's text)", () => {
  it("gives those words their language's quotes inside an Arabic paragraph", () => {
    expect(latn('وقال *the "deal" is off*{lang=en} أمس "نعم"').html).toBe(
      '<p>وقال <em lang="en">the “deal” is off</em> أمس «نعم»</p>\n',
    );
    expect(latn('بيان [the "final" round](https://example.org/){lang=en}').html).toBe(
      '<p>بيان <a href="https://example.org/" lang="en">the “final” round</a></p>\n',
    );
    expect(latn('وكتبت **le "pacte"**{lang=fr} في عنوانها').html).toBe(
      '<p>وكتبت <strong lang="fr">le «pacte»</strong> في عنوانها</p>\n',
    );
    // Persian keeps guillemets (not English marks) and its digits as typed.
    expect(arab('وقال *"توافق" 2*{lang=fa} "نعم" 2').html).toBe(
      '<p>وقال <em lang="fa">«توافق» 2</em> «نعم» ٢</p>\n',
    );
  });

  it("gives Arabic words Arabic quotes inside another language's paragraph or article", () => {
    expect(latn('He said *"عاد"*{lang=ar} and "left"\n{lang=en}').html).toBe(
      '<p lang="en">He said <em lang="ar">«عاد»</em> and “left”</p>\n',
    );
    expect(arab('He said *"عاد" 5*{lang=ar} "yes" 5', "en").html).toBe(
      '<p>He said <em lang="ar">«عاد» ٥</em> “yes” 5</p>\n',
    );
  });

  it("changes nothing for words marked with the paragraph's own language", () => {
    expect(latn('قال *"عاد"*{lang=ar-SY} و"ذهب"').html).toBe(
      '<p>قال <em lang="ar-SY">«عاد»</em> و«ذهب»</p>\n',
    );
  });
});

describe("a headline's quotes (createTextQuotes)", () => {
  const quote = createTextQuotes({ arabicQuotes: true });

  it("gives an Arabic headline «…», nested “…”, as the body", () => {
    expect(quote('قال لافروف: "الحل سياسي"')).toBe("قال لافروف: «الحل سياسي»");
    expect(quote("قال \"إن 'الصيغة' ستتواصل\"", "ar")).toBe("قال «إن “الصيغة” ستتواصل»");
  });

  it("gives another language's headline that language's marks", () => {
    expect(quote('Envoy: "Talks resume in 2024"', "en")).toBe("Envoy: “Talks resume in 2024”");
    expect(quote("\"Talks 'may' resume\"", "en")).toBe("“Talks ‘may’ resume”");
    expect(quote('Le "pacte" est signé', "fr")).toBe("Le «pacte» est signé");
    expect(quote('Der "Pakt" ist da', "de")).toBe("Der „Pakt“ ist da");
  });

  it("opens a quote after a one-letter prefix", () => {
    expect(quote('معبرا "باب السلامة" و"الراعي"')).toBe("معبرا «باب السلامة» و«الراعي»");
    expect(quote('أكدت ب"ضرورة" ولـ"مواصلة التعاون"')).toBe("أكدت ب«ضرورة» ولـ«مواصلة التعاون»");
    // The last letter of a longer word is no prefix: a letter on both sides, the quotes stay.
    expect(quote('قال أبو"علي" إن')).toBe('قال أبو"علي" إن');
  });

  it("makes an apostrophe inside a Latin word an apostrophe, never a quote", () => {
    expect(quote("O'Brien's plan: don't wait", "en")).toBe("O’Brien’s plan: don’t wait");
    expect(quote(`لقاء "O'Brien" في دمشق`)).toBe("لقاء «O’Brien» في دمشق");
  });

  it("leaves quotes that do not pair up as typed", () => {
    for (const text of ['قال "الحل سياسي', "قال 'الحل", 'عنوان " &', 'قال: الحل"'])
      expect(quote(text)).toBe(text);
    expect(quote('"Talks', "en")).toBe('"Talks');
  });

  it("leaves Markdown, escapes, entities and markup in the text as typed, changing the quotes alone", () => {
    const typed = '# *عاجل* _أ_ `ب` \\* \\ &amp; &#42; [ج](د) <b> - 1. "الحل" {#x}';
    expect(quote(typed)).toBe("# *عاجل* _أ_ `ب` \\* \\ &amp; &#42; [ج](د) <b> - 1. «الحل» {#x}");
    expect(quote('سطر\r\nثان "نص"')).toBe("سطر\r\nثان «نص»");
  });

  it("gives the same marks as the body for the same words", () => {
    const body = createRenderer({ arabicQuotes: true });
    const cases: [string, string?][] = [
      ['ورحبت الدول بقرار "السماح" و"الراعي" وب"الأجواء"'],
      ["قال \"إن 'الصيغة' ستتواصل\" و'أخرى'"],
      ["\"Talks 'may' resume,\" O'Brien said", "en"],
      ['"Der Pakt" ist da', "de"],
      ['قال "غير مغلق'],
      [`عنوان " ' &`], // a lone " stays, a lone ' is markdown-it's apostrophe
    ];
    for (const [text, lang] of cases) expect(quote(text, lang)).toBe(body(text, lang).text);
  });

  it("changes nothing with arabicQuotes off, as the body keeps straight quotes", () => {
    const off = createTextQuotes({ arabicQuotes: false });
    expect(off('قال: "الحل سياسي"')).toBe('قال: "الحل سياسي"');
    expect(off('"Talks"', "en")).toBe('"Talks"');
  });
});
