// The site header in Chromium: compact on a phone (the name and search on one row, the sections in one row that scrolls sideways), every link still reached by keyboard.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveBuiltSite } from "../helpers/served-site.ts";

const served = await serveBuiltSite();

beforeAll(() => served.launch());
afterAll(() => served.close());

/**
 * The header's height limit in CSS pixels at 360 and 1280 px: two rows (the site's name with
 * the search box, then the sections). It was 204 px at 360 px when the sections wrapped onto two
 * lines and the search box took a row of its own; now about 106.
 */
const HEADER_LIMIT = 112;

describe.each(served.kinds)("$kind ($path)", ({ path }) => {
  it.each([360, 1280])(`keeps the header under ${HEADER_LIMIT} px at %i px`, async (width) => {
    const page = await served.open(path, { viewport: { width, height: 740 } });
    const header = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      return {
        height: box(".site-header")?.height ?? Infinity,
        name: box(".site-name")?.top,
        search: box(".site-search")?.top,
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    expect(header.height).toBeLessThanOrEqual(HEADER_LIMIT);
    // The search box sits beside the site's name, not on a row of its own.
    expect(Math.abs((header.name ?? 0) - (header.search ?? 1000))).toBeLessThan(16);
    expect(header.scrollWidth).toBeLessThanOrEqual(width);
  });
});

describe("the sections' row on a 360 px phone", () => {
  it("brings each link into view when the keyboard reaches it, and hides none", async () => {
    const page = await served.open("/", { viewport: { width: 360, height: 740 } });
    const links = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>(".site-sections a")].map((a) => a.href),
    );
    // The seed site's four sections, tags and archive: wider than the phone, so the row scrolls.
    expect(links.length).toBeGreaterThanOrEqual(6);
    expect(
      await page.evaluate(() => {
        const nav = document.querySelector(".site-sections");
        return nav ? nav.scrollWidth > nav.clientWidth : false;
      }),
    ).toBe(true);
    await page.locator(".site-name").focus();
    const reached: string[] = [];
    for (let step = 0; step < links.length; step += 1) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const link = document.activeElement;
        const nav = link?.closest(".site-sections");
        if (!(link instanceof HTMLAnchorElement) || !nav) return null;
        const box = link.getBoundingClientRect();
        const view = nav.getBoundingClientRect();
        return {
          href: link.href,
          box: [box.left, box.right, view.left, view.right],
          inView:
            box.left >= view.left - 1 &&
            box.right <= view.right + 1 &&
            box.left >= 0 &&
            box.right <= window.innerWidth,
        };
      });
      expect(focused, `Tab ${step + 1}`).not.toBeNull();
      expect(focused?.inView, JSON.stringify(focused)).toBe(true);
      reached.push(focused?.href ?? "");
    }
    expect(reached).toEqual(links);
    // In the accessibility tree, named: a navigation landmark with every link.
    const tree = await page.locator(".site-sections").ariaSnapshot();
    expect(tree.match(/- link /g)?.length).toBe(links.length);
  });
});
