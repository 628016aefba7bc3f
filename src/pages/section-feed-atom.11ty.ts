// Eleventy entry for each section's Atom feed, beside its page: /sections/<slug>/feed.xml.
import { atomFeed } from "../publish/feeds.ts";
import type { SectionSummary } from "../site/navigation.ts";
import type { PageData } from "../templates/page-data.ts";
import { bodyWithPhotos } from "../templates/picture.tsx";

export const data = {
  pagination: { data: "navigation.sections", size: 1, alias: "section" },
  permalink: (data: { section: SectionSummary }) => data.section.feeds.atom,
};

export function render(data: PageData & { section: SectionSummary }): Promise<string> {
  const { section } = data;
  return atomFeed({
    ...data,
    articles: section.articles,
    channel: { title: section.name, path: section.path, feeds: section.feeds },
    bodyOf: (article) => bodyWithPhotos(data.site, article, data.photos.get(article.path), true),
  });
}
