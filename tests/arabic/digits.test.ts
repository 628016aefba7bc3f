import { describe, expect, it } from "vitest";
import { anyDigitsAs, directionalNumbers, localizeDigits } from "../../src/arabic/digits.ts";

describe("localizeDigits", () => {
  it("leaves Latin digits alone by default style", () => {
    expect(localizeDigits("قرار 2254", "latn")).toBe("قرار 2254");
  });

  it("writes every digit in Arabic-Indic form", () => {
    expect(localizeDigits("0123456789", "arab")).toBe("٠١٢٣٤٥٦٧٨٩");
    expect(localizeDigits("18 جولة من بين 20", "arab")).toBe("١٨ جولة من بين ٢٠");
  });
});

describe("anyDigitsAs", () => {
  it("writes Latin, Arabic-Indic and Persian digits all in one style", () => {
    expect(anyDigitsAs("عام ٢٠٢٣ و۲۰۲۴ و2025", "latn")).toBe("عام 2023 و2024 و2025");
    expect(anyDigitsAs("عام ٢٠٢٣ و۲۰۲۴ و2025", "arab")).toBe("عام ٢٠٢٣ و٢٠٢٤ و٢٠٢٥");
    expect(anyDigitsAs("0123456789", "arab")).toBe("٠١٢٣٤٥٦٧٨٩");
    expect(anyDigitsAs("۰۱۲۳۴۵۶۷۸۹", "latn")).toBe("0123456789");
  });

  it("leaves everything but digits alone", () => {
    expect(anyDigitsAs("قرار مجلس الأمن", "arab")).toBe("قرار مجلس الأمن");
    expect(anyDigitsAs("COVID-19 ٪٥", "latn")).toBe("COVID-19 ٪5");
  });
});

describe("directionalNumbers", () => {
  const runs = (text: string) =>
    directionalNumbers(text).map(([start, end]) => text.slice(start, end));

  it("finds signed numbers, ranges and percentages, after Arabic's one-letter prefixes too", () => {
    expect(runs("تراجع -0.5 ثم +0.1 و−3 بين 10–20 و2020-2023 بنسبة 5% و-2% و5 %")).toEqual([
      "-0.5",
      "+0.1",
      "−3",
      "10–20",
      "2020-2023",
      "5%",
      "-2%",
      "5 %",
    ]);
  });

  it("leaves plain numbers, and numbers joined to a word by a hyphen", () => {
    expect(runs("رقم 2254 في 18 جولة، كوفيد-19 و COVID-19 وA-1")).toEqual([]);
    expect(runs("نص بلا أرقام")).toEqual([]);
  });
});
