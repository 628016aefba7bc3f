// Eleventy entry for the Atom feed.
import { atomFeed, FEEDS } from "../publish/feeds.ts";
import type { PageData } from "../templates/page-data.ts";
import { bodyWithPhotos } from "../templates/picture.tsx";

export const data = { permalink: FEEDS.atom.path };

export function render(data: PageData): Promise<string> {
  return atomFeed({
    ...data,
    bylines: data.navigation.bylines,
    bodyOf: (article) => bodyWithPhotos(data.site, article, data.photos.get(article.path), true),
  });
}
