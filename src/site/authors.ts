// Authors: each byline's author (listed in content/authors.yaml or not), with the id of their page, and the articles each one signed.

import type { Article } from "../content/article.ts";
import { findAuthor, type Author, type AuthorDirectory } from "../content/authors.ts";
import { nameSlug } from "./urls.ts";

/** An author with their page's id: authors.yaml's, else the name's slug (`nameSlug`). */
export type PagedAuthor = Author & { id: string };

/** An author and the articles they signed, newest first. */
export interface AuthorArticles {
  author: PagedAuthor;
  articles: Article[];
}

/**
 * Every author who signed a published article, in the order of their newest article, with
 * their articles; and each byline's author, by the byline as written (what templates link).
 * Bylines that name one author (by id, by name with other spacing or marks, or by a name whose
 * slug is a listed author's id) share one page, shown with the listed name, or the first
 * spelling met when unlisted.
 * @example groupByAuthor(articles, directory).bylines.get("قسم الأخبار")?.id //=> "news-desk"
 */
export function groupByAuthor(
  articles: readonly Article[],
  directory: AuthorDirectory,
): { groups: AuthorArticles[]; bylines: Map<string, PagedAuthor> } {
  const listedIds = new Map<string, PagedAuthor>();
  for (const author of directory.authors) {
    if (author.id !== undefined) listedIds.set(author.id, { ...author, id: author.id });
  }
  const byId = new Map<string, AuthorArticles>();
  const bylines = new Map<string, PagedAuthor>();
  for (const article of articles) {
    for (const byline of article.authors) {
      let author = bylines.get(byline);
      if (!author) {
        const found = findAuthor(directory, byline);
        const id = found.id ?? nameSlug(found.name);
        author = listedIds.get(id) ?? byId.get(id)?.author ?? { ...found, id };
        bylines.set(byline, author);
      }
      let group = byId.get(author.id);
      if (!group) byId.set(author.id, (group = { author, articles: [] }));
      if (group.articles.at(-1) !== article) group.articles.push(article);
    }
  }
  return { groups: [...byId.values()], bylines };
}
