// What every page template receives from the build: trusted, typed values only.

import type { Article } from "../content/load.ts";
import type { SiteImages } from "../assets/site-images.ts";
import type { ListingPage, Navigation } from "../site/navigation.ts";
import type { Site } from "../content/site-settings.ts";

/** URLs of built assets, already prefixed, for <link> elements. */
export interface AssetUrls {
  stylesheet: string;
  /** Fonts worth preloading on every page (the Arabic faces the first screen uses). */
  preloadFonts: readonly string[];
}

/** Eleventy's global data as Sahifa's templates see it. */
export interface PageData {
  site: Site;
  articles: readonly Article[];
  assets: AssetUrls;
  /** The default share card, the publisher logo and the page icon. */
  images: SiteImages;
  navigation: Navigation;
  page: { url: string | false };
}

/** An article page's data: pagination hands each template one article. */
export interface ArticlePageData extends PageData {
  article: Article;
}

/** A listing page's data (home, tag or month): pagination hands each template one page. */
export interface ListingPageData extends PageData {
  listing: ListingPage;
}
