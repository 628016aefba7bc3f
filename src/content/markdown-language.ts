// Typography that depends on a passage's language: quotes, digits, numbers isolated for the bidi algorithm, dates kept on one line.

import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { localizeDigits, type DigitStyle } from "../arabic/digits.ts";
import { quotedProclitics } from "../arabic/proclitics.ts";
import { isArabicLanguage, textRuns, type TextRun } from "../arabic/runs.ts";

export interface LanguageOptions {
  /** The site's digits: with `arab`, Arabic text's digits are written ٠١٢…, as the dates are. */
  digits: DigitStyle;
}

/**
 * Quotation marks for a passage's language (`lang` from `{lang=…}`), opening and closing,
 * double then single, as markdown-it's `quotes` option takes them. Arabic text keeps the site's
 * quotes; a language not listed gets the English ones.
 */
export const QUOTES_BY_LANGUAGE: Readonly<
  Record<string, readonly [string, string, string, string]>
> = {
  en: ["“", "”", "‘", "’"],
  fr: ["«", "»", "“", "”"],
  de: ["„", "“", "‚", "‘"],
  tr: ["“", "”", "‘", "’"],
  ru: ["«", "»", "„", "“"],
  // Persian, quoted in Arabic news (an Iranian official's words): guillemets, as CLDR gives.
  fa: ["«", "»", "“", "”"],
};

/**
 * Adds the rules. In Arabic text (no `lang`, or `lang=ar…`): a signed number, a range or a
 * percentage is isolated left to right (`<bdi dir="ltr">`), so "-0.5" is not shown as "0.5-";
 * a day and its month never part at a line's end (`<span class="nowrap">`); with `digits: arab`
 * the digits follow the setting. Text in another language, code, and web addresses shown as
 * their own link text are left as written. A paragraph, heading, list or quote marked with
 * another `lang` gets that language's quotes when Arabic quotes are on; so does a whole article
 * in another language (`env.lang`, see MarkdownEnv), whose digits stay Latin.
 * @example md.use(languageRules, { digits: "latn" }).render("تراجع -0.5") //=> '<p>تراجع <bdi dir="ltr">-0.5</bdi></p>\n'
 */
export function languageRules(md: MarkdownIt, options: LanguageOptions): void {
  quoteRules(md);
  md.core.ruler.push("sahifa_arabic_numbers", (state) => arabicNumbers(state, options.digits));
}

/**
 * The quotes alone, as languageRules adds them: each passage's language's marks, and a quote
 * opening after a one-letter prefix (quotedProclitics). The body has them through
 * languageRules; a headline through createTextQuotes (markdown.ts), so the two cannot differ.
 * @example markdownIt({ typographer: true, quotes: "«»“”" }).use(quoteRules).renderInline('و"الراعي"') //=> "و«الراعي»"
 */
export function quoteRules(md: MarkdownIt): void {
  const smartquotes = coreRule(md, "smartquotes");
  if (!smartquotes) return;
  // Registered first, so it runs before the other languages' quotes and markdown-it's own.
  md.core.ruler.before("smartquotes", "sahifa_proclitics_hide", hideProclitics);
  md.core.ruler.after("smartquotes", "sahifa_proclitics_restore", restoreProclitics);
  md.core.ruler.before("smartquotes", "sahifa_quotes_by_language", (state) =>
    quotesByLanguage(state, smartquotes),
  );
}

// ---------------------------------------------------------------------------------------------
// Internals

type CoreRule = (state: StateCore) => void;

function coreRule(md: MarkdownIt, name: string): CoreRule | undefined {
  // markdown-it's Ruler keeps its rules by name in __rules__ (its own plugins read it too).
  const rules = (md.core.ruler as unknown as { __rules__: { name: string; fn: CoreRule }[] })
    .__rules__;
  return rules.find((rule) => rule.name === name)?.fn;
}

/**
 * Each block token with the language it is in: its own `lang`, else its parents', else the
 * article's (`env.lang`).
 */
function* blocksWithLanguage(state: StateCore): Generator<[Token, string | undefined]> {
  const stack: (string | undefined)[] = [(state.env as { lang?: string }).lang];
  for (const token of state.tokens) {
    const lang = attribute(token, "lang") ?? stack.at(-1);
    if (token.nesting === 1) stack.push(lang);
    yield [token, lang];
    if (token.nesting === -1) stack.pop();
  }
}

function attribute(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}

// markdown-it's smartquotes rule, run first on the words whose language differs from their
// paragraph's (`*…*{lang=en}`, a link's text), then on the blocks in another language, each with
// that language's marks; the straight quotes it replaces are then gone when it runs on the rest.
function quotesByLanguage(state: StateCore, smartquotes: CoreRule): void {
  const run = (children: Token[], lang: string | undefined): void => {
    const inline = new state.Token("inline", "", 0);
    inline.children = children; // the same tokens: smartquotes changes their text in place
    inline.content = children.map((child) => child.content).join("");
    const options = { ...state.md.options, quotes: quotesFor(state, lang) };
    smartquotes({ ...state, tokens: [inline], md: { ...state.md, options } } as StateCore);
  };
  for (const [block, lang] of blocksWithLanguage(state)) {
    if (block.type !== "inline" || !block.children) continue;
    for (const [children, spanLang] of spansInOtherLanguages(block.children, lang))
      run(children, spanLang);
    if (!isArabicLanguage(lang)) run(block.children, lang);
  }
}

