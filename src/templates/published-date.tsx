// A date as readers see it: Gregorian and Hijri text, and the time of day with its zone, each in <time> with the ISO moment.

import type { DateTime } from "luxon";
import { formatGregorianDate, formatHijriDate, toIsoDateTime } from "../arabic/dates.ts";
import { calendarDay, formatTimeOfDay, zoneName } from "../arabic/times.ts";
import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-settings.ts";
import type { TemplateMemo } from "./reuse.tsx";

export interface PublishedDateProps {
  site: Site;
  memo: TemplateMemo;
  date: DateTime;
  /** Include the Hijri date (article pages do; lists keep to the Gregorian). */
  hijri?: boolean;
}

/** "الأربعاء 21 يونيو/حزيران 2023 (3 ذو الحجة 1444 هـ)", both machine-readable. */
export function PublishedDate({ site, memo, date, hijri = false }: PublishedDateProps) {
  // An article's date is shown on its page and in every list it appears in (home, tags, months,
  // related links): formatted once per build and site settings, not once per appearance.
  const { iso, gregorian, hijriText } = formattedOnce(site, memo, date);
  if (!hijri) return <time datetime={iso}>{gregorian}</time>;
  return (
    <>
      <time datetime={iso}>{gregorian}</time>
      {" الموافق "}
      <time class="hijri" datetime={iso}>
        {hijriText}
      </time>
    </>
  );
}

export interface TimeOfDayProps {
  site: Site;
  memo: TemplateMemo;
  date: DateTime;
  /** Say which clock: «بتوقيت إسطنبول» (once per line: the first time shown on it). */
  zone?: boolean;
}

/** «10:15 بتوقيت إسطنبول»: the time in the site's zone, in a <time> with the full moment. */
export function TimeOfDay({ site, memo, date, zone = false }: TimeOfDayProps) {
  const { iso, time, zoneText } = formattedOnce(site, memo, date);
  return (
    <>
      <time datetime={iso}>{time}</time>
      {zone && ` ${zoneText}`}
    </>
  );
}

/**
 * When an article was last updated: the time alone when it is on the day of publication and
 * both give a time («16:40»), else the day, and its time when `updated` gives one. The zone is
 * named here when the publication time did not name it already.
 */
export function UpdatedAt({
  site,
  memo,
  article,
  updated,
}: {
  site: Site;
  memo: TemplateMemo;
  article: Article;
  updated: DateTime;
}) {
  const zone = !article.hasTime.date;
  if (!article.hasTime.updated) return <PublishedDate site={site} memo={memo} date={updated} />;
  const sameDay =
    article.hasTime.date &&
    calendarDay(updated, site.timeZone) === calendarDay(article.date, site.timeZone);
  if (sameDay) return <TimeOfDay site={site} memo={memo} date={updated} zone={zone} />;
  return (
    <>
      <PublishedDate site={site} memo={memo} date={updated} />{" "}
      <TimeOfDay site={site} memo={memo} date={updated} zone={zone} />
    </>
  );
}

/** Everything a date is shown as, made once per build and site settings. */
function formattedOnce(site: Site, memo: TemplateMemo, date: DateTime) {
  const key = `${site.timeZone} ${site.monthNames} ${site.digits} ${site.hijriAdjustment}`;
  return memo.date(date, key, () => formatted(site, date));
}

function formatted(site: Site, date: DateTime) {
  return {
    iso: toIsoDateTime(date, site.timeZone),
    gregorian: formatGregorianDate(date, {
      zone: site.timeZone,
      monthNames: site.monthNames,
      digits: site.digits,
    }),
    time: formatTimeOfDay(date, site.timeZone, site.digits),
    zoneText: zoneName(date, site.timeZone, site.digits),
    hijriText: formatHijriDate(date, {
      zone: site.timeZone,
      adjustment: site.hijriAdjustment,
      digits: site.digits,
    }),
  };
}
