// The article page: headline, standfirst, dateline, both dates, reading time, body, tags, source, related and adjacent articles.

import { formatReadingTime } from "../arabic/reading-time.ts";
import { shareImageFor } from "../publish/share-image.ts";
import { newsArticle } from "../publish/structured-data.ts";
import { tagName, tagPath } from "../site/tags.ts";
import { absoluteUrl, sitePath } from "../site/urls.ts";
import { ArticleLinks } from "./article-links.tsx";
import { bodyWithPhotos, Figure, leadCrops, sharedPhoto } from "./picture.tsx";
import { Base } from "./base.tsx";
import { Byline } from "./byline.tsx";
import { PreviewMark } from "./preview-mark.tsx";
import { PublishedDate, TimeOfDay, UpdatedAt } from "./published-date.tsx";
import { JsonLd } from "./json-ld.tsx";
import { Kicker } from "./kicker.tsx";
import type { ArticlePageData } from "./page-data.ts";
import { ShareLinks } from "./share-bar.tsx";
import { RunningText } from "./running-text.tsx";
import { SiteWords, siteVoice } from "./site-voice.tsx";

export function ArticlePage({ data }: { data: ArticlePageData }) {
  const { site, article } = data;
  const url = absoluteUrl(site, article.path);
  const photos = data.photos.get(article.path);
  const image = shareImageFor(site, sharedPhoto(article, photos), data.images);
  const voice = siteVoice(site, article);
  return (
    <Base
      data={data}
      title={article.title}
      description={article.standfirst}
      path={article.path}
      article={article}
      shareImage={image}
      head={
        <JsonLd
          value={newsArticle({
            site,
            article,
            image,
            images: data.images,
            crops: leadCrops(site, article, photos),
            bylines: data.navigation.bylines,
          })}
        />
      }
    >
      <article
        class="article"
        lang={article.lang === site.language ? undefined : article.lang}
        dir={article.dir}
      >
        <PreviewMark site={site} memo={data.memo} article={article} preview={data.preview} />
        <header class="article-header">
          <Kicker site={site} article={article} />
          <h1 class="article-title">
            <RunningText text={article.title} lang={article.lang} />
          </h1>
          <p class="article-standfirst">
            <RunningText text={article.standfirst} lang={article.lang} />
          </p>
          <p class="article-meta" {...voice}>
            {article.dateline && <span class="dateline">{article.dateline}</span>}
            <span>
              <PublishedDate site={site} memo={data.memo} date={article.date} hijri />
            </span>
            {article.hasTime.date && (
              <span class="time-of-day">
                <TimeOfDay site={site} memo={data.memo} date={article.date} zone />
              </span>
            )}
            {article.updated && (
              <span>
                {"آخر تحديث: "}
                <UpdatedAt
                  site={site}
                  memo={data.memo}
                  article={article}
                  updated={article.updated}
                />
              </span>
            )}
            <span>{formatReadingTime(article.readingMinutes, site.digits)}</span>
            <Byline site={site} article={article} bylines={data.navigation.bylines} />
          </p>
        </header>
        {article.leadPhoto && photos?.lead && (
          <Figure
            site={site}
            photo={photos.lead}
            reference={article.leadPhoto}
            lead
            lang={article.lang}
          />
        )}
        <div
          class="article-body"
          dangerouslySetInnerHTML={{ __html: bodyWithPhotos(site, article, photos) }}
        />
        <footer class="article-footer">
          {article.source && (
            <p class="article-source">
              <SiteWords site={site} article={article}>
                {"المصدر: "}
              </SiteWords>
              {article.source.url ? (
                <a href={article.source.url}>{article.source.name}</a>
              ) : (
                article.source.name
              )}
            </p>
          )}
          {article.tags.length > 0 && (
            <>
              {/* Tags are the site's: their pages and names are in its language. */}
              <h2 class="visually-hidden" {...voice}>
                الوسوم
              </h2>
              <ul class="tags" {...voice}>
                {article.tags.map((tag) => (
                  <li>
                    <a
                      href={sitePath(
                        site,
                        data.navigation.tagPaths.get(tagName(tag)) ?? tagPath(tag),
                      )}
                    >
                      {tag}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <ShareLinks page={{ url, title: article.title }} voice={voice} />
        </footer>
      </article>
      <ArticleLinks
        site={site}
        memo={data.memo}
        neighbours={data.navigation.neighbours[article.path]}
      />
    </Base>
  );
}
