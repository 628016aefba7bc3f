// A section's, a tag's or a month's page: its title, how many articles, twenty of them, the pager, and a section's own feeds in <head>.

import { ARTICLE_COUNT_FORMS, formatCount } from "../arabic/plurals.ts";
import { sitePath } from "../site/urls.ts";
import { PagedArticleList } from "./article-list.tsx";
import { Base } from "./base.tsx";
import { ChannelFeedLinks } from "./channel-feeds.tsx";
import type { ListingPageData } from "./page-data.ts";
import { pageSuffix } from "./pager.tsx";

export function ListingPage({ data }: { data: ListingPageData }) {
  const { site, listing } = data;
  const { page } = listing;
  const heading = listing.kind === "tag" ? `الوسم: ${listing.title}` : listing.title;
  const count = formatCount(listing.total, ARTICLE_COUNT_FORMS, site.digits);
  const up =
    listing.kind === "section"
      ? { href: listing.feeds?.atom ?? "/", text: "خلاصة القسم" }
      : listing.kind === "tag"
        ? { href: "/tags/", text: "كل الوسوم" }
        : { href: "/archive/", text: "الأرشيف كاملًا" };
  return (
    <Base
      data={data}
      title={`${heading}${pageSuffix(site, page)}`}
      description={`${heading}: ${count} في ${site.name}.`}
      path={page.path}
      head={<ChannelFeedLinks site={site} title={listing.title} feeds={listing.feeds} />}
    >
      <header class="listing-header">
        <h1>{`${heading}${pageSuffix(site, page)}`}</h1>
        <p class="listing-meta">
          {count}
          {" · "}
          <a href={sitePath(site, up.href)}>{up.text}</a>
        </p>
      </header>
      <PagedArticleList data={data} />
    </Base>
  );
}
