// The one markdown-it instance for bodies: no raw HTML, a short attribute allowlist, Arabic typography; and its quotes for the frontmatter's text.

import { createRequire } from "node:module";
import markdownIt, { type Env, type MarkdownIt, type StateCore, type Token } from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import { getAttrs } from "markdown-it-attrs/utils.js";
import type { DigitStyle } from "../arabic/digits.ts";
import { dropComments } from "./markdown-comments.ts";
import { arabicFootnotes } from "./markdown-footnotes.ts";
import { languageRules, quoteRules } from "./markdown-language.ts";
import { captionAndCredit, photoSourceProblem, type PhotoReference } from "./photo-source.ts";
import type { Message } from "./problems.ts";
import { reservedIdMessage } from "./reserved-ids.ts";

export interface MarkdownOptions {
  /** Typographer quotes as Arabic guillemets «…» (nested: “…”); off keeps straight quotes. */
  arabicQuotes: boolean;
  /**
   * The site's path prefix ("/news/" in a sub-folder): root-relative links and images an editor
   * writes (`/articles/x/`) get it, as the templates' own links do. "/" or unset changes nothing.
   */
  pathPrefix?: string;
  /**
   * The site's digits (`digits` in site.yaml): Arabic text's numbers and footnote numbers follow
   * it. Unset: Latin.
   */
  digits?: DigitStyle;
  /**
   * The site's language (`language` in site.yaml): footnotes' headings and back-links are its
   * words, marked with it in an article in another language. Unset: ar.
   */
  language?: string;
}

/**
 * What one parse leaves in markdown-it's `env`: the problems found, and a count of the steps the
 * attribute-block passes took (tests check that it grows with the text's length, not faster).
 */
export interface MarkdownEnv extends Env {
  /**
   * The article's language (its `lang`), which its blocks are in unless marked otherwise: Arabic
   * when unset. Text in another language keeps its digits and gets its own quotes.
   */
  lang?: string;
  problems?: MarkdownProblem[];
  photos?: PhotoReference[];
  attributeSteps?: number;
}

/** A mistake in an article's Markdown, on a line counted from 1 at the body's first line. */
export interface MarkdownProblem {
  line: number;
  message: Message;
}

