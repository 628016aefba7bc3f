// axe-core on a page open in Chromium: the one check every page kind's browser suite runs.

import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/**
 * Runs axe on the page as it is and expects no violation. A page axe barely examined (ten rules
 * or fewer passing: a blank or error page) fails too, so the check never passes on nothing.
 * Each violation is listed with its impact, help text and the elements it found.
 * @example await expectNoAxeViolations(page);
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(describeViolation);
  expect(violations, `axe violations:\n${violations.join("\n")}\n`).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(10);
}

/** A violation as one line: rule, impact, what it asks, and the elements. */
export function describeViolation(violation: Violation): string {
  const targets = violation.nodes.map((node) => node.target.join(" ")).join("; ");
  return `${violation.id} (${violation.impact ?? "?"}): ${violation.help} — ${targets}`;
}
