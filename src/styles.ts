// The stylesheet pipeline: the authored left-to-right CSS, its rtlcss mirror, both minified and content-hashed.

import { createHash } from "node:crypto";
import cssnano from "cssnano";
import postcss from "postcss";
import rtlcss from "rtlcss";

/** A built file: where it goes under the output folder, and its bytes. */
export interface BuiltFile {
  /** Output-relative path, such as assets/sahifa.rtl.3f9c2a1b7e.css */
  path: string;
  contents: string | Uint8Array;
}

export interface Stylesheets {
  /** For right-to-left pages (Arabic): rtlcss output. */
  rtl: BuiltFile;
  /** For left-to-right pages: the authored stylesheet, minified. */
  ltr: BuiltFile;
}

/**
 * Builds both directions of the stylesheet from the authored (left-to-right) CSS. Run it once
 * per build: the result depends on the CSS alone.
 * @example (await buildStylesheets(".a{margin-left:1px}", "main.css")).rtl.contents //=> ".a{margin-right:1px}"
 */
export async function buildStylesheets(css: string, from: string): Promise<Stylesheets> {
  const [ltr, rtl] = await Promise.all([
    postcss([cssnano({ preset: "default" })]).process(css, { from, map: false }),
    postcss([rtlcss(), cssnano({ preset: "default" })]).process(css, { from, map: false }),
  ]);
  return { ltr: hashed("assets/sahifa.ltr", ltr.css), rtl: hashed("assets/sahifa.rtl", rtl.css) };
}

/**
 * A content hash short enough for a file name and long enough never to collide in one site.
 * @example contentHash("body{}") //=> "…10 hex digits…"
 */
export function contentHash(contents: string | Uint8Array): string {
  return createHash("sha256").update(contents).digest("hex").slice(0, 10);
}

function hashed(stem: string, css: string): BuiltFile {
  return { path: `${stem}.${contentHash(css)}.css`, contents: css };
}
