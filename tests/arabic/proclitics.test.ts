import { describe, expect, it } from "vitest";
import { quotedProclitics } from "../../src/arabic/proclitics.ts";
import { createRenderer } from "../../src/content/markdown.ts";

const prefixes = (text: string) =>
  quotedProclitics(text).map(([start, end]) => text.slice(start, end));

describe("quotedProclitics", () => {
  it.each([
    ['ورحبت الدول بقرار دمشق السماح باستخدام معبري "باب السلامة" و"الراعي" الحدوديين', ["و"]],
    ['وأشار البيان ب"الأجواء البناءة" السائدة', ["ب"]],
    ['دعت ل"تهيئة الظروف المناسبة"', ["ل"]],
    ['فقال إن الجولة انتهت، ف"النسخة الأخيرة" كانت في أستانا', ["ف"]],
    ['وصفه ك"غير متوقع"', ["ك"]],
    ['رحّب وب"الأجواء" ول"التعاون" وك"شريك"', ["وب", "ول", "وك"]],
    ['وَ"الراعي" ولـ"مواصلة التعاون"', ["وَ", "ولـ"]],
  ])("finds the prefix in %s", (text, expected) => {
    expect(prefixes(text)).toEqual(expected);
  });

  it.each([
    'ووصف لافرنتييف القرار بأنه "غير متوقع"', // a space before the quote
    'قال أبو"علي" إن', // the last letter of a longer word
    'التقى في القاعة 5"ب" الكبرى', // a closing quote after a one-letter name
    'الجولة "و" الجولة', // a lone و between quotes opens nothing
    "قالوا و' ثم سكتوا", // a space after the quote
  ])("finds none in %s", (text) => {
    expect(prefixes(text)).toEqual([]);
  });
});

describe("quotes after a prefix in the body", () => {
  const render = createRenderer({ arabicQuotes: true });

  it("opens «…» after و ب ل ف ك as after a space", () => {
    expect(render('معبري "باب السلامة" و"الراعي" الحدوديين').html).toBe(
      "<p>معبري «باب السلامة» و«الراعي» الحدوديين</p>\n",
    );
    expect(render('أكدت ب"ضرورة" ول"مواصلة" ف"الأجواء" ك"غير متوقع".').html).toBe(
      "<p>أكدت ب«ضرورة» ول«مواصلة» ف«الأجواء» ك«غير متوقع».</p>\n",
    );
  });

  it("keeps the prefix's marks and the markup inside the quote", () => {
    expect(render('وَ"**الراعي**"').html).toBe("<p>وَ«<strong>الراعي</strong>»</p>\n");
  });

  it("gives another language's passage its own quotes, and leaves code and straight quotes off alone", () => {
    expect(render('the "deal" و"x"\n{lang=en}').html).toBe('<p lang="en">the “deal” و“x”</p>\n');
    expect(render('`و"x"` و"y"').html).toBe("<p><code>و&quot;x&quot;</code> و«y»</p>\n");
    expect(createRenderer({ arabicQuotes: false })('و"الراعي"').html).toBe(
      "<p>و&quot;الراعي&quot;</p>\n",
    );
  });

  it("leaves the stand-in character as written where the text has it", () => {
    expect(render('⸻ و"الراعي"').html).toBe("<p>⸻ و&quot;الراعي&quot;</p>\n");
  });
});
