// An author's page: their name, bio and link when content/authors.yaml gives them, the articles they signed, the pager, and their own feeds in <head>.

import { ARTICLE_COUNT_FORMS, formatCount } from "../arabic/plurals.ts";
import { profilePage } from "../publish/structured-data.ts";
import { PagedArticleList } from "./article-list.tsx";
import { Base } from "./base.tsx";
import { ChannelFeedLinks } from "./channel-feeds.tsx";
import { JsonLd } from "./json-ld.tsx";
import type { ListingPageData } from "./page-data.ts";
import { pageSuffix } from "./pager.tsx";

export function AuthorPage({ data }: { data: ListingPageData }) {
  const { site, listing } = data;
  const { page, author } = listing;
  const name = author?.name ?? listing.title;
  const count = formatCount(listing.total, ARTICLE_COUNT_FORMS, site.digits);
  const suffix = pageSuffix(site, page);
  return (
    <Base
      data={data}
      title={`${name}${suffix}`}
      description={author?.bio ?? `${name}: ${count} في ${site.name}.`}
      path={page.path}
      head={
        <>
          <ChannelFeedLinks site={site} title={name} feeds={listing.feeds} />
          {author && page.number === 1 && <JsonLd value={profilePage({ site, author })} />}
        </>
      }
    >
      <header class="listing-header author-header">
        <h1>{`${name}${suffix}`}</h1>
        {author?.bio && <p class="author-bio">{author.bio}</p>}
        <p class="listing-meta">
          {count}
          {author?.url && (
            <>
              {" · "}
              <a href={author.url} dir="ltr">
                {shownUrl(author.url)}
              </a>
            </>
          )}
        </p>
      </header>
      <PagedArticleList data={data} />
    </Base>
  );
}

/** A link as a reader reads it: no scheme, no "www.", no trailing slash. */
function shownUrl(url: string): string {
  return url.replace(/^https?:\/\/(?:www\.)?/i, "").replace(/\/$/, "");
}
