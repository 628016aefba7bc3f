// The one internal of markdown-it-attrs Sahifa reuses: its own parser for `{…}` blocks.

declare module "markdown-it-attrs/utils.js" {
  export function getAttrs(
    text: string,
    start: number,
    options: { leftDelimiter: string; rightDelimiter: string; allowedAttributes: string[] },
  ): [string, string][];
}
