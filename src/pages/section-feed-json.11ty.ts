// Eleventy entry for each section's JSON Feed, beside its page: /sections/<slug>/feed.json.
import { jsonFeed } from "../publish/feeds.ts";
import type { SectionSummary } from "../site/navigation.ts";
import type { PageData } from "../templates/page-data.ts";
import { bodyWithPhotos, sharedPhoto } from "../templates/picture.tsx";

export const data = {
  pagination: { data: "navigation.sections", size: 1, alias: "section" },
  permalink: (data: { section: SectionSummary }) => data.section.feeds.json,
};

export function render(data: PageData & { section: SectionSummary }): Promise<string> {
  const { section } = data;
  return jsonFeed({
    ...data,
    articles: section.articles,
    channel: { title: section.name, path: section.path, feeds: section.feeds },
    sharedPhoto: (article) => sharedPhoto(article, data.photos.get(article.path)),
    bodyOf: (article) => bodyWithPhotos(data.site, article, data.photos.get(article.path), true),
  });
}