function quotesFor(state: StateCore, lang: string | undefined): string[] {
  if (isArabicLanguage(lang)) return [...(state.md.options.quotes as string[])];
  const primary = (lang ?? "").toLowerCase().split("-")[0] ?? "";
  return [...(QUOTES_BY_LANGUAGE[primary] ?? QUOTES_BY_LANGUAGE["en"] ?? [])];
}

/**
 * The runs of inline tokens inside an element whose `lang` says another language than the
 * block's (outermost first; a span inside such a span keeps the outer one's language), each
 * without its opening and closing tokens.
 */
function spansInOtherLanguages(
  children: Token[],
  blockLang: string | undefined,
): [Token[], string][] {
  const spans: [Token[], string][] = [];
  for (let index = 0; index < children.length; index += 1) {
    const open = children[index] as Token;
    const lang = open.nesting === 1 ? attribute(open, "lang") : undefined;
    if (lang === undefined || sameLanguage(lang, blockLang)) continue;
    let depth = 1;
    let close = index + 1;
    for (; close < children.length && depth > 0; close += 1)
      depth += (children[close] as Token).nesting;
    spans.push([children.slice(index + 1, close - 1), lang]);
    index = close - 1;
  }
  return spans;
}

function sameLanguage(a: string, b: string | undefined): boolean {
  if (isArabicLanguage(a) || isArabicLanguage(b))
    return isArabicLanguage(a) === isArabicLanguage(b);
  return a.toLowerCase().split("-")[0] === (b ?? "").toLowerCase().split("-")[0];
}

// markdown-it opens a quote after a space or punctuation, and after a letter only when the
// quote could not close there either (a letter on both sides: `و"الراعي"` stays straight). A
// one-letter prefix before a quote (quotedProclitics) is shown to it as punctuation, a
// character no text token holds while it is there, and put back once the quotes are in.
const PROCLITIC_STAND_IN = "\u2e3b"; // THREE-EM DASH: punctuation for markdown-it (Pd)

/** The prefixes a text token's stand-ins replace, kept on the token itself for this render. */
type ProcliticMeta = {
  hiddenProclitics?: string[];
};

function hideProclitics(state: StateCore): void {
  if (!state.md.options.typographer) return;
  for (const block of state.tokens) {
    for (const child of block.children ?? []) {
      if (child.type !== "text" || child.content.includes(PROCLITIC_STAND_IN)) continue;
      const found = quotedProclitics(child.content);
      if (found.length === 0) continue;
      const text = child.content;
      const meta: ProcliticMeta = {
        ...(child.meta as ProcliticMeta | null),
        hiddenProclitics: found.map(([start, end]) => text.slice(start, end)),
      };
      child.meta = meta;
      let hidden = "";
      let at = 0;
      for (const [start, end] of found) {
        hidden += text.slice(at, start) + PROCLITIC_STAND_IN;
        at = end;
      }
      child.content = hidden + text.slice(at);
    }
  }
}

function restoreProclitics(state: StateCore): void {
  for (const block of state.tokens) {
    for (const child of block.children ?? []) {
      const meta = child.meta as ProcliticMeta | null;
      const prefixes = meta?.hiddenProclitics;
      if (!prefixes) continue;
      let next = 0;
      child.content = child.content.replaceAll(PROCLITIC_STAND_IN, () => prefixes[next++] ?? "");
      delete meta.hiddenProclitics;
    }
  }
}

function arabicNumbers(state: StateCore, digits: DigitStyle): void {
  for (const [block, blockLang] of blocksWithLanguage(state)) {
    // A numbered list's markers are the stylesheet's: `.digits-arab` counts in ٠١٢….
    if (block.type === "ordered_list_open" && digits === "arab" && isArabicLanguage(blockLang))
      block.attrJoin("class", "digits-arab");
    if (!block.children) continue;
    const out: Token[] = [];
    const stack: (string | undefined)[] = [];
    let addressLinks = 0; // inside a link whose text is its address (linkified, <…>)
    for (const child of block.children) {
      const lang = stack.at(-1) ?? blockLang;
      if (child.nesting === 1) stack.push(attribute(child, "lang") ?? lang);
      if (child.nesting === -1) stack.pop();
      if (child.type === "link_open" && (child.markup === "linkify" || child.markup === "autolink"))
        addressLinks += 1;
      if (
        child.type === "link_close" &&
        (child.markup === "linkify" || child.markup === "autolink")
      )
        addressLinks -= 1;
      if (
        child.type !== "text" ||
        addressLinks > 0 ||
        !isArabicLanguage(lang) ||
        !/\d/.test(child.content)
      ) {
        out.push(child);
        continue;
      }
      out.push(...splitText(state, child.content, digits));
    }
    block.children = out;
  }
}

// The text with its dates in a no-wrap span and its directional numbers isolated (textRuns).
function splitText(state: StateCore, text: string, digits: DigitStyle): Token[] {
  const tokens: Token[] = [];
  const push = (type: "text" | "html_inline", content: string): void => {
    const token = new state.Token(type, "", 0);
    token.content = type === "text" ? localizeDigits(content, digits) : content;
    tokens.push(token);
  };
  for (const run of textRuns(text, digits)) {
    const [open, close] = RUN_MARKUP[run.mark];
    if (open) push("html_inline", open);
    push("text", run.text);
    if (close) push("html_inline", close);
  }
  return tokens;
}

const RUN_MARKUP: Readonly<Record<TextRun["mark"], readonly [string, string]>> = {
  plain: ["", ""],
  ltr: ['<bdi dir="ltr">', "</bdi>"],
  nowrap: ['<span class="nowrap">', "</span>"],
};
