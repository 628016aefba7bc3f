// The helpers of @11ty/eleventy-plugin-rss that Sahifa's feeds use (the package ships no declarations).

declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every URL in an HTML fragment (href, src, srcset, …) against `base`. */
  export function convertHtmlToAbsoluteUrls(
    html: string,
    base: string,
    processOptions?: Record<string, unknown>,
  ): Promise<string>;

  /** The newest `date` of the items, or `emptyFallbackDate` when there are none. */
  export function getNewestCollectionItemDate(
    items: readonly { date: Date }[],
    emptyFallbackDate?: Date,
  ): Date;
}
