// Feeds: Atom and JSON Feed of the newest articles, full content, absolute URLs, dates with the newsroom's offset.

import { convertHtmlToAbsoluteUrls, getNewestCollectionItemDate } from "@11ty/eleventy-plugin-rss";
import { DateTime } from "luxon";
import type { Article } from "../content/article.ts";
import { PHOTO_PLACEHOLDER } from "../content/photo-source.ts";
import { lastChanged, toIsoDateTime } from "../arabic/dates.ts";
import { shareImageFor, type SharedPhoto, type SiteImages } from "./share-image.ts";
import { textDirection, type Site } from "../content/site-settings.ts";
import type { PagedAuthor } from "../site/authors.ts";
import { absoluteUrl, authorPath } from "../site/urls.ts";
import { xmlDocument, type XmlElement } from "./xml.ts";

/** Where each feed is written (site-relative) and the media type it is announced with. */
export const FEEDS = {
  atom: { path: "/feed.xml", type: "application/atom+xml" },
  json: { path: "/feed.json", type: "application/feed+json" },
} as const;

/** How many of the newest articles a feed carries: readers poll often, so keep it small. */
export const FEED_LIMIT = 50;

/**
 * How many a section's or an author's feed carries: a site has dozens of them, each polled on
 * its own, and 50 entries in full came to about 300 KB a feed; 20 cover a busy desk's day
 * (WordPress gives every feed 10).
 */
export const CHANNEL_FEED_LIMIT = 20;

/** What a feed is made from: one build's site, articles (newest first) and images. */
export interface FeedInput {
  site: Site;
  articles: readonly Article[];
  images: SiteImages;
  /** An article's lead photo as shared (its 1200×630 JPEG), when it has one. */
  sharedPhoto?: (article: Article) => SharedPhoto | undefined;
  /** Each byline's author (Navigation's `bylines`), for the entries' author links. */
  bylines?: ReadonlyMap<string, PagedAuthor>;
  /** An article's body with its photos (figures a feed reader can show); without, they are left out. */
  bodyOf?: (article: Article) => string;
  /** A feed of part of the site (a section's, an author's): its name and where it and its page are. */
  channel?: FeedChannel;
}

/** What a feed of part of the site says about itself; the whole site's feeds need none. */
export interface FeedChannel {
  /** Shown after the site's name: «صحيفة: اقتصاد», «صحيفة: سارة الأحمد». */
  title: string;
  /** Site-relative paths of its page and of its two feeds. */
  path: string;
  feeds: { atom: string; json: string };
}

/**
 * The Atom feed (RFC 4287). Its `updated` is the newest article's `updated` or `date`, never
 * the build's clock, so the same content gives the same bytes.
 * @example await atomFeed({ site, articles, images }) //=> '<?xml version="1.0" encoding="utf-8"?>\n<feed …'
 */
export async function atomFeed(input: FeedInput): Promise<string> {
  const { site, images, bodyOf } = input;
  const entries = newestEntries(input);
  const { title, home, feeds } = channelOf(input);
  const entryElements = await Promise.all(
    entries.map(async (article): Promise<XmlElement> => {
      const url = absoluteUrl(site, article.path);
      return {
        ...(article.lang === site.language ? {} : { "@xml:lang": article.lang }),
        title: article.title,
        link: { "@rel": "alternate", "@type": "text/html", "@href": url },
        id: url,
        published: toIsoDateTime(article.date, site.timeZone),
        updated: toIsoDateTime(lastChanged(article), site.timeZone),
        author: authorsOf(input, article).map(({ name, url }) => ({
          name,
          ...(url ? { uri: url } : {}),
        })),
        category: categoriesOf(article).map((term) => ({ "@term": term })),
        summary: article.standfirst,
        content: { "@type": "html", "#text": await contentOf(article, url, bodyOf) },
      };
    }),
  );
  return xmlDocument("feed", {
    "@xmlns": "http://www.w3.org/2005/Atom",
    "@xml:lang": site.language,
    title,
    subtitle: site.description,
    link: [
      { "@rel": "self", "@type": FEEDS.atom.type, "@href": feeds.atom },
      { "@rel": "alternate", "@type": "text/html", "@href": home },
    ],
    id: home,
    updated: toIsoDateTime(newestChange(entries), site.timeZone),
    author: { name: site.name, uri: absoluteUrl(site, "/") },
    icon: images.icon.url,
    logo: images.card.url,
    generator: "Sahifa",
    entry: entryElements,
  });
}

