import { renderToStaticMarkup } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { reused, recordKey } from "../../src/templates/reuse.tsx";

describe("reused markup", () => {
  it("is the markup preact renders, escaped, inserted unchanged where it is used", () => {
    const owner = {};
    const title = `<script>alert("x")</script> & «قال»`;
    const make = () => <a href={`/?q="${title}"`}>{title}</a>;
    const direct = renderToStaticMarkup(<li>{make()}</li>);
    expect(renderToStaticMarkup(<li>{reused(owner, "link", make)}</li>)).toBe(direct);
    // Second use: from the cache, still the same bytes, still escaped.
    const again = renderToStaticMarkup(<li>{reused(owner, "link", make)}</li>);
    expect(again).toBe(direct);
    expect(again).not.toContain("<script>");
    expect(again).toContain("&lt;script>");
  });

  it("renders once per owner and key, and again for another owner or key", () => {
    let calls = 0;
    const make = () => {
      calls += 1;
      return <p>نص</p>;
    };
    const first = {};
    const second = {};
    for (let round = 0; round < 3; round++)
      renderToStaticMarkup(<div>{reused(first, "a", make)}</div>);
    expect(calls).toBe(1);
    renderToStaticMarkup(<div>{reused(first, "b", make)}</div>);
    renderToStaticMarkup(<div>{reused(second, "a", make)}</div>);
    expect(calls).toBe(3);
  });

  it("keys a site by everything in it", () => {
    const site = { name: "صحيفة", digits: "latn" };
    expect(recordKey(site)).toBe(recordKey(site));
    expect(recordKey({ ...site, digits: "arab" })).not.toBe(recordKey(site));
    // Another object with the same content (the next build's site) has the same key, and a short one.
    expect(recordKey({ ...site })).toBe(recordKey(site));
    expect(recordKey(site).length).toBeLessThan(20);
  });
});
