// npm run screenshots: the article page's first screen at 360 and 1280 px, light and dark, into docs/screenshots/ for the README.

import { mkdir } from "node:fs/promises";
import path from "node:path";
import { buildTemporarySite, pagePath } from "./lib/built-site.ts";
import { launchChromium } from "./lib/chromium.ts";
import { startStaticServer } from "./lib/static-server.ts";

const OUTPUT = "docs/screenshots";
const SCREENS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;
const SCHEMES = ["light", "dark"] as const;

const site = await buildTemporarySite();
const server = await startStaticServer({ root: site.root });
const browser = await launchChromium();
try {
  const article = site.htmlFiles.find((file) => file.startsWith("articles/"));
  if (!article)
    throw new Error("The site has no article to photograph: add one to content/articles/.");
  const url = new URL(pagePath(article).slice(1), server.url).href;
  await mkdir(OUTPUT, { recursive: true });
  for (const viewport of SCREENS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      await page.goto(url);
      await page.evaluate("document.fonts.ready.then(() => true)");
      const file = path.join(OUTPUT, `article-${viewport.width}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      console.log(`Wrote ${file}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await site.remove();
}
