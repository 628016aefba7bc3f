// A date as readers see it: Gregorian and Hijri text, each in <time> with the ISO moment.

import type { DateTime } from "luxon";
import { formatGregorianDate, formatHijriDate, toIsoDateTime } from "../arabic/dates.ts";
import type { Site } from "../content/site-settings.ts";

export interface PublishedDateProps {
  site: Site;
  date: DateTime;
  /** Include the Hijri date (article pages do; lists keep to the Gregorian). */
  hijri?: boolean;
}

/** "الأربعاء 21 يونيو/حزيران 2023 (3 ذو الحجة 1444 هـ)", both machine-readable. */
export function PublishedDate({ site, date, hijri = false }: PublishedDateProps) {
  const { iso, gregorian, hijriText } = formatted(site, date);
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

// An article's date is shown on its page and in every list it appears in (home, tags, months,
// related links): format each date once per build and site settings, not once per appearance.
const FORMATTED = new WeakMap<
  DateTime,
  { key: string; iso: string; gregorian: string; hijriText: string }
>();

function formatted(site: Site, date: DateTime) {
  const key = `${site.timeZone} ${site.monthNames} ${site.digits} ${site.hijriAdjustment}`;
  let entry = FORMATTED.get(date);
  if (entry?.key !== key) {
    entry = {
      key,
      iso: toIsoDateTime(date, site.timeZone),
      gregorian: formatGregorianDate(date, {
        zone: site.timeZone,
        monthNames: site.monthNames,
        digits: site.digits,
      }),
      hijriText: formatHijriDate(date, {
        zone: site.timeZone,
        adjustment: site.hijriAdjustment,
        digits: site.digits,
      }),
    };
    FORMATTED.set(date, entry);
  }
  return entry;
}
