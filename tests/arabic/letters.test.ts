import { describe, expect, it } from "vitest";
import { foldArabic, nameKey } from "../../src/arabic/letters.ts";
import { joinArabic } from "../../src/arabic/lists.ts";

describe("foldArabic", () => {
  it("makes the hamza forms of alif one letter", () => {
    for (const name of ["أحمد", "إحمد", "آحمد", "ٱحمد"]) expect(foldArabic(name)).toBe("احمد");
  });

  it("folds taa marbuta, alif maqsura, hamza on waw and yeh, and Persian letters", () => {
    expect(foldArabic("فاطمة")).toBe(foldArabic("فاطمه"));
    expect(foldArabic("مصطفى")).toBe("مصطفي");
    expect(foldArabic("مؤمن")).toBe("مومن");
    expect(foldArabic("هانئ")).toBe("هاني");
    expect(foldArabic("علی کریم")).toBe("علي كريم");
  });

  it("drops diacritics, tatweel and direction marks, and collapses spaces", () => {
    expect(foldArabic("  مُحَمَّد\u200f   عـلـيّ ")).toBe("محمد علي");
  });

  it("lower-cases Latin letters and leaves distinct names distinct", () => {
    expect(foldArabic("Reuters")).toBe("reuters");
    expect(foldArabic("سارة")).not.toBe(foldArabic("سامر"));
  });
});

describe("nameKey", () => {
  it("ignores spacing, punctuation, diacritics and case, and keeps the letters", () => {
    expect(nameKey(" مُحمّد   (مراسل) ")).toBe("محمد مراسل");
    expect(nameKey("Reuters / AFP")).toBe(nameKey("reuters afp"));
    expect(nameKey("أحمد")).not.toBe(nameKey("احمد"));
  });
});

describe("joinArabic", () => {
  it("joins two with و and more with commas first", () => {
    expect(joinArabic(["أ", "ب"]).join("")).toBe("أ و ب");
    expect(joinArabic(["أ", "ب", "ج"]).join("")).toBe("أ، ب و ج");
    expect(joinArabic(["أ", "ب", "ج", "د"]).join("")).toBe("أ، ب، ج و د");
  });

  it("leaves one item, or none, alone and keeps items as they are", () => {
    expect(joinArabic(["أ"])).toEqual(["أ"]);
    expect(joinArabic([])).toEqual([]);
    const links = [{ a: 1 }, { a: 2 }];
    expect(joinArabic(links)).toEqual([links[0], " و ", links[1]]);
  });
});
