// The archive index: every month with articles, by Gregorian and by Hijri year, newest first.

import type { ArchiveYear } from "../site/navigation.ts";
import { ARTICLE_COUNT_FORMS, formatCount } from "../arabic/plurals.ts";
import type { Site } from "../content/site-settings.ts";
import { sitePath } from "../site/urls.ts";
import { Base } from "./base.tsx";
import type { PageData } from "./page-data.ts";

export function ArchiveIndexPage({ data }: { data: PageData }) {
  const { site, navigation } = data;
  return (
    <Base
      data={data}
      title="الأرشيف"
      description={`أرشيف ${site.name} شهرًا بشهر، بالتقويمين الميلادي والهجري.`}
      path="/archive/"
    >
      <h1>الأرشيف</h1>
      <section aria-labelledby="archive-gregorian">
        <h2 id="archive-gregorian">بالتقويم الميلادي</h2>
        <Years site={site} years={navigation.archive.gregorian} />
      </section>
      <section aria-labelledby="archive-hijri">
        <h2 id="archive-hijri">بالتقويم الهجري</h2>
        <Years site={site} years={navigation.archive.hijri} />
      </section>
    </Base>
  );
}

function Years({ site, years }: { site: Site; years: readonly ArchiveYear[] }) {
  if (years.length === 0) return <p>لا مقالات منشورة بعد.</p>;
  return (
    <>
      {years.map((year) => (
        <>
          <h3>{year.label}</h3>
          <ul class="archive-months">
            {year.months.map((month) => (
              <li>
                <a href={sitePath(site, month.path)}>{month.name}</a>{" "}
                <span class="count">{`(${formatCount(month.count, ARTICLE_COUNT_FORMS, site.digits)})`}</span>
              </li>
            ))}
          </ul>
        </>
      ))}
    </>
  );
}
