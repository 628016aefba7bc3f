// Times of day as Arabic news copy writes them: «10:15 بتوقيت إسطنبول», or the offset from Greenwich.

import type { DateTime } from "luxon";
import { localizeDigits, type DigitStyle } from "./digits.ts";

/** The IANA zones whose city Arabic news sites name, and the name («بتوقيت …»). */
export const ZONE_CITIES: Readonly<Record<string, string>> = {
  "Africa/Algiers": "الجزائر",
  "Africa/Cairo": "القاهرة",
  "Africa/Casablanca": "الدار البيضاء",
  "Africa/Khartoum": "الخرطوم",
  "Africa/Mogadishu": "مقديشو",
  "Africa/Nouakchott": "نواكشوط",
  "Africa/Tripoli": "طرابلس",
  "Africa/Tunis": "تونس",
  "America/New_York": "نيويورك",
  "Asia/Aden": "صنعاء",
  "Asia/Amman": "عمان",
  "Asia/Baghdad": "بغداد",
  "Asia/Bahrain": "المنامة",
  "Asia/Beirut": "بيروت",
  "Asia/Damascus": "دمشق",
  "Asia/Dubai": "أبوظبي",
  "Asia/Gaza": "غزة",
  "Asia/Istanbul": "إسطنبول",
  "Asia/Jerusalem": "القدس",
  "Asia/Kuwait": "الكويت",
  "Asia/Muscat": "مسقط",
  "Asia/Qatar": "الدوحة",
  "Asia/Riyadh": "مكة المكرمة",
  "Asia/Tehran": "طهران",
  "Europe/Berlin": "برلين",
  "Europe/Istanbul": "إسطنبول",
  "Europe/London": "لندن",
  "Europe/Moscow": "موسكو",
  "Europe/Paris": "باريس",
};

/**
 * Whether a frontmatter date gives a time of day (a date-time), rather than a bare day.
 * @example hasTimeOfDay("2026-12-05T10:15+03:00") //=> true
 * @example hasTimeOfDay("2026-12-05") //=> false
 */
export function hasTimeOfDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value.trim());
}

/**
 * The time of day in the zone, on the 24-hour clock as Arabic news sites write it, in the
 * site's digits.
 * @example formatTimeOfDay(DateTime.fromISO("2026-12-05T07:15:00Z"), "Europe/Istanbul", "latn") //=> "10:15"
 * @example formatTimeOfDay(DateTime.fromISO("2026-12-05T07:15:00Z"), "Europe/Istanbul", "arab") //=> "١٠:١٥"
 */
export function formatTimeOfDay(date: DateTime, zone: string, digits: DigitStyle): string {
  return localizeDigits(date.setZone(zone).toFormat("HH:mm"), digits);
}

/**
 * Which clock a time is on, as Arabic news sites say it: «بتوقيت إسطنبول» for a zone whose
 * city they name (ZONE_CITIES), else the offset from Greenwich at that moment, «غرينتش+3»,
 * the signed offset isolated left to right (U+2066 … U+2069) so it never reads «3+» inside
 * Arabic text.
 * @example zoneName(DateTime.fromISO("2026-12-05T07:15:00Z"), "Europe/Istanbul", "latn") //=> "بتوقيت إسطنبول"
 * @example zoneName(DateTime.fromISO("2026-12-05T07:15:00Z"), "Asia/Kolkata", "latn") //=> "بتوقيت غرينتش\u2066+5:30\u2069"
 * @example zoneName(DateTime.fromISO("2026-12-05T07:15:00Z"), "UTC", "latn") //=> "بتوقيت غرينتش"
 */
export function zoneName(date: DateTime, zone: string, digits: DigitStyle): string {
  const city = ZONE_CITIES[zone];
  if (city) return `بتوقيت ${city}`;
  const minutes = date.setZone(zone).offset;
  if (minutes === 0) return "بتوقيت غرينتش";
  const sign = minutes > 0 ? "+" : "-";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  const offset = `${sign}${hours}${rest === 0 ? "" : `:${String(rest).padStart(2, "0")}`}`;
  return `بتوقيت غرينتش\u2066${localizeDigits(offset, digits)}\u2069`;
}

/**
 * The calendar day of a moment in the zone, as an ISO date: what "the same day" means for
 * times shown in lists.
 * @example calendarDay(DateTime.fromISO("2026-12-05T22:30:00Z"), "Europe/Istanbul") //=> "2026-12-06"
 */
export function calendarDay(date: DateTime, zone: string): string {
  return date.setZone(zone).toISODate() ?? "";
}
