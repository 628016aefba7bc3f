// A list of articles, newest first: dateline, date, bylines, linked headline and standfirst (home, tag and month pages).

import { calendarDay } from "../arabic/times.ts";
import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-settings.ts";
import { sitePath } from "../site/urls.ts";
import type { PagedAuthor } from "../site/authors.ts";
import { Byline, bylineKey } from "./byline.tsx";
import type { ListingPageData } from "./page-data.ts";
import { Pager } from "./pager.tsx";
import { Kicker } from "./kicker.tsx";
import { Thumbnail, type SitePhotos } from "./picture.tsx";
import { PublishedDate, TimeOfDay } from "./published-date.tsx";
import type { TemplateMemo } from "./reuse.tsx";

export interface ArticleListProps {
  site: Site;
  memo: TemplateMemo;
  articles: readonly Article[];
  /** The articles' photos: one with a lead photo is listed with its thumbnail. */
  photos: SitePhotos;
  /** Each byline's author (Navigation's `bylines`), so bylines link to author pages. */
  bylines?: ReadonlyMap<string, PagedAuthor> | undefined;
  /** The day (Navigation's `newestDay`) whose stories are listed with their time of day. */
  timesOn?: string | undefined;
}

/** The list, or a sentence saying there is nothing yet. Headlines are h2: the page has the h1. */
export function ArticleList(props: ArticleListProps) {
  const { site, memo, articles, photos, bylines, timesOn } = props;
  if (articles.length === 0) return <p>لا مقالات منشورة بعد.</p>;
  return (
    <ol class="article-list">
      {articles.map((article) => {
        // A photo replaced under the same name has a new key, and so new markup.
        const lead = photos.get(article.path)?.lead;
        // An article is listed on the home page, its tags' pages and two month archives.
        const timed = article.hasTime.date && calendarDay(article.date, site.timeZone) === timesOn;
        const key = `list item ${memo.recordKey(site)} ${lead?.key ?? ""} ${bylineKey(article, bylines)} ${timed}`;
        return memo.reused(article, key, () => (
          <li lang={article.lang === site.language ? undefined : article.lang} dir={article.dir}>
            {lead && <Thumbnail site={site} photo={lead} />}
            <p class="article-meta">
              {article.dateline && <span class="dateline">{article.dateline}</span>}
              <span>
                <PublishedDate site={site} memo={memo} date={article.date} />
              </span>
              {timed && (
                <span class="time-of-day">
                  <TimeOfDay site={site} memo={memo} date={article.date} />
                </span>
              )}
              <Byline site={site} article={article} bylines={bylines} />
            </p>
            <Kicker site={site} article={article} />
            <h2>
              <a href={sitePath(site, article.path)}>{article.title}</a>
            </h2>
            <p>{article.standfirst}</p>
          </li>
        ));
      })}
    </ol>
  );
}

/**
 * One page of a list (a tag's, a month's, an author's): its articles, bylines linked, and the
 * pager.
 */
export function PagedArticleList({ data }: { data: ListingPageData }) {
  const { page } = data.listing;
  return (
    <>
      <ArticleList
        site={data.site}
        memo={data.memo}
        articles={page.items}
        photos={data.photos}
        bylines={data.navigation.bylines}
        timesOn={data.navigation.newestDay}
      />
      <Pager site={data.site} page={page} />
    </>
  );
}
