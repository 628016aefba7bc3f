// Pagination: a list cut into numbered pages with stable paths, and the page numbers a pager shows.

/** One page of a paginated list. */
export interface Page<T> {
  /** Site-relative path: the base path for page 1, then <base>page/2/, <base>page/3/, … */
  path: string;
  /** 1-based */
  number: number;
  count: number;
  items: T[];
  /** The base path, for "first page" links. */
  firstPath: string;
  previousPath?: string;
  nextPath?: string;
}

/**
 * Cuts `items` into pages of `size`; an empty list still has its first page.
 * @example paginate([1, 2, 3], 2, "/").map((page) => page.path) //=> ["/", "/page/2/"]
 */
export function paginate<T>(items: readonly T[], size: number, basePath: string): Page<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size ${size} is not a whole number ≥ 1`);
  const count = Math.max(1, Math.ceil(items.length / size));
  const pages: Page<T>[] = [];
  for (let number = 1; number <= count; number++) {
    pages.push({
      path: pagePath(basePath, number),
      number,
      count,
      items: items.slice((number - 1) * size, number * size),
      firstPath: basePath,
      ...(number > 1 ? { previousPath: pagePath(basePath, number - 1) } : {}),
      ...(number < count ? { nextPath: pagePath(basePath, number + 1) } : {}),
    });
  }
  return pages;
}

/**
 * The path of page `number` of the list at `basePath`.
 * @example pagePath("/tags/swrya-1a2b3c4d/", 3) //=> "/tags/swrya-1a2b3c4d/page/3/"
 */
export function pagePath(basePath: string, number: number): string {
  return number === 1 ? basePath : `${basePath}page/${number}/`;
}

/**
 * The page numbers a pager shows: the first, the last, and `span` either side of the current
 * one, with `"gap"` where numbers are left out.
 * @example pageWindow(6, 50, 2) //=> [1, "gap", 4, 5, 6, 7, 8, "gap", 50]
 */
export function pageWindow(current: number, count: number, span = 2): (number | "gap")[] {
  const shown: (number | "gap")[] = [];
  let last = 0;
  for (let number = 1; number <= count; number++) {
    const near = Math.abs(number - current) <= span;
    if (number !== 1 && number !== count && !near) continue;
    // A gap of one page is shown as that page: "1 … 3" would hide a single number.
    if (number - last === 2) shown.push(number - 1);
    else if (number - last > 2) shown.push("gap");
    shown.push(number);
    last = number;
  }
  return shown;
}
