// An article's bylines: each author's name linking to their page, joined as Arabic writes a list.

import { joinArabic } from "../arabic/lists.ts";
import type { Article } from "../content/article.ts";
import type { PagedAuthor } from "../site/authors.ts";
import type { Site } from "../content/site-settings.ts";
import { authorPath, sitePath } from "../site/urls.ts";

export interface BylineProps {
  site: Site;
  article: Article;
  /** Each byline's author (Navigation's `bylines`); a byline missing from it is shown unlinked. */
  bylines: ReadonlyMap<string, PagedAuthor> | undefined;
}

/** «سارة الأحمد و رويترز», each name a link; nothing for an unsigned article. */
export function Byline({ site, article, bylines }: BylineProps) {
  if (article.authors.length === 0) return null;
  const names = article.authors.map((byline) => {
    const author = bylines?.get(byline);
    if (!author) return byline;
    return <a href={sitePath(site, authorPath(author))}>{author.name}</a>;
  });
  return <span class="byline">{joinArabic(names)}</span>;
}

/**
 * What a byline's markup depends on besides the article, for reused markup's keys: the author
 * pages its names link to.
 * @example bylineKey(article, bylines) //=> "news-desk"
 */
export function bylineKey(
  article: Article,
  bylines: ReadonlyMap<string, PagedAuthor> | undefined,
): string {
  return article.authors
    .map((byline) => {
      const author = bylines?.get(byline);
      return author ? `${author.id}\u0000${author.name}` : "";
    })
    .join("\u0001");
}
