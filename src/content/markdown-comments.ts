// HTML comments in an article (`<!-- note to the desk -->`): dropped, never published; one left open is reported.

import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from "markdown-it";
import type { Message } from "./problems.ts";

/** Where a comment's problems go: the renderer's list, by line from the body's first line. */
interface CommentEnv {
  problems?: { line: number; message: Message }[];
}

/**
 * Teaches markdown-it to drop HTML comments. With `html: false` markdown-it prints them as
 * text, so a note to the desk reached readers, the feeds and the search index. A comment alone on
 * its lines (CommonMark's HTML block of kind 2, which may span blank lines) goes with its lines;
 * one inside a paragraph, heading or table cell goes alone, the text around it stays. Comments
 * inside code spans and code blocks are code and stay; `\<!--` prints as written. An opened
 * comment that never closes would hide the rest of the article or publish the note: it is
 * reported at its line. Raw HTML stays off: nothing else in `<…>` is treated as markup.
 * https://spec.commonmark.org/0.31.2/#html-blocks
 * @example markdown.use(dropComments).render("نص <!-- للمحرر --> آخر") //=> "<p>نص  آخر</p>\n"
 */
export function dropComments(md: MarkdownIt): void {
  md.block.ruler.before("html_block", "sahifa_comment_block", commentBlock, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
  md.inline.ruler.before("html_inline", "sahifa_comment", commentInline);
  md.core.ruler.push("sahifa_unclosed_comments", reportUnclosed);
}

export const COMMENT_MESSAGES = {
  unclosed: (): Message => ({
    en: "a comment opened with <!-- is not closed: end it with --> (a comment is never published; one left open would hide the rest of the article)",
    ar: "تعليق فُتح بـ <!-- ولم يُغلق: أغلقه بـ --> (التعليق لا يُنشر أبدًا، وإن بقي مفتوحًا أخفى بقية المقال)",
  }),
};

// ---------------------------------------------------------------------------------------------
// Internals

const UNCLOSED = "sahifa_unclosed_comment";

// A comment that starts a line and ends one (only spaces after `-->`) is dropped with its lines.
// Text after the `-->` makes it a paragraph instead, where the inline rule drops the comment and
// keeps that text (CommonMark would swallow it as part of the HTML block).
function commentBlock(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (!state.src.startsWith("<!--", start)) return false;
  for (let line = startLine; line < endLine; line += 1) {
    if (line > startLine && state.sCount[line]! < state.blkIndent && !state.isEmpty(line)) break;
    // `<!-->` and `<!--->` are whole (empty) comments, as CommonMark 0.31 has them.
    const from = line === startLine ? start + 2 : state.bMarks[line]! + state.tShift[line]!;
    const end = state.eMarks[line]!;
    const close = state.src.indexOf("-->", from);
    if (close === -1) return false;
    if (close + 3 > end) continue;
    if (state.src.slice(close + 3, end).trim() !== "") return false;
    if (!silent) state.line = line + 1;
    return true;
  }
  return false;
}

function commentInline(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith("<!--", state.pos)) return false;
  const close = state.src.indexOf("-->", state.pos + 2);
  if (close !== -1 && close + 3 <= state.posMax) {
    state.pos = close + 3;
    return true;
  }
  if (!silent) state.push(UNCLOSED, "", 0).content = "<!--";
  state.pos += 4;
  return true;
}

// The inline rule cannot tell lines; here each block's first line and the breaks before the
// comment inside it can. The opening is kept as text meanwhile (the report stops the build).
function reportUnclosed(state: StateCore): void {
  const problems = ((state.env as CommentEnv).problems ??= []);
  for (const block of state.tokens) {
    let line = block.map?.[0] ?? 0;
    for (const child of block.children ?? ([] as Token[])) {
      if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
      if (child.type !== UNCLOSED) continue;
      child.type = "text";
      problems.push({ line: line + 1, message: COMMENT_MESSAGES.unclosed() });
    }
  }
}
