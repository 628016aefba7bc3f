// Read & check: turns content/ (site.yaml and articles/*.md) into typed, rendered articles, or one report of every problem.

import { statSync, type BigIntStats } from "node:fs";
import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { AUTHORS_FILE, bylineWarnings, loadAuthors, type AuthorDirectory } from "./authors.ts";
import { distinctCharacters } from "./characters.ts";
import { FrontmatterError, parseFrontmatter, type HiddenText } from "./frontmatter.ts";
import {
  createRenderer,
  createTextQuotes,
  type MarkdownOptions,
  type MarkdownProblem,
} from "./markdown.ts";
import { PLACEHOLDER_BODY, PLACEHOLDER_STANDFIRST } from "./new-article.ts";
import type { PhotoReference } from "./photo-source.ts";
import type { Article, Content, PublicationState } from "./article.ts";
import {
  ContentError,
  escapeName,
  type Message,
  type MessageLanguage,
  type Problem,
} from "./problems.ts";
import { localizeDigits } from "../arabic/digits.ts";
import { countWords, readingMinutes } from "../arabic/reading-time.ts";
import { isArabicLanguage } from "../arabic/runs.ts";
import { hasTimeOfDay } from "../arabic/times.ts";
import {
  createArticleSchema,
  describeIssues,
  fieldName,
  SOURCE_FIELDS,
  IMAGE_FIELDS,
  hasVisibleText,
  MAX_TAGS,
  type ArticleMeta,
} from "./schema.ts";
import { findSection, sectionProblems } from "./sections.ts";
import {
  editorLanguageOf,
  resolveSite,
  siteKnownKeys,
  siteSchema,
  type Site,
} from "./site-settings.ts";
import {
  decodeSourceText,
  MAX_ARTICLE_BYTES,
  readBoundedFile,
  SourceTextError,
} from "./source-text.ts";
import { findHiddenControl, hiddenCharacterMessage } from "./unicode.ts";

export { MAX_ARTICLE_BYTES } from "./source-text.ts";

export interface ContentOptions {
  /** The content folder: site.yaml and articles/. */
  contentDir: string;
  /** Replaces site.yaml's url, for deploying the same content elsewhere. */
  urlOverride?: string | undefined;
  /**
   * The language of editors' messages for this run (SAHIFA_EDITOR_LANGUAGE), replacing
   * site.yaml's `editorLanguage`.
   */
  editorLanguage?: MessageLanguage | undefined;
  /** Publish drafts too (the dev server does). */
  includeDrafts?: boolean;
  /** Publish articles dated in the future too. */
  includeFuture?: boolean;
  /**
   * The moment scheduling is decided against. When absent the clock is read at each load (the
   * dev server); a build passes one fixed moment so its output follows from its inputs.
   */
  now?: Date | undefined;
}

/** Reads content/ for a build, or for every rebuild of a dev session, remembering what it may reuse. */
export interface ContentLoader {
  /** Reads and checks content/ again: the content, or a ContentError with every problem. */
  load(): Promise<Content>;
  /**
   * What the last load did: how many article files it read, rather than knew unchanged from an
   * earlier load of this loader (for tests, and to explain a slow dev-server rebuild).
   */
  readonly lastLoad: Readonly<LoadStats>;
}

export interface LoadStats {
  filesRead: number;
}

/**
 * Creates a loader that re-reads content/ on every call. What it remembers between calls (files
 * that passed, rendered Markdown) belongs to it alone: a build makes one, a dev session keeps
 * one, so a rebuild renders only what changed and two sites never see each other.
 * @example const content = await createContentLoader({ contentDir: "content" }).load();
 */
