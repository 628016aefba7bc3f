// The editor-facing error report: every problem in every file, one line each, in Arabic or English.

import { arabicPluralCategory, type PluralForms } from "../arabic/plurals.ts";

/**
 * An editor-facing message in both languages Sahifa speaks to editors. Field names, file names
 * and values quoted from the file stay as written in both.
 * @example const message: Message = { en: "is required", ar: "الحقل مطلوب" };
 */
export interface Message {
  readonly en: string;
  readonly ar: string;
}

/** The languages of editor-facing messages. */
export type MessageLanguage = keyof Message;

/** The languages of editor-facing messages, for schemas and option parsing. */
export const MESSAGE_LANGUAGES = ["ar", "en"] as const satisfies readonly MessageLanguage[];

/** One thing wrong with one input file. */
export interface Problem {
  /** Path as the editor sees it, relative to the project (content/articles/x.md). */
  file: string;
  /** 1-based line, when the problem has a place in the file. */
  line?: number;
  /** 1-based column, for syntax errors. */
  column?: number;
  /** The frontmatter field as written in the file (dotted for nested ones: source.url). */
  field?: string;
  /** What is wrong, in both languages. */
  message: Message;
  /** Warnings are reported but do not stop the build; problems are errors unless marked. */
  severity?: "error" | "warning";
}

/** Thrown when content cannot be published; carries every problem found, not just the first. */
export class ContentError extends Error {
  override name = "ContentError";
  readonly problems: readonly Problem[];
  /** The language the report (this error's message) is written in. */
  readonly language: MessageLanguage;

  constructor(problems: readonly Problem[], language: MessageLanguage = "en") {
    super(formatReport(problems, language));
    this.problems = problems;
    this.language = language;
  }
}

/**
 * One problem as one line, compiler style, so editors and terminals can jump to it. The place
 * and the field come first, in Latin letters, in both languages: a terminal that orders text
 * by direction (UAX #9) then starts the line left to right, and one that does not (most) shows
 * it as typed; the file name and field are escaped (`escapeName`).
 * @example formatProblem({ file: "content/articles/x.md", line: 4, field: "date", message }, "ar")
 * //=> "content/articles/x.md:4: date: ليس تاريخًا صحيحًا…"
 */
export function formatProblem(problem: Problem, language: MessageLanguage = "en"): string {
  const severity = problem.severity === "warning" ? `${warningWord(language)}: ` : "";
  const field = problem.field ? `${escapeName(problem.field)}: ` : "";
  return `${formatPlace(problem)}: ${severity}${field}${messageText(problem.message, language)}`;
}

/**
 * Where a problem is: the file, escaped, then its line and column when it has them.
 * @example formatPlace({ file: "a.md", line: 6, column: 20, message }) //=> "a.md:6:20"
 */
export function formatPlace(problem: Problem): string {
  let place = escapeName(problem.file);
  if (problem.line !== undefined) place += `:${problem.line}`;
  if (problem.line !== undefined && problem.column !== undefined) place += `:${problem.column}`;
  return place;
}

/**
 * Errors first, then warnings, each sorted by file, line and column; then a count.
 * @example formatReport([warning, error], "en") //=> "b.md:4: date: …\na.txt: warning: …\n1 problem in 1 file (and 1 warning)"
 */
export function formatReport(
  problems: readonly Problem[],
  language: MessageLanguage = "en",
): string {
  const lines = reportOrder(problems).map((problem) => formatProblem(problem, language));
  return [...lines, reportCountOf(problems, language)].join("\n");
}

/**
 * The problems in the report's order: errors first, then warnings, each sorted by file, line
 * and column.
 * @example reportOrder([warningInA, errorInB]) //=> [errorInB, warningInA]
 */
export function reportOrder(problems: readonly Problem[]): Problem[] {
  const errors = sortProblems(problems.filter((problem) => problem.severity !== "warning"));
  const warnings = sortProblems(problems.filter((problem) => problem.severity === "warning"));
  return [...errors, ...warnings];
}

/**
 * The report's count line for these problems.
 * @example reportCountOf([errorInA, warningInB], "en") //=> "1 problem in 1 file (and 1 warning)"
 */
