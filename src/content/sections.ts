// Sections (the newsroom's desks): their schema in site.yaml, and the check that every article's `section` is one of them.

import leven from "leven";
import { z } from "zod";
import { quoteValue, type Message, type Problem } from "./problems.ts";
import { issue, MAX_SLUG_LENGTH, notASlug, SLUG_PATTERN, text } from "./schema.ts";
import { normalizeTag } from "./unicode.ts";

/** One section as site.yaml declares it: its URL slug and the name readers (and editors) see. */
export interface Section {
  /** ASCII, for the URL: /sections/economy/ */
  slug: string;
  /** As shown in the header and kickers, and as articles write it: اقتصاد */
  name: string;
}

/**
 * The most sections a site may declare: each is a header link and a listing with feeds, and a
 * header with more than a dozen or two desks no longer fits a phone's menu anyway.
 */
export const MAX_SECTIONS = 30;

/** Fields of each entry of `sections:`, for "did you mean" inside it. */
export const SECTION_FIELDS = ["slug", "name"] as const;

/** The `sections` list of site.yaml: in header order, each slug and each name once. */
export const sectionsSchema = z
  .unknown()
  .superRefine((value, context) => {
    // Said here, with a section as the example: the schema's own message shows a list of tags.
    if (!Array.isArray(value)) context.addIssue(issue(NOT_A_LIST));
  })
  .pipe(sectionList())
  .default([]);

function sectionList() {
  return z
    .array(
      z.strictObject({
        slug: z
          .string()
          .superRefine((value, context) => {
            if (!SLUG_PATTERN.test(value)) context.addIssue(issue(notASlug(value)));
          })
          .pipe(z.string().max(MAX_SLUG_LENGTH)),
        name: text().transform(normalizeTag),
      }),
    )
    .max(MAX_SECTIONS)
    .superRefine((sections, context) => {
      const seen = { slug: new Set<string>(), name: new Set<string>() };
      sections.forEach((section, index) => {
        for (const field of SECTION_FIELDS) {
          if (seen[field].has(section[field])) {
            const q = quoteValue(section[field]);
            context.addIssue({
              ...issue({
                en: `${q.en} is already the ${field} of another section (each section needs its own)`,
                ar: `${q.ar} مستعمل في قسم آخر (لكل قسم ${field === "slug" ? "رابطه" : "اسمه"} الخاص)`,
              }),
              path: [index, field],
            });
          }
          seen[field].add(section[field]);
        }
      });
    })
    .default([]);
}

const NOT_A_LIST: Message = {
  en: 'must be a list, one section a line: "- { slug: economy, name: …}"',
  ar: "يجب أن يكون قائمة، قسم في كل سطر: «- { slug: economy, name: اقتصاد }»",
};

/**
 * The declared section an article's `section` names: compared as tags are (NFC, no direction
 * marks or tatweel, spaces collapsed), so «اقتصـاد» is اقتصاد.
 * @example findSection([{ slug: "economy", name: "اقتصاد" }], "اقتصاد ")?.slug //=> "economy"
 */
export function findSection(sections: readonly Section[], value: string): Section | undefined {
  const name = normalizeTag(value);
  return sections.find((section) => section.name === name);
}

/**
 * A problem for each article whose `section` is not declared in site.yaml, at the field's line,
 * with the closest section's name when one is near (or when the editor wrote its slug).
 * @example sectionProblems([{ file: "a.md", line: 7, section: "اقتصد" }], sections)[0]?.message.en
 * //=> '"اقتصد" is not one of the sections in content/site.yaml (did you mean "اقتصاد"?)'
 */
export function sectionProblems(
  articles: readonly { file: string; line: number; section?: string | undefined }[],
  sections: readonly Section[],
  settingsFile = "content/site.yaml",
): Problem[] {
  const problems: Problem[] = [];
  for (const { file, line, section } of articles) {
    if (section === undefined || findSection(sections, section)) continue;
    const message = unknownSection(section, sections, settingsFile);
    problems.push({ file, line, field: "section", message });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Internals

function unknownSection(
  value: string,
  sections: readonly Section[],
  settingsFile: string,
): Message {
  const q = quoteValue(value);
  if (sections.length === 0) {
    return {
      en: `${q.en} is not a section: ${settingsFile} declares none (add it under sections:, see docs/sections.md)`,
      ar: `${q.ar} ليس قسمًا: لم يُعرَّف في ${settingsFile} أي قسم (أضفه تحت sections:، انظر docs/sections.md)`,
    };
  }
  const near = closestSection(value, sections);
  const names = sections.map((section) => quoteValue(section.name));
  const hint = near
    ? {
        en: `did you mean ${quoteValue(near.name).en}?`,
        ar: `هل تقصد ${quoteValue(near.name).ar}؟`,
      }
    : {
        en: `the sections are ${names.map((name) => name.en).join(", ")}`,
        ar: `الأقسام: ${names.map((name) => name.ar).join("، ")}`,
      };
  return {
    en: `${q.en} is not one of the sections in ${settingsFile} (${hint.en})`,
    ar: `${q.ar} ليس من الأقسام المعرّفة في ${settingsFile} (${hint.ar})`,
  };
}

/** The section whose slug was written, or whose name is within a third of its length in edits. */
function closestSection(value: string, sections: readonly Section[]): Section | undefined {
  const written = normalizeTag(value);
  const bySlug = sections.find((section) => section.slug === written.toLowerCase());
  if (bySlug) return bySlug;
  let best: Section | undefined;
  let bestDistance = Infinity;
  for (const section of sections) {
    const distance = leven(written, section.name);
    if (distance < bestDistance) [best, bestDistance] = [section, distance];
  }
  return bestDistance <= Math.max(1, Math.floor(written.length / 3)) ? best : undefined;
}
