// The editor's mark on a draft or scheduled article in npm start's preview; a production build never has one.

import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-settings.ts";
import { PublishedDate } from "./published-date.tsx";
import type { PreviewMarks } from "./page-data.ts";
import type { TemplateMemo } from "./reuse.tsx";
import { siteVoice } from "./site-voice.tsx";

export interface PreviewMarkProps {
  site: Site;
  memo: TemplateMemo;
  article: Article;
  /** Only the preview passes this: without it there is nothing to mark. */
  preview: PreviewMarks | undefined;
}

/**
 * «مسودة: لا تظهر في الموقع المنشور» or «مجدولة: تُنشر في …» (the date as the site shows
 * dates), in the site's language (marked so in an article in another); a landmark with a
 * name, so screen readers announce it.
 * @example <PreviewMark site={site} memo={memo} article={draft} preview={{ now }} />
 */
export function PreviewMark({ site, memo, article, preview }: PreviewMarkProps) {
  if (!preview) return null;
  const state = article.draft
    ? "draft"
    : article.date.toMillis() > preview.now
      ? "scheduled"
      : undefined;
  if (!state) return null;
  const text = site.language.split("-")[0] === "ar" ? ARABIC[state] : ENGLISH[state];
  return (
    <aside
      class={`preview-mark preview-mark-${state}`}
      aria-label={text.name}
      {...siteVoice(site, article)}
    >
      <p>
        <strong>{text.name}:</strong> {text.note}
        {state === "scheduled" && <PublishedDate site={site} memo={memo} date={article.date} />}
      </p>
    </aside>
  );
}

const ARABIC = {
  draft: { name: "مسودة", note: "لا تظهر في الموقع المنشور" },
  scheduled: { name: "مجدولة", note: "تُنشر في " },
} as const;

const ENGLISH = {
  draft: { name: "Draft", note: "not shown on the published site" },
  scheduled: { name: "Scheduled", note: "published on " },
} as const;
