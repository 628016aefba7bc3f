// XML documents (Atom, sitemap) from plain data, every text and attribute value escaped.

import { XMLBuilder } from "fast-xml-parser";

/**
 * An element as plain data: `@name` keys are attributes, `#text` is the text content, other
 * keys are child elements (an array repeats the element). fast-xml-parser's builder convention.
 */
export interface XmlElement {
  [key: string]: XmlValue;
}
export type XmlValue = string | number | XmlElement | readonly XmlElement[] | undefined;

/**
 * Serializes one root element as a UTF-8 XML document. fast-xml-parser escapes `& < > " '`
 * in text and attributes, so `]]>` or `</title>` in a headline stays text; characters XML 1.0
 * forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped, since no escape can
 * carry them (https://www.w3.org/TR/xml/#charsets).
 * @example xmlDocument("urlset", { "@xmlns": "…", url: [{ loc: "https://x/" }] })
 * //=> '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="…">\n  <url>…'
 */
export function xmlDocument(root: string, element: XmlElement): string {
  const document = { "?xml": { "@version": "1.0", "@encoding": "utf-8" }, [root]: element };
  return BUILDER.build(withoutForbiddenCharacters(document)) as string;
}

/**
 * Removes the characters XML 1.0 cannot carry.
 * @example withoutForbiddenCharacters("a\u0008b") //=> "ab"
 */
export function withoutForbiddenCharacters<Value>(value: Value): Value {
  if (typeof value === "string") return value.replace(FORBIDDEN, "") as Value;
  if (Array.isArray(value)) return value.map(withoutForbiddenCharacters) as Value;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, withoutForbiddenCharacters(child)]),
    ) as Value;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Internals

// Everything outside XML 1.0's Char production, lone surrogates included (the u flag makes a
// lone surrogate one code point that matches none of the ranges).
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const BUILDER = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
});
