// The 404 page, served by static hosts for any missing path (so its links are absolute).

import { sitePath } from "../site/urls.ts";
import { Base } from "./base.tsx";
import type { PageData } from "./page-data.ts";

export function NotFoundPage({ data }: { data: PageData }) {
  const { site } = data;
  return (
    <Base data={data} title="الصفحة غير موجودة" description="لم نعثر على الصفحة المطلوبة.">
      <h1>الصفحة غير موجودة</h1>
      <p>ربما نُقلت الصفحة أو حُذفت، أو أن الرابط غير صحيح.</p>
      <p>
        <a href={sitePath(site, "/")}>{`العودة إلى الصفحة الرئيسية لـ${site.name}`}</a>
      </p>
    </Base>
  );
}