export function createContentLoader(options: ContentOptions): ContentLoader {
  const memory: LoaderMemory = {
    passedFiles: new Map(),
    published: new WeakMap(),
    renderer: undefined,
    stats: { filesRead: 0 },
  };
  const load = async (): Promise<Content> => {
    let site: Site | undefined;
    let siteProblems: readonly Problem[] = [];
    let language: MessageLanguage;
    try {
      site = await loadSite(options);
      language = site.editorLanguage;
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      siteProblems = error.problems;
      language = error.language;
    }
    const authors = await loadAuthors(
      options.contentDir,
      displayPath(path.join(options.contentDir, AUTHORS_FILE)),
    );
    // Articles are checked even when site.yaml is broken, so one run reports everything.
    const checked = await checkArticles(
      options.contentDir,
      { zone: site?.timeZone ?? "UTC", now: options.now ?? new Date() },
      memory,
    );
    // Bodies are rendered even when something else is wrong, for the same reason; with the
    // default options when site.yaml is broken (an id's problem does not depend on them).
    const rendered = renderArticles(
      checked.articles,
      site
        ? {
            arabicQuotes: site.arabicQuotes,
            pathPrefix: site.pathPrefix,
            digits: site.digits,
            language: site.language,
          }
        : { arabicQuotes: true },
      memory,
    );
    const sections = site ? sectionsOf(site, checked.articles, options.contentDir) : [];
    const bylines = checked.articles.flatMap((article) =>
      bylineWarnings(
        article.file,
        article.meta.author ?? [],
        article.lines.author,
        authors.directory,
      ),
    );
    const problems = [
      ...siteProblems,
      ...authors.problems,
      ...checked.problems,
      ...sections,
      ...rendered.problems,
      ...bylines,
    ];
    if (!site) throw new ContentError(problems, language);
    if (problems.some((problem) => problem.severity !== "warning")) {
      // The articles that passed go with the report, so their photos join it (src/build/).
      const passed = publish(site, authors.directory, rendered, [], options, memory).articles;
      throw new ContentLoadError(problems, language, passed);
    }
    return publish(site, authors.directory, rendered, problems, options, memory);
  };
  return {
    load,
    get lastLoad() {
      return memory.stats;
    },
  };
}

/**
 * The report of a load that found problems, with the articles it would have published that
 * passed (those of files with problems of their own are not among them): what a build needs to
 * check their photos too and make one report of everything.
 */
export class ContentLoadError extends ContentError {
  constructor(
    problems: readonly Problem[],
    language: MessageLanguage,
    readonly articles: readonly Article[],
  ) {
    super(problems, language);
  }
}

/**
 * Whether an article is published in a build, given the build's moment and flags. Drafts come
 * first: a draft dated in the future is a draft.
 * @example publicationState({ draft: false, date }, { now: new Date("2020-01-01") }) //=> "scheduled"
 */
export function publicationState(
  meta: Pick<ArticleMeta, "draft" | "date">,
  build: { now: Date; includeDrafts?: boolean | undefined; includeFuture?: boolean | undefined },
): PublicationState {
  if (meta.draft && !build.includeDrafts) return "draft";
  if (meta.date.toMillis() > build.now.getTime() && !build.includeFuture) return "scheduled";
  return "published";
}

/**
 * Reads and checks `site.yaml`. Its problems are reported in the editors' language: the
 * override, else what can be read of site.yaml (Arabic when nothing can).
 */
export async function loadSite(options: ContentOptions): Promise<Site> {
  const file = path.join(options.contentDir, "site.yaml");
  const shown = displayPath(file);
  const fallback = options.editorLanguage ?? editorLanguageOf(undefined);
  if (await isSymbolicLink(file)) {
    throw new ContentError(
      [
        {
          file: shown,
          message: {
            en: "is a symbolic link, which is never followed: put the settings file itself here",
            ar: "هذا رابط رمزي، والروابط الرمزية لا تُتبع أبدًا: ضع ملف الإعدادات نفسه هنا",
          },
        },
      ],
      fallback,
    );
  }
  let raw: string;
  try {
    raw = decodeSourceText(await readFile(file));
  } catch (error) {
    throw new ContentError([{ file: shown, ...sourceProblem(error) }], fallback);
  }
  let parsed;
  try {
    parsed = parseFrontmatter(`---\n${raw}\n---\n`);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    throw new ContentError([frontmatterProblem(shown, error, -1)], fallback);
  }
  const data: unknown = parsed.data ?? {};
  const result = siteSchema.safeParse(data);
  if (!result.success || parsed.hiddenText.length > 0) {
    const lineOf = (at: readonly (string | number)[]) => Math.max(1, parsed.lineOf(at) - 1);
    const issues = result.success
      ? []
      : describeIssues(result.error.issues, shown, lineOf, data, siteKnownKeys(data));
    throw new ContentError(
      withHiddenText(shown, parsed.hiddenText, -1, issues),
      options.editorLanguage ?? editorLanguageOf(data),
    );
  }
  return resolveSite(result.data, options.urlOverride, options.editorLanguage);
}

/**
 * The language editors are spoken to in, for messages outside the content report (a build
 * that failed for another reason): the override, else site.yaml's, read leniently.
 * @example await editorLanguageFor({ contentDir: "content" }) //=> "ar"
 */
