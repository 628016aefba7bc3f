// Splits a Markdown file into YAML frontmatter and body, and locates fields by line.

import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
} from "yaml";
import type { Message } from "./problems.ts";
import { findHiddenControl } from "./unicode.ts";

/**
 * The most characters a frontmatter's values may hold, aliases (`*name`) expanded: a news
 * article's fields come to a few hundred characters, and a few KB of YAML whose aliases repeat
 * one another expand to megabytes (the billion-laughs attack). Checked on the YAML's nodes
 * before any value is built, each anchored node measured once.
 */
export const MAX_FRONTMATTER_CHARACTERS = 64 * 1024;

/**
 * The deepest nesting of lists and mappings accepted (an article needs three levels: the
 * fields, `source:`'s, its values). Checked without recursion first, so that the walks after it,
 * ours and the YAML library's, never run out of stack on `[[[[…` a hundred thousand deep.
 */
export const MAX_FRONTMATTER_DEPTH = 16;

export interface Frontmatter {
  /** The parsed YAML, not yet checked: the schema decides what it means. */
  data: unknown;
  body: string;
  /** The file's line on which the body starts (1-based): a body line n is the file's bodyLine + n - 1. */
  bodyLine: number;
  /**
   * Keys and text values holding a control or hidden character (findHiddenControl), each with
   * its place: the schema's messages would print the character, or a key, as it is.
   */
  hiddenText: readonly HiddenText[];
  /** 1-based line of a field's key (`["source", "url"]`), or of the frontmatter's start. */
  lineOf(path: readonly (string | number)[]): number;
}

/** A key or text value holding a character findHiddenControl names. */
export interface HiddenText {
  /** The value's path (`["tags", 1]`), or the key's own path when `key` is true. */
  path: readonly (string | number)[];
  key: boolean;
  line: number;
  column: number;
  /** The character as findHiddenControl names it: "U+0001 CONTROL CHARACTER". */
  character: string;
}

/** A problem with the file's shape or YAML syntax, with its place. */
export class FrontmatterError extends Error {
  override name = "FrontmatterError";
  /** The message for the editor (a bare string is English only). */
  readonly text: Message | string;
  constructor(
    message: Message | string,
    readonly line: number,
    readonly column?: number,
    /** The top-level field the problem is in, when there is one. */
    readonly field?: string,
  ) {
    super(typeof message === "string" ? message : message.en);
    this.text = message;
  }
}

/**
 * Reads `---` fenced YAML at the top of a file. Only YAML is accepted: `---js` and other
 * engines would run code from the article (gray-matter, and so Eleventy, evaluate them).
 * @example parseFrontmatter("---\ntitle: عنوان\n---\nنص").data //=> { title: "عنوان" }
 */
