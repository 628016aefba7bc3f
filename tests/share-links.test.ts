import { describe, expect, it } from "vitest";
import { SHARE_TARGETS, shareLinks } from "../src/share-links.ts";

const page = { url: "https://example.org/news/articles/a/?x=1&y=2", title: "خبر & تحليل + رأي" };

describe("shareLinks", () => {
  it("gives one link per target, in order, all https or mailto", () => {
    const links = shareLinks(page);
    expect(links.map((link) => link.id)).toEqual([
      "whatsapp",
      "telegram",
      "x",
      "facebook",
      "email",
    ]);
    expect(links.map((link) => link.id)).toEqual(SHARE_TARGETS.map((target) => target.id));
    for (const link of links) expect(link.href).toMatch(/^(https:\/\/|mailto:\?)/);
  });

  it("percent-encodes the URL and title so they come back whole", () => {
    for (const link of shareLinks(page)) {
      const values = [...new URL(link.href).searchParams.values()].join("\n");
      if (link.id === "facebook") expect(values).toBe(page.url);
      else expect(values).toContain(page.url);
      if (link.id !== "facebook") expect(values).toContain(page.title);
    }
  });

  it("writes spaces and plus signs in mailto as %20 and %2B (RFC 6068), never +", () => {
    const email = shareLinks(page).find((link) => link.id === "email");
    expect(email?.href).toBe(
      `mailto:?subject=${encodeURIComponent(page.title)}&body=${encodeURIComponent(page.url)}`,
    );
    expect(email?.href).not.toContain("+");
  });
});
