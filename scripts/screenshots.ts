// npm run screenshots: the article page's first screen, an article with a lead photo and a 1,000-article site's front page, at 360 and 1280 px, light and dark; an author page on a phone and a section page, into docs/screenshots/ for the README.

import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { buildTemporarySite, pagePath, type BuiltSite } from "./lib/built-site.ts";
import { launchChromium } from "./lib/chromium.ts";
import { PHOTO_ARTICLE_SLUG, serveSites } from "./lib/photo-site.ts";
import { startStaticServer } from "./lib/static-server.ts";
import {
  CORPUS_SECTIONS,
  generateCorpus,
  readAstanaText,
  writeCorpus,
  writeLeadPhotos,
} from "./corpus.ts";

const OUTPUT = "docs/screenshots";
const SCREENS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;
const SCHEMES = ["light", "dark"] as const;
/** The front page's site: 1,000 articles in the seed's four sections, the newest 12 with photos. */
const FRONT_ARTICLES = 1000;
const FRONT_PHOTOS = 12;
type Screens = readonly (typeof SCREENS)[number][];
type Schemes = readonly (typeof SCHEMES)[number][];

// The site, and the same content with an article that has a lead photo (content/ has none).
const { site, server, photoServer, close } = await serveSites();
const browser = await launchChromium();
try {
  const article = site.htmlFiles.find((file) => file.startsWith("articles/"));
  if (!article)
    throw new Error("The site has no article to photograph: add one to content/articles/.");
  await mkdir(OUTPUT, { recursive: true });
  await photograph(browser, new URL(pagePath(article).slice(1), server.url).href, "article");
  await photograph(
    browser,
    new URL(`articles/${PHOTO_ARTICLE_SLUG}/`, photoServer.url).href,
    "photo-article",
  );
  const author = site.htmlFiles.find((file) => file.startsWith("authors/"));
  if (!author) throw new Error("The site has no author page: sign an article (author: …).");
  await photograph(browser, new URL(pagePath(author).slice(1), server.url).href, "author", {
    screens: [SCREENS[0]],
    schemes: ["light"],
  });
  const front = await buildFrontPageSite();
  const frontServer = await startStaticServer({ root: front.root });
  try {
    await photograph(browser, frontServer.url, "front");
    await photograph(browser, new URL("sections/economy/", frontServer.url).href, "section", {
      screens: [SCREENS[1]],
      schemes: ["light"],
    });
  } finally {
    await frontServer.close();
    await front.remove();
  }
} finally {
  await browser.close();
  await close();
}

/** The page's first screen at each width and colour scheme, as docs/screenshots/<name>-<width>-<scheme>.png. */
async function photograph(
  browser: Browser,
  url: string,
  name: string,
  { screens = SCREENS, schemes = SCHEMES }: { screens?: Screens; schemes?: Schemes } = {},
): Promise<void> {
  for (const viewport of screens) {
    for (const colorScheme of schemes) {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      await page.goto(url);
      await page.evaluate("document.fonts.ready.then(() => true)");
      // The eager photos decoded (the lead photo), so the screen shows them, not their empty box.
      await page.evaluate(
        "Promise.all([...document.images].filter((image) => image.loading !== 'lazy').map((image) => image.decode().catch(() => undefined)))",
      );
      const file = path.join(OUTPUT, `${name}-${viewport.width}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      console.log(`Wrote ${file}`);
      await context.close();
    }
  }
}

/** The generated 1,000-article site with sections and a few lead photos, built like any site. */
async function buildFrontPageSite(): Promise<BuiltSite> {
  const content = path.join(".sahifa-screenshots", "content");
  const options = { count: FRONT_ARTICLES, leadPhotos: FRONT_PHOTOS };
  const sourceText = await readAstanaText();
  await writeCorpus(content, generateCorpus({ ...options, sourceText, sections: CORPUS_SECTIONS }));
  await writeLeadPhotos(content, options, 1600, 1040);
  const previous = process.env.SAHIFA_CONTENT;
  process.env.SAHIFA_CONTENT = content;
  try {
    return await buildTemporarySite();
  } finally {
    if (previous === undefined) delete process.env.SAHIFA_CONTENT;
    else process.env.SAHIFA_CONTENT = previous;
  }
}
