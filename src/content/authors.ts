// content/authors.yaml: the newsroom's list of bylines (name, short bio, link), checked, and each article's byline matched against it.

import { readFile } from "node:fs/promises";
import path from "node:path";
import leven from "leven";
import { z } from "zod";
import { foldArabic, nameKey } from "../arabic/letters.ts";
import { FrontmatterError, parseFrontmatter } from "./frontmatter.ts";
import { quoteValue, type Message, type Problem } from "./problems.ts";
import {
  describeIssues,
  isHttpUrl,
  issue,
  MAX_SLUG_LENGTH,
  notAnHttpUrl,
  SLUG_PATTERN,
  text,
} from "./schema.ts";
import { decodeSourceText } from "./source-text.ts";

/** Where the list lives, inside the content folder. */
export const AUTHORS_FILE = "authors.yaml";

/** The fields of one entry of authors.yaml. */
export const AUTHOR_FIELDS = ["id", "name", "bio", "url"] as const;

/** The longest bio: a line or two under the name, not a CV. */
export const MAX_BIO_LENGTH = 300;

/** The most entries authors.yaml may hold (each is a page, or several). */
export const MAX_LISTED_AUTHORS = 2000;

/** One byline as its page shows it. */
export interface Author {
  /** The URL segment of the author's page, when authors.yaml gives one (else site/urls.ts nameSlug). */
  id?: string | undefined;
  name: string;
  bio?: string | undefined;
  url?: string | undefined;
  /** False for a byline that is not in authors.yaml (its page shows the name only). */
  listed: boolean;
}

/** The checked authors.yaml: its entries, and whether the file exists at all. */
export interface AuthorDirectory {
  /** The file as reports name it, when the site has one. */
  file?: string;
  authors: readonly Author[];
}

/**
 * Reads and checks `<contentDir>/authors.yaml`: a list of `{ id?, name, bio?, url? }`. A site
 * without the file has an empty directory. Problems (not a list, an unknown key, a bad URL, two
 * entries with one id) carry the file and line; the directory is empty when there are any.
 * @example await loadAuthors("content", "content/authors.yaml") //=> { directory: { file, authors: [{ id: "news-desk", … }] }, problems: [] }
 */
export async function loadAuthors(
  contentDir: string,
  shown: string,
): Promise<{ directory: AuthorDirectory; problems: Problem[] }> {
  let raw: string;
  try {
    raw = decodeSourceText(await readFile(path.join(contentDir, AUTHORS_FILE)));
  } catch (error) {
    if ((error as { code?: string } | null)?.code === "ENOENT") {
      return { directory: { authors: [] }, problems: [] };
    }
    throw error;
  }
  return checkAuthors(raw, shown);
}

/**
 * Checks the text of an authors.yaml (see loadAuthors).
 * @example checkAuthors("- name: قسم الأخبار\n  id: news-desk\n", "content/authors.yaml").directory.authors[0]?.id //=> "news-desk"
 */
export function checkAuthors(
  raw: string,
  shown: string,
): { directory: AuthorDirectory; problems: Problem[] } {
  // A broken file lists nobody, and no byline is warned about: its problems are reported.
  const empty = { directory: { authors: [] }, problems: [] };
  let parsed;
  try {
    parsed = parseFrontmatter(`---\n${raw}\n---\n`);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    const line = Math.max(1, error.line - 1);
    return { ...empty, problems: [{ file: shown, line, message: error.editorMessage }] };
  }
  const data: unknown = parsed.data ?? [];
  const lineOf = (at: readonly (string | number)[]) => Math.max(1, parsed.lineOf(at) - 1);
  if (!Array.isArray(data))
    return { ...empty, problems: [{ file: shown, line: 1, message: MESSAGES.notAList }] };
  if (data.length > MAX_LISTED_AUTHORS) {
    return { ...empty, problems: [{ file: shown, line: 1, message: tooMany(data.length) }] };
  }
  // Each entry on its own, so that one entry's mistake does not hide another's duplicate.
  const knownKeys = Object.fromEntries(data.map((_, index) => [String(index), AUTHOR_FIELDS]));
  const problems: Problem[] = [];
  const entries: { index: number; entry: z.output<typeof entrySchema> }[] = [];
  data.forEach((value: unknown, index) => {
    const result = entrySchema.safeParse(value);
    if (result.success) entries.push({ index, entry: result.data });
    else {
      const issues = result.error.issues.map((found) => ({
        ...found,
        path: [index, ...found.path],
      }));
      problems.push(...describeIssues(issues, shown, lineOf, data, knownKeys));
    }
  });
  const authors: Author[] = [];
  const byId = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const { index, entry } of entries) {
    // A byline finds its author by name, written with any spacing or marks: two entries whose
    // names differ only so would leave it to chance which one an article names.
    const sameName = byName.get(nameKey(entry.name));
    const sameId = entry.id === undefined ? undefined : byId.get(entry.id);
    const clash =
      sameName !== undefined
        ? { field: "name" as const, value: entry.name, first: sameName }
        : entry.id !== undefined && sameId !== undefined
          ? { field: "id" as const, value: entry.id, first: sameId }
          : undefined;
    if (clash) {
      problems.push({
        file: shown,
        line: lineOf([index, clash.field]),
        field: `[${index}].${clash.field}`,
        message: duplicate(clash.field, clash.value, lineOf([clash.first, "name"])),
      });
      continue;
    }
    if (entry.id !== undefined) byId.set(entry.id, index);
    byName.set(nameKey(entry.name), index);
    authors.push({ ...entry, listed: true });
  }
  return problems.length > 0
    ? { ...empty, problems }
    : { directory: { file: shown, authors }, problems };
}

