// Article neighbours: the next newer and older article, and related articles by shared tags, computed for all articles at once.

import { tagName } from "./tags.ts";

/** How many related articles each article gets, and how far down each tag's list to look. */
export interface RelatedOptions {
  limit: number;
  /** Candidates taken from the top (newest) of each shared tag's list. */
  window: number;
}

export const DEFAULT_RELATED: RelatedOptions = { limit: 4, window: 64 };

/** The links an article page shows to other articles. */
export interface ArticleNeighbours<T> {
  newer?: T;
  older?: T;
  related: T[];
}

/**
 * Neighbours for every article of a newest-first list, in the same order. Related articles
 * share at least one tag; the most shared tags come first, then the newest. Each article
 * looks only at the newest `window` articles of each of its tags, through a tag → articles
 * index, so the work grows with articles × tags × window, never with articles².
 * @example findNeighbours([c, b, a])[1] //=> { newer: c, older: a, related: [c] } when a shares no tag
 */
export function findNeighbours<T extends { tags: readonly string[] }>(
  articles: readonly T[],
  options: RelatedOptions = DEFAULT_RELATED,
): ArticleNeighbours<T>[] {
  const tagSets = articles.map((article) => new Set(article.tags.map(tagName)));
  const byTag = new Map<string, number[]>();
  tagSets.forEach((tags, index) => {
    for (const tag of tags) {
      let list = byTag.get(tag);
      if (!list) byTag.set(tag, (list = []));
      list.push(index);
    }
  });
  return articles.map((_, index) => {
    const tags = tagSets[index] ?? new Set<string>();
    const shared = new Map<number, number>();
    for (const tag of tags) {
      let seen = 0;
      for (const other of byTag.get(tag) ?? []) {
        if (other === index) continue;
        if (++seen > options.window) break;
        if (shared.has(other)) continue;
        let count = 0;
        for (const otherTag of tagSets[other] ?? []) if (tags.has(otherTag)) count += 1;
        shared.set(other, count);
      }
    }
    const related = [...shared]
      .sort(([a, sharedA], [b, sharedB]) => sharedB - sharedA || a - b)
      .slice(0, options.limit)
      .map(([other]) => articles[other] as T);
    const newer = articles[index - 1];
    const older = articles[index + 1];
    return {
      ...(newer ? { newer } : {}),
      ...(older ? { older } : {}),
      related,
    };
  });
}
