import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import {
  DateInputError,
  datesInText,
  formatGregorianDate,
  formatHijriDate,
  gregorianMonthName,
  hijriMonthName,
  parseArticleDate,
  toHijri,
  toIsoDateTime,
} from "../../src/arabic/dates.ts";

const ZONE = "Europe/Istanbul";
const gregorian = { zone: ZONE, monthNames: "egyptian-levantine", digits: "latn" } as const;
const hijri = { zone: ZONE, adjustment: 0, digits: "latn" } as const;

describe("parseArticleDate", () => {
  it("reads a bare date as that calendar day in the site's zone", () => {
    const date = parseArticleDate("2023-06-21", ZONE);
    expect(toIsoDateTime(date, ZONE)).toBe("2023-06-21T00:00:00+03:00");
  });

  it("starts a bare date at its first moment, also on days whose midnight a clock change skips", () => {
    // Damascus and Beirut moved their clocks at midnight: on those days the day starts at 01:00.
    expect(toIsoDateTime(parseArticleDate("2014-03-28", "Asia/Damascus"), "Asia/Damascus")).toBe(
      "2014-03-28T01:00:00+03:00",
    );
    for (const zone of ["Asia/Damascus", "Asia/Beirut", "America/Santiago", ZONE]) {
      for (let day = DateTime.fromISO("2010-01-01", { zone: "UTC" }); day.year < 2023;) {
        const text = day.toISODate() ?? "";
        const reference = DateTime.fromISO(text, { zone }).startOf("day");
        expect(parseArticleDate(text, zone).toISO(), `${text} in ${zone}`).toBe(reference.toISO());
        day = day.plus({ days: 1 });
      }
    }
  });

  it("keeps the instant of a date-time with an offset", () => {
    const date = parseArticleDate("2023-06-21T23:30:00Z", ZONE);
    expect(toIsoDateTime(date, ZONE)).toBe("2023-06-22T02:30:00+03:00");
    expect(toIsoDateTime(date, "UTC")).toBe("2023-06-21T23:30:00Z");
  });

  it("accepts a space between date and time, and offsets without a colon", () => {
    expect(toIsoDateTime(parseArticleDate("2023-06-21 10:15+0300", ZONE), ZONE)).toBe(
      "2023-06-21T10:15:00+03:00",
    );
  });

  it.each(["2023-02-30", "2023-13-01", "2023-00-10", "2024-02-30", "2023-04-31"])(
    "refuses the impossible day %s instead of rolling it over",
    (value) => {
      expect(() => parseArticleDate(value, ZONE)).toThrow(DateInputError);
      expect(() => parseArticleDate(value, ZONE)).toThrow(/is not a real day/);
    },
  );

  it("accepts 29 February in a leap year only", () => {
    expect(parseArticleDate("2024-02-29", ZONE).day).toBe(29);
    expect(() => parseArticleDate("2023-02-29", ZONE)).toThrow(/not a real day/);
  });

  it.each(["2023-06-21T10:00", "2023-06-21T10:00:00", "2023-06-21 10:00"])(
    "refuses the date-time %s without an offset",
    (value) => {
      expect(() => parseArticleDate(value, ZONE)).toThrow(/no offset/);
    },
  );

  it.each(["21/06/2023", "June 21, 2023", "2023-6-21", "", "tomorrow", "2023-06-21T25:00+03:00"])(
    "refuses %j",
    (value) => {
      expect(() => parseArticleDate(value, ZONE)).toThrow(DateInputError);
    },
  );
});

