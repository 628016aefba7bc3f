// A list of articles, newest first: dateline, date, linked headline and standfirst (home, tag and month pages).

import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-settings.ts";
import { sitePath } from "../site/urls.ts";
import { Kicker } from "./kicker.tsx";
import { Thumbnail, type SitePhotos } from "./picture.tsx";
import { PublishedDate } from "./published-date.tsx";
import type { TemplateMemo } from "./reuse.tsx";

export interface ArticleListProps {
  site: Site;
  memo: TemplateMemo;
  articles: readonly Article[];
  /** The articles' photos: one with a lead photo is listed with its thumbnail. */
  photos: SitePhotos;
}

/** The list, or a sentence saying there is nothing yet. Headlines are h2: the page has the h1. */
export function ArticleList({ site, memo, articles, photos }: ArticleListProps) {
  if (articles.length === 0) return <p>لا مقالات منشورة بعد.</p>;
  return (
    <ol class="article-list">
      {articles.map((article) => {
        // A photo replaced under the same name has a new key, and so new markup.
        const lead = photos.get(article.path)?.lead;
        // An article is listed on the home page, its tags' pages and two month archives.
        return memo.reused(article, `list item ${memo.recordKey(site)} ${lead?.key ?? ""}`, () => (
          <li lang={article.lang === site.language ? undefined : article.lang} dir={article.dir}>
            {lead && <Thumbnail site={site} photo={lead} />}
            <p class="article-meta">
              {article.dateline && <span class="dateline">{article.dateline}</span>}
              <span>
                <PublishedDate site={site} memo={memo} date={article.date} />
              </span>
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
