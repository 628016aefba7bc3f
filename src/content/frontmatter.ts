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
  type ErrorCode,
  type Node as YamlNode,
} from "yaml";
import { quoteValue, type Message } from "./problems.ts";
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
  constructor(
    /** What the editor is told, in both languages (the error's own message is the English). */
    readonly editorMessage: Message,
    readonly line: number,
    readonly column?: number,
    /** The top-level field the problem is in, when there is one. */
    readonly field?: string,
  ) {
    super(editorMessage.en);
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
  if (!opening.startsWith("---")) throw new FrontmatterError(MESSAGES.noOpening, 1);
  const language = opening.slice(3).trim();
  if (language !== "" && language !== "yaml") {
    throw new FrontmatterError(notYaml(language), 1);
  }
  const closing = lines.length - 1;
  if (bodyStart === undefined) throw new FrontmatterError(MESSAGES.neverClosed, 1);
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
    // +1 on the line, as the YAML starts on the file's second line; columns count from 1. An
    // unclosed [ or { is noticed where the YAML ends, lines later: point at the bracket.
    const unclosed = /end with a [\]}]/.test(error.message)
      ? unclosedOpening(yamlText, error.pos[0])
      : undefined;
    const { line, col } = counter.linePos(unclosed ?? error.pos[0]);
    throw new FrontmatterError(
      yamlErrorMessage(error.code, error.message, yamlText.slice(error.pos[0])),
      line + 1,
      col,
    );
  }
  // A list or mapping used as a key (`[a]: b`) would become the text "[ a ]", with a warning
  // from the YAML library printed to the terminal.
  const collectionKey = firstCollectionKey(document);
  if (collectionKey !== undefined) {
    const { line, col } = counter.linePos(collectionKey);
    throw new FrontmatterError(MESSAGES.keyNotAName, line + 1, col);
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
      error instanceof Error && /alias count/i.test(error.message)
        ? MESSAGES.tooManyAliases
        : MESSAGES.specialCharacter,
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
        const inner =
          path && (typeof name === "string" || typeof name === "number")
            ? [...path, name]
            : undefined;
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

/**
 * What a YAML syntax error means to an editor, from the YAML library's error code (its message
 * tells apart the few codes that cover several mistakes); `rest` is the YAML from the error on.
 * @example yamlErrorMessage("TAB_AS_INDENT", "…", "\tslug: x").en //=> "a tab indents this line: use spaces"
 */
export function yamlErrorMessage(code: ErrorCode, libraryMessage: string, rest: string): Message {
  switch (code) {
    case "BAD_INDENT":
      if (/end with a \]/.test(libraryMessage)) return notClosed("[", "]");
      if (/end with a \}/.test(libraryMessage)) return notClosed("{", "}");
      return MESSAGES.notLinedUp;
    case "MISSING_CHAR": {
      const quote = /Missing closing (["'])/.exec(libraryMessage)?.[1];
      if (quote) return quoteNotClosed(quote);
      return /directives-end/.test(libraryMessage) ? MESSAGES.directive : MESSAGES.noColon;
    }
    case "MULTILINE_IMPLICIT_KEY":
      return MESSAGES.noColon;
    case "BLOCK_AS_IMPLICIT_KEY":
      return MESSAGES.colonInValue;
    case "DUPLICATE_KEY":
      return writtenTwice(rest.split("\n")[0]?.split(":")[0]?.trim() ?? "");
    case "BAD_SCALAR_START":
      return reservedStart([...rest][0] ?? "");
    case "TAB_AS_INDENT":
      return MESSAGES.tabIndent;
    case "BAD_DQ_ESCAPE":
      return MESSAGES.backslash;
    case "UNEXPECTED_TOKEN":
      return MESSAGES.unexpected;
    case "ALIAS_PROPS":
    case "BAD_ALIAS":
    case "BAD_PROP_ORDER":
    case "MULTIPLE_ANCHORS":
    case "MULTIPLE_TAGS":
    case "TAG_RESOLVE_FAILED":
      return MESSAGES.specialCharacter;
    case "RESOURCE_EXHAUSTION":
      return MESSAGES.tooManyAliases;
    case "MULTIPLE_DOCS":
      return MESSAGES.secondDocument;
    case "BAD_DIRECTIVE":
      return MESSAGES.directive;
    case "BLOCK_IN_FLOW":
      return MESSAGES.blockInFlow;
    case "KEY_OVER_1024_CHARS":
      return MESSAGES.longKey;
    case "NON_STRING_KEY":
      return MESSAGES.keyNotAName;
    default:
      return MESSAGES.unreadable;
  }
}

/** The frontmatter's fixed messages; those that quote the file are the functions below. */
const MESSAGES = {
  noOpening: {
    en: "the file must start with a --- line that opens the frontmatter",
    ar: "يجب أن يبدأ الملف بسطر --- يفتح رأس المقال",
  },
  neverClosed: {
    en: "the frontmatter opened on line 1 is never closed with a --- line",
    ar: "رأس المقال المفتوح في السطر 1 لا يُغلق بسطر ---",
  },
  notLinedUp: {
    en: "this line does not start where the fields around it do: start every field at the same column, with spaces",
    ar: "هذا السطر لا يبدأ من حيث تبدأ الحقول حوله: ابدأ كل حقل من العمود نفسه، بمسافات",
  },
  noColon: {
    en: 'a line without "key: value": write each field as its name, a colon, a space and its value',
    ar: "سطر ليس بالصيغة «المفتاح: القيمة»: اكتب كل حقل باسمه ثم نقطتين ثم مسافة ثم قيمته",
  },
  colonInValue: {
    en: 'a value holds a colon and a space (or a line is indented too far): put the value in quotes, such as title: "…: …"',
    ar: 'في القيمة نقطتان تليهما مسافة (أو سطر مزاح أكثر من اللازم): ضع القيمة بين علامتي تنصيص، مثل title: "…: …"',
  },
  tabIndent: {
    en: "a tab indents this line: use spaces",
    ar: "هذا السطر مزاح بعلامة جدولة (Tab): استخدم المسافات",
  },
  backslash: {
    en: "a backslash inside double quotes starts an escape: write \\\\ for a backslash, or use single quotes",
    ar: "الشرطة المائلة العكسية داخل علامتي تنصيص مزدوجتين تبدأ رمزًا خاصًا: اكتبها مضاعفة \\\\ أو استعمل علامتي تنصيص مفردتين",
  },
  unexpected: {
    en: "unexpected text after the value: put the whole value in quotes (a ], } or quote mark inside it ends it early)",
    ar: "نص غير متوقع بعد القيمة: ضع القيمة كلها بين علامتي تنصيص (العلامات ] و} وعلامات التنصيص داخلها تنهيها قبل أوانها)",
  },
  specialCharacter: {
    en: "&, * and ! have special meanings at the start of a value: put the value in quotes",
    ar: "للعلامات & و* و! معنى خاص في أول القيمة: ضع القيمة بين علامتي تنصيص",
  },
  tooManyAliases: {
    en: "too many references (*name) to repeated values: write the values out",
    ar: "إحالات كثيرة جدًا (*name) إلى قيم مكررة: اكتب القيم نفسها",
  },
  secondDocument: {
    en: "a line of --- or ... inside the frontmatter: delete it",
    ar: "سطر --- أو ... داخل رأس المقال: احذفه",
  },
  directive: {
    en: "a line starting with % is a YAML directive: put the value in quotes, or delete the line",
    ar: "السطر الذي يبدأ بـ % تعليمة خاصة في YAML: ضع القيمة بين علامتي تنصيص أو احذف السطر",
  },
  blockInFlow: {
    en: "inside [ ] or { }, write the items on one line, separated by commas",
    ar: "داخل [ ] أو { } اكتب العناصر في سطر واحد تفصل بينها فواصل",
  },
  longKey: { en: "a key over 1024 characters", ar: "اسم حقل أطول من 1024 حرفًا" },
  keyNotAName: {
    en: "a key must be a name, such as title",
    ar: "اسم الحقل يجب أن يكون كلمة، مثل title",
  },
  unreadable: {
    en: "the YAML cannot be read here: check the quotes, colons and indentation",
    ar: "تتعذر قراءة YAML هنا: راجع علامات التنصيص والنقطتين والمسافات البادئة",
  },
} as const satisfies Record<string, Message>;

function notYaml(language: string): Message {
  const q = quoteValue(language);
  return {
    en: `frontmatter in ${q.en} is not accepted: write YAML between two --- lines`,
    ar: `رأس المقال بلغة ${q.ar} غير مقبول: اكتبه بصيغة YAML بين سطرين ---`,
  };
}

function notClosed(open: string, close: string): Message {
  return {
    en: `a list or mapping opened with ${open} is not closed: end it with ${close} on the same line`,
    ar: `قائمة أو مجموعة فُتحت بـ ${open} ولم تُغلق: أغلقها بـ ${close} في السطر نفسه`,
  };
}

function quoteNotClosed(quote: string): Message {
  return {
    en: `a value opened with ${quote} is not closed: end it with ${quote} on the same line`,
    ar: `قيمة فُتحت بعلامة التنصيص ${quote} ولم تُغلق: أغلقها بالعلامة نفسها في السطر نفسه`,
  };
}

function writtenTwice(key: string): Message {
  const q = quoteValue(key);
  return {
    en: `the field ${q.en} is written twice: keep one`,
    ar: `الحقل ${q.ar} مكتوب مرتين: أبقِ واحدًا`,
  };
}

function reservedStart(char: string): Message {
  const q = quoteValue(char);
  return {
    en: `a value cannot start with ${q.en}: put the value in quotes`,
    ar: `لا تبدأ قيمة بالعلامة ${q.ar}: ضع القيمة بين علامتي تنصيص`,
  };
}

/**
 * The offset of the `[` or `{` left open before `offset`, if there is one: the place to show
 * for a list or mapping that is never closed (brackets inside quotes are not told apart).
 */
function unclosedOpening(yaml: string, offset: number): number | undefined {
  let depth = 0;
  for (let index = Math.min(offset, yaml.length) - 1; index >= 0; index -= 1) {
    const char = yaml[index];
    if (char === "]" || char === "}") depth += 1;
    else if (char === "[" || char === "{") {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  return undefined;
}

/** The offset of the first key that is a list or mapping, if there is one. */
function firstCollectionKey(document: Document): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Pair(_, pair) {
      if (isNode(pair.key) && !isScalar(pair.key)) {
        offset = pair.key.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
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
        throw new FrontmatterError(notYaml(language), 1);
      },
    ]),
  ),
};
