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
  // Tags as small sorted integer ids: counting shared tags is then a merge of two short arrays.
  const ids = new Map<string, number>();
  const tagIds = articles.map((article) =>
    [...new Set(article.tags.map(tagName))]
      .map((tag) => ids.get(tag) ?? (ids.set(tag, ids.size), ids.size - 1))
      .sort((a, b) => a - b),
  );
  const byTag: number[][] = Array.from({ length: ids.size }, () => []);
  tagIds.forEach((tags, index) => {
    for (const tag of tags) byTag[tag]?.push(index);
  });
  // stamp[other] === index: `other` was already considered for `index` (no Set per article).
  const stamp = new Int32Array(articles.length).fill(-1);
  return articles.map((_, index) => {
    const tags = tagIds[index] ?? [];
    // The best `limit` candidates so far, best first: most shared tags, then newest (lowest index).
    const best: { other: number; shared: number }[] = [];
    for (const tag of tags) {
      let seen = 0;
      for (const other of byTag[tag] ?? []) {
        if (other === index) continue;
        if (++seen > options.window) break;
        if (stamp[other] === index) continue;
        stamp[other] = index;
        const shared = countShared(tags, tagIds[other] ?? []);
        let at = best.length;
        while (at > 0 && isBetter(shared, other, best[at - 1])) at -= 1;
        if (at < options.limit) {
          best.splice(at, 0, { other, shared });
          if (best.length > options.limit) best.pop();
        }
      }
    }
    const newer = articles[index - 1];
    const older = articles[index + 1];
    return {
      ...(newer ? { newer } : {}),
      ...(older ? { older } : {}),
      related: best.map(({ other }) => articles[other] as T),
    };
  });
}

function isBetter(
  shared: number,
  other: number,
  than: { other: number; shared: number } | undefined,
): boolean {
  if (!than) return false;
  return shared > than.shared || (shared === than.shared && other < than.other);
}

/** Common elements of two ascending lists. */
function countShared(a: readonly number[], b: readonly number[]): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared;
}
