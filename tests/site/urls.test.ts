import { describe, expect, it } from "vitest";
import { absoluteUrl, sitePath } from "../../src/site/urls.ts";

describe("site URLs", () => {
  it("prefixes paths for a site at the root and in a sub-folder", () => {
    expect(sitePath({ pathPrefix: "/" }, "/articles/x/")).toBe("/articles/x/");
    expect(sitePath({ pathPrefix: "/news/" }, "/articles/x/")).toBe("/news/articles/x/");
    expect(sitePath({ pathPrefix: "/news/" }, "/")).toBe("/news/");
  });

  it("makes absolute URLs under the site URL", () => {
    expect(absoluteUrl({ url: "https://example.org/news/" }, "/articles/x/")).toBe(
      "https://example.org/news/articles/x/",
    );
    expect(absoluteUrl({ url: "https://example.org/" }, "/")).toBe("https://example.org/");
  });
});
