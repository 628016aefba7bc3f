import { describe, expect, it } from "vitest";
import { findChromium } from "../../scripts/lib/chromium.ts";

describe("findChromium", () => {
  it("takes CHROME_PATH when it names an executable", () => {
    expect(findChromium({ CHROME_PATH: process.execPath }, [])).toBe(process.execPath);
  });

  it("refuses a CHROME_PATH that is not an executable file", () => {
    expect(() => findChromium({ CHROME_PATH: "/no/such/chrome" })).toThrow(
      /CHROME_PATH is \/no\/such\/chrome/,
    );
    expect(() => findChromium({ CHROME_PATH: "/usr/bin" })).toThrow(/not an executable file/);
  });

  it("takes the first candidate that exists", () => {
    expect(findChromium({}, ["/no/such/chromium", process.execPath])).toBe(process.execPath);
  });

  it("says how to install Chromium when there is none", () => {
    expect(() => findChromium({}, ["/no/such/chromium"])).toThrow(/apt-get install chromium/);
  });
});
