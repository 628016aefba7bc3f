// A headline's text as HTML: numbers isolated, dates on one line, in either digit style.

import { renderToStaticMarkup } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { RunningText } from "../../src/templates/running-text.tsx";

const html = (text: string, lang = "ar") =>
  renderToStaticMarkup(<RunningText text={text} lang={lang} />);

describe("RunningText", () => {
  it("keeps a date on one line whether its digits are Latin or Arabic-Indic", () => {
    expect(html("زلزال 6 فبراير/شباط 2023")).toBe(
      'زلزال <span class="nowrap">6 فبراير/شباط 2023</span>',
    );
    // With digits: arab the loader has written the headline's digits ٠١٢… already.
    expect(html("زلزال ٦ فبراير/شباط ٢٠٢٣")).toBe(
      'زلزال <span class="nowrap">٦ فبراير/شباط ٢٠٢٣</span>',
    );
  });

  it("isolates a signed Latin number left to right; Arabic-Indic ones need no isolating", () => {
    expect(html("تراجع -0.5 نقطة")).toBe('تراجع <bdi dir="ltr">-0.5</bdi> نقطة');
    expect(html("تراجع ٠٫٥ نقطة")).toBe("تراجع ٠٫٥ نقطة");
  });

  it("leaves text in another language as it is", () => {
    expect(html("Down -0.5 on 6 February", "en")).toBe("Down -0.5 on 6 February");
  });
});
