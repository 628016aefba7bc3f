// A list of articles, newest first: dateline, date, bylines, section, linked headline and standfirst (home, section, tag and month pages).

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
import { RunningText } from "./running-text.tsx";
import { siteVoice } from "./site-voice.tsx";

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
  /** The headlines' level: 2 under the page's h1, 3 in a block headed by an h2 (front page). */
  level?: 2 | 3;
  /** false in a section's own block, where every kicker would repeat its heading. */
  kickers?: boolean;
}

/** The list, or a sentence saying there is nothing yet. */
export function ArticleList(props: ArticleListProps) {
  const { site, memo, articles, photos, bylines, timesOn, level = 2, kickers = true } = props;
  const Heading = level === 2 ? "h2" : "h3";
  if (articles.length === 0) return <p>لا مقالات منشورة بعد.</p>;
  return (
    <ol class="article-list">
      {articles.map((article) => {
        // A photo replaced under the same name has a new key, and so new markup.
        const lead = photos.get(article.path)?.lead;
        // An article is listed on the home page, its tags' pages and two month archives.
        const timed = showsTime(site, memo, article, timesOn);
        const shape = `${level} ${kickers} ${timed}`;
        const key = `list item ${shape} ${memo.recordKey(site)} ${lead?.key ?? ""} ${bylineKey(article, bylines)}`;
        return memo.reused(article, key, () => (
          <li lang={article.lang === site.language ? undefined : article.lang} dir={article.dir}>
            {lead && <Thumbnail site={site} photo={lead} />}
            <ListedMeta site={site} memo={memo} article={article} bylines={bylines} timed={timed} />
            {kickers && <Kicker site={site} article={article} />}
            <Heading>
              <a href={sitePath(site, article.path)}>
                <RunningText text={article.title} lang={article.lang} />
              </a>
            </Heading>
            <p>
              <RunningText text={article.standfirst} lang={article.lang} />
            </p>
          </li>
        ));
      })}
    </ol>
  );
}

/**
 * Whether a list shows the story's time of day: it gave one, on the newest day (`timesOn`).
 * @example showsTime(site, memo, { hasTime: { date: true }, date }, "2026-12-05") //=> true for a story of that day
 */
export function showsTime(
  site: Site,
  memo: TemplateMemo,
  article: Pick<Article, "hasTime" | "date">,
  timesOn: string | undefined,
): boolean {
  return (
    timesOn !== undefined &&
    article.hasTime.date &&
    memo.calendarDay(article.date, site.timeZone) === timesOn
  );
}

/**
 * What a list says of an article besides its headline: dateline, date, time of day when
 * `timed`, and bylines (lists, the front page's lead story).
 */
export function ListedMeta(props: {
  site: Site;
  memo: TemplateMemo;
  article: Article;
  bylines?: ReadonlyMap<string, PagedAuthor> | undefined;
  timed: boolean;
}) {
  const { site, memo, article, bylines, timed } = props;
  return (
    <p class="article-meta" {...siteVoice(site, article)}>
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
