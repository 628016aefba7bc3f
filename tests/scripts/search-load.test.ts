import { describe, expect, it } from "vitest";
import { countBytes, searchByteKind } from "../../scripts/lib/search-load.ts";

describe("searchByteKind", () => {
  it("sorts the files a Pagefind 1.6 search downloads by what they are", () => {
    expect(searchByteKind("/pagefind/pagefind.js")).toBe("pagefind");
    expect(searchByteKind("/pagefind/pagefind-worker.js")).toBe("pagefind");
    expect(searchByteKind("/pagefind/wasm.ar.pagefind")).toBe("pagefind");
    expect(searchByteKind("/pagefind/pagefind-entry.json?ts=1796593652968")).toBe("metadata");
    expect(searchByteKind("/pagefind/pagefind.ar_2928999198.pf_meta")).toBe("metadata");
    expect(searchByteKind("/pagefind/filter/ar_8124916.pf_filter")).toBe("metadata");
    expect(searchByteKind("/pagefind/index/ar_40d0ff4.pf_index")).toBe("index");
    expect(searchByteKind("/pagefind/fragment/ar_6a865b2.pf_fragment")).toBe("fragments");
  });

  it("counts the page, its stylesheet, fonts and script as the page, whatever their query", () => {
    expect(searchByteKind("/search/?q=%D8%A3%D8%B3%D8%AA%D8%A7%D9%86%D8%A7")).toBe("page");
    expect(searchByteKind("http://127.0.0.1:4000/assets/search.36aa54ddad.js")).toBe("page");
    expect(searchByteKind("/assets/fonts/noto-naskh-arabic-400.c387cfdc83.woff2")).toBe("page");
    // A name under /pagefind/ Pagefind 1.6 never writes.
    expect(searchByteKind("/pagefind/notes.txt")).toBe("other");
    expect(searchByteKind("/pagefind-like/pagefind.js")).toBe("page");
  });
});

describe("countBytes", () => {
  it("sums bytes and counts requests by kind", () => {
    const counted = countBytes([
      { url: "/search/?q=x", status: 200, bytes: 1877 },
      { url: "/assets/sahifa.rtl.77dd043ed4.css", status: 200, bytes: 3344 },
      { url: "/pagefind/index/a.pf_index", status: 200, bytes: 23295 },
      { url: "/pagefind/index/b.pf_index", status: 200, bytes: 36057 },
      { url: "/pagefind/fragment/c.pf_fragment", status: 200, bytes: 2406 },
    ]);
    expect(counted.bytes).toEqual({
      page: 1877 + 3344,
      pagefind: 0,
      metadata: 0,
      index: 23295 + 36057,
      fragments: 2406,
      other: 0,
    });
    expect(counted.requests).toEqual({
      page: 2,
      pagefind: 0,
      metadata: 0,
      index: 2,
      fragments: 1,
      other: 0,
    });
  });

  it("is all zeros for no responses", () => {
    expect(Object.values(countBytes([]).bytes).every((bytes) => bytes === 0)).toBe(true);
  });
});
