import { describe, expect, it } from "vitest";
import { pagePath, pageWindow, paginate } from "../../src/site/pagination.ts";

describe("paginate", () => {
  const items = Array.from({ length: 45 }, (_, index) => index + 1);

  it("cuts a list into pages of the given size, the last one shorter", () => {
    const pages = paginate(items, 20, "/");
    expect(pages.map((page) => page.items.length)).toEqual([20, 20, 5]);
    expect(pages.map((page) => page.items[0])).toEqual([1, 21, 41]);
    expect(pages.every((page) => page.count === 3)).toBe(true);
    expect(pages.map((page) => page.number)).toEqual([1, 2, 3]);
  });

  it("puts page 1 at the base path and the rest under page/N/", () => {
    const pages = paginate(items, 20, "/tags/swrya-cf3be6cf/");
    expect(pages.map((page) => page.path)).toEqual([
      "/tags/swrya-cf3be6cf/",
      "/tags/swrya-cf3be6cf/page/2/",
      "/tags/swrya-cf3be6cf/page/3/",
    ]);
    expect(pages.every((page) => page.firstPath === "/tags/swrya-cf3be6cf/")).toBe(true);
  });

  it("links each page to its neighbours, and only to pages that exist", () => {
    const [first, second, third] = paginate(items, 20, "/");
    expect(first?.previousPath).toBeUndefined();
    expect(first?.nextPath).toBe("/page/2/");
    expect(second?.previousPath).toBe("/");
    expect(second?.nextPath).toBe("/page/3/");
    expect(third?.previousPath).toBe("/page/2/");
    expect(third?.nextPath).toBeUndefined();
  });

  it("gives an empty list its one, empty, first page", () => {
    const pages = paginate([], 20, "/");
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ path: "/", number: 1, count: 1, items: [] });
  });

  it("refuses a page size that is not a whole number of at least one", () => {
    expect(() => paginate(items, 0, "/")).toThrow(RangeError);
    expect(() => paginate(items, 2.5, "/")).toThrow(RangeError);
  });

  it("names page paths", () => {
    expect(pagePath("/archive/2023/06/", 1)).toBe("/archive/2023/06/");
    expect(pagePath("/archive/2023/06/", 4)).toBe("/archive/2023/06/page/4/");
  });
});

describe("pageWindow", () => {
  it("shows first, last and two either side of the current page, with gaps", () => {
    expect(pageWindow(6, 50)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 50]);
    expect(pageWindow(1, 50)).toEqual([1, 2, 3, "gap", 50]);
    expect(pageWindow(50, 50)).toEqual([1, "gap", 48, 49, 50]);
  });

  it("shows every page of a short list, and a single hidden page instead of a gap", () => {
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