describe("formatGregorianDate", () => {
  it("writes the date the way the Astana source does", () => {
    const date = parseArticleDate("2023-06-21", ZONE);
    expect(formatGregorianDate(date, gregorian)).toBe("الأربعاء 21 يونيو/حزيران 2023");
  });

  it.each([
    [1, "يناير/كانون الثاني"],
    [2, "فبراير/شباط"],
    [3, "مارس/آذار"],
    [4, "أبريل/نيسان"],
    [5, "مايو/أيار"],
    [6, "يونيو/حزيران"],
    [7, "يوليو/تموز"],
    [8, "أغسطس/آب"],
    [9, "سبتمبر/أيلول"],
    [10, "أكتوبر/تشرين الأول"],
    [11, "نوفمبر/تشرين الثاني"],
    [12, "ديسمبر/كانون الأول"],
  ])("month %i is %s", (month, pair) => {
    expect(gregorianMonthName(month, "egyptian-levantine")).toBe(pair);
    const date = DateTime.fromObject({ year: 2023, month, day: 15 }, { zone: ZONE });
    expect(formatGregorianDate(date, gregorian)).toContain(` 15 ${pair} 2023`);
  });

  it("offers the other month-name styles", () => {
    const date = parseArticleDate("2023-02-06", ZONE);
    expect(formatGregorianDate(date, { ...gregorian, monthNames: "levantine-egyptian" })).toBe(
      "الاثنين 6 شباط/فبراير 2023",
    );
    expect(formatGregorianDate(date, { ...gregorian, monthNames: "egyptian" })).toBe(
      "الاثنين 6 فبراير 2023",
    );
    expect(formatGregorianDate(date, { ...gregorian, monthNames: "levantine" })).toBe(
      "الاثنين 6 شباط 2023",
    );
  });

  it("names every weekday", () => {
    const names = [19, 20, 21, 22, 23, 24, 25].map(
      (day) =>
        formatGregorianDate(
          DateTime.fromObject({ year: 2023, month: 6, day }, { zone: ZONE }),
          gregorian,
        ).split(" ")[0],
    );
    expect(names).toEqual([
      "الاثنين",
      "الثلاثاء",
      "الأربعاء",
      "الخميس",
      "الجمعة",
      "السبت",
      "الأحد",
    ]);
  });

  it("writes Arabic-Indic digits by option", () => {
    const date = parseArticleDate("2023-06-21", ZONE);
    expect(formatGregorianDate(date, { ...gregorian, digits: "arab" })).toBe(
      "الأربعاء ٢١ يونيو/حزيران ٢٠٢٣",
    );
  });

  it("uses the calendar day in the site's zone, not in UTC", () => {
    const lateEvening = parseArticleDate("2023-06-21T22:30:00Z", ZONE);
    expect(formatGregorianDate(lateEvening, gregorian)).toBe("الخميس 22 يونيو/حزيران 2023");
    expect(formatGregorianDate(lateEvening, { ...gregorian, zone: "America/New_York" })).toBe(
      "الأربعاء 21 يونيو/حزيران 2023",
    );
  });

  it("refuses an unknown zone", () => {
    expect(() =>
      formatGregorianDate(DateTime.utc(2023), { ...gregorian, zone: "Mars/Olympus" }),
    ).toThrow(RangeError);
  });

  it("refuses a month outside 1–12", () => {
    expect(() => gregorianMonthName(13, "egyptian")).toThrow(RangeError);
  });
});

