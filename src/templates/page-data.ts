// What every page template receives from the build: trusted, typed values only.

import type { AssetUrls } from "../assets/build-assets.ts";
import type { Article } from "../content/article.ts";
import type { SiteImages } from "../publish/share-image.ts";
import type { ListingPage, Navigation } from "../site/navigation.ts";
import type { Site } from "../content/site-settings.ts";
import type { SitePhotos } from "./picture.tsx";
import type { TemplateMemo } from "./reuse.tsx";

/** Eleventy's global data as Sahifa's templates see it. */
export interface PageData {
  site: Site;
  articles: readonly Article[];
  assets: AssetUrls;
  /** The default share card, the publisher logo and the page icon. */
  images: SiteImages;
  navigation: Navigation;
  /** Every article's published photos, by the article's path. */
  photos: SitePhotos;
  /** What the templates of this build remember (reused markup, formatted dates). */
  memo: TemplateMemo;
  page: { url: string | false };
  /** Set only in npm start's preview, where drafts and scheduled articles are marked. */
  preview?: PreviewMarks | undefined;
}

/** What the preview's marks need: the moment scheduling was decided against, in milliseconds. */
export interface PreviewMarks {
  now: number;
}

/** An article page's data: pagination hands each template one article. */
export interface ArticlePageData extends PageData {
  article: Article;
}

/** A listing page's data (home, tag or month): pagination hands each template one page. */
export interface ListingPageData extends PageData {
  listing: ListingPage;
}
