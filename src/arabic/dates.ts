// Dates for Arabic news pages: parsing frontmatter dates, Gregorian and Hijri (Umm al-Qura) display, ISO for <time>.

import { DateTime } from "luxon";
import { localizeDigits, type DigitStyle } from "./digits.ts";

/** How Gregorian month names are written: both traditions joined by a slash, or one alone. */
export const MONTH_NAME_STYLES = [
  "egyptian-levantine",
  "levantine-egyptian",
  "egyptian",
  "levantine",
] as const;
export type MonthNameStyle = (typeof MONTH_NAME_STYLES)[number];

export interface GregorianOptions {
  /** IANA zone of the newsroom: the calendar day is the day there. */
  zone: string;
  monthNames: MonthNameStyle;
  digits: DigitStyle;
}

export interface HijriOptions {
  zone: string;
  /** Days added before conversion, for newsrooms that follow local moon sighting (−2…2). */
  adjustment: number;
  digits: DigitStyle;
}

/** Thrown for a frontmatter date that cannot be published as written. */
export class DateInputError extends Error {
  override name = "DateInputError";
  constructor(
    message: string,
    /** What is wrong, for messages in the editor's language (src/content/schema.ts). */
    readonly reason: DateInputReason,
  ) {
    super(message);
  }
}

/** Why a date was refused: not a day that exists, not a date at all, a time without its offset, a time that does not exist. */
export type DateInputReason = "not-a-day" | "not-a-date" | "no-offset" | "not-a-time";

/**
 * Reads a frontmatter date. A bare date is that calendar day in the site's zone; a date-time
 * must carry its offset. Impossible days are refused, never rolled over.
 * @example parseArticleDate("2023-06-21", "Europe/Istanbul").toISO() //=> "2023-06-21T00:00:00.000+03:00"
 */
export function parseArticleDate(value: string, zone: string): DateTime {
  const text = value.trim();
  if (DATE_ONLY.test(text)) {
    // The day's first moment there, built from its parts: about twice as fast as parsing it and
    // then moving to the start of the day (the same instant, also where a clock change skips
    // midnight, as in Damascus until 2022).
    const [year, month, day] = text.split("-").map(Number);
    const start = DateTime.fromObject({ year, month, day }, { zone });
    if (!start.isValid)
      throw new DateInputError(`"${value}" is not a real day (${DATE_FORMS})`, "not-a-day");
    return start;
  }
  const parts = DATE_TIME.exec(text);
  if (!parts) {
    throw new DateInputError(`"${value}" is not a date (${DATE_FORMS})`, "not-a-date");
  }
  if (!parts[2]) {
    throw new DateInputError(
      `"${value}" has a time but no offset (add one, such as +03:00 or Z, so the moment is unambiguous)`,
      "no-offset",
    );
  }
  const moment = DateTime.fromISO(text.replace(" ", "T"), { setZone: true });
  if (!moment.isValid) {
    // Say which half is wrong: the day, or the time of day.
    if (!DateTime.fromISO(parts[1] ?? "", { zone: "UTC" }).isValid) {
      throw new DateInputError(`"${value}" is not a real day (${DATE_FORMS})`, "not-a-day");
    }
    throw new DateInputError(`"${value}" is not a real time of day`, "not-a-time");
  }
  return moment.setZone(zone);
}

/**
 * The Gregorian date as Arabic news copy writes it.
 * @example formatGregorianDate(d, { zone: "Asia/Damascus", monthNames: "egyptian-levantine", digits: "latn" })
 * //=> "الأربعاء 21 يونيو/حزيران 2023"
 */
export function formatGregorianDate(date: DateTime, options: GregorianOptions): string {
  const local = inZone(date, options.zone);
  const weekday = WEEKDAYS[local.weekday - 1];
  const month = gregorianMonthName(local.month, options.monthNames);
  return localizeDigits(`${weekday} ${local.day} ${month} ${local.year}`, options.digits);
}

/**
 * The Gregorian month name in the chosen style.
 * @example gregorianMonthName(6, "egyptian-levantine") //=> "يونيو/حزيران"
 */
export function gregorianMonthName(month: number, style: MonthNameStyle): string {
  const pair = GREGORIAN_MONTHS[month - 1];
  if (!pair) throw new RangeError(`month ${month} is outside 1–12`);
  const [egyptian, levantine] = pair;
  switch (style) {
    case "egyptian-levantine":
      return `${egyptian}/${levantine}`;
    case "levantine-egyptian":
      return `${levantine}/${egyptian}`;
    case "egyptian":
      return egyptian;
    case "levantine":
      return levantine;
  }
}

/**
 * Where running text names a day and its month (and perhaps a year), as [start, end) offsets:
 * "6 فبراير/شباط 2023", "13 أغسطس", "3 ذو الحجة 1444 هـ", in Latin or Arabic-Indic digits. A line
 * break inside one separates the day from its month, so pages keep each on one line.
 * @example datesInText("في 6 فبراير/شباط 2023 ضرب") //=> [[3, 21]]
 */