export function parseFrontmatter(source: string): Frontmatter {
  // Only the frontmatter is split into lines; the body (most of the file) is sliced off whole.
  const { lines, bodyStart } = frontmatterLines(source);
  const opening = lines[0]?.replace(/\s+$/, "") ?? "";
  if (!opening.startsWith("---")) {
    throw new FrontmatterError("the file must start with a --- line that opens the frontmatter", 1);
  }
  const language = opening.slice(3).trim();
  if (language !== "" && language !== "yaml") {
    throw new FrontmatterError(
      `frontmatter in "${language}" is not accepted: write YAML between two --- lines`,
      1,
    );
  }
  const closing = lines.length - 1;
  if (bodyStart === undefined) {
    throw new FrontmatterError(
      "the frontmatter opened on line 1 is never closed with a --- line",
      1,
    );
  }
  const yamlText = lines.slice(1, closing).join("\n");
  const counter = new LineCounter();
  const document = parseDocument(yamlText, {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: "core",
  });
  // Only the first YAML error is reported: the ones after it are usually its echoes.
  const [error] = document.errors;
  if (error) {
    // +1 on the line, as the YAML starts on the file's second line; columns count from 1.
    const { line, col } = counter.linePos(error.pos[0]);
    throw new FrontmatterError(`YAML: ${firstLine(error.message)}`, line + 1, col);
  }
  refuseDeepNesting(document, counter);
  const inspected = inspectValues(document, counter, yamlText.includes("*"));
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // Unresolved aliases (`*name`) and alias bombs (past a budget of 50) surface only here,
    // not in document.errors.
    throw new FrontmatterError(
      `YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      2,
    );
  }
  return {
    data,
    body: source.slice(bodyStart),
    bodyLine: lines.length + 1,
    hiddenText: inspected.hiddenText,
    lineOf: (path) => keyLine(document, counter, path),
  };
}

/**
 * Finds keys and text values holding hidden characters, and refuses a frontmatter whose values,
 * aliases expanded, hold more than MAX_FRONTMATTER_CHARACTERS, naming its largest field. Linear
 * in the YAML's nodes: each anchored node is measured once, whatever number of aliases repeat it.
 */
function inspectValues(
  document: Document,
  counter: LineCounter,
  mayHoldAliases: boolean,
): { hiddenText: HiddenText[] } {
  const hiddenText: HiddenText[] = [];
  const place = (node: YamlNode) => {
    const { line, col } = counter.linePos(node.range?.[0] ?? 0);
    return { line: line + 1, column: col };
  };
  const check = (node: unknown, path: readonly (string | number)[], key: boolean) => {
    if (!isScalar(node) || typeof node.value !== "string") return;
    const character = findHiddenControl(node.value);
    if (character) hiddenText.push({ path, key, ...place(node), character });
  };
  // An alias stands for the last node before it with its anchor (YAML 1.2, 3.2.2.2).
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<YamlNode, YamlNode | undefined>();
  // Most articles have no alias (no `*` at all): their walk for anchors is skipped.
  if (mayHoldAliases) {
    visit(document, {
      Node: (_key, node) => {
        if (isAlias(node)) targets.set(node, anchors.get(node.source));
        else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
  }
  const sizes = new Map<YamlNode, number>();
  const sizeOf = (node: unknown, path: readonly (string | number)[] | undefined): number => {
    if (!isNode(node)) return 0;
    if (isAlias(node)) {
      const target = targets.get(node);
      // A node that holds an alias to itself (a cycle) adds nothing more than it holds.
      return target && sizes.get(target) !== IN_PROGRESS ? sizeOf(target, undefined) : 0;
    }
    const known = sizes.get(node);
    if (known !== undefined && known !== IN_PROGRESS) return known;
    let size = 0;
    if (isScalar(node)) {
      if (path) check(node, path, false);
      size = node.value === null || node.value === undefined ? 0 : String(node.value).length;
    } else if (isMap(node)) {
      sizes.set(node, IN_PROGRESS);
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? pair.key.value : undefined;
        const inner = path && (typeof name === "string" || typeof name === "number") ? [...path, name] : undefined;
        if (inner) check(pair.key, inner, true);
        size += sizeOf(pair.key, undefined) + sizeOf(pair.value, inner);
      }
    } else if (isSeq(node)) {
      sizes.set(node, IN_PROGRESS);
      node.items.forEach((item, index) => {
        size += sizeOf(item, path && [...path, index]);
      });
    }
    sizes.set(node, size);
    return size;
  };
  const contents = document.contents;
  let total = 0;
  let largest: { size: number; field?: string | undefined; line: number } = { size: -1, line: 2 };
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const name = isScalar(pair.key) ? pair.key.value : undefined;
      const path = typeof name === "string" || typeof name === "number" ? [name] : undefined;
      if (path) check(pair.key, path, true);
      const size = sizeOf(pair.key, undefined) + sizeOf(pair.value, path);
      total += size;
      if (size > largest.size && isNode(pair.key))
        largest = { size, field: path ? String(name) : undefined, line: place(pair.key).line };
    }
  } else {
    total = sizeOf(contents, []);
  }
  if (total > MAX_FRONTMATTER_CHARACTERS) {
    throw new FrontmatterError(
      frontmatterTooLarge(total, largest.field),
      largest.line,
      undefined,
      largest.field,
    );
  }
  return { hiddenText };
}

function refuseDeepNesting(document: Document, counter: LineCounter): void {
  const stack: [unknown, number][] = [[document.contents, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (isMap(node) || isSeq(node)) {
      if (depth > MAX_FRONTMATTER_DEPTH) {
        const line = counter.linePos(node.range?.[0] ?? 0).line + 1;
        throw new FrontmatterError(
          {
            en: `lists and mappings are nested more than ${MAX_FRONTMATTER_DEPTH} levels deep here: no field needs more than three`,
            ar: `القوائم والحقول متداخلة هنا أكثر من ${MAX_FRONTMATTER_DEPTH} مستوى، ولا يحتاج أي حقل إلى أكثر من ثلاثة`,
          },
          line,
        );
      }
      for (const item of node.items as unknown[]) {
        if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
        else stack.push([item, depth + 1]);
      }
    }
  }
}

// Marks a collection being measured, so an alias inside it to itself ends the walk.
const IN_PROGRESS = -1;

function frontmatterTooLarge(total: number, field: string | undefined): Message {
  const limit = MAX_FRONTMATTER_CHARACTERS.toLocaleString("en");
  // Past a billion (a billion laughs reaches 10^28 and beyond) the figure says nothing more.
  const size = total < 1e9 ? total.toLocaleString("en") : undefined;
  const largest = field === undefined ? "" : `; most of them are in ${field}`;
  const largestAr = field === undefined ? "" : `، وأكثرها في الحقل ${field}`;
  return {
    en: `the frontmatter's values come to ${size ?? "over a billion"} characters once aliases (*name) are expanded, over the ${limit} allowed${largest}: write each value out once, or shorten it`,
    ar: `${size === undefined ? "يزيد مجموع محارف حقول الترويسة (frontmatter) على مليار" : `يبلغ مجموع محارف حقول الترويسة (frontmatter) ${size}`} بعد توسيع الأسماء المستعارة (*name)، وهو فوق الحد المسموح به (${limit})${largestAr}: اكتب كل قيمة مرة واحدة أو اختصرها`,
  };
}

