import { renderToStaticMarkup } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { TemplateMemo } from "../../src/templates/reuse.tsx";

describe("reused markup", () => {
  it("is the markup preact renders, escaped, inserted unchanged where it is used", () => {
    const memo = new TemplateMemo();
    const owner = {};
    const title = `<script>alert("x")</script> & «قال»`;
    const make = () => <a href={`/?q="${title}"`}>{title}</a>;
    const direct = renderToStaticMarkup(<li>{make()}</li>);
    expect(renderToStaticMarkup(<li>{memo.reused(owner, "link", make)}</li>)).toBe(direct);
    // Second use: from the cache, still the same bytes, still escaped.
    const again = renderToStaticMarkup(<li>{memo.reused(owner, "link", make)}</li>);
    expect(again).toBe(direct);
    expect(again).not.toContain("<script>");
    expect(again).toContain("&lt;script>");
  });

  it("renders once per owner and key, and again for another owner or key", () => {
    const memo = new TemplateMemo();
    let calls = 0;
    const make = () => {
      calls += 1;
      return <p>نص</p>;
    };
    const first = {};
    const second = {};
    for (let round = 0; round < 3; round++)
      renderToStaticMarkup(<div>{memo.reused(first, "a", make)}</div>);
    expect(calls).toBe(1);
    renderToStaticMarkup(<div>{memo.reused(first, "b", make)}</div>);
    renderToStaticMarkup(<div>{memo.reused(second, "a", make)}</div>);
    expect(calls).toBe(3);
  });

  it("keys a site by everything in it", () => {
    const memo = new TemplateMemo();
    const site = { name: "صحيفة", digits: "latn" };
    expect(memo.recordKey(site)).toBe(memo.recordKey(site));
    expect(memo.recordKey({ ...site, digits: "arab" })).not.toBe(memo.recordKey(site));
    // Another object with the same content (the next build's site) has the same key, and a short one.
    expect(memo.recordKey({ ...site })).toBe(memo.recordKey(site));
    expect(memo.recordKey(site).length).toBeLessThan(20);
  });

  it("belongs to one build: another memo renders again and names records afresh", () => {
    let calls = 0;
    const make = () => {
      calls += 1;
      return <p>نص</p>;
    };
    const owner = {};
    const first = new TemplateMemo();
    const second = new TemplateMemo();
    renderToStaticMarkup(<div>{first.reused(owner, "a", make)}</div>);
    renderToStaticMarkup(<div>{second.reused(owner, "a", make)}</div>);
    expect(calls).toBe(2);
    first.recordKey({ a: 1 });
    // The second memo has seen no record: its first is "record 0", whatever the first memo saw.
    expect(second.recordKey({ b: 2 })).toBe("record 0");
    expect(first.recordKey({ b: 2 })).toBe("record 1");
  });
});

describe("remembered dates", () => {
  it("are made once per date object and key, and again when the key changes", () => {
    const memo = new TemplateMemo();
    const date = DateTime.fromISO("2023-06-21T10:00:00+03:00", { setZone: true });
    let calls = 0;
    const make = () => `made ${++calls}`;
    expect(memo.date(date, "latn", make)).toBe("made 1");
    expect(memo.date(date, "latn", make)).toBe("made 1");
    expect(memo.date(date, "arab", make)).toBe("made 2");
    expect(new TemplateMemo().date(date, "arab", make)).toBe("made 3");
  });
});
