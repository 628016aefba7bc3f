// Read & check: turns content/ (site.yaml and articles/*.md) into typed, rendered articles, or one report of every problem.

import { isUtf8 } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { FrontmatterError, parseFrontmatter } from "./frontmatter.ts";
import { createRenderer, type RenderedMarkdown } from "./markdown.ts";
import { ContentError, type Problem } from "./problems.ts";
import { countWords, readingMinutes } from "./reading-time.ts";
import { createArticleSchema, describeIssues, type ArticleMeta } from "./schema.ts";
import { resolveSite, siteSchema, type Site } from "./site.ts";

/** An article that passed the schema, rendered: what every later stage works with. */
export interface Article extends ArticleMeta {
  /** Source path relative to the project, for messages: content/articles/x.md */
  file: string;
  /** Site-relative URL path, without the site's path prefix: /articles/slug/ */
  path: string;
  /** The body as HTML, from the one markdown renderer (trusted: no raw HTML can reach it). */
  html: string;
  wordCount: number;
  readingMinutes: number;
}

export interface Content {
  site: Site;
  /** Newest first. */
  articles: Article[];
  /** Drafts left out of this build. */
  draftsSkipped: number;
}

export interface ContentOptions {
  /** The content folder: site.yaml and articles/. */
  contentDir: string;
  /** Replaces site.yaml's url, for deploying the same content elsewhere. */
  urlOverride?: string | undefined;
  /** Publish drafts too (the dev server does). */
  includeDrafts?: boolean;
}

/** Files larger than this are refused: no article is that long, and parsing time grows with size. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/**
 * Creates a loader that re-reads content/ on every call and keeps what it derived from each
 * file between calls (checked frontmatter per file, rendered Markdown per body), so a
 * dev-server rebuild, or the build's second load, redoes only what changed.
 */
export function createContentLoader(options: ContentOptions): () => Promise<Content> {
  return async () => {
    const site = await loadSite(options);
    const markdownOptions = { arabicQuotes: site.arabicQuotes };
    const key = JSON.stringify([markdownOptions, site.timeZone]);
    if (memo?.key !== key) {
      memo = {
        key,
        renderMarkdown: createRenderer(markdownOptions),
        bodies: new Map(),
        files: new Map(),
      };
    }
    const { renderMarkdown, bodies, files } = memo;
    const used = new Set<string>();
    const render = (body: string): RenderedBody => {
      used.add(body);
      let rendered = bodies.get(body);
      if (!rendered) {
        const { html, text } = renderMarkdown(body);
        bodies.set(body, (rendered = { html, words: countWords(text) }));
      }
      return rendered;
    };
    const content = await loadArticles(options, site, render, files);
    // Forget bodies no longer in content/, so a long dev session does not grow without bound.
    for (const body of bodies.keys()) if (!used.has(body)) bodies.delete(body);
    return content;
  };
}

/** A body rendered once: its HTML and its word count. */
interface RenderedBody {
  html: string;
  words: number;
}

/** An article file that passed the checks, remembered with the bytes it was checked from. */
interface CheckedFile {
  bytes: Buffer;
  /** The file's inode, size and modification and change times when it was read. */
  stamp: string;
  meta: ArticleMeta;
  body: string;
}

// One memo per process, reset when the markdown options or the zone change: the build's
// up-front check and Eleventy's data step load the same content, and the second load then
// costs no parsing or rendering; in the dev server, a rebuild re-checks only the edited file.
let memo:
  | {
      key: string;
      renderMarkdown: (source: string) => RenderedMarkdown;
      bodies: Map<string, RenderedBody>;
      files: Map<string, CheckedFile>;
    }
  | undefined;

/** Reads and checks `site.yaml`. */
export async function loadSite(options: ContentOptions): Promise<Site> {
  const file = path.join(options.contentDir, "site.yaml");
  const shown = displayPath(file);
  let raw: string;
  try {
    raw = decodeUtf8(await readFile(file));
  } catch (error) {
    throw new ContentError([{ file: shown, message: readFailure(error) }]);
  }
  let parsed;
  try {
    parsed = parseFrontmatter(`---\n${raw}\n---\n`);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    throw new ContentError([
      { file: shown, line: error.line - 1, ...column(error), message: error.message },
    ]);
  }
  const result = siteSchema.safeParse(parsed.data ?? {});
  if (!result.success) {
    const lineOf = (at: readonly (string | number)[]) => Math.max(1, parsed.lineOf(at) - 1);
    throw new ContentError(
      describeIssues(result.error.issues, shown, lineOf, Object.keys(siteSchema.shape)),
    );
  }
  return resolveSite(result.data, options.urlOverride);
}

// ---------------------------------------------------------------------------------------------
// Internals

