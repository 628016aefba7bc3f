// Running Arabic text cut where its typography needs markup: numbers isolated left to right, dates kept on one line.

import { datesInText } from "./dates.ts";
import { directionalNumbers, type DigitStyle } from "./digits.ts";

/**
 * A piece of running text: `ltr`, a signed number, range or percentage to isolate left to right
 * (`<bdi dir="ltr">`); `nowrap`, a date never broken across lines; `plain`, the rest.
 */
export interface TextRun {
  text: string;
  mark: "plain" | "ltr" | "nowrap";
}

/**
 * Arabic text cut into runs, in order; joined they give the text back. A number inside a date is
 * part of the date (a date has no sign or range). `digits` is the style the text's digits will be
 * shown in: Arabic-Indic digits read right to left by themselves (UAX #9: AN, not EN), so with
 * `arab` no number needs isolating.
 * @example textRuns("تراجع -0.5 في 6 فبراير", "latn") //=> [{ text: "تراجع ", mark: "plain" }, { text: "-0.5", mark: "ltr" }, { text: " في ", mark: "plain" }, { text: "6 فبراير", mark: "nowrap" }]
 */
export function textRuns(text: string, digits: DigitStyle): TextRun[] {
  const marks: { start: number; end: number; mark: TextRun["mark"] }[] = datesInText(text).map(
    ([start, end]) => ({ start, end, mark: "nowrap" }),
  );
  if (digits === "latn") {
    for (const [start, end] of directionalNumbers(text)) {
      if (marks.some((mark) => start < mark.end && end > mark.start)) continue;
      marks.push({ start, end, mark: "ltr" });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  const runs: TextRun[] = [];
  const push = (start: number, end: number, mark: TextRun["mark"]): void => {
    if (end > start) runs.push({ text: text.slice(start, end), mark });
  };
  let at = 0;
  for (const { start, end, mark } of marks) {
    push(at, start, "plain");
    push(start, end, mark);
    at = end;
  }
  push(at, text.length, "plain");
  return runs;
}

/**
 * Whether text in a language (a BCP 47 tag; none means the page's, Arabic) is Arabic, which gets
 * textRuns, Arabic quotes and the site's digits; any other language is left as written.
 * @example isArabicLanguage("ar-SY") //=> true
 * @example isArabicLanguage("en") //=> false
 */
export function isArabicLanguage(lang: string | undefined): boolean {
  return lang === undefined || /^ar(?:-|$)/i.test(lang);
}
