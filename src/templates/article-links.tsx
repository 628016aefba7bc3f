// Under an article: related articles (shared tags) and the next newer and older articles.

import type { Article } from "../content/load.ts";
import type { ArticleNeighbours } from "../site/related.ts";
import type { Site } from "../content/site-settings.ts";
import { sitePath } from "../site/urls.ts";
import { PublishedDate } from "./published-date.tsx";
import { reused, recordKey } from "./reuse.tsx";

export interface ArticleLinksProps {
  site: Site;
  neighbours: ArticleNeighbours<Article> | undefined;
}

export function ArticleLinks({ site, neighbours }: ArticleLinksProps) {
  if (!neighbours) return null;
  const { related, newer, older } = neighbours;
  return (
    <>
      {related.length > 0 && (
        <section class="related" aria-labelledby="related-heading">
          <h2 id="related-heading">مقالات ذات صلة</h2>
          <ul>
            {related.map((article) =>
              reused(article, `related item ${recordKey(site)}`, () => (
                <li>
                  <ArticleLink site={site} article={article} />{" "}
                  <span class="related-date">
                    <PublishedDate site={site} date={article.date} />
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
                <ArticleLink site={site} article={newer} />
              </li>
            )}
            {older && (
              <li>
                <span class="article-nav-label">المقال الأقدم: </span>
                <ArticleLink site={site} article={older} />
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}

function ArticleLink({ site, article }: { site: Site; article: Article }) {
  return reused(article, `link ${recordKey(site)}`, () => (
    <a
      href={sitePath(site, article.path)}
      lang={article.lang === site.language ? undefined : article.lang}
      dir={article.dir}
    >
      {article.title}
    </a>
  ));
}
