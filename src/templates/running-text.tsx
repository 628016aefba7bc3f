// A headline's or standfirst's text as HTML: in Arabic, signed numbers, ranges and percentages isolated left to right and dates kept on one line, as in the body.

import type { ComponentChildren } from "preact";
import { isArabicLanguage, textRuns } from "../arabic/runs.ts";

/**
 * Frontmatter text (a headline, a standfirst) in an article of language `lang`, escaped like any
 * value. Latin digits (the site's `latn`) are isolated where a number's direction matters; with
 * `arab` the loader has already written them ٠١٢… (Article), which read right to left by
 * themselves; either way a date stays on one line. Text in another language is left as it is.
 * Only where the text becomes HTML: the `<title>`, meta tags, feeds and JSON-LD are plain text.
 */
export function RunningText({ text, lang }: { text: string; lang: string }): ComponentChildren {
  if (!isArabicLanguage(lang) || !/[0-9\u0660-\u0669]/.test(text)) return text;
  return textRuns(text, "latn").map((run) =>
    run.mark === "ltr" ? (
      <bdi dir="ltr">{run.text}</bdi>
    ) : run.mark === "nowrap" ? (
      <span class="nowrap">{run.text}</span>
    ) : (
      run.text
    ),
  );
}
