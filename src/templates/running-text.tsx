// A headline's or standfirst's text as HTML: in Arabic, signed numbers, ranges and percentages isolated left to right and dates kept on one line, as in the body.

import type { ComponentChildren } from "preact";
import { isArabicLanguage, textRuns } from "../arabic/runs.ts";

/**
 * Frontmatter text (a headline, a standfirst) in an article of language `lang`, escaped like any
 * value. Its digits are shown as the editor typed them (Latin), so each directional number is
 * isolated; text in another language is left as it is. Only where the text becomes HTML: the
 * `<title>`, meta tags, feeds and JSON-LD are plain text.
 */
export function RunningText({ text, lang }: { text: string; lang: string }): ComponentChildren {
  if (!isArabicLanguage(lang) || !/[0-9]/.test(text)) return text;
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
