// Under an article: related articles (shared tags) and the next newer and older articles.

import type { Article } from "../content/article.ts";
import type { ArticleNeighbours } from "../site/related.ts";
import type { Site } from "../content/site-settings.ts";
import { sitePath } from "../site/urls.ts";
import { PublishedDate } from "./published-date.tsx";
import type { TemplateMemo } from "./reuse.tsx";
import { RunningText } from "./running-text.tsx";

export interface ArticleLinksProps {
  site: Site;
  memo: TemplateMemo;
  neighbours: ArticleNeighbours<Article> | undefined;
}

export function ArticleLinks({ site, memo, neighbours }: ArticleLinksProps) {
  if (!neighbours) return null;
  const { related, newer, older } = neighbours;
  return (
    <>
      {related.length > 0 && (
        <section class="related" aria-labelledby="related-heading">
          <h2 id="related-heading">مقالات ذات صلة</h2>
          <ul>
            {related.map((article) =>
              memo.reused(article, `related item ${memo.recordKey(site)}`, () => (
                <li>
                  <ArticleLink site={site} memo={memo} article={article} />{" "}
                  <span class="related-date">
                    <PublishedDate site={site} memo={memo} date={article.date} />
                  </span>
                </li>
              )),
            )}
          </ul>
        </section>
      )}
      {(newer || older) && (
        <nav class="article-nav" aria-label="المقالات المجاورة">
          <ul>
            {newer && (
              <li>
                <span class="article-nav-label">المقال الأحدث: </span>
                <ArticleLink site={site} memo={memo} article={newer} />
              </li>
            )}
            {older && (
              <li>
                <span class="article-nav-label">المقال الأقدم: </span>
                <ArticleLink site={site} memo={memo} article={older} />
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}

function ArticleLink({
  site,
  memo,
  article,
}: {
  site: Site;
  memo: TemplateMemo;
  article: Article;
}) {
  return memo.reused(article, `link ${memo.recordKey(site)}`, () => (
    <a
      href={sitePath(site, article.path)}
      lang={article.lang === site.language ? undefined : article.lang}
      dir={article.dir}
    >
      <RunningText text={article.title} lang={article.lang} />
    </a>
  ));
}
