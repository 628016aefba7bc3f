// The editor-facing error report: every problem in every file, one line each.

/**
 * An editor-facing message in both languages Sahifa speaks to editors. Field names, file names
 * and values quoted from the file stay as written in both.
 * @example const message: Message = { en: "is required", ar: "حقل مطلوب" };
 */
export interface Message {
  readonly en: string;
  readonly ar: string;
}

/** The languages of editor-facing messages. */
export type MessageLanguage = keyof Message;

/** One thing wrong with one input file. */
export interface Problem {
  /** Path as the editor sees it, relative to the project (content/articles/x.md). */
  file: string;
  /** 1-based line, when the problem has a place in the file. */
  line?: number;
  /** 1-based column, for syntax errors. */
  column?: number;
  /** The frontmatter field (dotted for nested ones: source.url). */
  field?: string;
  /** Both languages; a bare string is English only (older call sites, being converted). */
  message: Message | string;
  /** Warnings are reported but do not stop the build; problems are errors unless marked. */
  severity?: "error" | "warning";
}

/** Thrown when content cannot be published; carries every problem found, not just the first. */
export class ContentError extends Error {
  override name = "ContentError";
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(formatReport(problems));
    this.problems = problems;
  }
}

/**
 * One problem as one line, compiler style, so editors and terminals can jump to it.
 * @example formatProblem({ file: "content/articles/x.md", line: 4, field: "date", message: "…" })
 * //=> "content/articles/x.md:4: date: …"
 */
export function formatProblem(problem: Problem, language: MessageLanguage = "en"): string {
  let place = problem.file;
  if (problem.line !== undefined) place += `:${problem.line}`;
  if (problem.line !== undefined && problem.column !== undefined) place += `:${problem.column}`;
  const severity = problem.severity === "warning" ? "warning: " : "";
  const field = problem.field ? `${problem.field}: ` : "";
  return `${place}: ${severity}${field}${messageText(problem.message, language)}`;
}

/**
 * Every problem, sorted by file and line, then a count (warnings are counted as warnings).
 * @example formatReport([p1, p2]) //=> "a.md:2: title: …\nb.md:4: date: …\n2 problems in 2 files"
 */
export function formatReport(problems: readonly Problem[]): string {
  const sorted = [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  const errors = problems.filter((problem) => problem.severity !== "warning");
  const warnings = problems.length - errors.length;
  const files = new Set(errors.map((problem) => problem.file)).size;
  let count = `${plural(errors.length, "problem")} in ${plural(files, "file")}`;
  if (warnings > 0) count += ` (and ${plural(warnings, "warning")})`;
  return [...sorted.map((problem) => formatProblem(problem)), count].join("\n");
}

/**
 * A message in one language (a bare string is English and is shown as it is).
 * @example messageText({ en: "is required", ar: "حقل مطلوب" }, "ar") //=> "حقل مطلوب"
 */
export function messageText(message: Message | string, language: MessageLanguage): string {
  return typeof message === "string" ? message : message[language];
}

/**
 * A count and its noun, in English.
 * @example plural(1, "draft") //=> "1 draft"
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
