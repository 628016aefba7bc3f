// Eleventy entry for article pages: one page per checked article, at the path its slug gives (in a dev-server rebuild, only the pages that changed).
import { ArticlePage } from "../templates/article.tsx";
import type { ArticlePageData } from "../templates/page-data.ts";

export const data = {
  pagination: { data: "pagesToWrite.articles", size: 1, alias: "article" },
  permalink: (data: ArticlePageData) => `${data.article.path}index.html`,
};

export function render(data: ArticlePageData) {
  return <ArticlePage data={data} />;
}
