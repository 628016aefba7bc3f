// axe-core in Chromium: no violations on any page the build writes, in light and dark, on a phone and a desktop.

import { AxeBuilder } from "@axe-core/playwright";
import { expectNoAxeViolations } from "../helpers/axe.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveBuiltSite } from "../helpers/served-site.ts";

const served = await serveBuiltSite();

beforeAll(() => served.launch());
afterAll(() => served.close());

const SETTINGS = [
  { name: "light, 1280 px", colorScheme: "light", viewport: { width: 1280, height: 800 } },
  { name: "dark, 1280 px", colorScheme: "dark", viewport: { width: 1280, height: 800 } },
  { name: "light, 360 px", colorScheme: "light", viewport: { width: 360, height: 740 } },
] as const;

// One page per kind: a kind added later (tag pages, archives) is checked without touching this file.
describe.each(served.kinds)("$kind ($path)", ({ path }) => {
  it.each(SETTINGS)("has no axe violations ($name)", async ({ colorScheme, viewport }) => {
    const page = await served.open(path, { colorScheme, viewport });
    await expectNoAxeViolations(page);
  });
});

describe("the axe check itself", () => {
  it("finds the violations of a careless page", async () => {
    const page = await served.open("/");
    await page.setContent('<html><body><img src="x.png"><a href="/"></a></body></html>');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual(
      expect.arrayContaining(["html-has-lang", "image-alt", "link-name"]),
    );
    // The shared check every page kind's suite runs refuses it, naming the rule.
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt/);
  });
});
