// Archive by month: articles grouped by Gregorian and by Hijri (Umm al-Qura) month, with their paths and Arabic titles.

import type { DateTime } from "luxon";
import {
  gregorianMonthName,
  hijriMonthName,
  toHijri,
  type MonthNameStyle,
} from "../arabic/dates.ts";
import { localizeDigits, type DigitStyle } from "../arabic/digits.ts";

export type Calendar = "gregorian" | "hijri";

/** One calendar month and the articles published in it (in the order given). */
export interface MonthGroup<T> {
  calendar: Calendar;
  year: number;
  /** 1–12 */
  month: number;
  articles: T[];
}

/** What month grouping and titles need from the site settings. */
export interface ArchiveSettings {
  timeZone: string;
  hijriAdjustment: number;
  monthNames: MonthNameStyle;
  digits: DigitStyle;
}

/**
 * Groups articles by the Gregorian month of their date in the site's zone. Groups come in the
 * order of their first article, so newest-first articles give newest-first months.
 * @example groupByMonth(articles, "gregorian", settings)[0] //=> { calendar: "gregorian", year: 2023, month: 6, articles: [...] }
 */
export function groupByMonth<T extends { date: DateTime }>(
  articles: readonly T[],
  calendar: Calendar,
  settings: Pick<ArchiveSettings, "timeZone" | "hijriAdjustment">,
): MonthGroup<T>[] {
  const groups = new Map<number, MonthGroup<T>>();
  // A news site publishes several articles a day: each calendar day is converted to the Hijri
  // calendar once (ICU's conversion costs tens of microseconds).
  const hijriMonths = new Map<string, { year: number; month: number }>();
  const hijriMonthOf = (date: DateTime) => {
    const local = date.setZone(settings.timeZone);
    const day = `${local.year}-${local.month}-${local.day}`;
    let found = hijriMonths.get(day);
    if (!found)
      hijriMonths.set(day, (found = toHijri(local, settings.timeZone, settings.hijriAdjustment)));
    return found;
  };
  for (const article of articles) {
    const { year, month } =
      calendar === "gregorian"
        ? article.date.setZone(settings.timeZone)
        : hijriMonthOf(article.date);
    const key = year * 100 + month;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { calendar, year, month, articles: [] }));
    group.articles.push(article);
  }
  return [...groups.values()];
}

/**
 * The site-relative path of a month's archive; digits are always ASCII in URLs.
 * @example monthPath({ calendar: "gregorian", year: 2023, month: 6 }) //=> "/archive/2023/06/"
 * @example monthPath({ calendar: "hijri", year: 1444, month: 12 }) //=> "/archive/hijri/1444/12/"
 */
export function monthPath(group: Pick<MonthGroup<unknown>, "calendar" | "year" | "month">): string {
  const month = String(group.month).padStart(2, "0");
  const calendar = group.calendar === "hijri" ? "hijri/" : "";
  return `/archive/${calendar}${group.year}/${month}/`;
}

/**
 * The month as a reader names it, in the site's month-name style and digits.
 * @example monthName({ calendar: "gregorian", year: 2023, month: 6 }, settings) //=> "يونيو/حزيران 2023"
 * @example monthName({ calendar: "hijri", year: 1444, month: 12 }, settings) //=> "ذو الحجة 1444 هـ"
 */
export function monthName(
  group: Pick<MonthGroup<unknown>, "calendar" | "year" | "month">,
  settings: Pick<ArchiveSettings, "monthNames" | "digits">,
): string {
  const year = group.calendar === "gregorian" ? `${group.year}` : `${group.year} هـ`;
  return localizeDigits(`${monthNameInYear(group, settings)} ${year}`, settings.digits);
}

/**
 * The month's name alone, for lists grouped under their year.
 * @example monthNameInYear({ calendar: "hijri", month: 9 }, settings) //=> "رمضان"
 */
export function monthNameInYear(
  group: Pick<MonthGroup<unknown>, "calendar" | "month">,
  settings: Pick<ArchiveSettings, "monthNames">,
): string {
  return group.calendar === "gregorian"
    ? gregorianMonthName(group.month, settings.monthNames)
    : hijriMonthName(group.month);
}

/**
 * The title of a month's archive page.
 * @example monthTitle({ calendar: "hijri", year: 1444, month: 12 }, settings) //=> "أرشيف ذو الحجة 1444 هـ"
 */
export function monthTitle(
  group: Pick<MonthGroup<unknown>, "calendar" | "year" | "month">,
  settings: Pick<ArchiveSettings, "monthNames" | "digits">,
): string {
  return `أرشيف ${monthName(group, settings)}`;
}

/** The months of one year, for the archive index. */
export interface YearGroup<T> {
  calendar: Calendar;
  year: number;
  months: MonthGroup<T>[];
}

/**
 * Gathers month groups under their years, keeping their order.
 * @example groupYears(months).map((y) => y.year) //=> [2023, 2022]
 */
export function groupYears<T>(months: readonly MonthGroup<T>[]): YearGroup<T>[] {
  const years = new Map<number, YearGroup<T>>();
  for (const month of months) {
    let year = years.get(month.year);
    if (!year) {
      years.set(month.year, (year = { calendar: month.calendar, year: month.year, months: [] }));
    }
    year.months.push(month);
  }
  return [...years.values()];
}