/**
 * The JSON Feed (version 1.1, https://www.jsonfeed.org/version/1.1/). JSON.stringify does the
 * escaping; `language` is the site's.
 * @example JSON.parse(await jsonFeed({ site, articles, images })).items[0].url //=> "https://…/articles/…/"
 */
export async function jsonFeed(input: FeedInput): Promise<string> {
  const { site, images, sharedPhoto, bodyOf } = input;
  const photoOf = (article: Article) => {
    const photo = sharedPhoto?.(article);
    return photo ? { image: shareImageFor(site, photo, images).url } : {};
  };
  const entries = newestEntries(input);
  const { title, home, feeds } = channelOf(input);
  const items = await Promise.all(
    entries.map(async (article) => {
      const url = absoluteUrl(site, article.path);
      return {
        id: url,
        url,
        title: article.title,
        summary: article.standfirst,
        content_html: await contentOf(article, url, bodyOf),
        date_published: toIsoDateTime(article.date, site.timeZone),
        date_modified: toIsoDateTime(lastChanged(article), site.timeZone),
        ...(article.authors.length > 0 ? { authors: authorsOf(input, article) } : {}),
        ...(categoriesOf(article).length > 0 ? { tags: categoriesOf(article) } : {}),
        ...(article.lang === site.language ? {} : { language: article.lang }),
        ...photoOf(article),
      };
    }),
  );
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title,
    home_page_url: home,
    feed_url: feeds.json,
    description: site.description,
    icon: images.icon.url,
    language: site.language,
    authors: [{ name: site.name, url: absoluteUrl(site, "/") }],
    items,
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Internals

/** The feed's title, its page and its two feeds' absolute URLs: the site's, or a channel's. */
/** The articles a feed carries: the newest FEED_LIMIT, or CHANNEL_FEED_LIMIT in a channel's. */
function newestEntries({ articles, channel }: FeedInput): readonly Article[] {
  return articles.slice(0, channel ? CHANNEL_FEED_LIMIT : FEED_LIMIT);
}

function channelOf({ site, channel }: FeedInput): {
  title: string;
  home: string;
  feeds: { atom: string; json: string };
} {
  const paths = channel?.feeds ?? { atom: FEEDS.atom.path, json: FEEDS.json.path };
  return {
    title: channel ? `${site.name}: ${channel.title}` : site.name,
    home: absoluteUrl(site, channel?.path ?? "/"),
    feeds: { atom: absoluteUrl(site, paths.atom), json: absoluteUrl(site, paths.json) },
  };
}

/** An empty site's feeds still need an `updated`: the epoch, a fixed moment, not the clock. */
const NO_ARTICLES = new Date(0);

function newestChange(articles: readonly Article[]): DateTime {
  const items = articles.map((article) => ({ date: lastChanged(article).toJSDate() }));
  return DateTime.fromJSDate(getNewestCollectionItemDate(items, NO_ARTICLES));
}

/** An entry's authors: each byline's name and author page (absolute). */
function authorsOf(
  { site, bylines }: FeedInput,
  article: Article,
): { name: string; url?: string }[] {
  return article.authors.map((byline) => {
    const author = bylines?.get(byline);
    return author
      ? { name: author.name, url: absoluteUrl(site, authorPath(author)) }
      : { name: byline };
  });
}

function categoriesOf(article: Article): string[] {
  return [...new Set([...(article.section ? [article.section] : []), ...article.tags])];
}

/**
 * The article's HTML with every relative URL (in-page anchors too) made absolute, in an element
 * that carries its direction and language. Neither Atom (RFC 4287) nor JSON Feed has a field
 * for direction (the Atom `dir` attribute of draft-snell-atompub-bidi never became a standard,
 * no reader known to us reads it, and it breaks RFC 4287's RELAX NG schema), while readers that
 * show the HTML keep its `dir` (Liferea's and miniflux's RTL threads come to `dir` on the
 * content); `lang` picks the right fonts there too.
 */
function contentOf(
  article: Article,
  url: string,
  bodyOf?: (article: Article) => string,
): Promise<string> {
  const dir = article.dir ?? textDirection(article.lang);
  // Photos' root-relative URLs are made absolute with the links'.
  const body = bodyOf?.(article) ?? article.html.replace(PHOTO_PLACEHOLDER, "");
  const html = `<div dir="${dir}" lang="${article.lang}">\n${body}</div>`;
  return convertHtmlToAbsoluteUrls(html, url);
}
