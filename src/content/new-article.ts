// A new article's file: its slug, its name and a frontmatter skeleton that passes the schema.

import { DateTime } from "luxon";
import { Document } from "yaml";
import { quoteValue, type Message, type MessageLanguage } from "./problems.ts";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "./schema.ts";

/** The skeleton's standfirst; the build warns while it is left as is. */
export const PLACEHOLDER_STANDFIRST = "اكتب هنا مقدمة المقال في جملة أو جملتين.";

/** The skeleton's body; the build warns while it is left in. */
export const PLACEHOLDER_BODY = "اكتب نص المقال هنا.";

/** Why `npm run new` cannot create the article, in both languages. */
export class NewArticleError extends Error {
  override name = "NewArticleError";
  constructor(readonly editorMessage: Message) {
    super(editorMessage.en);
  }
}

/** The README section that describes every frontmatter field; the skeleton points at it. */
export const FIELDS_HEADING = "Writing articles";

export interface SlugRequest {
  title: string;
  /** The slug the editor asked for, used as is or refused. */
  slug?: string | undefined;
  /** The article's calendar day, YYYY-MM-DD. */
  day: string;
  /** Slugs other articles already use. */
  taken: ReadonlySet<string>;
}

export interface ChosenSlug {
  slug: string;
  /** How it was chosen, for the message to the editor. */
  origin: "asked" | "title" | "numbered";
}

/**
 * The calendar day of a moment in the site's zone.
 * @example dayInZone(new Date("2023-06-20T22:30:00Z"), "Europe/Istanbul") //=> "2023-06-21"
 */
export function dayInZone(now: Date, zone: string): string {
  const day = DateTime.fromJSDate(now, { zone }).toISODate();
  if (!day) throw new RangeError(`"${zone}" is not a known IANA time zone`);
  return day;
}

/**
 * A slug from a title written mostly in Latin letters; undefined for an Arabic title, whose
 * transliteration is better chosen by the editor than guessed.
 * @example slugFromTitle("G20 summit: Day 2") //=> "g20-summit-day-2"
 * @example slugFromTitle("اجتماع أستانا 20") //=> undefined
 */
export function slugFromTitle(title: string): string | undefined {
  const letters = [...title.normalize("NFKD")].filter((char) => /\p{L}/u.test(char));
  const latin = letters.filter((char) => /[a-z]/i.test(char));
  if (latin.length === 0 || latin.length * 2 < letters.length) return undefined;
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
  let slug = "";
  for (const word of words) {
    const longer = slug === "" ? word : `${slug}-${word}`;
    if (longer.length > MAX_SLUG_LENGTH) break;
    slug = longer;
  }
  return SLUG_PATTERN.test(slug) ? slug : undefined;
}

/**
 * Picks the new article's slug: the one asked for (refused if taken), one derived from the
 * title (numbered if taken), or `article-<YYYYMMDD>-<n>`.
 * @example chooseSlug({ title: "عنوان", day: "2024-05-01", taken: new Set() }).slug //=> "article-20240501-1"
 */
export function chooseSlug(request: SlugRequest): ChosenSlug {
  if (request.slug !== undefined) {
    const q = quoteValue(request.slug);
    if (!SLUG_PATTERN.test(request.slug) || request.slug.length > MAX_SLUG_LENGTH) {
      throw new NewArticleError({
        en: `${q.en} is not a slug (lower-case ASCII letters, digits and single hyphens, at most ${MAX_SLUG_LENGTH} characters)`,
        ar: `${q.ar} لا يصلح اسمًا للرابط (slug): حروف لاتينية صغيرة وأرقام وشرطات مفردة، ${MAX_SLUG_LENGTH} حرفًا على الأكثر`,
      });
    }
    if (request.taken.has(request.slug)) {
      throw new NewArticleError({
        en: `the slug ${q.en} is taken by another article`,
        ar: `اسم الرابط ${q.ar} يستعمله مقال آخر`,
      });
    }
    return { slug: request.slug, origin: "asked" };
  }
  const derived = slugFromTitle(request.title);
  if (derived !== undefined)
    return { slug: firstFree(derived, request.taken, (n) => `${derived}-${n}`), origin: "title" };
  const stem = `article-${request.day.replaceAll("-", "")}`;
  return { slug: firstFree(`${stem}-1`, request.taken, (n) => `${stem}-${n}`), origin: "numbered" };
}

