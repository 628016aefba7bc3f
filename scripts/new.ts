// npm run new -- --title "…": creates content/articles/<date>-<slug>.md with a frontmatter skeleton and prints its path.

import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkArticleText, loadSite } from "../src/content/load.ts";
import { parseFrontmatter } from "../src/content/frontmatter.ts";
import {
  articleFileName,
  articleSkeleton,
  chooseSlug,
  dayInZone,
  NewArticleError,
} from "../src/content/new-article.ts";
import { buildOptionsFromEnv } from "../src/build/options.ts";
import {
  ContentError,
  escapeName,
  quoteValue,
  type Message,
  type MessageLanguage,
} from "../src/content/problems.ts";
import { hasVisibleText } from "../src/content/schema.ts";
import type { Site } from "../src/content/site-settings.ts";

const USAGE: Message = {
  en: 'usage: npm run new -- --title "عنوان المقال" [--slug ascii-slug] [--draft]',
  ar: 'الاستعمال: npm run new -- --title "عنوان المقال" [--slug ascii-slug] [--draft]',
};

const options = buildOptionsFromEnv(process.env);
// site.yaml decides the language of every message here (a broken one is reported in it too).
let language: MessageLanguage = "ar";
try {
  const site = await loadSite(options);
  language = site.editorLanguage;
  await createArticle(site);
} catch (error) {
  if (error instanceof ContentError) console.error(error.message);
  else if (error instanceof NewArticleError) console.error(error.editorMessage[language]);
  else if (isArgumentError(error)) console.error(argumentMessage(error)[language]);
  else throw error;
  process.exitCode = 1;
}

async function createArticle(site: Site): Promise<void> {
  const { values } = parseArgs({
    options: {
      title: { type: "string" },
      slug: { type: "string" },
      draft: { type: "boolean", default: false },
    },
  });
  const title = values.title ?? "";
  if (!hasVisibleText(title)) {
    throw new NewArticleError({
      en: `give the article a title\n${USAGE.en}`,
      ar: `اكتب عنوان المقال\n${USAGE.ar}`,
    });
  }
  // The one clock read: today's date in the newsroom's zone (SAHIFA_NOW replaces it in tests).
  const day = dayInZone(options.now ?? new Date(), site.timeZone);
  const folder = path.join(options.contentDir, "articles");
  const chosen = chooseSlug({ title, slug: values.slug, day, taken: await takenSlugs(folder) });
  const file = path.join(folder, articleFileName(day, chosen.slug));
  const text = articleSkeleton({
    title,
    slug: chosen.slug,
    day,
    draft: values.draft,
    language,
    sections: site.sections.map((section) => section.name),
  });
  // Never write a file the build would refuse: the skeleton goes through the build's own check.
  const problems = checkArticleText(text, file, site.timeZone);
  if (problems.length > 0) throw new ContentError(problems, language);
  await mkdir(folder, { recursive: true });
  try {
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as { code?: string }).code !== "EEXIST") throw error;
    throw new NewArticleError({
      en: `${escapeName(file)} already exists: it was left as it was (choose another --slug)`,
      ar: `${escapeName(file)} موجود من قبل، وتُرك كما هو (اختر --slug آخر)`,
    });
  }
  console.log(escapeName(file));
  if (chosen.origin === "numbered") {
    const message: Message = {
      en: `The title has no Latin words to make a slug from, so the slug is ${chosen.slug}: pass --slug to choose one.`,
      ar: `ليس في العنوان كلمات لاتينية يُصنع منها اسم الرابط، فاسمه ${chosen.slug}: اختر غيره بـ --slug.`,
    };
    console.error(message[language]);
  }
}

/** Node's errors for arguments it cannot read, said in our words. */
function argumentMessage(error: TypeError & { code: string }): Message {
  const option = quoteValue(/'([^']*)'/.exec(error.message)?.[1] ?? "");
  const said: Message =
    error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
      ? { en: `unknown option ${option.en}`, ar: `خيار غير معروف: ${option.ar}` }
      : error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
        ? { en: `the option ${option.en} needs a value`, ar: `الخيار ${option.ar} يحتاج إلى قيمة` }
        : { en: "an argument was not understood", ar: "لم يُفهم أحد المعطيات" };
  return { en: `${said.en}\n${USAGE.en}`, ar: `${said.ar}\n${USAGE.ar}` };
}

function isArgumentError(error: unknown): error is TypeError & { code: string } {
  return (
    error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")
  );
}

/** Slugs already in use, read leniently: a broken article still holds its slug. */
async function takenSlugs(folder: string): Promise<Set<string>> {
  const slugs = new Set<string>();
  let names: string[];
  try {
    names = await readdir(folder, { recursive: true });
  } catch {
    return slugs;
  }
  for (const name of names.filter((entry) => entry.endsWith(".md"))) {
    try {
      const data = parseFrontmatter(await readFile(path.join(folder, name), "utf8")).data;
      const slug = (data as { slug?: unknown } | null)?.slug;
      if (typeof slug === "string") slugs.add(slug);
    } catch {
      // Unreadable or broken files have no slug to keep; the build reports them.
    }
  }
  return slugs;
}
