// Eleventy entry for the JSON Feed.
import { FEEDS, jsonFeed } from "../publish/feeds.ts";
import type { PageData } from "../templates/page-data.ts";
import { bodyWithPhotos, sharedPhoto } from "../templates/picture.tsx";

export const data = { permalink: FEEDS.json.path };

export function render(data: PageData): Promise<string> {
  return jsonFeed({
    ...data,
    bylines: data.navigation.bylines,
    sharedPhoto: (article) => sharedPhoto(article, data.photos.get(article.path)),
    bodyOf: (article) => bodyWithPhotos(data.site, article, data.photos.get(article.path), true),
  });
}