/**
 * The article's file name: its day, then its slug, so files sort by date.
 * @example articleFileName("2024-05-01", "g20-summit") //=> "2024-05-01-g20-summit.md"
 */
export function articleFileName(day: string, slug: string): string {
  return `${day}-${slug}.md`;
}

/**
 * The new file's text: the required fields filled (written by the YAML library, so any title is
 * quoted correctly), the optional ones commented out with example values (delete the `#` to
 * use one), and a placeholder body. The comments are in the editor's language.
 * @example articleSkeleton({ title: "عنوان", slug: "a", day: "2024-05-01", draft: false, language: "ar" })
 * //=> "---\ntitle: عنوان\nstandfirst: …\ndate: 2024-05-01\nslug: a\ntags: []\n# حقول اختيارية: …\n# section: اقتصاد\n…---\n\nاكتب نص المقال هنا.\n"
 */
export function articleSkeleton(input: {
  title: string;
  slug: string;
  day: string;
  draft: boolean;
  language: MessageLanguage;
  /** The site's section names (site.yaml), offered in the section line; none: no section line. */
  sections?: readonly string[];
}): string {
  const fields: Record<string, unknown> = {
    title: input.title.trim(),
    standfirst: PLACEHOLDER_STANDFIRST,
    date: input.day,
    slug: input.slug,
    tags: [],
  };
  if (input.draft) fields.draft = true;
  const yaml = new Document(fields).toString({ lineWidth: 0, flowCollectionPadding: false });
  const optional = [
    OPTIONAL_FIELDS_INTRO[input.language],
    ...optionalFields(input.day, input.sections, input.language).map((line) => `# ${line}`),
  ];
  return `---\n${yaml}${optional.join("\n")}\n---\n\n${PLACEHOLDER_BODY}\n`;
}

// ---------------------------------------------------------------------------------------------
// Internals

const OPTIONAL_FIELDS_INTRO: Message = {
  en: `# Optional fields: delete the # at the start of a line to use it (README.md, "${FIELDS_HEADING}", describes every field, lang, dir and draft too)`,
  ar: `# حقول اختيارية: احذف علامة # من أول السطر لتستعمله (يصف README.md في قسم «${FIELDS_HEADING}» كل الحقول، ومنها lang وdir وdraft)`,
};

const SECTIONS_NOTE: Message = { en: "one of:", ar: "واحد من:" };

/**
 * The optional fields with example values that pass the schema as they are; the section is the
 * site's first, with the others named after it (a section site.yaml does not declare is an error).
 */
function optionalFields(
  day: string,
  sections: readonly string[] = ["اقتصاد"],
  language: MessageLanguage = "ar",
): string[] {
  const [first] = sections;
  const section =
    first === undefined
      ? []
      : sections.length === 1
        ? [`section: ${first}`]
        : [`section: ${first}  # ${SECTIONS_NOTE[language]} ${sections.join("، ")}`];
  return [
    ...section,
    "author: اسم الكاتب",
    "dateline: دمشق",
    "source: {name: وكالات, url: https://example.org/news/1}",
    // The lead photo: a file in content/media/ (or beside the article); its size is read from it.
    "image: {src: /media/photo.jpg, alt: وصف الصورة, caption: تعليق الصورة, credit: اسم المصوّر}",
    `updated: ${day}T18:00:00+03:00`,
  ];
}

function firstFree(
  first: string,
  taken: ReadonlySet<string>,
  numbered: (n: number) => string,
): string {
  if (!taken.has(first)) return first;
  for (let n = 2; ; n += 1) if (!taken.has(numbered(n))) return numbered(n);
}
