// Arabic typography in Chromium on a site made to exercise it: a decreasing heading scale, no fallback faces, dates on one line, numbers in logical order.

import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLE_KIND } from "../../scripts/lib/built-site.ts";
import { tagPath } from "../../src/site/tags.ts";
import { checkHtml } from "../helpers/nu-checker.ts";
import { serveBuiltSite } from "../helpers/served-site.ts";

process.env.SAHIFA_CONTENT = path.resolve(import.meta.dirname, "../fixtures/sites/typography");
const served = await serveBuiltSite();
const ARTICLE = "/articles/markets-2023/";
const FAMILY = "Noto Naskh Arabic";

beforeAll(() => served.launch());
afterAll(() => served.close());

describe("the article's headings", () => {
  it.each([360, 1280])(
    "decrease from h1 to h4 at %i px, and h4 is no smaller than the text",
    async (width) => {
      const page = await served.open(ARTICLE, { viewport: { width, height: 800 } });
      const sizes = await page.evaluate(() => {
        const size = (selector: string) =>
          [...document.querySelectorAll(selector)].map((element) =>
            parseFloat(getComputedStyle(element).fontSize),
          );
        return {
          h1: size("main h1"),
          h2: size(".article-body h2"),
          h3: size(".article-body h3"),
          h4: size(".article-body h4"),
          p: size(".article-body > p"),
        };
      });
      // The fixture has each level (and the footnotes' h2): an empty list would prove nothing.
      for (const level of Object.values(sizes)) expect(level.length).toBeGreaterThan(0);
      expect(Math.min(...sizes.h1)).toBeGreaterThan(Math.max(...sizes.h2));
      expect(Math.min(...sizes.h2)).toBeGreaterThan(Math.max(...sizes.h3));
      expect(Math.min(...sizes.h3)).toBeGreaterThan(Math.max(...sizes.h4));
      expect(Math.min(...sizes.h4)).toBeGreaterThanOrEqual(Math.max(...sizes.p));
    },
  );
});