/**
 * The author a byline names: the listed one whose id it is, or whose name it is (compared by
 * `nameKey`: spacing, punctuation and diacritics aside), else an unlisted author with the name
 * alone.
 * @example findAuthor(directory, "قسم الأخبار") //=> { id: "news-desk", name: "قسم الأخبار", bio: "…", listed: true }
 * @example findAuthor({ authors: [] }, "رويترز") //=> { name: "رويترز", listed: false }
 */
export function findAuthor(directory: AuthorDirectory, byline: string): Author {
  const key = nameKey(byline);
  const listed = directory.authors.find(
    (author) => author.id === byline || nameKey(author.name) === key,
  );
  return listed ?? { name: byline, listed: false };
}

/**
 * The warnings for an article's bylines that authors.yaml does not list (none when the site has
 * no authors.yaml): the page shows the name only. A byline close to a listed name, compared
 * after folding the letters that spelling varies in (`foldArabic`), gets a "did you mean".
 * @example bylineWarnings("a.md", ["سارة الاحمد"], [7], directory)[0]?.message.en //=> '"سارة الاحمد" is not in content/authors.yaml: … (did you mean "سارة الأحمد"?)'
 */
export function bylineWarnings(
  file: string,
  bylines: readonly string[],
  lines: readonly number[],
  directory: AuthorDirectory,
): Problem[] {
  if (directory.file === undefined) return [];
  const warnings: Problem[] = [];
  bylines.forEach((byline, index) => {
    if (findAuthor(directory, byline).listed) return;
    const near = closestName(byline, directory.authors);
    warnings.push({
      file,
      line: lines[index] ?? lines[0] ?? 1,
      field: bylines.length > 1 ? `author[${index}]` : "author",
      severity: "warning",
      message: unlisted(byline, directory.file ?? AUTHORS_FILE, near),
    });
  });
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// Internals

const entrySchema = z.strictObject({
  id: z
    .string()
    .superRefine((value, context) => {
      if (!SLUG_PATTERN.test(value) || value.length > MAX_SLUG_LENGTH)
        context.addIssue(issue(notAnId(value)));
    })
    .optional(),
  name: text(),
  bio: text().pipe(z.string().max(MAX_BIO_LENGTH)).optional(),
  url: z
    .string()
    .superRefine((value, context) => {
      if (!isHttpUrl(value)) context.addIssue(issue(notAnHttpUrl(value)));
    })
    .optional(),
});

const MESSAGES = {
  notAList: {
    en: 'must be a list of authors, each starting "- name: …" (with optional id, bio and url under it)',
    ar: "يجب أن يكون الملف قائمة بالكتّاب، يبدأ كل منهم بـ «- name: …» (وتحته id وbio وurl إن شئت)",
  },
} as const satisfies Record<string, Message>;

function closestName(byline: string, authors: readonly Author[]): string | undefined {
  const folded = foldArabic(byline);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const author of authors) {
    const distance = leven(folded, foldArabic(author.name));
    if (distance < bestDistance) [best, bestDistance] = [author.name, distance];
  }
  // Folding already made hamza, taa marbuta and diacritics equal: what is left is a typo or two.
  return bestDistance <= Math.max(1, Math.floor([...folded].length / 4)) ? best : undefined;
}

function unlisted(byline: string, file: string, near: string | undefined): Message {
  const q = quoteValue(byline);
  const hint = near === undefined ? undefined : quoteValue(near);
  return {
    en: `${q.en} is not in ${file}: the author page shows the name only${hint ? ` (did you mean ${hint.en}?)` : " (add the author there to give a bio and a link)"}`,
    ar: `${q.ar} ليس في ${file}: ستعرض صفحة الكاتب الاسم وحده${hint ? ` (هل تقصد ${hint.ar}؟)` : " (أضفه هناك لتظهر نبذته ورابطه)"}`,
  };
}

function tooMany(count: number): Message {
  return {
    en: `${count} authors, over the ${MAX_LISTED_AUTHORS} the list may hold`,
    ar: `عدد الكتّاب ${count}، والحد الأقصى للقائمة ${MAX_LISTED_AUTHORS}`,
  };
}

function duplicate(field: "id" | "name", value: string, firstLine: number): Message {
  const q = quoteValue(value);
  return field === "id"
    ? {
        en: `the id ${q.en} is already the author's on line ${firstLine} (each author needs their own: give one an id)`,
        ar: `المعرّف ${q.ar} هو أيضًا معرّف الكاتب في السطر ${firstLine} (لكل كاتب معرّف خاص: أعطِ أحدهما id)`,
      }
    : {
        en: `the name ${q.en} is already the author's on line ${firstLine} (keep one entry per author)`,
        ar: `الاسم ${q.ar} هو أيضًا اسم الكاتب في السطر ${firstLine} (اجعل لكل كاتب مدخلًا واحدًا)`,
      };
}

function notAnId(value: string): Message {
  const q = quoteValue(value);
  const folded = value
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, "-");
  const hint = SLUG_PATTERN.test(folded) ? quoteValue(folded) : undefined;
  return {
    en: `${q.en} is not an id (lower-case ASCII letters and digits joined by single hyphens, such as news-desk)${hint ? ` (did you mean ${hint.en}?)` : ""}`,
    ar: `${q.ar} لا يصلح معرّفًا (حروف لاتينية صغيرة وأرقام تصل بينها شرطة واحدة، مثل news-desk)${hint ? ` (هل تقصد ${hint.ar}؟)` : ""}`,
  };
}
