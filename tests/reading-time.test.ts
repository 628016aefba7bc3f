import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countWords, formatReadingTime, readingMinutes } from "../src/reading-time.ts";

const ASTANA = path.join(import.meta.dirname, "fixtures/source/astana-20.ar.txt");

describe("formatReadingTime: the six Arabic plural forms", () => {
  it.each([
    [0, "أقل من دقيقة للقراءة"], // zero
    [1, "دقيقة واحدة للقراءة"], // one
    [2, "دقيقتان للقراءة"], // two
    [3, "3 دقائق للقراءة"], // few
    [10, "10 دقائق للقراءة"], // few
    [11, "11 دقيقة للقراءة"], // many
    [99, "99 دقيقة للقراءة"], // many
    [100, "100 دقيقة للقراءة"], // other
    [101, "101 دقيقة للقراءة"], // other
    [102, "102 دقيقة للقراءة"], // other
    [103, "103 دقائق للقراءة"], // few again
    [111, "111 دقيقة للقراءة"], // many again
  ])("%i → %s", (minutes, phrase) => {
    expect(formatReadingTime(minutes, "latn")).toBe(phrase);
  });

  it("writes Arabic-Indic digits by option", () => {
    expect(formatReadingTime(11, "arab")).toBe("١١ دقيقة للقراءة");
    expect(formatReadingTime(3, "arab")).toBe("٣ دقائق للقراءة");
  });
});

describe("countWords", () => {
  it("counts Arabic words, Latin names and numbers, not punctuation", () => {
    expect(countWords("قال لافرنتييف إن صيغة أستانا ستتواصل.")).toBe(6);
    expect(countWords("وفقاً لقرار مجلس الأمن رقم 2254، مع Sergey Lavrov")).toBe(9);
    expect(countWords("«» — ، . !")).toBe(0);
    expect(countWords("")).toBe(0);
  });

  it("agrees with ICU's word segmenter (Intl.Segmenter) on Arabic prose and tricky joiners", () => {
    const segmenter = new Intl.Segmenter("ar", { granularity: "word" });
    const icu = (text: string) =>
      [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length;
    const samples = [
      readFileSync(ASTANA, "utf8"),
      "U.S. can't 3.14 1,000 e-mail G20 COVID-19 a,b a.b 1.a foo_bar x’y 12:30 50% $5 3rd",
      "می‌خواهم ٣٫١٤ ١٬٠٠٠ «كلمة» وفقاً،2254 مُحَمَّدٌ رسولُ اللّه كلمة\u200fكلمة",
      "ﷺ 😀 — … ، ؛ ؟ 𝐀𝐁𝐂 𝟏𝟐 a😀b",
    ];
    for (const text of samples) expect(countWords(text)).toBe(icu(text));
    expect(icu(samples[0] ?? "")).toBeGreaterThan(400);
  });
});

describe("readingMinutes", () => {
  it("rounds up and never says zero for a real text", () => {
    expect(readingMinutes(1, 180)).toBe(1);
    expect(readingMinutes(180, 180)).toBe(1);
    expect(readingMinutes(181, 180)).toBe(2);
    expect(readingMinutes(0, 180)).toBe(0);
  });
});