describe.each(served.kinds)("$kind ($path)", ({ kind, path: sitePath }) => {
  it("draws the body face's text only with that face, and each other font stack with one face", async () => {
    const page = await served.open(sitePath);
    const drawn = await facesPerStack(page);
    const body = [...drawn.entries()].filter(([stack]) => stack.startsWith(`"${FAMILY}"`));
    expect(body.length, "no text in the body face").toBeGreaterThan(0);
    for (const [stack, faces] of drawn) {
      if (stack.startsWith(`"${FAMILY}"`)) {
        // Latin and digits included: the family's own Latin face, never a system serif.
        expect([...faces.entries()], stack).toEqual([[`${FAMILY} (web font)`, expect.any(Number)]]);
      } else {
        // system-ui and monospace are whatever the machine has: one face each, not one for the
        // Arabic and another for the digits.
        expect([...faces.keys()], `${stack}: ${JSON.stringify([...faces])}`).toHaveLength(1);
      }
    }
  });

  it("keeps every date on one line at 320 px, without widening the page", async () => {
    const page = await served.open(sitePath, { viewport: { width: 320, height: 640 } });
    const result = await page.evaluate(() => ({
      dates: [...document.querySelectorAll("time, .nowrap")].map((element) => ({
        text: element.textContent ?? "",
        lines: new Set([...element.getClientRects()].map((rect) => Math.round(rect.top))).size,
      })),
      scrollWidth: document.documentElement.scrollWidth,
    }));
    if (kind === ARTICLE_KIND || kind === "home")
      expect(result.dates.length).toBeGreaterThan(kind === "home" ? 1 : 3);
    expect(result.dates.filter((date) => date.lines !== 1)).toEqual([]);
    expect(result.scrollWidth).toBeLessThanOrEqual(320);
  });

  it.each([
    { name: "light, 1280 px", colorScheme: "light", viewport: { width: 1280, height: 800 } },
    { name: "dark, 360 px", colorScheme: "dark", viewport: { width: 360, height: 740 } },
  ] as const)(
    "has no axe violations and no script but the search page's own ($name)",
    async ({ colorScheme, viewport }) => {
      const page = await served.open(sitePath, { colorScheme, viewport });
      // Before axe, which runs as a script of its own; JSON-LD is data, not a script.
      const scripts = await page.evaluate(() =>
        [...document.scripts]
          .filter((script) => script.type !== "application/ld+json")
          .map((script) => script.getAttribute("src") ?? "inline"),
      );
      // The search page alone runs a script: the site's own file, which loads Pagefind.
      if (kind === "search")
        expect(scripts).toEqual([expect.stringMatching(/\/assets\/search\.[0-9a-f]+\.js$/)]);
      else expect(scripts).toEqual([]);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.passes.length).toBeGreaterThan(10);
      expect(
        results.violations.map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target).join("; ")}`,
        ),
      ).toEqual([]);
    },
  );
});

describe("numbers inside Arabic text", () => {
  it("shows each signed number, range and percentage in the order it was typed", async () => {
    const page = await served.open(ARTICLE);
    const runs = await page.evaluate(() => {
      const order = (node: Text) => {
        // Left edges of each character: in logical order they increase left to right.
        const lefts = [...(node.textContent ?? "")].map((_, index) => {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          return range.getBoundingClientRect().left;
        });
        return lefts.every((left, index) => index === 0 || left > (lefts[index - 1] ?? 0));
      };
      const isolated = [...document.querySelectorAll(".article-body bdi")].map((bdi) => ({
        text: bdi.textContent,
        inOrder: order(bdi.firstChild as Text),
      }));
      // The same text with no isolation, in the same paragraph style: the bidi algorithm moves
      // the sign to the other side, so the check above can fail.
      const control = document.createElement("p");
      control.textContent = "تراجع -0.5 نقطة";
      document.querySelector(".article-body")?.append(control);
      const text = control.firstChild as Text;
      const sign = document.createRange();
      sign.setStart(text, 6);
      sign.setEnd(text, 7);
      const digit = document.createRange();
      digit.setStart(text, 7);
      digit.setEnd(text, 8);
      const controlInOrder = sign.getBoundingClientRect().left < digit.getBoundingClientRect().left;
      control.remove();
      return { isolated, controlInOrder };
    });
    expect(runs.controlInOrder).toBe(false);
    expect(runs.isolated.map((run) => run.text)).toEqual(
      expect.arrayContaining(["-0.5", "+0.1", "10–20%", "5%"]),
    );
    expect(runs.isolated.filter((run) => !run.inOrder)).toEqual([]);
  });

  // Headlines and standfirsts come from the frontmatter through the templates, not the Markdown.
  // The markets article's headline has -0.5 and 10–20%, its standfirst -0.5 and +0.1; the
  // earlier article links to it by headline alone.
  const HEADLINE = ["-0.5", "10–20%"];
  const BOTH = [...HEADLINE, "+0.1"];
  it.each([
    { sitePath: "/", expected: BOTH },
    { sitePath: ARTICLE, expected: BOTH },
    { sitePath: tagPath("أسواق"), expected: BOTH },
    { sitePath: "/articles/rates-2022/", expected: HEADLINE },
  ])(
    "shows the signed numbers and ranges of headlines and standfirsts in typed order on $sitePath",
    async ({ sitePath, expected }) => {
      const page = await served.open(sitePath);
      const found = await page.evaluate(
        (needles) => {
          const containers = document.querySelectorAll(
            "h1, h2, h3, .article-standfirst, .lead-standfirst, .article-list li > p:not(.article-meta), .related a, .article-nav a",
          );
          const results: { needle: string; inOrder: boolean; where: string }[] = [];
          for (const container of containers) {
            if (container.closest(".article-body")) continue;
            const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent ?? "";
              for (const needle of needles) {
                const at = text.indexOf(needle);
                if (at === -1) continue;
                const lefts = [...needle].map((_, index) => {
                  const range = document.createRange();
                  range.setStart(node, at + index);
                  range.setEnd(node, at + index + 1);
                  return range.getBoundingClientRect().left;
                });
                results.push({
                  needle,
                  inOrder: lefts.every((left, i) => i === 0 || left > (lefts[i - 1] ?? 0)),
                  where: container.className || container.tagName,
                });
              }
            }
          }
          return results;
        },
        ["-0.5", "+0.1", "10–20%"],
      );
      expect(new Set(found.map((run) => run.needle))).toEqual(new Set(expected));
      expect(found.filter((run) => !run.inOrder)).toEqual([]);
    },
  );

  it("shows them in typed order in a search result's headline too (the search page's script)", async () => {
    const page = await served.open(`/search/?q=${encodeURIComponent("تقلبات")}`);
    await page.waitForSelector(".search-results li h2 a");
    const found = await page.evaluate(`[...document.querySelectorAll(".search-results h2 a")]
      .flatMap((link) => [...link.querySelectorAll("bdi")])
      .map((bdi) => {
        const text = bdi.firstChild;
        const lefts = [...text.textContent].map((_, index) => {
          const range = document.createRange();
          range.setStart(text, index);
          range.setEnd(text, index + 1);
          return range.getBoundingClientRect().left;
        });
        return { text: text.textContent, inOrder: lefts.every((left, i) => i === 0 || left > lefts[i - 1]) };
      })`);
    expect(found).toEqual([
      { text: "-0.5", inOrder: true },
      { text: "10–20%", inOrder: true },
    ]);
  });

  it("aligns a passage marked lang=en dir=ltr to its own start, with English quotes", async () => {
    const page = await served.open(ARTICLE);
    const passage = await page.evaluate(() => {
      const p = document.querySelector<HTMLElement>('.article-body p[lang="en"]');
      if (!p) return null;
      const range = document.createRange();
      range.selectNodeContents(p);
      const text = range.getBoundingClientRect();
      const box = p.getBoundingClientRect();
      return {
        text: p.textContent,
        gapLeft: text.left - box.left,
        align: getComputedStyle(p).textAlign,
      };
    });
    expect(passage?.text).toMatch(/^“Markets .*,” an analyst/);
    expect(passage?.align).toBe("start");
    expect(passage?.gapLeft).toBeLessThan(1);
  });

  it("points a footnote's back arrow to the start of its note's line, in either direction", async () => {
    const page = await served.open(ARTICLE);
    const transforms = await page.evaluate(() => {
      const article = document.querySelector<HTMLElement>("article");
      const backref = document.querySelector<HTMLElement>(".footnote-backref");
      if (!article || !backref) return null;
      const arabic = getComputedStyle(backref).transform;
      // As an article with `lang: en` is written (its element's dir; the back-link keeps the
      // site's direction for its Arabic label).
      article.setAttribute("dir", "ltr");
      backref.setAttribute("dir", "rtl");
      const english = getComputedStyle(backref).transform;
      return { arabic, english };
    });
    expect(transforms).toEqual({ arabic: "matrix(-1, 0, 0, 1, 0, 0)", english: "none" });
  });

  it("publishes no note to the desk", async () => {
    const page = await served.open(ARTICLE);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain("للمحرر");
  });
});

describe("Nu HTML Checker", () => {
  it("finds no error on any page of the typography site", async () => {
    const files = served.site.htmlFiles.map((file) => path.join(served.site.root, file));
    expect(files.some((file) => file.includes("markets-2023"))).toBe(true);
    expect(served.kinds.some((kind) => kind.kind === ARTICLE_KIND)).toBe(true);
    const errors = (await checkHtml(files)).filter((message) => message.type !== "info");
    expect(errors.map((error) => `${error.url}: ${error.message}`)).toEqual([]);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * For each computed font-family on the page, the faces Chromium drew its text with (DevTools'
 * "Rendered Fonts", CDP CSS.getPlatformFontsForNode), per element whose own text is not blank.
 */
async function facesPerStack(page: Page): Promise<Map<string, Map<string, number>>> {
  const stacks = await page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll("body *")) {
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "",
      );
      if (!ownText) continue;
      // Chromium counts a child's glyphs with its parent's at times (a footnote's back-link
      // with its paragraph): an element with text in another stack inside is left to that
      // element's own check.
      const stack = getComputedStyle(element).fontFamily;
      const mixed = [...element.querySelectorAll("*")].some(
        (inner) => inner.textContent?.trim() && getComputedStyle(inner).fontFamily !== stack,
      );
      if (mixed) continue;
      element.setAttribute("data-face-probe", String(found.length));
      found.push(stack);
    }
    return found;
  });
  const cdp = await page.context().newCDPSession(page);
  const drawn = new Map<string, Map<string, number>>();
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    for (const [index, stack] of stacks.entries()) {
      const { nodeId } = await cdp.send("DOM.querySelector", {
        nodeId: root.nodeId,
        selector: `[data-face-probe="${index}"]`,
      });
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      const faces = drawn.get(stack) ?? new Map<string, number>();
      for (const font of fonts) {
        const name = `${font.familyName}${font.isCustomFont ? " (web font)" : ""}`;
        faces.set(name, (faces.get(name) ?? 0) + font.glyphCount);
      }
      drawn.set(stack, faces);
    }
  } finally {
    await cdp.detach();
  }
  return drawn;
}
