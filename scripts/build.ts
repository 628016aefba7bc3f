// npm run build: builds _site/ from content/, or prints every content problem and exits 1.

import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite, type BuildSummary } from "../src/build/build-site.ts";
import { buildOptionsFromEnv } from "../src/build/options.ts";
import { editorLanguageFor } from "../src/content/load.ts";
import { ONE_SHOT_ENVIRONMENT } from "../src/build/eleventy-adapter.ts";
import { parseOutputLayout } from "../src/build/output-folder.ts";
import {
  ContentError,
  countArabic,
  escapeName,
  formatReport,
  plural,
  WARNING_FORMS,
  type MessageLanguage,
} from "../src/content/problems.ts";
import { ARTICLE_COUNT_FORMS, type PluralForms } from "../src/arabic/plurals.ts";

// The summary's counts in Arabic, in CLDR's plural forms (src/arabic/plurals.ts).
const PAGE_FORMS: PluralForms = {
  zero: "لا صفحات",
  one: "صفحة واحدة",
  two: "صفحتان",
  few: "# صفحات",
  many: "# صفحة",
  other: "# صفحة",
};
const DRAFT_FORMS: PluralForms = {
  zero: "لا مسودات",
  one: "مسودة واحدة لم تُنشر",
  two: "مسودتان لم تُنشرا",
  few: "# مسودات لم تُنشر",
  many: "# مسودة لم تُنشر",
  other: "# مسودة لم تُنشر",
};
const SCHEDULED_FORMS: PluralForms = {
  zero: "لا مقالات مجدولة",
  one: "مقال مجدول واحد لم يحن موعده",
  two: "مقالان مجدولان لم يحن موعدهما",
  few: "# مقالات مجدولة لم يحن موعدها",
  many: "# مقالًا مجدولًا لم يحن موعده",
  other: "# مقال مجدول لم يحن موعده",
};

const { values } = parseArgs({
  options: {
    verbose: { type: "boolean", default: false },
    output: { type: "string", default: "_site" },
    // link: the output is a link to the newest build, swapped atomically; folder: a real folder
    // (the default when CI is set). docs/publishing.md, "The output folder".
    layout: { type: "string" },
    future: { type: "boolean", default: false },
    // .br and .gz twins for hosts that serve them as they are (nginx, Apache, object stores);
    // unset, site.yaml's `precompress` decides.
    precompress: { type: "boolean" },
    "no-precompress": { type: "boolean" },
  },
});

// The clock is read once, here: the check and Eleventy then agree on what is scheduled, and a
// build given SAHIFA_NOW is reproducible byte for byte.
process.env.SAHIFA_NOW ||= new Date().toISOString();
if (values.future) process.env.SAHIFA_FUTURE = "1";
// One build, then the process ends: Eleventy is told so before it is imported (in src/build/build-site.ts).
for (const [name, value] of Object.entries(ONE_SHOT_ENVIRONMENT)) process.env[name] ||= value;

try {
  const summary = await buildSite({
    outputDir: values.output,
    outputLayout: parseOutputLayout(values.layout),
    eleventyLog: values.verbose,
    precompress: values["no-precompress"] ? false : values.precompress,
  });
  const language = summary.editorLanguage;
  // Warnings as the report lists them (sorted, each with its place), without its count line:
  // the summary counts them.
  if (summary.warnings.length > 0) {
    console.warn(formatReport(summary.warnings, language).split("\n").slice(0, -1).join("\n"));
  }
  console.log(describeSummary(summary, language));
} catch (error) {
  const language: MessageLanguage =
    error instanceof ContentError ? error.language : await fallbackLanguage();
  if (error instanceof ContentError) {
    console.error(error.message);
    if (values.verbose) console.error(error.stack);
  } else if (values.verbose) {
    console.error(error);
  } else {
    const message = escapeName(error instanceof Error ? error.message : String(error));
    console.error(
      language === "ar"
        ? `تعذّر البناء: ${message} (شغّل الأمر مع --verbose لترى التفاصيل)`
        : `Build failed: ${message} (run with --verbose for details)`,
    );
  }
  console.error(
    language === "ar" ? "تُرك الموقع المنشور كما كان." : "The published site was left as it was.",
  );
  process.exitCode = 1;
}

/** The editors' language when the build failed for a reason other than the content. */
async function fallbackLanguage(): Promise<MessageLanguage> {
  try {
    return await editorLanguageFor(buildOptionsFromEnv(process.env));
  } catch {
    return "ar";
  }
}

function describeSummary(summary: BuildSummary, language: MessageLanguage): string {
  const relative = path.relative(process.cwd(), summary.outputDir);
  const shown = escapeName(relative.startsWith("..") ? summary.outputDir : relative || ".");
  const seconds = (summary.milliseconds / 1000).toFixed(2);
  if (language === "ar") {
    return [
      `بُني ${shown}: ${countArabic(summary.pages, PAGE_FORMS)}`,
      countArabic(summary.articles, ARTICLE_COUNT_FORMS),
      countArabic(summary.draftsSkipped, DRAFT_FORMS),
      countArabic(summary.scheduledSkipped, SCHEDULED_FORMS),
      countArabic(summary.warnings.length, WARNING_FORMS),
      `${seconds} ث`,
    ].join("، ");
  }
  return [
    `Built ${shown}: ${plural(summary.pages, "page")} written`,
    plural(summary.articles, "article"),
    `${plural(summary.draftsSkipped, "draft")} skipped`,
    `${summary.scheduledSkipped} scheduled skipped`,
    plural(summary.warnings.length, "warning"),
    `${seconds} s`,
  ].join(", ");
}
