// markdown-it-footnote ships no types: a plugin that takes the markdown-it instance.

declare module "markdown-it-footnote" {
  import type { MarkdownIt } from "markdown-it";
  export default function footnotePlugin(md: MarkdownIt): void;
}
