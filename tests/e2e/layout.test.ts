// What a reader sees, in Chromium: right-to-left layout, no sideways scrolling, the skip link, bidi order.

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLE_KIND } from "../../scripts/lib/built-site.ts";
import { serveBuiltSite } from "../helpers/served-site.ts";

const served = await serveBuiltSite();
// One page per kind: a kind added later (tag pages, archives) is checked without touching this file.
const kinds = served.kinds;
const articlePage = kinds.find((kind) => kind.kind === ARTICLE_KIND)?.path;

beforeAll(() => served.launch());
afterAll(() => served.close());

const WIDTHS = [320, 768, 1280] as const;

describe.each(kinds)("$kind ($path)", ({ path }) => {
  it("is laid out right to left", async () => {
    const page = await served.open(path);
    const directions = await page.evaluate(() =>
      ["html", "body", "main", "main h1"].map((selector) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).direction : `${selector} missing`;
      }),
    );
    expect(directions).toEqual(["rtl", "rtl", "rtl", "rtl"]);
  });

  it.each(WIDTHS)(
    "has its headline and every paragraph against the right edge of the column at %i px",
    async (width) => {
      const page = await served.open(path, { viewport: { width, height: 800 } });
      const report = await measureRightEdges(page);
      expect(report.checked).toBeGreaterThan(0);
      expect(report.misaligned).toEqual([]);
    },
  );

  it.each(WIDTHS)("does not scroll sideways at %i px", async (width) => {
    const page = await served.open(path, { viewport: { width, height: 800 } });
    expect(await findOverflow(page)).toEqual({ scrollWidth: width, outside: [] });
  });

  it("leaves no link of the content partly covered by another at 412 px (touch targets)", async () => {
    // Lighthouse's phone: a link whose edge another element covers is a smaller touch target
    // than it looks (WCAG 2.5.8), as the section label above a list's headline once was.
    const page = await served.open(path, { viewport: { width: 412, height: 4000 } });
    const report = await page.evaluate(() => {
      const covered: string[] = [];
      let checked = 0;
      for (const link of document.querySelectorAll<HTMLElement>("main a")) {
        for (const box of link.getClientRects()) {
          if (box.width < 2 || box.height < 2 || box.bottom > innerHeight) continue;
          checked += 1;
          const x = (box.left + box.right) / 2;
          for (const y of [box.top + 1, box.bottom - 1]) {
            const hit = document.elementFromPoint(x, y);
            if (hit && hit !== link && !link.contains(hit))
              covered.push(`${link.textContent?.trim().slice(0, 30)} under ${hit.tagName}`);
          }
        }
      }
      const shown = [...document.querySelectorAll("main a")].filter(
        (link) => link.getClientRects().length > 0,
      ).length;
      return { links: shown, checked, covered };
    });
    if (report.links > 0) expect(report.checked, path).toBeGreaterThan(0);
    expect(report.covered, path).toEqual([]);
  });

  it("lets a keyboard user skip to the content (Tab, then Enter)", async () => {
    const page = await served.open(path, { viewport: { width: 360, height: 740 } });
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      const box = active?.getBoundingClientRect();
      return {
        className: active?.className,
        href: active?.getAttribute("href"),
        visible: box !== undefined && box.width > 0 && box.top >= 0 && box.bottom <= innerHeight,
      };
    });
    expect(skip).toEqual({ className: "skip-link", href: "#main", visible: true });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
    expect(await page.evaluate(() => location.hash)).toBe("#main");
  });

  it("keeps Latin and digit runs in their written order, and Arabic runs right to left", async () => {
    const page = await served.open(path, { viewport: { width: 1280, height: 800 } });
    const report = await checkBidiOrder(page, "main");
    expect(report.wrong).toEqual([]);
  });
});

