import { describe, expect, it } from "vitest";
import { localizeDigits } from "../../src/arabic/digits.ts";

describe("localizeDigits", () => {
  it("leaves Latin digits alone by default style", () => {
    expect(localizeDigits("قرار 2254", "latn")).toBe("قرار 2254");
  });

  it("writes every digit in Arabic-Indic form", () => {
    expect(localizeDigits("0123456789", "arab")).toBe("٠١٢٣٤٥٦٧٨٩");
    expect(localizeDigits("18 جولة من بين 20", "arab")).toBe("١٨ جولة من بين ٢٠");
  });
});
