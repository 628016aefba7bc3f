// The home page: the newest articles, twenty a page, with a pager to older pages; the first page names the site and its publisher in JSON-LD.

import { webSite } from "../publish/structured-data.ts";
import { Base } from "./base.tsx";
import { ArticleList } from "./article-list.tsx";
import { JsonLd } from "./json-ld.tsx";
import type { ListingPageData } from "./page-data.ts";
import { Pager, pageSuffix } from "./pager.tsx";

export function HomePage({ data }: { data: ListingPageData }) {
  const { site, listing } = data;
  const { page } = listing;
  const suffix = pageSuffix(site, page);
  return (
    <Base
      data={data}
      {...(suffix ? { title: `آخر الأخبار${suffix}` } : {})}
      description={site.description}
      path={page.path}
      head={page.number === 1 && <JsonLd value={webSite({ site, images: data.images })} />}
    >
      <h1 class={page.number === 1 ? "visually-hidden" : undefined}>
        {`${site.name}: آخر الأخبار${suffix}`}
      </h1>
      <ArticleList
        site={site}
        memo={data.memo}
        articles={page.items}
        photos={data.photos}
        bylines={data.navigation.bylines}
        timesOn={data.navigation.newestDay}
      />
      <Pager site={site} page={page} />
    </Base>
  );
}
