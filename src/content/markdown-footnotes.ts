// Footnotes (`[^1]`, `^[…]`) through markdown-it-footnote, written for an Arabic page: a labelled section, Arabic back-links, ids no editor can write.

import type { MarkdownIt, RendererRule, StateCore, Token } from "markdown-it";
import markdownItFootnote from "markdown-it-footnote";
import { localizeDigits, type DigitStyle } from "../arabic/digits.ts";
import { isArabicLanguage } from "../arabic/runs.ts";
import type { Message } from "./problems.ts";
import { textDirection } from "./site-settings.ts";

/** The footnotes section's visible heading. */
export const FOOTNOTES_HEADING = "الهوامش";

/**
 * Adds footnotes: markdown-it's own plugin parses them, the rendering is ours. Numbers follow the
 * site's digits; the section has an Arabic heading, each note a back-link whose accessible name
 * says where it goes. Ids are `fn:1`, `fnref:1`, `fnref:1:2`: an editor's `{#…}` cannot contain a
 * colon (ATTRIBUTE_VALUES.id), so no id written in an article can clash with them. A reference
 * to a note that is never written is reported at its line, rather than published as `[^2]`.
 * The heading and the back-links' names are the site's words, in its `language`: in an article
 * in another (env.lang), they are marked with the site's language and direction.
 * @example md.use(arabicFootnotes, "latn").render("نص[^1]\n\n[^1]: هامش") // <sup class="footnote-ref">…
 */
export function arabicFootnotes(md: MarkdownIt, digits: DigitStyle, language = "ar"): void {
  md.use(markdownItFootnote);
  // An article in another language (env.lang) numbers its notes in Latin digits.
  const styleOf = (env: unknown): DigitStyle =>
    isArabicLanguage((env as FootnoteEnv | undefined)?.lang) ? digits : "latn";
  const number = (token: Token | undefined, env: unknown): string =>
    localizeDigits(`${noteNumber(token)}`, styleOf(env));
  // The site's words inside an article in another language are marked as the site's.
  const siteMark = ` lang="${language}" dir="${textDirection(language)}"`;
  const voice = (env: unknown): string => {
    const lang = (env as FootnoteEnv | undefined)?.lang;
    return lang === undefined || lang === language ? "" : siteMark;
  };
  const rules = md.renderer.rules;
  rules.footnote_ref = ((tokens, index, _options, env) => {
    const token = tokens[index];
    const id = anchorId(token);
    return `<sup class="footnote-ref"><a href="#fn:${noteNumber(token)}" id="fnref:${id}">${number(token, env)}</a></sup>`;
  }) satisfies RendererRule;
  rules.footnote_block_open = (_tokens, _index, _options, env) => {
    const listClass = styleOf(env) === "arab" ? "footnotes-list digits-arab" : "footnotes-list";
    // The heading is Arabic whatever the article's language: marked so in another's.
    return `<section class="footnotes">\n<h2 class="footnotes-heading"${voice(env)}>${FOOTNOTES_HEADING}</h2>\n<ol class="${listClass}">\n`;
  };
  rules.footnote_block_close = () => "</ol>\n</section>\n";
  rules.footnote_open = (tokens, index) =>
    `<li id="fn:${noteNumber(tokens[index])}" class="footnote-item">`;
  rules.footnote_close = () => "</li>\n";
  rules.footnote_anchor = (tokens, index, _options, env) => {
    const token = tokens[index];
    const label = `العودة إلى موضع الحاشية ${number(token, env)} في النص`;
    // U+FE0E asks for the text form of ↩, not an emoji (as the plugin does). No space before
    // it: the stylesheet's margin does that, as a space between two faces was drawn in a third.
    return `<a href="#fnref:${anchorId(token)}" class="footnote-backref"${voice(env)} aria-label="${label}">\u21a9\ufe0e</a>`;
  };
  md.core.ruler.push("sahifa_missing_footnotes", reportMissingNotes);
}

export const FOOTNOTE_MESSAGES = {
  missing: (label: string): Message => ({
    en: `the footnote [^${label}] has no text: add a line "[^${label}]: the note" below the paragraph, after an empty line`,
    ar: `الحاشية [^${label}] بلا نص: أضف سطرًا «[^${label}]: نص الحاشية» بعد الفقرة، يسبقه سطر فارغ`,
  }),
};

// ---------------------------------------------------------------------------------------------
// Internals

interface FootnoteMeta {
  id: number;
  subId: number;
}

interface FootnoteEnv {
  lang?: string;
  problems?: { line: number; message: Message }[];
}

function noteNumber(token: Token | undefined): number {
  return ((token?.meta as FootnoteMeta | undefined)?.id ?? 0) + 1;
}

/** `1` for a note's first reference, `1:2` for its second, and so on. */
function anchorId(token: Token | undefined): string {
  const subId = (token?.meta as FootnoteMeta | undefined)?.subId ?? 0;
  return subId > 0 ? `${noteNumber(token)}:${subId + 1}` : `${noteNumber(token)}`;
}

// A `[^label]` left as text is a reference the plugin found no note for.
const MISSING = /\[\^([^\]\s]+)\]/g;

function reportMissingNotes(state: StateCore): void {
  const problems = ((state.env as FootnoteEnv).problems ??= []);
  for (const block of state.tokens) {
    let line = block.map?.[0] ?? 0;
    for (const child of block.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
      if (child.type !== "text" || !child.content.includes("[^")) continue;
      for (const [, label] of child.content.matchAll(MISSING))
        problems.push({ line: line + 1, message: FOOTNOTE_MESSAGES.missing(label ?? "") });
    }
  }
}