export function reportCountOf(problems: readonly Problem[], language: MessageLanguage): string {
  const errors = problems.filter((problem) => problem.severity !== "warning");
  const files = new Set(errors.map((problem) => problem.file)).size;
  return reportCount(errors.length, files, problems.length - errors.length, language);
}

/**
 * The word that marks a warning.
 * @example warningWord("ar") //=> "تحذير"
 */
export function warningWord(language: MessageLanguage): string {
  return WORDS.warning[language];
}

/**
 * The report's last line: how many problems, in how many files, and how many warnings.
 * @example reportCount(3, 2, 1, "ar") //=> "3 مشكلات في ملفين (وتحذير واحد)"
 */
export function reportCount(
  problems: number,
  files: number,
  warnings: number,
  language: MessageLanguage,
): string {
  if (language === "en") {
    const count = `${plural(problems, "problem")} in ${plural(files, "file")}`;
    return warnings > 0 ? `${count} (and ${plural(warnings, "warning")})` : count;
  }
  const count = `${countArabic(problems, PROBLEM_FORMS)} في ${countArabic(files, FILE_FORMS)}`;
  return warnings > 0 ? `${count} (و${countArabic(warnings, WARNING_FORMS)})` : count;
}

/**
 * A message in one language.
 * @example messageText({ en: "is required", ar: "الحقل مطلوب" }, "ar") //=> "الحقل مطلوب"
 */
export function messageText(message: Message, language: MessageLanguage): string {
  return message[language];
}

/**
 * A name from the editor's files (a file or key name) made safe to print: control characters
 * (ESC, CR, LF, BEL …), bidi embeddings, overrides and isolates, zero-width and other invisible
 * format characters become `\u{…}` escapes, and a backslash is doubled, so a name can neither
 * move the terminal's cursor, recolour it, start a fake report line, nor reorder what is shown
 * (CVE-2021-42574). Letters, digits, spaces and punctuation of every script pass as they are.
 * @example escapeName("a\u001b[2Kb\u202e.md") //=> "a\\u{1b}[2Kb\\u{202e}.md"
 */
export function escapeName(name: string): string {
  return name.replace(UNSAFE, (char) =>
    char === "\\" ? "\\\\" : `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`,
  );
}

/**
 * A value from the editor's file quoted in a message: escaped as names are, in "…" for English
 * and «…» for Arabic.
 * @example quoteValue("2023-02-30") //=> { en: '"2023-02-30"', ar: "«2023-02-30»" }
 */
export function quoteValue(value: unknown): Message {
  const text = escapeName(typeof value === "string" ? value : String(value));
  return { en: `"${text}"`, ar: `«${text}»` };
}

/**
 * A count and its noun, in English.
 * @example plural(1, "draft") //=> "1 draft"
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * A count and its noun in Arabic, in the form CLDR gives for it, with Latin digits (as line
 * numbers are: they must match what the editor's text editor shows).
 * @example countArabic(2, FILE_FORMS) //=> "ملفان"
 */
export function countArabic(count: number, forms: PluralForms): string {
  return forms[arabicPluralCategory(count)].replace("#", String(count));
}

/** "n problems", "n files", "n warnings" in Arabic. */
export const PROBLEM_FORMS: PluralForms = {
  zero: "لا مشكلات",
  one: "مشكلة واحدة",
  two: "مشكلتان",
  few: "# مشكلات",
  many: "# مشكلة",
  other: "# مشكلة",
};
export const FILE_FORMS: PluralForms = {
  zero: "أي ملف",
  one: "ملف واحد",
  two: "ملفين",
  few: "# ملفات",
  many: "# ملفًا",
  other: "# ملف",
};
export const WARNING_FORMS: PluralForms = {
  zero: "لا تحذيرات",
  one: "تحذير واحد",
  two: "تحذيران",
  few: "# تحذيرات",
  many: "# تحذيرًا",
  other: "# تحذير",
};

// ---------------------------------------------------------------------------------------------
// Internals

const WORDS = {
  warning: { en: "warning", ar: "تحذير" },
} as const satisfies Record<string, Message>;

// C0 and C1 controls, DEL, the backslash, and invisible format characters (Cf: bidi controls,
// zero-width characters, the BOM), line and paragraph separators.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\\\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}\u2028\u2029]/gu;

function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
