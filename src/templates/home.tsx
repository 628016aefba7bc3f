// The home page: every published article, newest first.

import { sitePath } from "../urls.ts";
import { Base } from "./base.tsx";
import { PublishedDate } from "./dates.tsx";
import type { PageData } from "./page-data.ts";

export function HomePage({ data }: { data: PageData }) {
  const { site, articles } = data;
  return (
    <Base data={data} description={site.description} path="/">
      <h1 class="visually-hidden">{`${site.name}: آخر الأخبار`}</h1>
      {articles.length === 0 ? (
        <p>لا مقالات منشورة بعد.</p>
      ) : (
        <ol class="article-list" reversed>
          {articles.map((article) => (
            <li lang={article.lang === site.language ? undefined : article.lang} dir={article.dir}>
              <p class="article-meta">
                {article.dateline && <span class="dateline">{article.dateline}</span>}
                <span>
                  <PublishedDate site={site} date={article.date} />
                </span>
              </p>
              <h2>
                <a href={sitePath(site, article.path)}>{article.title}</a>
              </h2>
              <p>{article.standfirst}</p>
            </li>
          ))}
        </ol>
      )}
    </Base>
  );
}