export async function editorLanguageFor(options: ContentOptions): Promise<MessageLanguage> {
  try {
    return (await loadSite(options)).editorLanguage;
  } catch (error) {
    if (error instanceof ContentError) return error.language;
    return options.editorLanguage ?? editorLanguageOf(undefined);
  }
}

/**
 * Checks one article's text as the build would, without reading files: the problems, or none.
 * @example checkArticleText("---\ntitle: x\n---\nنص", "a.md", "UTC")[0]?.field //=> "standfirst"
 */
export function checkArticleText(source: string, file: string, zone: string): Problem[] {
  const schema = createArticleSchema(zone);
  const problems: Problem[] = [];
  checkSource(source, file, schema, articleKnownKeys(schema), problems);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Internals

type ArticleSchema = ReturnType<typeof createArticleSchema>;
type TextQuotes = ReturnType<typeof createTextQuotes>;

/** What one loader remembers from load to load (see createContentLoader). */
interface LoaderMemory {
  /**
   * The last article that passed the schema from each file, by zone and path (see checkArticle):
   * its text, the stamp of the file it was read from, and what the check made of it.
   */
  passedFiles: Map<string, PassedFile>;
  /** The article each checked frontmatter last became, and from what (see publish). */
  published: WeakMap<ArticleMeta, PublishedArticle>;
  /**
   * The renderer and its rendered bodies for one set of Markdown options, with the quotes the
   * frontmatter's running text gets under those options.
   */
  renderer:
    | {
        key: string;
        render: ReturnType<typeof createRenderer>;
        quote: TextQuotes;
        cache: Map<string, RenderedBody>;
      }
    | undefined;
  stats: LoadStats;
}

interface PassedFile {
  source: string;
  stamp: string | undefined;
  checked: CheckedSource;
}

/** What checking one file's text makes of it: its frontmatter, its body, and where they are. */
interface CheckedSource {
  meta: ArticleMeta;
  body: string;
  /** Whether `date` and `updated` give a time of day (articles show it), not a bare day. */
  hasTime: Article["hasTime"];
  /** Lines of the fields warnings point at, and the body's first line. */
  lines: {
    date: number;
    standfirst: number;
    slug: number;
    body: number;
    image: number;
    author: number[];
    section: number;
  };
}

interface PublishedArticle {
  rendered: RenderedBody;
  file: string;
  wordsPerMinute: number;
  article: Article;
}

function articleKnownKeys(schema: ArticleSchema): Readonly<Record<string, readonly string[]>> {
  return { "": Object.keys(schema.shape), source: SOURCE_FIELDS, image: IMAGE_FIELDS };
}

interface CheckedArticle extends CheckedSource {
  file: string;
}

/** A scheduled date further ahead than this is probably a typo in the year. */
const FAR_FUTURE_MS = 366 * 24 * 60 * 60 * 1000;

async function checkArticles(
  contentDir: string,
  build: { zone: string; now: Date },
  memory: LoaderMemory,
): Promise<{ articles: CheckedArticle[]; problems: Problem[] }> {
  const folder = path.join(contentDir, "articles");
  const problems: Problem[] = [];
  const { files, ignored, links } = await listArticleFiles(folder);
  for (const file of links) {
    problems.push({ file: displayPath(file), severity: "warning", message: SYMBOLIC_LINK });
  }
  for (const file of ignored) {
    problems.push({ file: displayPath(file), severity: "warning", message: MESSAGES.notMarkdown });
  }
  if (files === undefined) {
    problems.push({ file: displayPath(folder), severity: "warning", message: MESSAGES.noFolder });
  }
  const schema = createArticleSchema(build.zone);
  const knownKeys = articleKnownKeys(schema);
  const used = new Set<string>();
  memory.stats = { filesRead: 0 };
  const checks = (files ?? []).map((file) => {
    const shown = displayPath(file);
    const fileProblems: Problem[] = [];
    const checker = { zone: build.zone, schema, knownKeys, memory, used };
    const checked = checkArticle(file, shown, checker, fileProblems);
    return { shown, checked, problems: fileProblems };
  });
  const articles: CheckedArticle[] = [];
  for (const { shown, checked, problems: fileProblems } of checks) {
    problems.push(...fileProblems);
    if (!checked) continue;
    articles.push({ file: shown, ...checked });
    problems.push(...articleWarnings(shown, checked, build.now));
  }
  problems.push(...duplicateSlugs(articles));
  // Forget files that are gone or changed, so a long dev session does not grow without bound.
  for (const key of memory.passedFiles.keys()) if (!used.has(key)) memory.passedFiles.delete(key);
  return { articles, problems };
}

/**
 * The article files under a folder, the other files (reported as not published) and the
 * symbolic links, which are never followed: not to a file, not to a folder, inside content/ or
 * out of it. A link would make the site depend on what it points to on the building machine
 * (git checks links out as plain text files where symbolic links are off, as on Windows), and
 * one pointing out of content/ would publish a file nobody reviewed as an article.
 */
async function listArticleFiles(
  folder: string,
): Promise<{ files?: string[]; ignored: string[]; links: string[] }> {
  if (await isSymbolicLink(folder)) return { files: [], ignored: [], links: [folder] };
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as { code?: string } | null)?.code === "ENOENT") return { ignored: [], links: [] };
    throw error;
  }
  const files: string[] = [];
  const ignored: string[] = [];
  const links: string[] = [];
  for (const entry of entries) {
    // Hidden files (.DS_Store, editors' swap files) are nobody's article.
    if (entry.name.startsWith(".")) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) links.push(file);
    else if (entry.isFile()) (entry.name.endsWith(".md") ? files : ignored).push(file);
  }
  // An article folder (articles/<name>/index.md) holds its photos beside it: not articles, and
  // not worth a warning.
  const folders = new Set(
    files.filter((file) => path.basename(file) === "index.md").map((file) => path.dirname(file)),
  );
  const strays = ignored.filter((file) => !folders.has(path.dirname(file)));
  return { files: files.sort(), ignored: strays.sort(), links: links.sort() };
}

