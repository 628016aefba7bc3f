import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isArabicLanguage, textRuns } from "../../src/arabic/runs.ts";

describe("textRuns", () => {
  it("marks a headline's signed number, range and date, and gives the text back", () => {
    const title = "تراجع المؤشر -0.5 نقطة في 6 فبراير/شباط 2023 وسط تقلبات بين 10–20%";
    const runs = textRuns(title, "latn");
    expect(runs.map((run) => run.text).join("")).toBe(title);
    expect(runs.filter((run) => run.mark === "ltr").map((run) => run.text)).toEqual([
      "-0.5",
      "10–20%",
    ]);
    expect(runs.filter((run) => run.mark === "nowrap").map((run) => run.text)).toEqual([
      "6 فبراير/شباط 2023",
    ]);
  });

  it("isolates nothing for Arabic-Indic digits, which read right to left by themselves", () => {
    expect(textRuns("تراجع -0.5", "arab")).toEqual([{ text: "تراجع -0.5", mark: "plain" }]);
  });

  it("leaves a hyphenated name and a plain number alone", () => {
    expect(textRuns("لقاح كوفيد-19 في 2021", "latn")).toEqual([
      { text: "لقاح كوفيد-19 في 2021", mark: "plain" },
    ]);
  });

  it("always gives the text back, in runs that are never empty", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789-+–% .,وب فبراير") }), (text) => {
        const runs = textRuns(text, "latn");
        expect(runs.map((run) => run.text).join("")).toBe(text);
        expect(runs.every((run) => run.text !== "")).toBe(true);
      }),
    );
  });
});

describe("isArabicLanguage", () => {
  it("is true for Arabic and the page's own language, false for others", () => {
    expect([undefined, "ar", "ar-SY", "AR"].map(isArabicLanguage)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["en", "fa", "arc", "tr"].map(isArabicLanguage)).toEqual([false, false, false, false]);
  });
});
