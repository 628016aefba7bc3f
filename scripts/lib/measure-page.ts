// Loads one page cold in Chromium under network and CPU throttling (CDP), and measures bytes, requests, LCP and CLS.

import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import {
  classifyResource,
  RESOURCE_CLASSES,
  type LoadFigures,
  type ResourceClass,
} from "./page-budget.ts";

/** Network conditions for CDP's Network.emulateNetworkConditions. */
export interface NetworkConditions {
  name: string;
  /** Added to every request, ms. */
  latency: number;
  /** Bytes per second. */
  downloadThroughput: number;
  uploadThroughput: number;
}

/**
 * Slow 4G as Lighthouse defines it for mobile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s
 * up), with the round trip added to each request: what a second request on an open HTTP/2
 * connection costs. https://github.com/GoogleChrome/lighthouse/blob/v12.2.3/core/config/constants.js
 */
export const SLOW_4G: NetworkConditions = {
  name: "Slow 4G, Lighthouse's figures: 150 ms per request, 1.6 Mbit/s down, 750 kbit/s up",
  latency: 150,
  downloadThroughput: (1.6 * 1000 * 1000) / 8,
  uploadThroughput: (750 * 1000) / 8,
};

/**
 * Chrome DevTools' "Slow 4G" preset: the same link with the round trip × 3.75 and the
 * throughput × 0.9, charged to every request, as if each opened a new connection.
 */
export const SLOW_4G_DEVTOOLS: NetworkConditions = {
  name: "Slow 4G, DevTools preset: 562.5 ms per request, 1.44 Mbit/s down, 675 kbit/s up",
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};

/** No throttling: for tests, which hold bytes and requests, never timings. */
export const UNTHROTTLED: NetworkConditions = {
  name: "unthrottled",
  latency: 0,
  downloadThroughput: -1,
  uploadThroughput: -1,
};

/** Lighthouse's mobile CPU slowdown. */
export const CPU_SLOWDOWN = 4;

/** Lighthouse's mobile screen: a Moto G Power. */
export const MOBILE_VIEWPORT = { width: 412, height: 823, deviceScaleFactor: 1.75 } as const;

export interface MeasureOptions {
  /** Default: SLOW_4G. */
  network?: NetworkConditions;
  /** Default: CPU_SLOWDOWN. */
  cpuSlowdown?: number;
  /** How long to keep observing after load and fonts, ms (default 2000). */
  settleMs?: number;
}

/** Loads `url` in a fresh context (empty cache) under `network` and the CPU slowdown, and measures it. */
export async function measurePage(
  browser: Browser,
  url: string,
  options: MeasureOptions = {},
): Promise<LoadFigures> {
  const { network = SLOW_4G, cpuSlowdown = CPU_SLOWDOWN, settleMs = 2_000 } = options;
  const { context, page, cdp } = await openThrottledPage(browser, network, cpuSlowdown);
  try {
    await page.addInitScript({ content: OBSERVE_PAINT_AND_SHIFTS });
    const classes = new Map<string, ResourceClass>();
    const bytes = emptyRecord();
    const requests = emptyRecord();
    cdp.on("Network.responseReceived", (event) => {
      classes.set(event.requestId, classifyResource(event.type, event.response.mimeType));
    });
    cdp.on("Network.loadingFinished", (event) => {
      const resourceClass = classes.get(event.requestId) ?? "other";
      bytes[resourceClass] += event.encodedDataLength;
      requests[resourceClass] += 1;
    });

    const response = await page.goto(url, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready.then(() => true)");
    // Let late paints and shifts (a font swapping in) be recorded before reading the figures.
    await page.waitForTimeout(settleMs);
    const metrics = (await page.evaluate("window.__sahifaMetrics")) as { lcp: number; cls: number };
    return { status: response?.status() ?? 0, bytes, requests, lcp: metrics.lcp, cls: metrics.cls };
  } finally {
    await context.close();
  }
}

/**
 * A fresh context (empty cache) on Lighthouse's mobile screen and a page in it, with the cache
 * disabled, `network` emulated and the CPU slowed through the page's DevTools session. The
 * caller closes the context.
 * @example const { context, page } = await openThrottledPage(browser, SLOW_4G, CPU_SLOWDOWN)
 */
export async function openThrottledPage(
  browser: Browser,
  network: NetworkConditions,
  cpuSlowdown: number,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const { deviceScaleFactor, ...viewport } = MOBILE_VIEWPORT;
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: network.latency,
      downloadThroughput: network.downloadThroughput,
      uploadThroughput: network.uploadThroughput,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    return { context, page, cdp };
  } catch (error) {
    await context.close();
    throw error;
  }
}

// A string, not a function: scripts run through tsx, whose output wraps named functions in a
// helper the page does not have.
const OBSERVE_PAINT_AND_SHIFTS = `
  window.__sahifaMetrics = { lcp: 0, cls: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__sahifaMetrics.lcp = entry.renderTime || entry.loadTime || entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__sahifaMetrics.cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
`;

function emptyRecord(): Record<ResourceClass, number> {
  return Object.fromEntries(RESOURCE_CLASSES.map((name) => [name, 0])) as Record<
    ResourceClass,
    number
  >;
}