const SYMBOLIC_LINK: Message = {
  en: "is a symbolic link, which is never followed, so it is not published: put the file or folder itself in content/",
  ar: "هذا رابط رمزي، والروابط الرمزية لا تُتبع أبدًا، فلن يُنشر: ضع الملف أو المجلد نفسه في content/",
};

async function isSymbolicLink(file: string): Promise<boolean> {
  const stats = await lstat(file).catch(() => undefined);
  return stats?.isSymbolicLink() ?? false;
}

/** What checking one file needs: the build's zone and schema, and the loader's memory. */
interface ArticleChecker {
  zone: string;
  schema: ArticleSchema;
  knownKeys: Readonly<Record<string, readonly string[]>>;
  memory: LoaderMemory;
  /** The keys of passedFiles this load used (the others are forgotten after it). */
  used: Set<string>;
}

function checkArticle(
  file: string,
  shown: string,
  { zone, schema, knownKeys, memory, used }: ArticleChecker,
  problems: Problem[],
): CheckedSource | undefined {
  // A dev rebuild loads thousands of unchanged files: one whose inode, size and modification
  // and change times are those of a file that passed (checked in the same zone) is not read
  // again. A file changed in the last seconds is always read (a file system with coarse
  // timestamps could hide a second edit).
  const key = `${zone}\u0000${shown}`;
  const known = memory.passedFiles.get(key);
  if (known) {
    const stats = statSync(file, { bigint: true, throwIfNoEntry: false });
    if (stats && known.stamp !== undefined && known.stamp === fileStamp(stats)) {
      used.add(key);
      return known.checked;
    }
  }
  let source: string;
  let stamp: string | undefined;
  memory.stats.filesRead += 1;
  try {
    // The stamp of the version read, from the open file (a file never seen is not stat'ed twice).
    const { bytes, stats } = readBoundedFile(file, MAX_ARTICLE_BYTES);
    stamp = fileStamp(stats);
    source = decodeSourceText(bytes);
  } catch (error) {
    problems.push({ file: shown, ...sourceProblem(error) });
    return undefined;
  }
  // A file read again with the same text (touched, or saved unchanged) passes again. Compared
  // with the text kept (its body is a slice of it, kept anyway), not looked up by it: a key
  // holding the text would copy and hash every file's text on every load.
  const checked =
    known?.source === source
      ? known.checked
      : checkSource(source, shown, schema, knownKeys, problems);
  if (checked && problems.length === 0) {
    memory.passedFiles.set(key, { source, stamp, checked });
    used.add(key);
  }
  return checked;
}

/**
 * What identifies one version of a file without reading it: inode, size, modification and
 * change times in nanoseconds; undefined when it changed in the last seconds.
 */