function keyLine(
  document: Document,
  counter: LineCounter,
  path: readonly (string | number)[],
): number {
  // Walk down to the deepest node that exists; its line is the best place to point at.
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair || !isScalar(pair.key)) break;
      offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item: unknown = node.items[segment];
      if (!isNode(item)) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  // A missing field points at the opening ---; otherwise +1, as the YAML starts on line 2.
  return offset === undefined ? 1 : counter.linePos(offset).line + 1;
}

/**
 * The lines of a file up to and including the first `---` line after the first, and where the
 * text after that line starts; bodyStart is undefined (and lines all of them) when there is no
 * closing line.
 */
function frontmatterLines(source: string): { lines: string[]; bodyStart: number | undefined } {
  const lines: string[] = [];
  for (let start = 0; ;) {
    const end = source.indexOf("\n", start);
    const line = source.slice(start, end === -1 ? source.length : end);
    lines.push(line);
    if (lines.length > 1 && /^---\s*$/.test(line)) {
      return { lines, bodyStart: end === -1 ? source.length : end + 1 };
    }
    if (end === -1) return { lines, bodyStart: undefined };
    start = end + 1;
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

/**
 * gray-matter options for Eleventy (`setFrontMatterParsingOptions`): its `js` and `javascript`
 * engines run frontmatter as code, so they are replaced by ones that refuse. Sahifa reads
 * articles itself, but any Markdown that Eleventy might meet gets the same rule.
 */
export const refuseExecutableFrontmatter = {
  engines: Object.fromEntries(
    ["js", "javascript", "node", "coffee", "coffeescript", "cson"].map((language) => [
      language,
      (): never => {
        throw new FrontmatterError(`frontmatter in "${language}" is not accepted: write YAML`, 1);
      },
    ]),
  ),
};