export function datesInText(text: string): [number, number][] {
  if (!/[0-9\u0660-\u0669]/.test(text)) return [];
  return [...text.matchAll(DATE_IN_TEXT)].map((match) => [
    match.index,
    match.index + match[0].length,
  ]);
}

/** The Hijri (Umm al-Qura) day, month (1–12) and year of a date's calendar day in a zone. */
export interface HijriDay {
  day: number;
  month: number;
  year: number;
}

/**
 * Converts the date's calendar day in `zone` to the Umm al-Qura calendar, shifted by
 * `adjustment` days. ICU's `islamic-umalqura` follows the official table; `islamic` and
 * `islamic-civil` are arithmetic and differ from it by a day on many dates.
 * @example toHijri(DateTime.fromISO("2024-12-02"), "UTC", 0) //=> { day: 1, month: 6, year: 1446 }
 */
export function toHijri(date: DateTime, zone: string, adjustment: number): HijriDay {
  const local = inZone(date, zone);
  const noonUtc = Date.UTC(local.year, local.month - 1, local.day + adjustment, 12);
  const numbers: Record<string, number> = {};
  for (const part of HIJRI_NUMERIC.formatToParts(noonUtc)) {
    if (part.type === "day" || part.type === "month" || part.type === "year") {
      numbers[part.type] = Number(part.value);
    }
  }
  const { day, month, year } = numbers;
  if (day === undefined || month === undefined || year === undefined) {
    throw new Error("this Node.js build's ICU cannot convert to the islamic-umalqura calendar");
  }
  return { day, month, year };
}

/**
 * The Hijri date as Arabic copy writes it.
 * @example formatHijriDate(d, { zone: "Europe/Istanbul", adjustment: 0, digits: "latn" }) //=> "3 ذو الحجة 1444 هـ"
 */
export function formatHijriDate(date: DateTime, options: HijriOptions): string {
  const { day, month, year } = toHijri(date, options.zone, options.adjustment);
  return localizeDigits(`${day} ${hijriMonthName(month)} ${year} هـ`, options.digits);
}

/**
 * The Arabic name of a Hijri month.
 * @example hijriMonthName(12) //=> "ذو الحجة"
 */
export function hijriMonthName(month: number): string {
  const name = HIJRI_MONTHS[month - 1];
  if (!name) throw new RangeError(`Hijri month ${month} is outside 1–12`);
  return name;
}

/**
 * ISO 8601 with the zone's offset, for `<time datetime>`; whole seconds, no milliseconds.
 * @example toIsoDateTime(d, "Europe/Istanbul") //=> "2023-06-21T00:00:00+03:00"
 */
export function toIsoDateTime(date: DateTime, zone: string): string {
  return inZone(date, zone).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}

/**
 * When an article last changed: its `updated` date, else its `date`.
 * @example lastChanged({ date: published, updated: corrected }) //=> corrected
 */
export function lastChanged(article: { date: DateTime; updated?: DateTime | undefined }): DateTime {
  return article.updated ?? article.date;
}

// ---------------------------------------------------------------------------------------------
// Internals

const DATE_FORMS = "expected YYYY-MM-DD, or an ISO 8601 date-time with offset";
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// date, then T or space, then hh:mm[:ss[.fff]], then an optional offset
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

function inZone(date: DateTime, zone: string): DateTime {
  const local = date.setZone(zone);
  if (!local.isValid) throw new RangeError(`"${zone}" is not a known IANA time zone`);
  return local;
}

/** [Egyptian (Latin-derived), Levantine (Syriac-derived)] month names. */
const GREGORIAN_MONTHS: readonly (readonly [string, string])[] = [
  ["يناير", "كانون الثاني"],
  ["فبراير", "شباط"],
  ["مارس", "آذار"],
  ["أبريل", "نيسان"],
  ["مايو", "أيار"],
  ["يونيو", "حزيران"],
  ["يوليو", "تموز"],
  ["أغسطس", "آب"],
  ["سبتمبر", "أيلول"],
  ["أكتوبر", "تشرين الأول"],
  ["نوفمبر", "تشرين الثاني"],
  ["ديسمبر", "كانون الأول"],
];

/** Monday first, as luxon numbers weekdays (1 = Monday). */
const WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"];

const HIJRI_MONTHS = [
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
];

// A day (1 or 2 digits, not the end of a longer number), a month name in any style, the other
// style's name after a slash, then an optional year of 3 or 4 digits and the Hijri era mark.
const MONTH_NAMES = [...GREGORIAN_MONTHS.flat(), ...HIJRI_MONTHS]
  .sort((a, b) => b.length - a.length)
  .join("|");
const DATE_IN_TEXT = new RegExp(
  `(?<![0-9\\u0660-\\u0669])[0-9\\u0660-\\u0669]{1,2} (?:${MONTH_NAMES})(?: ?/ ?(?:${MONTH_NAMES}))?(?: [0-9\\u0660-\\u0669]{3,4}(?![0-9\\u0660-\\u0669])(?: هـ)?)?`,
  "g",
);

// Built once: formatting is per page, constructing an Intl formatter is not cheap.
const HIJRI_NUMERIC = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
  timeZone: "UTC",
  day: "numeric",
  month: "numeric",
  year: "numeric",
});
