import { describe, expect, it } from "vitest";
import {
  groupByMonth,
  groupYears,
  monthName,
  monthNameInYear,
  monthPath,
  monthTitle,
  type ArchiveSettings,
} from "../../src/site/archive.ts";
import { makeArticle, newestFirst } from "../helpers/nav-articles.ts";

const settings: ArchiveSettings = {
  timeZone: "Europe/Istanbul",
  hijriAdjustment: 0,
  monthNames: "egyptian-levantine",
  digits: "latn",
};

describe("groupByMonth (Gregorian)", () => {
  it("groups by the calendar month in the site's zone, not in UTC", () => {
    // 22:30 UTC on 30 June is 01:30 on 1 July in Istanbul.
    const late = makeArticle("late", "2023-06-30T22:30:00Z");
    expect(groupByMonth([late], "gregorian", settings)[0]).toMatchObject({ year: 2023, month: 7 });
    expect(groupByMonth([late], "gregorian", { ...settings, timeZone: "UTC" })[0]).toMatchObject({
      year: 2023,
      month: 6,
    });
  });

  it("keeps newest-first order: months by their newest article, articles as given", () => {
    const articles = newestFirst([
      makeArticle("a", "2023-05-02T10:00:00+03:00"),
      makeArticle("b", "2023-06-21T10:00:00+03:00"),
      makeArticle("c", "2023-06-01T10:00:00+03:00"),
      makeArticle("d", "2022-12-31T10:00:00+03:00"),
    ]);
    const months = groupByMonth(articles, "gregorian", settings);
    expect(months.map((m) => [m.year, m.month, m.articles.map((a) => a.slug)])).toEqual([
      [2023, 6, ["b", "c"]],
      [2023, 5, ["a"]],
      [2022, 12, ["d"]],
    ]);
    expect(months.every((m) => m.calendar === "gregorian")).toBe(true);
  });
});

describe("groupByMonth (Hijri)", () => {
  // Umm al-Qura: 1 Dhu al-Hijjah 1444 was Monday 19 June 2023 (Arafat, the 9th, was 27 June).
  const lastOfQadah = makeArticle("qadah", "2023-06-18T12:00:00+03:00");
  const firstOfHijjah = makeArticle("hijjah", "2023-06-19T12:00:00+03:00");

  it("groups by Umm al-Qura month", () => {
    const months = groupByMonth([firstOfHijjah, lastOfQadah], "hijri", settings);
    expect(months.map((m) => [m.year, m.month, m.articles.length])).toEqual([
      [1444, 12, 1],
      [1444, 11, 1],
    ]);
  });

  it("follows the site's Hijri adjustment across a month's edge", () => {
    const months = groupByMonth([firstOfHijjah, lastOfQadah], "hijri", {
      ...settings,
      hijriAdjustment: 1,
    });
    expect(months.map((m) => [m.year, m.month, m.articles.length])).toEqual([[1444, 12, 2]]);
  });
});

describe("month paths and titles", () => {
  const june = { calendar: "gregorian", year: 2023, month: 6 } as const;
  const hijjah = { calendar: "hijri", year: 1444, month: 12 } as const;

  it("puts months at /archive/YYYY/MM/ and Hijri months under /archive/hijri/", () => {
    expect(monthPath(june)).toBe("/archive/2023/06/");
    expect(monthPath({ ...june, month: 11 })).toBe("/archive/2023/11/");
    expect(monthPath(hijjah)).toBe("/archive/hijri/1444/12/");
  });

  it("titles months in Arabic, in the site's month-name style and digits", () => {
    expect(monthTitle(june, settings)).toBe("أرشيف يونيو/حزيران 2023");
    expect(monthTitle(hijjah, settings)).toBe("أرشيف ذو الحجة 1444 هـ");
    expect(monthTitle(june, { monthNames: "levantine", digits: "arab" })).toBe("أرشيف حزيران ٢٠٢٣");
    expect(monthName(hijjah, { monthNames: "egyptian", digits: "arab" })).toBe("ذو الحجة ١٤٤٤ هـ");
  });

  it("names a month without its year for lists under a year heading", () => {
    expect(monthNameInYear(june, settings)).toBe("يونيو/حزيران");
    expect(monthNameInYear(hijjah, settings)).toBe("ذو الحجة");
    expect(monthNameInYear(june, { monthNames: "levantine" })).toBe("حزيران");
  });

  it("refuses a month outside 1–12", () => {
    expect(() => monthName({ ...june, month: 13 }, settings)).toThrow(RangeError);
  });
});

describe("groupYears", () => {
  it("gathers months under their years, in order", () => {
    const articles = newestFirst([
      makeArticle("a", "2024-01-05T10:00:00+03:00"),
      makeArticle("b", "2023-12-05T10:00:00+03:00"),
      makeArticle("c", "2023-11-05T10:00:00+03:00"),
    ]);
    const years = groupYears(groupByMonth(articles, "gregorian", settings));
    expect(years.map((y) => [y.year, y.months.map((m) => m.month)])).toEqual([
      [2024, [1]],
      [2023, [12, 11]],
    ]);
  });
});
