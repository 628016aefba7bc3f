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
import { ContentError, formatProblem } from "../src/content/problems.ts";
import { hasVisibleText } from "../src/content/schema.ts";

const USAGE = 'usage: npm run new -- --title "عنوان المقال" [--slug ascii-slug] [--draft]';

try {
  const { values } = parseArgs({
    options: {
      title: { type: "string" },
      slug: { type: "string" },
      draft: { type: "boolean", default: false },
    },
  });
  const title = values.title ?? "";
  if (!hasVisibleText(title)) throw new NewArticleError(`give the article a title\n${USAGE}`);
  const options = buildOptionsFromEnv(process.env);
  const site = await loadSite(options);
  // The one clock read: today's date in the newsroom's zone (SAHIFA_NOW replaces it in tests).
  const day = dayInZone(options.now ?? new Date(), site.timeZone);
  const folder = path.join(options.contentDir, "articles");
  const chosen = chooseSlug({ title, slug: values.slug, day, taken: await takenSlugs(folder) });
  const file = path.join(folder, articleFileName(day, chosen.slug));
  const text = articleSkeleton({ title, slug: chosen.slug, day, draft: values.draft });
  // Never write a file the build would refuse: the skeleton goes through the build's own check.
  const problems = checkArticleText(text, file, site.timeZone);
  if (problems.length > 0) throw new NewArticleError(problems.map((problem) => formatProblem(problem)).join("\n"));
  await mkdir(folder, { recursive: true });
  try {
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as { code?: string }).code !== "EEXIST") throw error;
    throw new NewArticleError(
      `${file} already exists: it was left as it was (choose another --slug)`,
    );
  }
  console.log(file);
  if (chosen.origin === "numbered") {
    console.error(
      `The title has no Latin words to make a slug from, so the slug is ${chosen.slug}: pass --slug to choose one.`,
    );
  }
} catch (error) {
  if (error instanceof ContentError || error instanceof NewArticleError)
    console.error(error.message);
  else if (
    error instanceof TypeError &&
    "code" in error &&
    String(error.code).startsWith("ERR_PARSE_ARGS")
  )
    console.error(`${error.message}\n${USAGE}`);
  else throw error;
  process.exitCode = 1;
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
