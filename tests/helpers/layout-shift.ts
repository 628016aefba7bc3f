// Layout shift as Chromium reports it: an init script that sums every shift from the page's start.

/**
 * For `page.addInitScript`: sums the layout-shift entries not caused by input into
 * `window.__shifts`, buffered so shifts before the observer starts count (fonts, photos).
 * @example await page.addInitScript({ content: OBSERVE_SHIFTS }); … await page.evaluate("window.__shifts") //=> 0
 */
export const OBSERVE_SHIFTS = `
  window.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
`;
