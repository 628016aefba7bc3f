// A date as readers see it: Gregorian and Hijri text, each in <time> with the ISO moment.

import type { DateTime } from "luxon";
import { formatGregorianDate, formatHijriDate, toIsoDateTime } from "../dates.ts";
import type { Site } from "../site.ts";

export interface PublishedDateProps {
  site: Site;
  date: DateTime;
  /** Include the Hijri date (article pages do; lists keep to the Gregorian). */
  hijri?: boolean;
}

/** "الأربعاء 21 يونيو/حزيران 2023 (3 ذو الحجة 1444 هـ)", both machine-readable. */
export function PublishedDate({ site, date, hijri = false }: PublishedDateProps) {
  const iso = toIsoDateTime(date, site.timeZone);
  const gregorian = formatGregorianDate(date, {
    zone: site.timeZone,
    monthNames: site.monthNames,
    digits: site.digits,
  });
  if (!hijri) return <time datetime={iso}>{gregorian}</time>;
  const hijriText = formatHijriDate(date, {
    zone: site.timeZone,
    adjustment: site.hijriAdjustment,
    digits: site.digits,
  });
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