function fileStamp(stats: BigIntStats): string | undefined {
  if (Date.now() - Number(stats.ctimeMs) < RECENT_CHANGE_MS) return undefined;
  return `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

const RECENT_CHANGE_MS = 3000;

function checkSource(
  source: string,
  shown: string,
  schema: ArticleSchema,
  knownKeys: Readonly<Record<string, readonly string[]>>,
  problems: Problem[],
): CheckedSource | undefined {
  let frontmatter;
  try {
    frontmatter = parseFrontmatter(source);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    problems.push(frontmatterProblem(shown, error, 0));
    return undefined;
  }
  const data: unknown = frontmatter.data ?? {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    problems.push({ file: shown, line: 2, message: MESSAGES.notAMapping });
    return undefined;
  }
  const before = problems.length;
  // Over the limit, only the first tags are checked: a list of 100,000 would bury the report.
  const tags: unknown = (data as { tags?: unknown }).tags;
  const tooManyTags = Array.isArray(tags) && tags.length > MAX_TAGS;
  if (tooManyTags) {
    problems.push({
      file: shown,
      line: frontmatter.lineOf(["tags"]),
      field: "tags",
      message: tooManyTagsMessage(tags.length),
    });
  }
  const result = schema.safeParse(tooManyTags ? { ...data, tags: tags.slice(0, MAX_TAGS) } : data);
  const issues = result.success
    ? []
    : describeIssues(result.error.issues, shown, frontmatter.lineOf, data, knownKeys);
  problems.push(...withHiddenText(shown, frontmatter.hiddenText, 0, issues));
  if (!hasVisibleText(frontmatter.body)) {
    problems.push({ file: shown, line: lineCount(source), message: MESSAGES.noBody });
  }
  if (!result.success || problems.length !== before) return undefined;
  const lines = {
    date: frontmatter.lineOf(["date"]),
    standfirst: frontmatter.lineOf(["standfirst"]),
    slug: frontmatter.lineOf(["slug"]),
    body: frontmatter.bodyLine,
    image: frontmatter.lineOf(["image", "src"]),
    // One line per byline: a list's items, or the field's own.
    author: Array.isArray((data as { author?: unknown }).author)
      ? (result.data.author ?? []).map((_, index) => frontmatter.lineOf(["author", index]))
      : [frontmatter.lineOf(["author"])],
    section: frontmatter.lineOf(["section"]),
  };
  const { date, updated } = data as { date?: unknown; updated?: unknown };
  const hasTime = {
    date: typeof date === "string" && hasTimeOfDay(date),
    updated: typeof updated === "string" && hasTimeOfDay(updated),
  };
  return { meta: result.data, body: frontmatter.body, lines, hasTime };
}

function tooManyTagsMessage(count: number): Message {
  return {
    en: `${count} tags, over the ${MAX_TAGS} an article may have: keep the ones a reader would follow`,
    ar: `عدد الوسوم ${count}، والحد الأقصى للمقال الواحد ${MAX_TAGS}: أبقِ الوسوم التي قد يتابعها القارئ`,
  };
}

/** A FrontmatterError as a problem; `lineOffset` is -1 for site.yaml, read as if fenced. */
function frontmatterProblem(file: string, error: FrontmatterError, lineOffset: number): Problem {
  return {
    file,
    line: Math.max(1, error.line + lineOffset),
    ...column(error),
    ...(error.field === undefined ? {} : { field: error.field }),
    message: error.editorMessage,
  };
}

/**
 * The schema's problems, and one for each key or text value holding a hidden or control
 * character that they do not already name. A schema problem is kept when its message prints no
 * such character, once the report has escaped the field's name ("is empty (or only invisible
 * characters)" says more than the character would), and left out when it would print one (a
 * noncharacter in a key, or in a quoted value): the character's own problem, with its code point,
 * stands for it.
 */
function withHiddenText(
  file: string,
  hiddenText: readonly HiddenText[],
  lineOffset: number,
  schemaProblems: readonly Problem[],
): Problem[] {
  const kept = schemaProblems.filter((problem) => !printsHiddenText(problem));
  const named = new Set(kept.map((problem) => problem.field));
  const own = hiddenText
    .filter(({ path: at }) => !named.has(fieldName(at)))
    .map(({ path: at, key, line, column, character }): Problem => {
      const shownPath = key ? at.slice(0, -1) : at;
      return {
        file,
        line: Math.max(1, line + lineOffset),
        column,
        ...(shownPath.length > 0 ? { field: fieldName(shownPath) } : {}),
        message: hiddenCharacterMessage(character, key),
      };
    });
  return [...own, ...kept];
}

function printsHiddenText({ field, message }: Problem): boolean {
  const texts = [message.en, message.ar];
  if (field !== undefined) texts.push(escapeName(field));
  return texts.some((text) => findHiddenControl(text) !== undefined);
}

function articleWarnings(file: string, article: CheckedSource, now: Date): Problem[] {
  const warnings: Problem[] = [];
  const { lines } = article;
  if (article.meta.date.toMillis() - now.getTime() > FAR_FUTURE_MS) {
    const day = article.meta.date.toISODate() ?? "";
    warnings.push({
      file,
      line: lines.date,
      severity: "warning",
      field: "date",
      message: {
        en: `${day} is more than a year ahead (a typo in the year?); the article waits until then`,
        ar: `${day} بعد أكثر من سنة (خطأ في السنة؟)، ولن يُنشر المقال قبل ذلك اليوم`,
      },
    });
  }
  const { image } = article.meta;
  if (image && (image.width !== undefined || image.height !== undefined)) {
    warnings.push({
      file,
      line: lines.image,
      severity: "warning",
      field: "image",
      message: MESSAGES.photoSizeGiven,
    });
  }
  // A draft is unfinished by definition; the placeholders matter once it is to be published.
  if (article.meta.draft) return warnings;
  if (article.meta.standfirst === PLACEHOLDER_STANDFIRST) {
    warnings.push({
      file,
      line: lines.standfirst,
      severity: "warning",
      field: "standfirst",
      message: MESSAGES.placeholderStandfirst,
    });
  }
  const placeholder = article.body.indexOf(PLACEHOLDER_BODY);
  if (placeholder !== -1) {
    warnings.push({
      file,
      line: lines.body + lineCount(article.body.slice(0, placeholder)) - 1,
      severity: "warning",
      message: MESSAGES.placeholderBody,
    });
  }
  return warnings;
}

/** A checked article and its rendered body. */
interface RenderedArticle extends CheckedArticle {
  rendered: RenderedBody;
}

/**
 * Renders every checked article's body, drafts and scheduled ones too (a scheduled article
 * publishes itself on a later build, which its body's problems must not break), and reports
 * what the renderer found at the file's line.
 */
function renderArticles(
  checked: readonly CheckedArticle[],
  markdownOptions: MarkdownOptions,
  memory: LoaderMemory,
): RenderedArticles {
  const render = markdownRenderer(markdownOptions, memory);
  const problems: Problem[] = [];
  const articles = checked.map((article): RenderedArticle => {
    const rendered = render(article.body, article.meta.lang);
    for (const { line, message } of rendered.problems)
      problems.push({ file: article.file, line: article.lines.body + line - 1, message });
    return { ...article, rendered };
  });
  forgetUnused(memory, render.used);
  return { articles, problems, quote: render.quote };
}

/** The rendered articles, their problems, and the quotes their frontmatter's text gets. */
interface RenderedArticles {
  articles: RenderedArticle[];
  problems: Problem[];
  quote: TextQuotes;
}

/** The articles this build publishes; drafts and scheduled ones are only counted. */
function publish(
  site: Site,
  authors: AuthorDirectory,
  rendered: Pick<RenderedArticles, "articles" | "quote">,
  warnings: Problem[],
  options: ContentOptions,
  memory: LoaderMemory,
): Content {
  const build = {
    now: options.now ?? new Date(),
    includeDrafts: options.includeDrafts,
    includeFuture: options.includeFuture,
  };
  const articles: Article[] = [];
  let draftsSkipped = 0;
  let scheduledSkipped = 0;
  for (const { file, meta, rendered: body, lines, hasTime } of rendered.articles) {
    const state = publicationState(meta, build);
    if (state === "draft") draftsSkipped += 1;
    if (state === "scheduled") scheduledSkipped += 1;
    if (state !== "published") continue;
    // An unchanged article keeps its object from one load to the next (the same checked
    // frontmatter, body rendering and reading speed): what the dev server derived from it, such
    // as its list entry's markup, stays valid.
    const before = memory.published.get(meta);
    // An article names its section as site.yaml spells it (the check allows tatweel and marks).
    const section = meta.section && findSection(site.sections, meta.section)?.name;
    if (
      before?.rendered === body &&
      before.file === file &&
      before.wordsPerMinute === site.wordsPerMinute &&
      before.article.section === section
    ) {
      articles.push(before.article);
      continue;
    }
    // Headlines read like the body: its quotes, and in Arabic the site's digits.
    const digits = isArabicLanguage(meta.lang) ? site.digits : "latn";
    const typeset = (text: string): string =>
      localizeDigits(rendered.quote(text, meta.lang), digits);
    const { author, ...fields } = withBodyTypography(meta, typeset);
    const article: Article = {
      ...fields,
      authors: author ?? [],
      hasTime,
      ...(section ? { section } : {}),
      file,
      path: `/articles/${meta.slug}/`,
      html: body.html,
      ...(fields.image ? { leadPhoto: leadPhotoOf(fields.image, lines.image) } : {}),
      photos: body.photos.map((photo) => ({
        ...photo,
        ...captionWithBodyTypography(photo, typeset),
        line: lines.body + photo.line - 1,
      })),
      wordCount: body.words,
      characters: body.characters,
      readingMinutes: readingMinutes(body.words, site.wordsPerMinute),
    };
    memory.published.set(meta, {
      rendered: body,
      file,
      wordsPerMinute: site.wordsPerMinute,
      article,
    });
    articles.push(article);
  }
  articles.sort(newestFirst);
  return { site, authors, articles, draftsSkipped, scheduledSkipped, warnings };
}

/**
 * The frontmatter with the body's quotes in the text it shows as running text (createTextQuotes,
 * in the article's language) and, in an Arabic article, the site's digits (with `digits: arab`,
 * ٢٠٢٣ as in the body): the headline, standfirst, dateline, source's name and the lead photo's
 * caption and credit. Decided here, once, so the page, the lists, the `<title>`, feeds, JSON-LD,
 * share links and search records all show the same marks and digits. The slug, tags, bylines
 * and alt text are left as typed (the slug is the URL, which never moves).
 */
function withBodyTypography(meta: ArticleMeta, typeset: (text: string) => string): ArticleMeta {
  return {
    ...meta,
    title: typeset(meta.title),
    standfirst: typeset(meta.standfirst),
    ...(meta.dateline === undefined ? {} : { dateline: typeset(meta.dateline) }),
    ...(meta.source ? { source: { ...meta.source, name: typeset(meta.source.name) } } : {}),
    ...(meta.image
      ? { image: { ...meta.image, ...captionWithBodyTypography(meta.image, typeset) } }
      : {}),
  };
}

/** A photo's caption and credit with the body's quotes and digits (those it has). */
function captionWithBodyTypography(
  photo: { caption?: string | undefined; credit?: string | undefined },
  typeset: (text: string) => string,
): { caption?: string; credit?: string } {
  return {
    ...(photo.caption === undefined ? {} : { caption: typeset(photo.caption) }),
    ...(photo.credit === undefined ? {} : { credit: typeset(photo.credit) }),
  };
}

/**
 * A body rendered once: its HTML, its word count (counting costs as much as rendering) and the
 * renderer's problems, by line from the body's start (kept, so an unchanged body reports them
 * again on every load).
 */
interface RenderedBody {
  html: string;
  photos: readonly PhotoReference[];
  words: number;
  characters: string;
  problems: readonly MarkdownProblem[];
}

// The build's up-front check and a dev session's rebuilds load the same content again: a body
// is rendered once per loader while it is unchanged.
function markdownRenderer(
  markdownOptions: MarkdownOptions,
  memory: LoaderMemory,
): ((body: string, lang: string) => RenderedBody) & { used: Set<string>; quote: TextQuotes } {
  const { render: toHtml, quote, cache } = renderCache(memory, markdownOptions);
  const used = new Set<string>();
  const render = (body: string, lang: string): RenderedBody => {
    // The article's language changes its quotes and digits (MarkdownEnv's lang).
    const key = `${lang}\n${body}`;
    used.add(key);
    let rendered = cache.get(key);
    if (!rendered) cache.set(key, (rendered = renderBody(toHtml, body, lang)));
    return rendered;
  };
  return Object.assign(render, { used, quote });
}

function renderBody(
  toHtml: ReturnType<typeof createRenderer>,
  body: string,
  lang: string,
): RenderedBody {
  const { html, text, problems, photos } = toHtml(body, lang);
  const characters = distinctCharacters([text]);
  return { html, photos, words: countWords(text), characters, problems };
}

/** The loader's renderer and rendered bodies for some Markdown options (one set at a time). */
function renderCache(
  memory: LoaderMemory,
  markdownOptions: MarkdownOptions,
): NonNullable<LoaderMemory["renderer"]> {
  const key = JSON.stringify(markdownOptions);
  if (memory.renderer?.key !== key)
    memory.renderer = {
      key,
      render: createRenderer(markdownOptions),
      quote: createTextQuotes(markdownOptions),
      cache: new Map(),
    };
  return memory.renderer;
}

function forgetUnused(memory: LoaderMemory, used: ReadonlySet<string>): void {
  // Forget bodies no longer in content/, so a long dev session does not grow without bound.
  const cache = memory.renderer?.cache;
  if (!cache) return;
  for (const body of cache.keys()) if (!used.has(body)) cache.delete(body);
}

function leadPhotoOf(image: NonNullable<ArticleMeta["image"]>, line: number): PhotoReference {
  return {
    src: image.src,
    alt: image.decorative ? "" : (image.alt ?? ""),
    decorative: image.decorative,
    caption: image.caption,
    credit: image.credit,
    line,
    field: "image.src",
  };
}

/** Articles (drafts and scheduled ones too) whose section site.yaml does not declare. */
function sectionsOf(
  site: Site,
  articles: readonly CheckedArticle[],
  contentDir: string,
): Problem[] {
  const named = articles.map(({ file, meta, lines }) => ({
    file,
    line: lines.section,
    section: meta.section,
  }));
  return sectionProblems(named, site.sections, displayPath(path.join(contentDir, "site.yaml")));
}

function duplicateSlugs(articles: readonly CheckedArticle[]): Problem[] {
  // Drafts and scheduled articles count too: publishing one later must not break the build.
  const bySlug = new Map<string, CheckedArticle[]>();
  for (const article of articles) {
    const key = article.meta.slug.normalize("NFKC").toLowerCase();
    bySlug.set(key, [...(bySlug.get(key) ?? []), article]);
  }
  const problems: Problem[] = [];
  for (const [slug, same] of bySlug) {
    if (same.length < 2) continue;
    for (const article of same) {
      const others = same.filter((other) => other !== article).map((other) => other.file);
      const names = others.map(escapeName);
      problems.push({
        file: article.file,
        line: article.lines.slug,
        field: "slug",
        message: {
          en: `"${escapeName(slug)}" is also the slug of ${names.join(", ")} (each article needs its own)`,
          ar: `«${escapeName(slug)}» هو أيضًا اسم الرابط في ${names.join("، ")} (لكل مقال اسم خاص به)`,
        },
      });
    }
  }
  return problems;
}

function newestFirst(a: Article, b: Article): number {
  return b.date.toMillis() - a.date.toMillis() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

function column(error: { column?: number | undefined }): { column?: number } {
  return error.column === undefined ? {} : { column: error.column };
}

function sourceProblem(error: unknown): Omit<Problem, "file"> {
  if (error instanceof SourceTextError) {
    return {
      ...(error.line === undefined ? {} : { line: error.line }),
      ...column(error),
      message: error.editorMessage,
    };
  }
  const code = (error as { code?: string } | null)?.code;
  if (code === "ENOENT") return { message: MESSAGES.missingFile };
  if (code === undefined) throw error;
  return { message: { en: `cannot be read (${code})`, ar: `تتعذر قراءة الملف (${code})` } };
}

/** The loader's fixed messages to editors. */
const MESSAGES = {
  notMarkdown: {
    en: "is not published: only files ending in .md are articles",
    ar: "لا يُنشر: المقالات هي الملفات التي تنتهي بـ .md وحدها",
  },
  noFolder: {
    en: "the folder is missing: no articles to publish",
    ar: "المجلد غير موجود: لا مقالات للنشر",
  },
  notAMapping: {
    en: "the frontmatter must be a mapping of fields (key: value)",
    ar: "رأس المقال يجب أن يكون حقولًا، كل حقل بالصيغة «المفتاح: القيمة»",
  },
  noBody: {
    en: "the article has no body: write the text after the closing ---",
    ar: "المقال بلا متن: اكتب النص بعد سطر --- الذي يغلق رأس المقال",
  },
  placeholderStandfirst: {
    en: "is still the placeholder from npm run new",
    ar: "ما زال النص المؤقت الذي وضعه npm run new",
  },
  placeholderBody: {
    en: "the body still holds the placeholder from npm run new",
    ar: "ما زال في المتن النص المؤقت الذي وضعه npm run new",
  },
  missingFile: { en: "the file is missing", ar: "الملف غير موجود" },
  photoSizeGiven: {
    en: "width and height are no longer needed: the build reads them from the photo (delete both lines)",
    ar: "لم يعد الحقلان width وheight مطلوبين: يقرأ البناء أبعاد الصورة من ملفها (احذف السطرين)",
  },
} as const satisfies Record<string, Message>;

function lineCount(text: string): number {
  return text.split("\n").length;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith("..") ? file : relative).split(path.sep).join("/");
}
