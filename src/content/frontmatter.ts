// Splits a Markdown file into YAML frontmatter and body, and locates fields by line.

import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";

export interface Frontmatter {
  /** The parsed YAML, not yet checked: the schema decides what it means. */
  data: unknown;
  body: string;
  /** 1-based line of a field's key (`["source", "url"]`), or of the frontmatter's start. */
  lineOf(path: readonly (string | number)[]): number;
}

/** A problem with the file's shape or YAML syntax, with its place. */
export class FrontmatterError extends Error {
  override name = "FrontmatterError";
  constructor(
    message: string,
    readonly line: number,
    readonly column?: number,
  ) {
    super(message);
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
    lineOf: (path) => keyLine(document, counter, path),
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
