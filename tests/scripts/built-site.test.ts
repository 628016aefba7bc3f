import { describe, expect, it } from "vitest";
import { pageKinds, pagePath } from "../../scripts/lib/built-site.ts";

describe("pageKinds", () => {
  it("takes one page per kind: home, each folder's shapes, and a missing path for the 404", () => {
    const kinds = pageKinds([
      "index.html",
      "tags/b/index.html",
      "articles/b/index.html",
      "404.html",
      "articles/a/index.html",
      "tags/index.html",
      "tags/a/index.html",
      "archive/2023/06/index.html",
      "archive/2024/01/index.html",
      "about.html",
    ]);
    expect(kinds).toEqual([
      { kind: "home", file: "index.html", path: "/" },
      { kind: "about", file: "about.html", path: "/about.html" },
      { kind: "archive/*/*", file: "archive/2023/06/index.html", path: "/archive/2023/06/" },
      { kind: "articles/*", file: "articles/a/index.html", path: "/articles/a/" },
      { kind: "tags/*", file: "tags/a/index.html", path: "/tags/a/" },
      { kind: "tags", file: "tags/index.html", path: "/tags/" },
      { kind: "404", file: "404.html", path: "/no-such-page/" },
    ]);
  });

  it("leaves out the 404 when the site has none", () => {
    expect(pageKinds(["index.html"])).toEqual([{ kind: "home", file: "index.html", path: "/" }]);
  });
});

describe("pagePath", () => {
  it("serves index.html as its folder", () => {
    expect(pagePath("index.html")).toBe("/");
    expect(pagePath("articles/x/index.html")).toBe("/articles/x/");
    expect(pagePath("404.html")).toBe("/404.html");
  });
});
