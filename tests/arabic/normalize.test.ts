import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { foldQuery, LETTER_FORMS, querySpellings } from "../../src/arabic/normalize.ts";

describe("foldQuery", () => {
  it("drops diacritics, the superscript alef and tatweel", () => {
    expect(foldQuery("الاقْتِصادُ المصريّ")).toBe("الاقتصاد المصري");
    expect(foldQuery("ينمـــو")).toBe("ينمو");
    expect(foldQuery("هٰذا")).toBe("هذا");
    expect(foldQuery("كِتَابٌ")).toBe("كتاب");
  });

  it("writes the Persian yeh and kaf a Persian keyboard types as the Arabic letters", () => {
    expect(foldQuery("کتابی")).toBe("كتابي");
    expect(foldQuery("مستشفی")).toBe("مستشفي");
  });

  it("leaves hamza, ة and ى as typed: the stemmer handles the first and last, querySpellings ة", () => {
    for (const word of ["أستانا", "إسرائيل", "آسيا", "الحكومة", "مستشفى", "المسؤول"])
      expect(foldQuery(word)).toBe(word);
  });

  it("leaves Latin, digits and punctuation alone", () => {
    expect(foldQuery("Lavrov، G20: 2254!")).toBe("Lavrov، G20: 2254!");
  });

  it("keeps a word that is only marks, so no word disappears", () => {
    expect(foldQuery("قال ـ ثم")).toBe("قال ـ ثم");
  });

  it("is idempotent and keeps the spaces", () => {
    const arabic = fc.constantFrom(
      ..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإئؤةىیک ًٌٍَُِّْـٰ \n\tLavrov20".split(""),
    );
    fc.assert(
      fc.property(fc.array(arabic, { maxLength: 60 }), (chars) => {
        const text = chars.join("");
        const once = foldQuery(text);
        expect(foldQuery(once)).toBe(once);
        expect(once.split(/\S+/u)).toEqual(text.split(/\S+/u));
        for (const letter of Object.keys(LETTER_FORMS)) expect(once).not.toContain(letter);
      }),
    );
  });
});

describe("querySpellings", () => {
  it("searches a query the stemmer needs no help with once, as folded", () => {
    expect(querySpellings("أستانا")).toEqual(["أستانا"]);
    expect(querySpellings("الاقْتِصادُ")).toEqual(["الاقتصاد"]);
    expect(querySpellings("الحكومة الجديدة")).toEqual(["الحكومة الجديدة"]);
    expect(querySpellings("Sergey Lavrov")).toEqual(["Sergey Lavrov"]);
  });

  it("also searches a final ه as ة, in every word at once, the query as typed first", () => {
    expect(querySpellings("الحكومه")).toEqual(["الحكومه", "الحكومة"]);
    expect(querySpellings("الضفه الغربيه")).toEqual(["الضفه الغربيه", "الضفة الغربية"]);
    expect(querySpellings("غزه")).toEqual(["غزه", "غزة"]);
    // Marks after the ه do not hide it.
    expect(querySpellings("الحكومهُ")).toEqual(["الحكومه", "الحكومة"]);
  });

  it("leaves a short word's ه and the name of God alone", () => {
    for (const query of ["له", "به", "عبدالله", "لله"])
      expect(querySpellings(query)).toEqual([query]);
    // «الله» keeps its ه; the لل rule still reads it as «لله» (for God).
    expect(querySpellings("الله")).toEqual(["الله", "لله"]);
  });

  it("spells لـ + الـ the other way: «للاجئين» is also «اللاجئين», and back", () => {
    expect(querySpellings("للاجئين")).toEqual(["للاجئين", "اللاجئين"]);
    expect(querySpellings("اللاجئين")).toEqual(["اللاجئين", "للاجئين"]);
    expect(querySpellings("لاجئين")).toEqual(["لاجئين", "للاجئين"]);
    expect(querySpellings("اللاجئون")).toEqual(["اللاجئون", "للاجئون"]);
    // With a hamza or a mark typed.
    expect(querySpellings("للإنتخابات")).toEqual(["للإنتخابات", "اللإنتخابات"]);
    expect(querySpellings("لِلّاجئين")).toEqual(["للاجئين", "اللاجئين"]);
  });

  it("changes only the words that start with ل, and leaves the stemmer's لل alone", () => {
    expect(querySpellings("مساعدات اللاجئين")).toEqual(["مساعدات اللاجئين", "مساعدات للاجئين"]);
    expect(querySpellings("للمدينة")).toEqual(["للمدينة"]);
    expect(querySpellings("الانتخابات Lavrov")).toEqual(["الانتخابات Lavrov"]);
    // Too short to carry a prefix: لا, لم, لن, له stay as they are.
    expect(querySpellings("لا لن")).toEqual(["لا لن"]);
  });

  it("searches a query both rules fit four ways at most: as typed, each rule, both", () => {
    expect(querySpellings("مساعدات اللاجئين في الضفه")).toEqual([
      "مساعدات اللاجئين في الضفه",
      "مساعدات اللاجئين في الضفة",
      "مساعدات للاجئين في الضفه",
      "مساعدات للاجئين في الضفة",
    ]);
    expect(querySpellings("للحكومه")).toEqual(["للحكومه", "للحكومة"]);
  });

  it("always searches the folded query first, and each spelling once", () => {
    const arabic = fc.constantFrom(..."ابتجحدرسعفقكلمنهويةأإى ُّـ Lavrov".split(""));
    fc.assert(
      fc.property(fc.array(arabic, { maxLength: 40 }), (chars) => {
        const query = chars.join("");
        const spellings = querySpellings(query);
        expect(spellings[0]).toBe(foldQuery(query));
        expect(new Set(spellings).size).toBe(spellings.length);
        expect(spellings.length).toBeLessThanOrEqual(4);
        // Every spelling has the query's words, in its places.
        for (const spelling of spellings)
          expect(spelling.split(/\S+/u)).toEqual(spellings[0]?.split(/\S+/u));
      }),
    );
  });
});