export interface RenderedMarkdown {
  html: string;
  /** The visible text, for word counts and descriptions. */
  text: string;
  /** Mistakes the editor must fix (an id the page layout or browsers already use), by line. */
  problems: MarkdownProblem[];
  /**
   * The body's photos, in order: photo N is the comment `<!--sahifa-photo:N-->` in `html`
   * (PHOTO_PLACEHOLDER), which the templates replace with its published markup. Content never
   * produces a comment (raw HTML is off), so the placeholder cannot be forged. Lines count from
   * 1 at the body's first line.
   */
  photos: PhotoReference[];
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
export function createRenderer(
  options: MarkdownOptions,
): (source: string, lang?: string) => RenderedMarkdown {
  const full = buildMarkdown(options, true);
  const lean = buildMarkdown(options, false);
  return (source, lang) =>
    renderMarkdown(MAY_HAVE_ATTRIBUTES.test(source) ? full : lean, source, lang);
}

/**
 * The body's quotes for a line of plain text an editor typed (a headline, a standfirst, a
 * caption), in an article of language `lang`: markdown-it's smartquotes with the body's own
 * rules (quoteRules: the language's marks, a quote after a one-letter prefix), run on the text as
 * one run of characters. Nothing else is read as Markdown: `*`, `_`, `` ` ``, `\` and `&amp;`
 * stay as typed, as do quotes that do not pair up. With `arabicQuotes` off, the text is returned
 * as it is, as the body keeps its straight quotes.
 * @example createTextQuotes({ arabicQuotes: true })('قال: "الحل سياسي" و"نهائي"') //=> "قال: «الحل سياسي» و«نهائي»"
 * @example createTextQuotes({ arabicQuotes: true })('"Talks resume" at O\'Brien\'s', "en") //=> "“Talks resume” at O’Brien’s"
 */
export function createTextQuotes(
  options: Pick<MarkdownOptions, "arabicQuotes">,
): (text: string, lang?: string) => string {
  if (!options.arabicQuotes) return (text) => text;
  // The "zero" preset reads inline text only with its `text` rule: every other character
  // (emphasis, escapes, entities, code, links, line breaks) is left in the text as it stands.
  const md = markdownIt("zero", { typographer: true, quotes: ARABIC_QUOTES });
  md.core.ruler.disable("normalize"); // no line ending or NUL is rewritten
  md.core.ruler.enable("smartquotes");
  md.use(quoteRules);
  return (text, lang) => {
    if (!/["']/.test(text)) return text;
    const env: MarkdownEnv = lang === undefined ? {} : { lang };
    const children = md.parseInline(text, env)[0]?.children ?? [];
    return children.map((child) => child.content).join("");
  };
}

/**
 * Renders Markdown and extracts its visible text in one pass over the tokens, with the problems
 * found on the way (an id that is refused is left out of the HTML and reported). `lang` is the
 * article's language (MarkdownEnv's `lang`).
 * @example renderMarkdown(md, "## عنوان").text //=> "عنوان"
 * @example renderMarkdown(createMarkdown({ arabicQuotes: true, digits: "arab" }), '"Up 5"', "en").html //=> "<p>“Up 5”</p>\n"
 * @example renderMarkdown(md, "نص\n\n## عنوان {#main}").problems[0]?.line //=> 3
 */
export function renderMarkdown(md: MarkdownIt, source: string, lang?: string): RenderedMarkdown {
  const env: MarkdownEnv = { problems: [], photos: [], ...(lang === undefined ? {} : { lang }) };
  const tokens = md.parse(source, env);
  const html = md.renderer.render(tokens, md.options, env);
  const photos = env.photos ?? [];
  // Captions and credits are shown on the page: they count, and their characters join the fonts.
  const shown = photos.flatMap((photo) => [photo.caption ?? "", photo.credit ?? ""]);
  const text = [collectText(tokens), ...shown].join(" ").replace(/\s+/g, " ").trim();
  return { html, text, problems: env.problems ?? [], photos };
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
    // Bare web addresses become links, through validateLink like any other (linkify-it knows
    // http(s), ftp, mailto and www.; `javascript:` is never one of them, and ftp is refused).
    linkify: true,
    typographer: options.arabicQuotes,
    quotes: ARABIC_QUOTES,
  });
  // Typographer replacements ((c) → ©, -- → –) stay off: only the quotes are wanted.
  md.disable("replacements");
  md.use(dropComments);
  md.use(arabicFootnotes, options.digits ?? "latn", options.language);
  if (attributes) {
    md.use(markdownItAttrs, ATTRS_OPTIONS);
    md.core.ruler.at("curly_attributes", applyAttributeBlocks);
    md.core.ruler.before("curly_attributes", "sahifa_guard_attribute_blocks", guardAttributeBlocks);
    md.core.ruler.after("curly_attributes", "sahifa_restore_braces", restoreBraces);
  }
  md.core.ruler.push("sahifa_attribute_values", dropMalformedAttributes);
  md.core.ruler.push("sahifa_reserved_ids", refuseReservedIds);
  md.core.ruler.push("sahifa_table_alignment", alignmentToClass);
  md.core.ruler.push("sahifa_photos", photosAsFigures);
  md.core.ruler.push("sahifa_bare_links", isolateBareLinks);
  md.use(languageRules, { digits: options.digits ?? "latn" });
  const prefix = options.pathPrefix ?? "/";
  if (prefix !== "/")
    md.core.ruler.push("sahifa_path_prefix", (state) => prefixRoot(state, prefix));
  md.validateLink = isSafeLink;
  // markdown-it asks linkify-it of every paragraph, whose test runs a long Unicode pattern: 1.5%
  // of a 4,000-article build's main thread. Any address it finds has a ':' (a scheme, a port),
  // '//', '@' (mail) or a dot before a letter (a top-level domain: Latin, or IDN's .рф and
  // xn--); Arabic prose has none of these, so it is let through only when one is there.
  const test = md.linkify.test.bind(md.linkify);
  md.linkify.test = (text) => MAY_HAVE_ADDRESS.test(text) && test(text);
  return md;
}

const MAY_HAVE_ADDRESS = /[:@]|\/\/|\.[a-z\u0400-\u04ff]/i;

// Opening and closing, double then single: « » primary, “ ” nested (W3C alreq, Arabic quotes).
const ARABIC_QUOTES = ["«", "»", "“", "”"];

// markdown-it-attrs drops what its allowlist refuses, and with it the editor's text:
// "{% include x %}" or "{onclick=…}" at the end of a paragraph would vanish. A `{…}` block is
// applied only when every attribute in it is allowed; any other block keeps its braces as text,
// so the editor sees the mistake and template syntax comes out as written.
// https://github.com/arve0/markdown-it-attrs#security
const INERT_BRACE = "\ufdd0"; // a Unicode noncharacter: never in real text

function guardAttributeBlocks(state: StateCore): void {
  const env = state.env as MarkdownEnv;
  for (const token of state.tokens) {
    if (token.type === "fence") token.info = guardText(token.info, env);
    for (const child of token.children ?? []) {
      if (child.type === "text") child.content = guardText(child.content, env);
    }
  }
}

// One pass: each `{` reads its block only up to the next `{`, so no character is read for two
// blocks. Reading every block to its `}` made `{` × 40,000 + `}` take 42 s (issue: quadratic
// attribute-block scan). A block with a `{` inside it is never allowed (see readAttributeBlock).
function guardText(text: string, env: MarkdownEnv): string {
  const lastClose = text.lastIndexOf("}");
  if (lastClose === -1 || !text.includes("{")) return text;
  let guarded = "";
  let copied = 0;
  for (let open = text.indexOf("{"); open !== -1 && open < lastClose;) {
    const next = text.indexOf("{", open + 1);
    if (!isAllowedBlock(text, open, next === -1 ? text.length : next, env)) {
      guarded += text.slice(copied, open) + INERT_BRACE;
      copied = open + 1;
    }
    open = next;
  }
  return copied === 0 ? text : guarded + text.slice(copied);
}

// A `{` with no `}` after it is not a block, so it needs no guard (markdown-it-attrs leaves it).
function isAllowedBlock(text: string, start: number, limit: number, env: MarkdownEnv): boolean {
  const attrs = readAttributeBlock(text, start, limit, env);
  return (
    attrs !== null &&
    attrs.length > 0 &&
    attrs.every(([name, value]) => {
      const pattern = ATTRIBUTE_VALUES[name as keyof typeof ATTRIBUTE_VALUES];
      return Object.hasOwn(ATTRIBUTE_VALUES, name) && pattern.test(value);
    })
  );
}

/**
 * markdown-it-attrs's own reading of `{…}` (utils.js getAttrs, 5.0.1), line for line, with one
 * difference: it stops at `limit`, the next `{`, and returns null there. Every key and value must
 * match ATTRIBUTE_VALUES, none of which admits `{`, so a block reaching another `{` could be
 * allowed only when that `{` falls in a value getAttrs discards (`{#a ={}`); such a block now
 * stays text, like every other block the allowlist refuses.
 */
function readAttributeBlock(
  text: string,
  start: number,
  limit: number,
  env: MarkdownEnv,
): [string, string][] | null {
  const attrs: [string, string][] = [];
  let key = "";
  let value = "";
  let parsingKey = true;
  let inQuotes = false;
  let index = start + 1;
  for (; index < limit; index += 1) {
    const char = text.charAt(index);
    if (!inQuotes && char === "}") {
      if (key !== "") attrs.push([key, value]);
      break;
    }
    if (char === "=" && parsingKey) {
      parsingKey = false;
    } else if (char === "." && key === "") {
      key = text.charAt(index + 1) === "." ? "css-module" : "class";
      if (key === "css-module") index += 1;
      parsingKey = false;
    } else if (char === "#" && key === "") {
      key = "id";
      parsingKey = false;
    } else if (char === '"' && isUnescapedQuote(text, index) && (inQuotes || value === "")) {
      inQuotes = !inQuotes;
    } else if (char === " " && !inQuotes) {
      if (key === "") continue;
      attrs.push([key, value]);
      key = "";
      value = "";
      parsingKey = true;
    } else if (parsingKey) {
      if (!/[\t\n\f />"'=]/.test(char)) key += char;
    } else {
      value += char;
    }
  }
  env.attributeSteps = (env.attributeSteps ?? 0) + (index - start);
  // Reaching `limit` is reaching another `{` (refused) or the end of the text, where getAttrs
  // returns what it read so far.
  if (index >= limit && limit < text.length) return null;
  return attrs;
}

function isUnescapedQuote(text: string, index: number): boolean {
  let slashes = 0;
  for (let before = index - 1; before >= 0 && text.charAt(before) === "\\"; before -= 1)
    slashes += 1;
  return slashes % 2 === 0;
}

const ATTRS_OPTIONS = {
  leftDelimiter: "{",
  rightDelimiter: "}",
  allowedAttributes: [...ALLOWED_ATTRIBUTES],
  allowedAttributeValues: [],
};

// markdown-it-attrs's patterns (what a `{…}` after a heading, a list item, an image… applies to),
// run by a loop of ours instead of its `curly_attributes` rule. Its loop is quadratic twice over:
// after each `*a*{.b}` or `` `c`{.b} `` it searches the paragraph's children again from the
// first, and each list item ending in a `{.a}` line walks back to the list's start
// ("*a*{.b} " × 2,500: 1.6 s; × 250,000 at the size limit: hours). The patterns, their tests and
// their transforms are the library's; only the loop and that one walk are ours.
// https://github.com/arve0/markdown-it-attrs/blob/v5.0.1/index.js
interface AttrsRule {
  shift?: number;
  position?: number;
  children?: AttrsRule[] | ((children: Token[]) => boolean);
  [key: string]: unknown;
}
interface AttrsPattern {
  name: string;
  tests: AttrsRule[];
  transform: (tokens: Token[], index: number, child: number) => void;
}
interface AttrsUtils {
  addAttrs(attrs: [string, string][], token: Token): Token;
}
const requireCommonJs = createRequire(import.meta.url);
const ATTRS_PATTERNS = (
  requireCommonJs("markdown-it-attrs/patterns.js") as (options: object) => AttrsPattern[]
)(ATTRS_OPTIONS);
const { addAttrs } = requireCommonJs("markdown-it-attrs/utils.js") as AttrsUtils;

/**
 * A rule with its keys listed once: the loop below asks every rule of every pattern of every
 * token, and listing a rule's keys on each ask was most of the passes' time (an article of
 * 230,000 list items at the size limit: 8.7 of its 15 s).
 */
interface CompiledRule {
  shift: number | undefined;
  position: number | undefined;
  checks: readonly CompiledCheck[];
}
type CompiledCheck =
  | { key: string; kind: "children"; rules: readonly CompiledRule[]; positional: boolean }
  | { key: string; kind: "test"; test: (value: unknown) => boolean }
  | { key: string; kind: "tests"; tests: readonly ((value: unknown) => boolean)[] }
  | { key: string; kind: "value"; value: unknown };

function compileRule(rule: AttrsRule): CompiledRule {
  const checks: CompiledCheck[] = [];
  for (const [key, expected] of Object.entries(rule)) {
    if (key === "shift" || key === "position") continue;
    if (key === "children" && Array.isArray(expected)) {
      const rules = (expected as AttrsRule[]).map(compileRule);
      checks.push({
        key,
        kind: "children",
        rules,
        positional: rules.every((childRule) => childRule.position !== undefined),
      });
    } else if (typeof expected === "function") {
      checks.push({ key, kind: "test", test: expected as (value: unknown) => boolean });
    } else if (Array.isArray(expected)) {
      checks.push({ key, kind: "tests", tests: expected as ((value: unknown) => boolean)[] });
    } else {
      checks.push({ key, kind: "value", value: expected });
    }
  }
  return { shift: rule.shift, position: rule.position, checks };
}

const COMPILED_PATTERNS = ATTRS_PATTERNS.map((pattern) => ({
  name: pattern.name,
  transform: pattern.transform,
  tests: pattern.tests.map(compileRule),
}));

// The patterns that may match again in the same paragraph (markdown-it-attrs retries them).
const REPEATING_PATTERNS: ReadonlySet<string> = new Set(["inline attributes", "inline nesting 0"]);

function applyAttributeBlocks(state: StateCore): void {
  const tokens = state.tokens;
  const env = state.env as MarkdownEnv;
  let listOpen: Token | undefined; // the nearest list before the current token
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token?.type === "bullet_list_open" || token?.type === "ordered_list_open") listOpen = token;
    for (const pattern of COMPILED_PATTERNS) {
      // A repeated match can only be at or after the previous one: the transform changes that
      // child and nothing before it, so the search resumes there instead of at the first child.
      let from = 0;
      for (;;) {
        const child = matchPattern(tokens, index, pattern.tests, from, env);
        if (child === false) break;
        try {
          if (pattern.name === "list softbreak") applyListSoftbreak(tokens, index, listOpen);
          else pattern.transform(tokens, index, child ?? 0);
        } catch (error) {
          // As markdown-it-attrs does without an errorHandler: the block is left as it is.
          console.error(`markdown-it-attrs: Error in pattern '${pattern.name}':`, error);
          break;
        }
        if (!REPEATING_PATTERNS.has(pattern.name)) break;
        from = child ?? 0;
      }
    }
  }
}

// "- item\n{.a}": the attributes go to the nearest list before the item, which the loop above
// already knows; markdown-it-attrs walks back to it through every earlier item.
function applyListSoftbreak(tokens: Token[], index: number, listOpen: Token | undefined): void {
  const inline = tokens[index];
  const children = inline?.children ?? [];
  const attrs = getAttrs(children.at(-1)?.content ?? "", 0, ATTRS_OPTIONS);
  if (listOpen) addAttrs(attrs, listOpen);
  if (inline) inline.children = children.slice(0, -2);
}

/** The child index a pattern matched at (null when it tests no children), or false. */
function matchPattern(
  tokens: Token[],
  index: number,
  rules: readonly CompiledRule[],
  from: number,
  env: MarkdownEnv,
): number | null | false {
  let child: number | null = null;
  for (const rule of rules) {
    const result = matchRule(tokens, index, rule, from, env);
    if (result === false) return false;
    if (result !== null) child = result;
  }
  return child;
}

// markdown-it-attrs's `test` (index.js), with `from` for where the search of children starts.
function matchRule(
  tokens: Token[],
  index: number,
  rule: CompiledRule,
  from: number,
  env: MarkdownEnv,
): number | null | false {
  const at = rule.shift !== undefined ? index + rule.shift : (rule.position ?? 0);
  if (rule.shift !== undefined && at < 0) return false;
  const token = at >= 0 ? tokens[at] : tokens[tokens.length + at];
  if (token === undefined) return false;
  let child: number | null = null;
  for (const check of rule.checks) {
    const actual = (token as unknown as Record<string, unknown>)[check.key];
    if (actual === undefined) return false;
    switch (check.kind) {
      case "children": {
        const children = token.children ?? [];
        if (children.length === 0) return false;
        if (check.positional) {
          if (!check.rules.every((r) => matchRule(children, r.position ?? 0, r, 0, env) !== false))
            return false;
          const last = check.rules.at(-1)?.position ?? 0;
          child = last >= 0 ? last : children.length + last;
          break;
        }
        let found = false;
        for (let candidate = from; candidate < children.length && !found; candidate += 1) {
          env.attributeSteps = (env.attributeSteps ?? 0) + 1;
          found = check.rules.every((r) => matchRule(children, candidate, r, 0, env) !== false);
          if (found) child = candidate;
        }
        if (!found) return false;
        break;
      }
      case "test":
        if (!check.test(actual)) return false;
        break;
      case "tests":
        if (!check.tests.every((test) => test(actual))) return false;
        break;
      case "value":
        if (actual !== check.value) return false;
        break;
    }
  }
  return child;
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

// An id the layout already uses, or one that would clobber a browser global, is dropped and
// reported with its line: markdown-it's `map` is the block's lines, counted from 0 (a paragraph's
// own attributes are on its last line), and inside a paragraph each soft or hard break is one
// more line.
function refuseReservedIds(state: StateCore): void {
  const problems = ((state.env as MarkdownEnv).problems ??= []);
  let blockLine = 0;
  const refuse = (token: Token, line: number): void => {
    const id = token.attrGet("id");
    const message = id === null ? null : reservedIdMessage(String(id));
    if (message === null) return;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== "id");
    problems.push({ line: line + 1, message });
  };
  for (const token of state.tokens) {
    if (token.map) blockLine = token.map[0];
    // A paragraph's `{…}` ends its last line, where the report should point.
    refuse(token, token.type === "paragraph_open" && token.map ? token.map[1] - 1 : blockLine);
    let line = blockLine;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
      refuse(child, line);
    }
  }
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

// A photo is a paragraph of its own: `![alt](photo.jpg "caption | credit")` becomes a
// placeholder the templates replace with a <figure> once the photo's files are published. A
// photo inside a sentence would split it with a figure, so it is refused with its line, as are
// a web address or an SVG (photos are raster files in the repository: an image from another
// site would make every reader's browser ask that site for it) and a missing alt text.
function photosAsFigures(state: StateCore): void {
  const env = state.env as MarkdownEnv;
  const tokens = state.tokens;
  const kept: Token[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const block = tokens[index] as Token;
    const images = block.children?.filter((child) => child.type === "image") ?? [];
    if (block.type !== "inline" || images.length === 0) {
      kept.push(block);
      continue;
    }
    const line = (block.map?.[0] ?? 0) + 1;
    const alone =
      images.length === 1 &&
      tokens[index - 1]?.type === "paragraph_open" &&
      tokens[index + 1]?.type === "paragraph_close" &&
      (block.children ?? []).every(
        (child) => child.type === "image" || (child.type === "text" && child.content.trim() === ""),
      );
    const problems = images.flatMap((image) => photoProblems(state, image, alone));
    for (const message of problems) env.problems?.push({ line, message });
    if (problems.length > 0 || !alone) {
      // The report stops the build; the alt text stands in for the image meanwhile.
      block.children = (block.children ?? []).map((child) => {
        if (child.type !== "image") return child;
        const text = new state.Token("text", "", 0);
        text.content = child.content;
        return text;
      });
      kept.push(block);
      continue;
    }
    const image = images[0] as Token;
    const alt = state.md.renderer.renderInlineAsText(image.children ?? [], state.md.options, env);
    const decorative = /(?:^| )decorative(?: |$)/.test(String(image.attrGet("class") ?? ""));
    const photos = (env.photos ??= []);
    const placeholder = new state.Token("html_block", "", 0);
    placeholder.content = `<!--sahifa-photo:${photos.length}-->\n`;
    photos.push({
      src: state.md.normalizeLinkText(String(image.attrGet("src") ?? "")),
      alt: decorative ? "" : alt.trim(),
      decorative,
      ...captionAndCredit(String(image.attrGet("title") ?? "")),
      line,
    });
    kept.pop(); // the paragraph's opening
    kept.push(placeholder);
    index += 1; // and its closing
  }
  state.tokens = kept;
}

function photoProblems(state: StateCore, image: Token, alone: boolean): Message[] {
  // markdown-it normalises the URL; the editor wrote the decoded form.
  const src = state.md.normalizeLinkText(String(image.attrGet("src") ?? ""));
  const source = photoSourceProblem(src);
  if (source) return [source];
  const problems: Message[] = [];
  const decorative = /(?:^| )decorative(?: |$)/.test(String(image.attrGet("class") ?? ""));
  if (!decorative && image.content.trim() === "") problems.push(PHOTO_MESSAGES.noAlt(src));
  if (!alone) problems.push(PHOTO_MESSAGES.notAlone(src));
  return problems;
}

const PHOTO_MESSAGES = {
  noAlt: (src: string): Message => ({
    en: `the photo "${src}" has no alt text: describe it between the brackets, ![what it shows](${src}), or mark it {.decorative} when it shows nothing a reader needs`,
    ar: `الصورة «${src}» بلا نص بديل: صِف ما فيها بين القوسين المعقوفين ![ما تُظهره](${src})، أو ضع بعدها {.decorative} إن كانت للزينة فقط`,
  }),
  notAlone: (src: string): Message => ({
    en: `the photo "${src}" is inside a paragraph: put it on a line of its own, with an empty line before and after it`,
    ar: `الصورة «${src}» داخل فقرة: ضعها في سطر مستقل، يسبقه سطر فارغ ويليه سطر فارغ`,
  }),
};

// A web address linkified from the text is left-to-right whatever the paragraph around it: `dir`
// isolates it (HTML's `[dir] { unicode-bidi: isolate }`), so a trailing slash or the Arabic
// comma after it stays where the editor typed it (UAX #9).
function isolateBareLinks(state: StateCore): void {
  for (const block of state.tokens) {
    for (const child of block.children ?? []) {
      if (child.type === "link_open" && child.markup === "linkify") child.attrSet("dir", "ltr");
    }
  }
}

// Done here, once per body, rather than by Eleventy's HTML base plugin over every written page:
// that would prefix the templates' links a second time, and miss the feeds, which carry the
// body too. External, protocol-relative, relative and #fragment URLs are left as written.
function prefixRoot(state: StateCore, prefix: string): void {
  for (const block of state.tokens) {
    for (const child of block.children ?? []) {
      const name = child.type === "link_open" ? "href" : child.type === "image" ? "src" : "";
      const url = name ? String(child.attrGet(name) ?? "") : "";
      if (/^\/(?![/\\])/.test(url)) child.attrSet(name, prefix + url.slice(1));
    }
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
