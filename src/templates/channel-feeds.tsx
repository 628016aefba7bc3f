// A section's and an author's own feeds: the Eleventy entries that write them, and the <head> links their pages announce them with.

import { atomFeed, FEEDS, jsonFeed } from "../publish/feeds.ts";
import type { Site } from "../content/site-settings.ts";
import type { FeedChannelSummary } from "../site/navigation.ts";
import { sitePath } from "../site/urls.ts";
import type { PageData } from "./page-data.ts";
import { bodyWithPhotos, sharedPhoto } from "./picture.tsx";

type ChannelFeedData = PageData & { channel: FeedChannelSummary };

/**
 * The `data` and `render` of the Eleventy entry writing every channel's feed of one kind
 * (`navigation.channels`: each section's, then each author's), beside its page.
 * @example channelFeedEntry("atom").data.permalink({ channel }) //=> "/authors/news-desk/feed.xml"
 */
export function channelFeedEntry(kind: keyof typeof FEEDS) {
  return {
    data: {
      pagination: { data: "navigation.channels", size: 1, alias: "channel" },
      permalink: (data: { channel: FeedChannelSummary }) => data.channel.feeds[kind],
    },
    render(data: ChannelFeedData): Promise<string> {
      const { channel } = data;
      return (kind === "atom" ? atomFeed : jsonFeed)({
        ...data,
        articles: channel.articles,
        channel,
        sharedPhoto: (article) => sharedPhoto(article, data.photos.get(article.path)),
        bodyOf: (article) =>
          bodyWithPhotos(data.site, article, data.photos.get(article.path), true),
      });
    },
  };
}

/** Atom and JSON Feed links titled «name of the site: name of the list»; nothing without feeds. */
export function ChannelFeedLinks({
  site,
  title,
  feeds,
}: {
  site: Site;
  title: string;
  feeds: { atom: string; json: string } | undefined;
}) {
  if (!feeds) return null;
  return (
    <>
      {(["atom", "json"] as const).map((kind) => (
        <link
          rel="alternate"
          type={FEEDS[kind].type}
          title={`${site.name}: ${title}`}
          href={sitePath(site, feeds[kind])}
        />
      ))}
    </>
  );
}
