// For browser tests: the site built once into a temporary folder, served on loopback, and one Chromium.

import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import {
  buildTemporarySite,
  pageKinds,
  type BuiltSite,
  type PageKind,
} from "../../scripts/lib/built-site.ts";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import { startStaticServer, type StaticServer } from "../../scripts/lib/static-server.ts";

export interface ServedSite {
  site: BuiltSite;
  /** One page per kind (home, articles/*, 404, and kinds added later): what the browser checks visit. */
  kinds: PageKind[];
  server: StaticServer;
  /** Started by `launch()`, for the test files that need a browser. */
  browser(): Browser;
  launch(): Promise<void>;
  /** The served URL of a site path ("/", "/articles/x/", "/no-such-page/"). */
  url(path: string): string;
  /**
   * Loads a built page and waits until its fonts are in. Pages are reused per set of context
   * options (a new page costs a renderer process): each visit is a fresh navigation.
   */
  open(path: string, options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the site and serves it. Call once per test file, at the top (the page list names the tests). */
export async function serveBuiltSite(): Promise<ServedSite> {
  const site = await buildTemporarySite();
  const server = await startStaticServer({ root: site.root });
  let browser: Browser | undefined;
  const pool = new Map<string, Promise<Page>>();
  const url = (path: string) => new URL(path.replace(/^\//, ""), server.url).href;
  return {
    site,
    kinds: pageKinds(site.htmlFiles),
    server,
    url,
    browser() {
      if (!browser) throw new Error("launch() the browser first (in beforeAll)");
      return browser;
    },
    async launch() {
      browser ??= await launchChromium();
    },
    async open(path, options = {}) {
      if (!browser) throw new Error("launch() the browser first (in beforeAll)");
      const key = JSON.stringify(options);
      let opening = pool.get(key);
      if (!opening) {
        opening = browser.newContext(options).then((context) => context.newPage());
        pool.set(key, opening);
      }
      const page = await opening;
      const response = await page.goto(url(path));
      if (!response) throw new Error(`no response for ${path}`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return page;
    },
    async close() {
      await browser?.close();
      await server.close();
      await site.remove();
    },
  };
}
