import { describe, expect, it } from "vitest";
import { absoluteUrl, authorPath, nameSlug, sitePath } from "../../src/site/urls.ts";

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

describe("nameSlug and authorPath", () => {
  it("keeps a lower-case ASCII name as it is, words joined by hyphens", () => {
    expect(nameSlug("Reuters / AFP")).toBe("reuters-afp");
    expect(authorPath({ name: "Reuters" })).toBe("/authors/reuters/");
  });

  it("transliterates any other name and adds a hash of it, so no two names meet", () => {
    expect(nameSlug("سارة الأحمد")).toMatch(/^sart-alahmd-[0-9a-f]{8}$/);
    expect(nameSlug("سارة الأحمد")).not.toBe(nameSlug("سارت الاحمد"));
    // Spellings of one name (spacing, diacritics) share their slug.
    expect(nameSlug("سارة  الأحمد")).toBe(nameSlug("سارَة الأحمد"));
    expect(nameSlug("؟!")).toMatch(/^author-[0-9a-f]{8}$/);
    expect(nameSlug("../../etc")).toBe("etc");
  });

  it("prefers the id authors.yaml gives", () => {
    expect(authorPath({ id: "news-desk", name: "قسم الأخبار" })).toBe("/authors/news-desk/");
  });
});
