import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  calendarDay,
  formatTimeOfDay,
  hasTimeOfDay,
  ZONE_CITIES,
  zoneName,
} from "../../src/arabic/times.ts";

const moment = DateTime.fromISO("2026-12-05T07:15:00Z", { setZone: true });

describe("hasTimeOfDay", () => {
  it("tells a date-time from a bare day", () => {
    expect(hasTimeOfDay("2026-12-05T10:15+03:00")).toBe(true);
    expect(hasTimeOfDay("2026-12-05 10:15:30Z")).toBe(true);
    expect(hasTimeOfDay(" 2026-12-05 ")).toBe(false);
    expect(hasTimeOfDay("10:15")).toBe(false);
  });
});

describe("formatTimeOfDay", () => {
  it("writes the time in the zone on the 24-hour clock", () => {
    expect(formatTimeOfDay(moment, "Europe/Istanbul", "latn")).toBe("10:15");
    expect(formatTimeOfDay(moment, "America/New_York", "latn")).toBe("02:15");
    expect(formatTimeOfDay(moment.plus({ hours: 9 }), "Asia/Riyadh", "latn")).toBe("19:15");
  });

  it("follows the digits setting", () => {
    expect(formatTimeOfDay(moment, "Europe/Istanbul", "arab")).toBe("١٠:١٥");
  });

  it("does not depend on the machine's zone", () => {
    const saved = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      expect(formatTimeOfDay(moment, "Africa/Cairo", "latn")).toBe("09:15");
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("zoneName", () => {
  it("names the city Arabic news sites name for the zone", () => {
    expect(zoneName(moment, "Europe/Istanbul", "latn")).toBe("بتوقيت إسطنبول");
    expect(zoneName(moment, "Asia/Riyadh", "latn")).toBe("بتوقيت مكة المكرمة");
    expect(zoneName(moment, "Asia/Dubai", "latn")).toBe("بتوقيت أبوظبي");
  });

  it("gives the offset from Greenwich, isolated left to right, for any other zone", () => {
    expect(zoneName(moment, "Asia/Kolkata", "latn")).toBe("بتوقيت غرينتش\u2066+5:30\u2069");
    expect(zoneName(moment, "America/Sao_Paulo", "latn")).toBe("بتوقيت غرينتش\u2066-3\u2069");
    expect(zoneName(moment, "Asia/Kolkata", "arab")).toBe("بتوقيت غرينتش\u2066+٥:٣٠\u2069");
    expect(zoneName(moment, "UTC", "latn")).toBe("بتوقيت غرينتش");
  });

  it("uses the offset in force at that moment (summer time)", () => {
    const summer = DateTime.fromISO("2026-07-01T12:00:00Z");
    expect(zoneName(summer, "America/Halifax", "latn")).toBe("بتوقيت غرينتش\u2066-3\u2069");
    expect(zoneName(moment, "America/Halifax", "latn")).toBe("بتوقيت غرينتش\u2066-4\u2069");
  });

  it("maps only zones that exist, each to a name in Arabic letters", () => {
    for (const [zone, city] of Object.entries(ZONE_CITIES)) {
      expect(DateTime.now().setZone(zone).isValid, zone).toBe(true);
      expect(city).toMatch(/^[\u0621-\u064a ]+$/);
    }
  });
});

describe("calendarDay", () => {
  it("is the day in the zone, not in UTC", () => {
    const late = DateTime.fromISO("2026-12-05T22:30:00Z");
    expect(calendarDay(late, "Europe/Istanbul")).toBe("2026-12-06");
    expect(calendarDay(late, "UTC")).toBe("2026-12-05");
  });
});
