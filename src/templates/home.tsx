// The home page: on its first page a front page (the lead story, the latest beside it, a block per section, then more news); later pages a plain list, twenty a page, with the pager.

import type { ComponentChildren } from "preact";
import type { Article } from "../content/article.ts";
import { webSite } from "../publish/structured-data.ts";
import type { SectionSummary } from "../site/navigation.ts";
import { sitePath } from "../site/urls.ts";
import { Base } from "./base.tsx";
import { ArticleList, ListedMeta, showsTime } from "./article-list.tsx";
import { JsonLd } from "./json-ld.tsx";
import { Kicker } from "./kicker.tsx";
import type { ListingPageData } from "./page-data.ts";
import { Pager, pageSuffix } from "./pager.tsx";
import { Figure } from "./picture.tsx";
import { RunningText } from "./running-text.tsx";

/** How many of the latest stories stand beside the lead story. */
export const LATEST_BESIDE_LEAD = 6;

/** How many stories each section's block shows. */
export const SECTION_BLOCK_SIZE = 3;

/**
 * How wide the lead photo is drawn (styles/main.css, "The front page"): two thirds of the 72rem
 * page, less its padding and the gap, from 62.5rem; the whole width, less padding, below.
 */
export const LEAD_PHOTO_SIZES =
  "(min-width: 72rem) 45rem, (min-width: 62.5rem) calc((100vw - 4rem) * 2 / 3), calc(100vw - 2rem)";

export function HomePage({ data }: { data: ListingPageData }) {
  const { site, listing } = data;
  const { page } = listing;
  const suffix = pageSuffix(site, page);
  const [lead, ...rest] = page.items;
  const front = page.number === 1 && lead !== undefined;
  return (
    <Base
      data={data}
      {...(suffix ? { title: `آخر الأخبار${suffix}` } : {})}
      description={site.description}
      path={page.path}
      head={page.number === 1 && <JsonLd value={webSite({ site, images: data.images })} />}
      wide={front}
    >
      <h1 class={page.number === 1 ? "visually-hidden" : undefined}>
        {`${site.name}: آخر الأخبار${suffix}`}
      </h1>
      {front ? (
        <FrontPage data={data} lead={lead} rest={rest} />
      ) : (
        <ArticleList
          site={site}
          memo={data.memo}
          articles={page.items}
          photos={data.photos}
          bylines={data.navigation.bylines}
          timesOn={data.navigation.newestDay}
        />
      )}
      <Pager site={site} page={page} />
    </Base>
  );
}

/**
 * The first page's stories: the newest as the lead, the next six beside it, each section's
 * newest not already shown, then the rest of the page's twenty. Page 2 goes on from the
 * twenty-first, as it did before the front page.
 */
function FrontPage(props: { data: ListingPageData; lead: Article; rest: readonly Article[] }) {
  const { data, lead, rest } = props;
  const { site, memo, photos } = data;
  const latest = rest.slice(0, LATEST_BESIDE_LEAD);
  const more = rest.slice(LATEST_BESIDE_LEAD);
  const above = new Set([lead, ...latest].map((article) => article.path));
  const blocks = data.navigation.sections
    .map((section) => ({
      section,
      articles: section.latest
        .filter((article) => !above.has(article.path))
        .slice(0, SECTION_BLOCK_SIZE),
    }))
    .filter((block) => block.articles.length > 0);
  const list = (articles: readonly Article[], kickers = true) => (
    <ArticleList
      site={site}
      memo={memo}
      articles={articles}
      photos={photos}
      bylines={data.navigation.bylines}
      timesOn={data.navigation.newestDay}
      level={3}
      kickers={kickers}
    />
  );
  return (
    <>
      <div class="front-top">
        <LeadStory data={data} article={lead} />
        {latest.length > 0 && (
          <section class="front-block front-latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading" class="block-heading">
              آخر الأخبار
            </h2>
            {list(latest)}
          </section>
        )}
      </div>
      {blocks.length > 0 && (
        <div class="front-sections">
          {blocks.map(({ section, articles }) => (
            <SectionBlock site={data.site} section={section}>
              {list(articles, false)}
            </SectionBlock>
          ))}
        </div>
      )}
      {more.length > 0 && (
        <section class="front-block" aria-labelledby="more-heading">
          <h2 id="more-heading" class="block-heading">
            المزيد من الأخبار
          </h2>
          {list(more)}
        </section>
      )}
    </>
  );
}

/** The lead story: its photo (when it has one), section, large headline, standfirst and date. */
function LeadStory({ data, article }: { data: ListingPageData; article: Article }) {
  const { site, memo } = data;
  const photo = data.photos.get(article.path)?.lead;
  return (
    <article
      class="lead-story"
      lang={article.lang === site.language ? undefined : article.lang}
      dir={article.dir}
    >
      {photo && article.leadPhoto && (
        <Figure
          site={site}
          photo={photo}
          reference={article.leadPhoto}
          lead
          lang={article.lang}
          sizes={LEAD_PHOTO_SIZES}
          captioned={false}
        />
      )}
      <Kicker site={site} article={article} />
      <h2 class="lead-title">
        <a href={sitePath(site, article.path)}>
          <RunningText text={article.title} lang={article.lang} />
        </a>
      </h2>
      <p class="lead-standfirst">
        <RunningText text={article.standfirst} lang={article.lang} />
      </p>
      <ListedMeta
        site={site}
        memo={memo}
        article={article}
        bylines={data.navigation.bylines}
        timed={showsTime(site, memo, article, data.navigation.newestDay)}
      />
    </article>
  );
}

/** A section's block: its name, linked to its page, over its newest stories. */
function SectionBlock(props: {
  site: ListingPageData["site"];
  section: SectionSummary;
  children: ComponentChildren;
}) {
  const { site, section, children } = props;
  // Named by aria-label rather than an id made from the slug: an id a template computes could
  // clash with one an editor writes in an article ({#…}), which only fixed ids are checked against.
  return (
    <section class="front-block" aria-label={section.name}>
      <h2 class="block-heading">
        <a href={sitePath(site, section.path)}>{section.name}</a>
      </h2>
      {children}
    </section>
  );
}