describe("Hijri (Umm al-Qura)", () => {
  it("gives the Astana meeting's day", () => {
    expect(formatHijriDate(parseArticleDate("2023-06-21", ZONE), hijri)).toBe("3 ذو الحجة 1444 هـ");
  });

  // Days checked against the official Umm al-Qura calendar.
  it.each([
    ["2024-12-02", { day: 1, month: 6, year: 1446 }], // some npm libraries say Jumada al-Ula
    ["2023-03-23", { day: 1, month: 9, year: 1444 }], // 1 Ramadan 1444
    ["2024-03-11", { day: 1, month: 9, year: 1445 }], // 1 Ramadan 1445
    ["2022-07-30", { day: 1, month: 1, year: 1444 }], // 1 Muharram 1444
    ["2025-06-26", { day: 1, month: 1, year: 1447 }], // 1 Muharram 1447
    ["2025-03-30", { day: 1, month: 10, year: 1446 }], // 1 Shawwal 1446
    ["2000-01-01", { day: 24, month: 9, year: 1420 }],
  ])("%s is %o", (iso, expected) => {
    expect(toHijri(parseArticleDate(iso, ZONE), ZONE, 0)).toEqual(expected);
  });

  it("writes 2 December 2024 as 1 Jumada al-Akhirah 1446", () => {
    expect(formatHijriDate(parseArticleDate("2024-12-02", ZONE), hijri)).toBe(
      "1 جمادى الآخرة 1446 هـ",
    );
  });

  it("shifts by the site's adjustment, across month ends", () => {
    const date = parseArticleDate("2023-06-21", ZONE);
    expect(formatHijriDate(date, { ...hijri, adjustment: 1 })).toBe("4 ذو الحجة 1444 هـ");
    expect(formatHijriDate(date, { ...hijri, adjustment: -1 })).toBe("2 ذو الحجة 1444 هـ");
    const firstOfMuharram = parseArticleDate("2025-06-26", ZONE);
    expect(formatHijriDate(firstOfMuharram, { ...hijri, adjustment: -1 })).toMatch(
      /^(29|30) ذو الحجة 1446 هـ$/,
    );
  });

  it("converts the calendar day in the site's zone", () => {
    const moment = parseArticleDate("2023-06-21T22:30:00Z", ZONE); // already 22 June in Istanbul
    expect(formatHijriDate(moment, hijri)).toBe("4 ذو الحجة 1444 هـ");
    expect(formatHijriDate(moment, { ...hijri, zone: "UTC" })).toBe("3 ذو الحجة 1444 هـ");
  });

  it("writes Arabic-Indic digits by option", () => {
    expect(
      formatHijriDate(parseArticleDate("2023-06-21", ZONE), { ...hijri, digits: "arab" }),
    ).toBe("٣ ذو الحجة ١٤٤٤ هـ");
  });

  it("names all twelve months", () => {
    expect(Array.from({ length: 12 }, (_, i) => hijriMonthName(i + 1))).toEqual([
      "محرم",
      "صفر",
      "ربيع الأول",
      "ربيع الآخر",
      "جمادى الأولى",
      "جمادى الآخرة",
      "رجب",
      "شعبان",
      "رمضان",
      "شوال",
      "ذو القعدة",
      "ذو الحجة",
    ]);
    expect(() => hijriMonthName(0)).toThrow(RangeError);
  });
});

describe("independence from the machine's time zone", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const sample = () =>
    [
      "2023-06-21",
      "2023-03-26",
      "2024-12-02",
      "2023-06-21T21:30:00Z",
      "2023-10-29T00:30:00+03:00",
    ].map((value) => {
      const date = parseArticleDate(value, ZONE);
      return [
        toIsoDateTime(date, ZONE),
        formatGregorianDate(date, gregorian),
        formatHijriDate(date, hijri),
      ].join(" | ");
    });

  it("gives the same results under UTC, America/Los_Angeles and Asia/Tokyo", () => {
    process.env.TZ = "UTC";
    const utc = sample();
    process.env.TZ = "America/Los_Angeles";
    expect(new Date(Date.UTC(2023, 5, 21)).getHours()).not.toBe(0); // the change took effect
    const losAngeles = sample();
    process.env.TZ = "Asia/Tokyo";
    const tokyo = sample();
    expect(losAngeles).toEqual(utc);
    expect(tokyo).toEqual(utc);
    expect(utc[0]).toBe(
      "2023-06-21T00:00:00+03:00 | الأربعاء 21 يونيو/حزيران 2023 | 3 ذو الحجة 1444 هـ",
    );
  });
});

describe("datesInText", () => {
  const dates = (text: string) => datesInText(text).map(([start, end]) => text.slice(start, end));

  it("finds a day with its month, in every month style, with or without a year, in both digit styles", () => {
    expect(
      dates("في 6 فبراير/شباط 2023 وحتى 13 أغسطس المقبل، و1 كانون الثاني 2024 و٣ ذو الحجة ١٤٤٤ هـ"),
    ).toEqual(["6 فبراير/شباط 2023", "13 أغسطس", "1 كانون الثاني 2024", "٣ ذو الحجة ١٤٤٤ هـ"]);
  });

  it("finds no date in a number that is not a day, nor in text without a month", () => {
    expect(dates("رقم 2254 فبراير و123 مارس")).toEqual([]);
    expect(dates("18 جولة من بين 20")).toEqual([]);
  });
});
