import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  countWords,
  formatReadingTime,
  readingMinutes,
  segmenterWords,
  simpleWords,
} from "../../src/arabic/reading-time.ts";

const ASTANA = path.join(import.meta.dirname, "../fixtures/source/astana-20.ar.txt");

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

describe("countWords on long texts", () => {
  it("counts a text cut into pieces exactly as one pass of the segmenter does", () => {
    const paragraph = "قال U.S. officials إن 2,254.5 «كلمة» — لا تنقسم، أبداً.\n\n";
    // Pieces break after 4096 characters, so this text is cut mid-paragraph many times.
    const text = paragraph.repeat(400) + "كلمة،".repeat(5000) + paragraph.repeat(100);
    const segmenter = new Intl.Segmenter("ar", { granularity: "word" });
    let expected = 0;
    for (const segment of segmenter.segment(text)) if (segment.isWordLike) expected += 1;
    expect(countWords(text)).toBe(expected);
  });
});

describe("countWords agrees with Intl.Segmenter", () => {
  // Pieces that exercise every branch: Arabic, Latin, digits of both kinds, marks, joiners,
  // apostrophes, decimal points, Arabic separators, other scripts, emoji, underscores.
  const piece = fc.constantFrom(
    "قال",
    "لافرنتييف",
    "أستانا",
    "2254",
    "٢٠٢٣",
    "Sergey",
    "Lavrov",
    "U.S.",
    "can't",
    "2,254.5",
    "٣٫٥",
    "١٬٠٠٠",
    "a_b",
    "_",
    "ـ",
    "ً",
    "َ",
    "\u200c",
    "\u200d",
    "\u200f",
    "\u200e",
    "«",
    "»",
    "،",
    "؛",
    "؟",
    ".",
    ",",
    "'",
    "’",
    "-",
    "—",
    "(",
    ")",
    "/",
    " ",
    "  ",
    "\n",
    "中文",
    "😀",
    "Ελλάδα",
    "שלום",
    "e\u0301",
    "ﻻ",
    "x:y",
    "3.5",
    "؍",
    "\u{1ee00}",
  );
  it("on generated mixtures (2,000 cases)", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(countWords(text)).toBe(segmenterWords(text));
        const oneSegmenterPass = [
          ...new Intl.Segmenter("ar", { granularity: "word" }).segment(text),
        ].filter((segment) => segment.isWordLike).length;
        expect(segmenterWords(text)).toBe(oneSegmenterPass);
      }),
      { numRuns: 2000, seed: 2254 },
    );
  });

  it("takes the one-pass path for plain news text, and agrees with ICU whenever it does", () => {
    const plain = fc.constantFrom(
      "قال",
      "أستانا",
      "Lavrov",
      "2254",
      "٢٠٢٣",
      "ً",
      " ",
      "، ",
      "«",
      "»",
      "\n",
    );
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(simpleWords(text)).toBe(segmenterWords(text));
      }),
      { numRuns: 500, seed: 2023 },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        const fast = simpleWords(text);
        if (fast !== undefined) expect(fast).toBe(segmenterWords(text));
      }),
      { numRuns: 1000, seed: 1444 },
    );
    expect(simpleWords("U.S. 2,254")).toBeUndefined();
    expect(simpleWords("中文")).toBeUndefined();
  });

  it("on the Astana article", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile("tests/fixtures/source/astana-20.ar.txt", "utf8");
    expect(countWords(text)).toBe(segmenterWords(text));
    expect(countWords(text)).toBeGreaterThan(400);
  });
});