async function loadArticles(
  options: ContentOptions,
  site: Site,
  render: (body: string) => RenderedBody,
  checked: Map<string, CheckedFile>,
): Promise<Content> {
  const folder = path.join(options.contentDir, "articles");
  const files = (await readdir(folder, { recursive: true }))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(folder, name));
  const schema = createArticleSchema(site.timeZone);
  const knownKeys = Object.keys(schema.shape);
  const problems: Problem[] = [];
  const articles: Article[] = [];
  let draftsSkipped = 0;

  // Synchronous reads: for thousands of small files, the promise API's four round trips per
  // file through the thread pool cost several times the reading itself. A file with the inode,
  // size and change times of the copy checked before is not read again: the build's second
  // load, and a dev rebuild after one edit, read only what changed.
  const sources = files.map((file) => {
    const stamp = fileStamp(file);
    const remembered = checked.get(file);
    return {
      file,
      stamp,
      bytes: remembered?.stamp === stamp ? remembered.bytes : readFileSync(file),
    };
  });
  for (const { file, stamp, bytes } of sources) {
    const shown = displayPath(file);
    const fileProblems: Problem[] = [];
    const remembered = checked.get(file);
    const meta = remembered?.bytes.equals(bytes)
      ? remembered
      : checkArticle(bytes, shown, schema, knownKeys, fileProblems);
    problems.push(...fileProblems);
    if (!meta) {
      checked.delete(file);
      continue;
    }
    checked.set(file, { bytes, stamp, ...meta });
    if (meta.meta.draft && !options.includeDrafts) {
      draftsSkipped += 1;
      continue;
    }
    const rendered = render(meta.body);
    const words = rendered.words;
    articles.push({
      ...meta.meta,
      file: shown,
      path: `/articles/${meta.meta.slug}/`,
      html: rendered.html,
      wordCount: words,
      readingMinutes: readingMinutes(words, site.wordsPerMinute),
    });
  }
  const present = new Set(files);
  for (const file of checked.keys()) if (!present.has(file)) checked.delete(file);
  problems.push(...duplicateSlugs(articles));
  if (problems.length > 0) throw new ContentError(problems);
  articles.sort(newestFirst);
  return { site, articles, draftsSkipped };
}

function checkArticle(
  bytes: Buffer,
  file: string,
  schema: ReturnType<typeof createArticleSchema>,
  knownKeys: readonly string[],
  problems: Problem[],
): { meta: ArticleMeta; body: string } | undefined {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    problems.push({
      file,
      message: `the file is ${bytes.length} bytes, over the ${MAX_ARTICLE_BYTES}-byte limit for one article`,
    });
    return undefined;
  }
  let source: string;
  try {
    source = decodeUtf8(bytes);
  } catch (error) {
    problems.push({ file, message: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
  let frontmatter;
  try {
    frontmatter = parseFrontmatter(source);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    problems.push({ file, line: error.line, ...column(error), message: error.message });
    return undefined;
  }
  const data = frontmatter.data ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    problems.push({
      file,
      line: 2,
      message: "the frontmatter must be a mapping of fields (key: value)",
    });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    problems.push(...describeIssues(result.error.issues, file, frontmatter.lineOf, knownKeys));
  }
  if (frontmatter.body.trim() === "") {
    problems.push({ file, line: lineCount(source), message: "the article has no body" });
  }
  return result.success && problems.length === 0
    ? { meta: result.data, body: frontmatter.body }
    : undefined;
}

/**
 * Strict UTF-8: a byte that is not UTF-8 is an error with its offset, never a silent U+FFFD.
 * A byte-order mark is dropped; CRLF and lone CR become LF.
 */
function decodeUtf8(bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new Error(`the file contains a NUL byte at byte offset ${nul}`);
  // isUtf8 (simdutf) checks as strictly as a fatal TextDecoder, several times faster on Arabic.
  if (!isUtf8(bytes)) {
    throw new Error(
      `the file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Byte(bytes)})`,
    );
  }
  const text = bytes.toString("utf8");
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, "\n");
}

function firstInvalidUtf8Byte(bytes: Buffer): number {
  // Binary search for the longest valid prefix: decoding is the only UTF-8 validator we trust.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (isUtf8Prefix(bytes.subarray(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

function isUtf8Prefix(bytes: Buffer): boolean {
  // A prefix may end inside a valid multi-byte character: streaming mode allows that.
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function duplicateSlugs(articles: readonly Article[]): Problem[] {
  const bySlug = new Map<string, Article[]>();
  for (const article of articles) {
    const key = article.slug.normalize("NFKC").toLowerCase();
    bySlug.set(key, [...(bySlug.get(key) ?? []), article]);
  }
  const problems: Problem[] = [];
  for (const [slug, same] of bySlug) {
    if (same.length < 2) continue;
    for (const article of same) {
      const others = same.filter((other) => other !== article).map((other) => other.file);
      problems.push({
        file: article.file,
        field: "slug",
        message: `"${slug}" is also the slug of ${others.join(", ")}`,
      });
    }
  }
  return problems;
}

function newestFirst(a: Article, b: Article): number {
  return b.date.toMillis() - a.date.toMillis() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

function fileStamp(file: string): string {
  const stats = statSync(file, { bigint: true });
  return `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

function column(error: FrontmatterError): { column?: number } {
  return error.column === undefined ? {} : { column: error.column };
}

function lineCount(text: string): number {
  return text.split("\n").length;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith("..") ? file : relative).split(path.sep).join("/");
}

function readFailure(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  return code === "ENOENT" ? "the file is missing" : `cannot be read (${code ?? String(error)})`;
}
