// A date as readers see it: Gregorian and Hijri text, each in <time> with the ISO moment.

import type { DateTime } from "luxon";
import { formatGregorianDate, formatHijriDate, toIsoDateTime } from "../arabic/dates.ts";
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
  const key = `${site.timeZone} ${site.monthNames} ${site.digits} ${site.hijriAdjustment}`;
  const { iso, gregorian, hijriText } = memo.date(date, key, () => formatted(site, date));
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

function formatted(site: Site, date: DateTime) {
  return {
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
}