describe.each(kinds)("$kind ($path) in dark mode and in print", ({ path }) => {
  it.each(["dark", "light"] as const)(
    "keeps every text %s-scheme readable (contrast at least 4.5:1)",
    async (scheme) => {
      const page = await served.open(path, {
        colorScheme: scheme,
        viewport: { width: 360, height: 740 },
      });
      const report = await measureContrast(page);
      expect(report.checked).toBeGreaterThan(2);
      expect(report.low).toEqual([]);
      const background = report.pageBackgroundLuminance;
      expect(scheme === "dark" ? background < 0.05 : background > 0.8).toBe(true);
    },
  );

  it("prints black on white, without the skip link, and nothing wider than the page", async () => {
    const page = await served.open(path, { viewport: { width: 700, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    try {
      const report = await measureContrast(page);
      expect(report.checked).toBeGreaterThan(2);
      expect(report.low).toEqual([]);
      expect(report.pageBackgroundLuminance).toBeGreaterThan(0.95);
      expect(
        await page.evaluate(
          () => getComputedStyle(document.querySelector(".skip-link") as Element).display,
        ),
      ).toBe("none");
      expect(await findOverflow(page)).toEqual({ scrollWidth: 700, outside: [] });
    } finally {
      await page.emulateMedia({ media: null });
    }
  });
});

describe("the contrast check itself", () => {
  it("notices grey text on a grey background", async () => {
    const page = await served.open("/", {
      colorScheme: "dark",
      viewport: { width: 360, height: 740 },
    });
    await page.evaluate(() => {
      const faint = document.createElement("p");
      faint.textContent = "نص باهت";
      faint.style.cssText = "color: #555; background: #333";
      document.querySelector("main")?.append(faint);
    });
    expect((await measureContrast(page)).low).toEqual([expect.stringContaining("نص باهت")]);
  });
});

describe("bidi order of numbers and dates inside Arabic lines", () => {
  it.skipIf(!articlePage)(
    "reads '2254' and '13 أغسطس/آب' as written, in the article's own styles",
    async () => {
      const page = await openWithProbe("وفقاً لقرار مجلس الأمن رقم 2254، لغاية 13 أغسطس/آب المقبل.");
      const report = await checkBidiOrder(page, "#bidi-probe");
      expect(report.checkedRuns).toEqual(expect.arrayContaining(["2254", "13"]));
      expect(report.checkedPairs).toEqual(expect.arrayContaining(["13 أغسطس", "أغسطس/آب"]));
      expect(report.wrong).toEqual([]);
    },
  );

  it.skipIf(!articlePage)("notices digits shown reversed (the check can fail)", async () => {
    // bidi-override lays every character in one direction: 2254 would read 4522.
    const page = await openWithProbe(
      'القرار رقم <bdo dir="rtl">2254</bdo> لغاية <bdo dir="ltr">13 أغسطس/آب</bdo> المقبل',
    );
    const report = await checkBidiOrder(page, "#bidi-probe");
    expect(report.wrong).toEqual(
      expect.arrayContaining([
        expect.stringContaining("2254"),
        expect.stringContaining("13 أغسطس"),
      ]),
    );
  });
});

/** The article page with a paragraph of test text (trusted markup) as the body's first paragraph. */
async function openWithProbe(html: string): Promise<Page> {
  const page = await served.open(articlePage ?? "", { viewport: { width: 1280, height: 800 } });
  await page.evaluate((html) => {
    const probe = document.createElement("p");
    probe.id = "bidi-probe";
    probe.innerHTML = html;
    document.querySelector(".article-body")?.prepend(probe);
  }, html);
  return page;
}

describe("the layout checks themselves", () => {
  it.skipIf(!articlePage)(
    "notice a left-aligned paragraph and an element wider than the screen",
    async () => {
      const page = await served.open(articlePage ?? "", { viewport: { width: 320, height: 800 } });
      await page.evaluate(() => {
        const left = document.createElement("p");
        left.textContent = "فقرة قصيرة";
        left.style.textAlign = "left";
        const wide = document.createElement("div");
        wide.style.width = "400px";
        wide.textContent = "عريض";
        document.querySelector(".article-body")?.prepend(left, wide);
      });
      expect((await measureRightEdges(page)).misaligned).toEqual([
        expect.stringContaining("فقرة قصيرة"),
      ]);
      expect((await findOverflow(page)).outside).toContain("div");
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Measurements in the page

/**
 * For the headline and every paragraph in <main>: each line's right end must be at the right
 * edge of <main>'s content box (a right-to-left page starts every line there), and no line may
 * pass either edge. Lines are found from the text's client rects, grouped by height on the page.
 */
function measureRightEdges(page: Page): Promise<{ checked: number; misaligned: string[] }> {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    if (!main) return { checked: 0, misaligned: ["no <main>"] };
    const mainBox = main.getBoundingClientRect();
    const mainStyle = getComputedStyle(main);
    const columnRight = mainBox.right - parseFloat(mainStyle.paddingRight);
    const columnLeft = mainBox.left + parseFloat(mainStyle.paddingLeft);
    const misaligned: string[] = [];
    let checked = 0;
    for (const block of main.querySelectorAll<HTMLElement>("h1, p")) {
      if (block.closest(".visually-hidden") || block.getClientRects().length === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(block);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
      if (rects.length === 0) continue;
      checked += 1;
      const lines = new Map<number, { left: number; right: number }>();
      for (const rect of rects) {
        const middle = Math.round((rect.top + rect.bottom) / 2 / 8);
        const line = lines.get(middle) ?? { left: Infinity, right: -Infinity };
        lines.set(middle, {
          left: Math.min(line.left, rect.left),
          right: Math.max(line.right, rect.right),
        });
      }
      const label = `${block.tagName.toLowerCase()} "${(block.textContent ?? "").trim().slice(0, 30)}"`;
      for (const line of lines.values()) {
        if (Math.abs(line.right - columnRight) > 1.5 || line.left < columnLeft - 1.5) {
          misaligned.push(
            `${label}: a line spans ${line.left.toFixed(1)}–${line.right.toFixed(1)}, column ${columnLeft.toFixed(1)}–${columnRight.toFixed(1)}`,
          );
          break;
        }
      }
    }
    return { checked, misaligned };
  });
}

/** The page's scroll width, and every visible element that reaches outside the viewport sideways. */
function findOverflow(page: Page): Promise<{ scrollWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside: string[] = [];
    // Inside a box that scrolls or clips sideways (the header's row of sections on a phone),
    // content reaches past the screen by design; the box itself must not.
    const inScroller = (element: HTMLElement): boolean => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== "visible") return true;
      }
      return false;
    };
    for (const element of document.body.querySelectorAll<HTMLElement>("*")) {
      if (element.closest(".visually-hidden") || inScroller(element)) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < -0.5 || box.right > width + 0.5) outside.push(element.tagName.toLowerCase());
    }
    return { scrollWidth: document.documentElement.scrollWidth, outside };
  });
}

