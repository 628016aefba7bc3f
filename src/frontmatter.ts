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
  const lines = source.split("\n");
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
  const closing = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (closing === -1) {
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
  const [error] = document.errors;
  if (error) {
    const position = error.linePos?.[0];
    throw new FrontmatterError(
      `YAML: ${firstLine(error.message)}`,
      (position?.line ?? 1) + 1,
      position?.col,
    );
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // Unresolved aliases (`*name`) and alias bombs surface only here, not in document.errors.
    throw new FrontmatterError(
      `YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      2,
    );
  }
  return {
    data,
    body: lines.slice(closing + 1).join("\n"),
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
