// npm run screenshots: for the README, the article page's first screen and a 1,000-article site's front page at 360 and 1280 px, light and dark, and a section page, into docs/screenshots/.

import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { buildTemporarySite, pagePath, type BuiltSite } from "./lib/built-site.ts";
import { launchChromium } from "./lib/chromium.ts";
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

await mkdir(OUTPUT, { recursive: true });
const browser = await launchChromium();
try {
  const site = await buildTemporarySite();
  try {
    const article = site.htmlFiles.find((file) => file.startsWith("articles/"));
    if (!article)
      throw new Error("The site has no article to photograph: add one to content/articles/.");
    await photograph(browser, site, pagePath(article), "article");
  } finally {
    await site.remove();
  }
  const front = await buildFrontPageSite();
  try {
    await photograph(browser, front, "/", "front");
    const section = front.htmlFiles.find((file) => file.startsWith("sections/"));
    if (section) await photograph(browser, front, pagePath(section), "section", [SCREENS[1]]);
  } finally {
    await front.remove();
  }
} finally {
  await browser.close();
}

/** Each screen in each colour scheme, as <name>-<width>-<scheme>.png (a section in light only). */
async function photograph(
  browser: Browser,
  site: BuiltSite,
  at: string,
  name: string,
  screens: readonly (typeof SCREENS)[number][] = SCREENS,
): Promise<void> {
  const server = await startStaticServer({ root: site.root });
  try {
    for (const viewport of screens) {
      for (const colorScheme of name === "section" ? (["light"] as const) : SCHEMES) {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        await page.goto(new URL(at.slice(1), server.url).href, { waitUntil: "load" });
        await page.evaluate("document.fonts.ready.then(() => true)");
        const file = path.join(OUTPUT, `${name}-${viewport.width}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        console.log(`Wrote ${file}`);
        await context.close();
      }
    }
  } finally {
    await server.close();
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