/**
 * Bidi order as laid out, within `selector`: every run of Latin letters or digits must go left
 * to right character by character (so 2254 never shows as 4522), a number followed by an Arabic
 * word must stand to that word's right, and "A/B" Arabic month pairs read A then B, right to left.
 */
function checkBidiOrder(
  page: Page,
  selector: string,
): Promise<{ checkedRuns: string[]; checkedPairs: string[]; wrong: string[] }> {
  return page.evaluate((selector) => {
    const checkedRuns: string[] = [];
    const checkedPairs: string[] = [];
    const wrong: string[] = [];
    const boxOf = (node: Text, start: number, end: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const rects = [...range.getClientRects()];
      return rects.length === 1 ? rects[0] : undefined; // split over two lines: not comparable
    };
    const sameLine = (a: DOMRect, b: DOMRect) => Math.abs(a.top + a.bottom - b.top - b.bottom) < 4;
    const roots = document.querySelectorAll(selector);
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        const text = node.data;
        for (const match of text.matchAll(/[0-9A-Za-z]{2,}/g)) {
          const start = match.index;
          const boxes = [...match[0]].map((_, offset) =>
            boxOf(node, start + offset, start + offset + 1),
          );
          if (boxes.some((box) => box === undefined || !sameLine(box, boxes[0] as DOMRect)))
            continue;
          checkedRuns.push(match[0]);
          const lefts = boxes.map((box) => (box as DOMRect).left);
          if (lefts.some((left, index) => index > 0 && left <= (lefts[index - 1] as number))) {
            wrong.push(`"${match[0]}" is laid out out of order`);
          }
        }
        // "13 أغسطس" (a number, then the Arabic word after it) and "أغسطس/آب" (a month pair);
        // lookahead keeps the second word free for the next match.
        for (const pattern of [
          /([0-9]+)( )(?=([\u0621-\u064A]+))/g,
          /([\u0621-\u064A]+)(\/)(?=([\u0621-\u064A]+))/g,
        ]) {
          for (const match of text.matchAll(pattern)) {
            const [, first = "", separator = "", second = ""] = match;
            const start = match.index;
            const secondStart = start + first.length + separator.length;
            const a = boxOf(node, start, start + first.length);
            const b = boxOf(node, secondStart, secondStart + second.length);
            if (!a || !b || !sameLine(a, b)) continue;
            const label = `${first}${separator}${second}`;
            checkedPairs.push(label);
            if (a.left < b.right - 0.5)
              wrong.push(`"${label}": "${first}" is not to the right of "${second}"`);
          }
        }
      }
    }
    return { checkedRuns, checkedPairs, wrong };
  }, selector);
}

/**
 * WCAG 2 contrast of every visible element's own text against the background it is painted on
 * (the nearest ancestor's background colour, blended where translucent), and how light the
 * page's own background is.
 */
function measureContrast(
  page: Page,
): Promise<{ checked: number; low: string[]; pageBackgroundLuminance: number }> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const parts = /rgba?\(([^)]+)\)/
        .exec(value)?.[1]
        ?.split(/[ ,/]+/)
        .map(Number);
      if (!parts || parts.length < 3 || parts.some(Number.isNaN))
        throw new Error(`unreadable colour ${value}`);
      const [r = 0, g = 0, b = 0, a = 1] = parts;
      return [r, g, b, a];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2]
        .map((i) => (top[i] as number) * a + (bottom[i] as number) * (1 - a))
        .concat(1) as Rgba;
    };
    const backgroundOf = (element: Element | null): Rgba => {
      if (!element) return [255, 255, 255, 1]; // the canvas
      const own = parse(getComputedStyle(element).backgroundColor);
      return own[3] === 1 ? own : over(own, backgroundOf(element.parentElement));
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) =>
        (c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const low: string[] = [];
    let checked = 0;
    for (const element of document.body.querySelectorAll("*")) {
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
      );
      if (!ownText || element.closest(".visually-hidden")) continue;
      const style = getComputedStyle(element);
      if (
        style.display === "none" ||
        style.visibility === "hidden" ||
        element.getClientRects().length === 0
      )
        continue;
      const background = backgroundOf(element);
      const text = over(parse(style.color), background);
      const [lighter, darker] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [
        number,
        number,
      ];
      const ratio = (lighter + 0.05) / (darker + 0.05);
      checked += 1;
      if (ratio < 4.5)
        low.push(
          `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 30)}": ${ratio.toFixed(2)}:1`,
        );
    }
    return { checked, low, pageBackgroundLuminance: luminance(backgroundOf(document.body)) };
  });
}
