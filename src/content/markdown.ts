// The one markdown-it instance: no raw HTML, a short attribute allowlist, Arabic typography.

import markdownIt, { type MarkdownIt, type StateCore, type Token } from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import { getAttrs } from "markdown-it-attrs/utils.js";

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
 * Control and space characters are stripped first, as browsers do, so `java\tscript:` is caught;
 * a colon before the first `/`, `?` or `#` makes anything else a scheme, allowed or not.
 * @example isSafeLink("javascript:alert(1)") //=> false
 */
export function isSafeLink(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  if (compact.startsWith("//") || compact.startsWith("\\\\") || compact.startsWith("/\\"))
    return false;
  const beforePath = /^[^/?#]*/.exec(compact)?.[0] ?? "";
  const colon = beforePath.indexOf(":");
  if (colon === -1) return true;
  return (ALLOWED_SCHEMES as readonly string[]).includes(beforePath.slice(0, colon + 1));
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
  if (attributes) {
    md.use(markdownItAttrs, { allowedAttributes: [...ALLOWED_ATTRIBUTES] });
    md.core.ruler.before("curly_attributes", "sahifa_guard_attribute_blocks", guardAttributeBlocks);
    md.core.ruler.after("curly_attributes", "sahifa_restore_braces", restoreBraces);
  }
  md.core.ruler.push("sahifa_attribute_values", dropMalformedAttributes);
  md.core.ruler.push("sahifa_table_alignment", alignmentToClass);
  md.core.ruler.push("sahifa_external_images", externalImagesAsLinks);
  md.validateLink = isSafeLink;
  return md;
}

// Opening and closing, double then single: « » primary, “ ” nested (W3C alreq, Arabic quotes).
const ARABIC_QUOTES = ["«", "»", "“", "”"];

// markdown-it-attrs drops what its allowlist refuses, and with it the editor's text:
// "{% include x %}" or "{onclick=…}" at the end of a paragraph would vanish. A `{…}` block is
// applied only when every attribute in it is allowed; any other block keeps its braces as text,
// so the editor sees the mistake and template syntax comes out as written.
// https://github.com/arve0/markdown-it-attrs#security
const INERT_BRACE = "\ufdd0"; // a Unicode noncharacter: never in real text

function guardAttributeBlocks(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === "fence") token.info = guardText(token.info);
    for (const child of token.children ?? []) {
      if (child.type === "text") child.content = guardText(child.content);
    }
  }
}

function guardText(text: string): string {
  if (!text.includes("{")) return text;
  let guarded = "";
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    guarded += char === "{" && !isAllowedBlock(text, index) ? INERT_BRACE : char;
  }
  return guarded;
}

function isAllowedBlock(text: string, start: number): boolean {
  if (text.indexOf("}", start) === -1) return true; // not a block: nothing to guard
  const attrs = getAttrs(text, start, {
    leftDelimiter: "{",
    rightDelimiter: "}",
    allowedAttributes: [],
  });
  return (
    attrs.length > 0 &&
    attrs.every(([name, value]) => {
      const pattern = ATTRIBUTE_VALUES[name as keyof typeof ATTRIBUTE_VALUES];
      return Object.hasOwn(ATTRIBUTE_VALUES, name) && pattern.test(value);
    })
  );
}

function restoreBraces(state: StateCore): void {
  const restore = (text: string) =>
    text.includes(INERT_BRACE) ? text.replaceAll(INERT_BRACE, "{") : text;
  for (const token of state.tokens) {
    token.info = restore(token.info);
    for (const child of token.children ?? []) child.content = restore(child.content);
  }
}

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

// An image from another site would make every reader's browser ask that site for it (the shipped
// CSP allows images from the site's own origin only, and readers' addresses stay private). An
// external image becomes a link to it, its alt text the link text: nothing is lost, nothing loads.
function externalImagesAsLinks(state: StateCore): void {
  for (const block of state.tokens) {
    if (!block.children?.some((child) => child.type === "image")) continue;
    let linkDepth = 0;
    block.children = block.children.flatMap((child) => {
      linkDepth += child.type === "link_open" ? 1 : child.type === "link_close" ? -1 : 0;
      const src = child.type === "image" ? String(child.attrGet("src") ?? "") : "";
      if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) return [child];
      const text = new state.Token("text", "", 0);
      text.content = child.content || src;
      if (linkDepth > 0) return [text]; // already inside a link: links do not nest
      const open = new state.Token("link_open", "a", 1);
      open.attrSet("href", src);
      return [open, text, new state.Token("link_close", "a", -1)];
    });
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
