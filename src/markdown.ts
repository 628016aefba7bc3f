// The one markdown-it instance: no raw HTML, a short attribute allowlist, Arabic typography.

import markdownIt, { type MarkdownIt, type StateCore, type Token } from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";

export interface MarkdownOptions {
  /** Typographer quotes as Arabic guillemets «…» (nested: “…”); off keeps straight quotes. */
  arabicQuotes: boolean;
}

export interface RenderedMarkdown {
  html: string;
  /** The visible text, for word counts and descriptions. */
  text: string;
}

/**
 * Attributes an editor may set with `{…}` (markdown-it-attrs). Everything else, `onclick`,
 * `style` and `href` among them, is dropped: https://github.com/arve0/markdown-it-attrs#security
 */
export const ALLOWED_ATTRIBUTES = ["id", "class", "lang", "dir"] as const;

/** What each allowed attribute's value must look like; a value that does not match is dropped. */
export const ATTRIBUTE_VALUES: Readonly<Record<(typeof ALLOWED_ATTRIBUTES)[number], RegExp>> = {
  id: /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
  class: /^[A-Za-z][A-Za-z0-9_-]{0,63}(?: [A-Za-z][A-Za-z0-9_-]{0,63}){0,7}$/,
  lang: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/,
  dir: /^(?:ltr|rtl|auto)$/,
};

/** URL schemes a link or image may use; relative URLs and fragments are always allowed. */
export const ALLOWED_SCHEMES = ["http:", "https:", "mailto:", "tel:"] as const;

/**
 * Creates the markdown renderer; build it once and reuse it for every article.
 * @example createMarkdown({ arabicQuotes: true }).render('"أستانا"') //=> "<p>«أستانا»</p>\n"
 */
export function createMarkdown(options: MarkdownOptions): MarkdownIt {
  return buildMarkdown(options, true);
}

/**
 * A render function for many articles: sources without `{` (or an entity that could decode to
 * one) skip markdown-it-attrs, which then could change nothing but costs about 40% of the
 * rendering time. The output is the same either way; tests compare the two.
 * @example createRenderer({ arabicQuotes: true })("## عنوان {#x}").html //=> '<h2 id="x">عنوان</h2>\n'
 */
export function createRenderer(options: MarkdownOptions): (source: string) => RenderedMarkdown {
  const full = buildMarkdown(options, true);
  const lean = buildMarkdown(options, false);
  return (source) => renderMarkdown(MAY_HAVE_ATTRIBUTES.test(source) ? full : lean, source);
}

/**
 * Renders Markdown and extracts its visible text in one pass over the tokens.
 * @example renderMarkdown(md, "## عنوان").text //=> "عنوان"
 */
export function renderMarkdown(md: MarkdownIt, source: string): RenderedMarkdown {
  const env = {};
  const tokens = md.parse(source, env);
  const html = md.renderer.render(tokens, md.options, env);
  return { html, text: collectText(tokens) };
}

/**
 * Whether a link or image URL may be published: relative, a fragment, or an allowed scheme.
 * Control and space characters are stripped first, as browsers do, so `java\tscript:` is caught.
 * @example isSafeLink("javascript:alert(1)") //=> false
 */
export function isSafeLink(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (!scheme) return !compact.startsWith("//") && !compact.startsWith("\\\\");
  return (ALLOWED_SCHEMES as readonly string[]).includes(`${scheme[1]}:`);
}

// ---------------------------------------------------------------------------------------------
// Internals

const MAY_HAVE_ATTRIBUTES = /[{&]/;

function buildMarkdown(options: MarkdownOptions, attributes: boolean): MarkdownIt {
  const md = markdownIt("default", {
    html: false,
    linkify: false,
    typographer: options.arabicQuotes,
    quotes: ARABIC_QUOTES,
  });
  // Typographer replacements ((c) → ©, -- → –) stay off: only the quotes are wanted.
  md.disable("replacements");
  if (attributes) md.use(markdownItAttrs, { allowedAttributes: [...ALLOWED_ATTRIBUTES] });
  md.core.ruler.push("sahifa_attribute_values", dropMalformedAttributes);
  md.core.ruler.push("sahifa_table_alignment", alignmentToClass);
  md.validateLink = isSafeLink;
  return md;
}

// Opening and closing, double then single: « » primary, “ ” nested (W3C alreq, Arabic quotes).
const ARABIC_QUOTES = ["«", "»", "“", "”"];

function dropMalformedAttributes(state: StateCore): void {
  const visit = (tokens: Token[]): void => {
    for (const token of tokens) {
      if (token.attrs) {
        token.attrs = token.attrs.filter(([name, value]) => {
          const pattern = ATTRIBUTE_VALUES[name as keyof typeof ATTRIBUTE_VALUES];
          return pattern === undefined || pattern.test(String(value));
        });
      }
      if (token.children) visit(token.children);
    }
  };
  visit(state.tokens);
}

// Table alignment arrives as style="text-align:…", which a strict CSP (no 'unsafe-inline'
// styles) blocks; a class does the same job. The stylesheet's .align-left becomes right-aligned
// in the RTL build, so ":--" means "start of line" in both directions.
function alignmentToClass(state: StateCore): void {
  for (const token of state.tokens) {
    const style = token.attrGet("style");
    const align = style === null ? null : /^text-align:(left|right|center)$/.exec(String(style));
    if (!align) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
    token.attrJoin("class", `align-${align[1]}`);
  }
}

function collectText(tokens: Token[]): string {
  const parts: string[] = [];
  const visit = (list: Token[]): void => {
    for (const token of list) {
      if (token.type === "text" || token.type === "code_inline") parts.push(token.content);
      else if (token.type === "softbreak" || token.type === "hardbreak") parts.push(" ");
      else if (token.type === "fence" || token.type === "code_block") parts.push(token.content);
      if (token.children) visit(token.children);
    }
    parts.push(" ");
  };
  visit(tokens);
  return parts.join("").replace(/\s+/g, " ").trim();
}
