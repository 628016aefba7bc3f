// The pager under a paginated list: newer and older pages (rel=prev/next) and a window of page numbers.

import { localizeDigits } from "../arabic/digits.ts";
import { pageWindow, pagePath, type Page } from "../site/pagination.ts";
import type { Site } from "../content/site-settings.ts";
import { sitePath } from "../site/urls.ts";

export interface PagerProps {
  site: Site;
  page: Page<unknown>;
}

/** Nothing for a single page; otherwise a labelled <nav>. Page 1 holds the newest articles. */
export function Pager({ site, page }: PagerProps) {
  if (page.count < 2) return null;
  const number = (value: number) => localizeDigits(String(value), site.digits);
  return (
    <nav class="pager" aria-label="صفحات القائمة">
      <ul>
        {page.previousPath !== undefined && (
          <li class="pager-step">
            <a rel="prev" href={sitePath(site, page.previousPath)}>
              الصفحة السابقة
            </a>
          </li>
        )}
        {pageWindow(page.number, page.count).map((entry) =>
          entry === "gap" ? (
            <li class="pager-gap">…</li>
          ) : entry === page.number ? (
            <li>
              <a aria-current="page" href={sitePath(site, page.path)}>
                <span class="visually-hidden">الصفحة </span>
                {number(entry)}
              </a>
            </li>
          ) : (
            <li>
              <a href={sitePath(site, pagePath(page.firstPath, entry))}>
                <span class="visually-hidden">الصفحة </span>
                {number(entry)}
              </a>
            </li>
          ),
        )}
        {page.nextPath !== undefined && (
          <li class="pager-step">
            <a rel="next" href={sitePath(site, page.nextPath)}>
              الصفحة التالية
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/**
 * ", الصفحة 2 من 15" after a title on pages after the first, so every page's title is unique.
 * @example pageSuffix(site, { number: 2, count: 15 }) //=> "، الصفحة 2 من 15"
 */
export function pageSuffix(site: Site, page: Pick<Page<unknown>, "number" | "count">): string {
  if (page.number === 1) return "";
  return localizeDigits(`، الصفحة ${page.number} من ${page.count}`, site.digits);
}
