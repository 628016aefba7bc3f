import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lamVariant, LETTER_FORMS, normalizeArabic } from "../../src/arabic/normalize.ts";

describe("normalizeArabic", () => {
  it("writes every hamza form of alef as a bare alef", () => {
    expect(normalizeArabic("أستانا")).toBe("استانا");
    expect(normalizeArabic("إسرائيل")).toBe("اسرائيل");
    expect(normalizeArabic("آسيا")).toBe("اسيا");
    expect(normalizeArabic("ٱلرحمن")).toBe("الرحمن");
  });

  it("writes taa marbuta as haa and alef maqsura as yaa", () => {
    expect(normalizeArabic("الحكومة الجديدة")).toBe("الحكومه الجديده");
    expect(normalizeArabic("مستشفى على")).toBe("مستشفي علي");
  });

  it("drops diacritics, the superscript alef and tatweel", () => {
    expect(normalizeArabic("الاقْتِصادُ المصريّ")).toBe("الاقتصاد المصري");
    expect(normalizeArabic("ينمـــو")).toBe("ينمو");
    expect(normalizeArabic("هٰذا")).toBe("هذا");
    expect(normalizeArabic("كِتَابٌ")).toBe("كتاب");
  });

  it("unifies the Persian yeh and kaf a Persian keyboard types", () => {
    expect(normalizeArabic("کتابی")).toBe("كتابي");
  });

  it("leaves Latin, digits and punctuation alone", () => {
    expect(normalizeArabic("Lavrov، G20: 2254!")).toBe("Lavrov، G20: 2254!");
  });

  it("keeps a word that is only marks, so no word disappears", () => {
    expect(normalizeArabic("قال ـ ثم")).toBe("قال ـ ثم");
  });

  it("gives the same text for every spelling a reader might type", () => {
    const spellings = ["أستانا", "استانا", "آستانا", "إستانا", "أَسْتانا", "أستـانا"];
    expect(new Set(spellings.map(normalizeArabic))).toEqual(new Set(["استانا"]));
  });

  it("is idempotent and keeps the spaces, so words keep their positions", () => {
    const arabic = fc.constantFrom(
      ..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإئؤةى ًٌٍَُِّْـٰ \n\tLavrov20".split(""),
    );
    fc.assert(
      fc.property(fc.array(arabic, { maxLength: 60 }), (chars) => {
        const text = chars.join("");
        const once = normalizeArabic(text);
        expect(normalizeArabic(once)).toBe(once);
        expect(once.split(/\S+/u)).toEqual(text.split(/\S+/u));
        expect(once.split(/\s+/u).length).toBe(text.split(/\s+/u).length);
        for (const letter of Object.keys(LETTER_FORMS)) expect(once).not.toContain(letter);
      }),
    );
  });
});

describe("lamVariant", () => {
  it("spells لـ + الـ the other way: «للاجئين» is also «اللاجئين», and back", () => {
    expect(lamVariant("للاجئين")).toBe("اللاجئين");
    expect(lamVariant("اللاجئين")).toBe("للاجئين");
    expect(lamVariant("لاجئين")).toBe("للاجئين");
    expect(lamVariant("اللاجئون")).toBe("للاجئون");
  });

  it("changes only the words that start with ل, normalized, and leaves the stemmer's لل alone", () => {
    expect(lamVariant("مساعدات اللاجئين")).toBe("مساعدات للاجئين");
    expect(lamVariant("للمدينة")).toBeUndefined();
    expect(lamVariant("أستانا")).toBeUndefined();
    expect(lamVariant("الانتخابات Lavrov")).toBeUndefined();
    // Too short to carry a prefix: لا, لم, لن, له stay as they are.
    expect(lamVariant("لا لن")).toBeUndefined();
  });
});
