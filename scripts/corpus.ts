// Synthetic archives for benchmarks and large-site tests: N Arabic articles, the same bytes for the same N and seed.

import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { samplePhoto } from "./bench-photos.ts";

export interface CorpusOptions {
  /** How many articles. */
  count: number;
  /** PRNG seed: the same seed and count give the same files. */
  seed?: number;
  /** The Arabic text the words are drawn from. */
  sourceText: string;
  /**
   * Sections to declare in site.yaml; each article then gets one, most often the first ones,
   * one in eight none. Without, the corpus is what it was before sections (the same bytes).
   */
  sections?: readonly { slug: string; name: string }[];
  /** How many of the newest articles name a lead photo, /media/photo-<number>.jpg (not written here). */
  leadPhotos?: number;
  /**
   * Bylines, listed in authors.yaml; each article is then signed by one, most often the first
   * ones, one in ten by two. Without, no article has a byline (the same bytes as before).
   */
  bylines?: readonly string[];
}

/** The bylines corpora use when asked for some: a newsroom's writers, a desk and an agency. */
export const CORPUS_BYLINES = [
  "قسم الأخبار",
  "وكالة الأنباء",
  "سلمى الحسيني",
  "كريم العلي",
  "ريم الخطيب",
  "عمر الزعبي",
  "هدى المصري",
  "يوسف درويش",
  "لينا حداد",
  "سامر الأحمد",
  "نور الشامي",
  "طارق منصور",
  "دينا العمري",
  "فادي سليمان",
  "رنا القاسم",
  "مازن الحلبي",
  "جود الساعدي",
  "باسل عيسى",
  "منى الجابري",
  "وائل حمدان",
] as const;

/** The sections corpora use when asked for some: the seed site's four. */
export const CORPUS_SECTIONS = [
  { slug: "politics", name: "سياسة" },
  { slug: "economy", name: "اقتصاد" },
  { slug: "society", name: "مجتمع" },
  { slug: "culture", name: "ثقافة" },
] as const;

export interface CorpusFile {
  /** Relative to the content folder: articles/00001-article-00001.md */
  path: string;
  contents: string;
}

/** The site settings every corpus uses. */
export const CORPUS_SITE_YAML = [
  "name: صحيفة الاختبار",
  "description: أرشيف تجريبي لقياس سرعة البناء.",
  "url: https://bench.example/",
  "language: ar",
  "timeZone: Asia/Riyadh",
].join("\n");

/** Where the Astana text lives in this repository. */
export const ASTANA_TEXT = path.join(
  import.meta.dirname,
  "../tests/fixtures/source/astana-20.ar.txt",
);

/**
 * Generates the corpus as files in memory: site.yaml and one Markdown article per index,
 * dates spread from 2014 on (a few per day), tags drawn with a long tail.
 * @example generateCorpus({ count: 2, sourceText }).map((f) => f.path)
 * //=> ["site.yaml", "articles/00001-article-00001.md", "articles/00002-article-00002.md"]
 */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  const random = mulberry32(options.seed ?? 20230621);
  const words = arabicWords(options.sourceText);
  if (words.length < 50) throw new Error("the source text has too few Arabic words");
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const phrase = (min: number, max: number): string =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(words)).join(
      " ",
    );
  const tagPool = buildTagPool(words, random);
  const sections = options.sections ?? [];
  const declared = sections.map(({ slug, name }) => `  - { slug: ${slug}, name: ${name} }`);
  const siteYaml = [CORPUS_SITE_YAML, ...(declared.length > 0 ? ["sections:", ...declared] : [])];
  const files: CorpusFile[] = [{ path: "site.yaml", contents: `${siteYaml.join("\n")}\n` }];
  const bylines = options.bylines ?? [];
  if (bylines.length > 0) {
    const listed = bylines.map(
      (name, index) => `- id: writer-${String(index + 1).padStart(2, "0")}\n  name: ${name}`,
    );
    files.push({ path: "authors.yaml", contents: `${listed.join("\n")}\n` });
  }
  const photosFrom = options.count - (options.leadPhotos ?? 0) + 1;
  const start = Date.UTC(2014, 0, 1);
  for (let index = 1; index <= options.count; index++) {
    const number = String(index).padStart(5, "0");
    // About three articles a day, oldest first, so the archive spans years at N = 10,000.
    const day = new Date(start + Math.floor((index - 1) / 3) * DAY);
    const date = day.toISOString().slice(0, 10);
    const dateText =
      random() < 0.5
        ? date
        : `${date}T${String(6 + Math.floor(random() * 16)).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}:00+03:00`;
    const tags = new Set<string>();
    const tagCount = Math.floor(random() * 5);
    // Squaring skews toward the front of the pool: a few tags are common, most are rare.
    while (tags.size < tagCount) tags.add(tagPool[Math.floor(random() ** 2 * tagPool.length)]!);
    const paragraphs: string[] = [];
    const paragraphCount = 4 + Math.floor(random() * 8);
    for (let p = 0; p < paragraphCount; p++) {
      if (p > 1 && random() < 0.15) paragraphs.push(`## ${phrase(2, 5)}`);
      paragraphs.push(`${phrase(30, 80)}.`);
    }
    const frontmatter = [
      "---",
      `title: ${quote(phrase(6, 12))}`,
      `standfirst: ${quote(`${phrase(15, 25)}.`)}`,
      `date: ${dateText}`,
      ...(random() < 0.6 ? [`dateline: ${quote(pick(words))}`] : []),
      `slug: article-${number}`,
      ...(tags.size > 0 ? [`tags: [${[...tags].map(quote).join(", ")}]`] : []),
      ...(sections.length > 0 ? sectionLine(sections, random) : []),
      ...(index >= photosFrom
        ? ["image:", `  src: /media/photo-${number}.jpg`, `  alt: ${quote(phrase(3, 6))}`]
        : []),
      ...(bylines.length > 0 ? bylineLine(bylines, random) : []),
      "---",
    ];
    files.push({
      path: `articles/${number}-article-${number}.md`,
      contents: `${frontmatter.join("\n")}\n\n${paragraphs.join("\n\n")}\n`,
    });
  }
  return files;
}

/** Writes a corpus under `contentDir` (site.yaml and articles/). */
export async function writeCorpus(contentDir: string, files: readonly CorpusFile[]): Promise<void> {
  await mkdir(path.join(contentDir, "articles"), { recursive: true });
  await Promise.all(
    files.map((file) => writeFile(path.join(contentDir, file.path), file.contents)),
  );
}

/**
 * Writes the lead photos a corpus made with `leadPhotos` names into content/media/, generated
 * (samplePhoto) at `width`×`height`: the newest `leadPhotos` of `count` articles.
 * @example await writeLeadPhotos("content", { count: 60, leadPhotos: 3 }, 1200, 780)
 */
export async function writeLeadPhotos(
  contentDir: string,
  options: Pick<CorpusOptions, "count" | "leadPhotos">,
  width: number,
  height: number,
): Promise<void> {
  await mkdir(path.join(contentDir, "media"), { recursive: true });
  for (
    let number = options.count - (options.leadPhotos ?? 0) + 1;
    number <= options.count;
    number++
  ) {
    const name = `photo-${String(number).padStart(5, "0")}.jpg`;
    await writeFile(path.join(contentDir, "media", name), await samplePhoto(number, width, height));
  }
}

/** Reads the Astana text that corpora draw their words from. */
export async function readAstanaText(): Promise<string> {
  return readFile(ASTANA_TEXT, "utf8");
}

// ---------------------------------------------------------------------------------------------
// Internals

const DAY = 24 * 60 * 60 * 1000;

/** Tommy Ettinger's Mulberry32: a tiny, fast, well-distributed 32-bit PRNG; enough for test data. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function arabicWords(text: string): string[] {
  const segmenter = new Intl.Segmenter("ar", { granularity: "word" });
  return [...segmenter.segment(text)]
    .filter((segment) => segment.isWordLike && /\p{Script=Arabic}/u.test(segment.segment))
    .map((segment) => segment.segment);
}

/** About 120 tags: single words and two-word phrases from the text, plus a few Latin ones. */
function buildTagPool(words: readonly string[], random: () => number): string[] {
  const distinct = [...new Set(words.filter((word) => word.length > 3))];
  const pool = new Set<string>(distinct.slice(0, 80));
  while (pool.size < 115) {
    const first = distinct[Math.floor(random() * distinct.length)];
    const second = distinct[Math.floor(random() * distinct.length)];
    pool.add(`${first} ${second}`);
  }
  for (const latin of ["COVID-19", "G20", "OPEC+", "UN", "NATO"]) pool.add(latin);
  return [...pool];
}

/** An article's byline: draws favour the first bylines (the desk, the agency); one in ten has two. */
function bylineLine(bylines: readonly string[], random: () => number): string[] {
  const draw = () => bylines[Math.floor(random() ** 1.5 * bylines.length)]!;
  const first = draw();
  const second = random() < 0.1 ? draw() : first;
  return second === first ? [`author: ${first}`] : [`author: [${first}, ${second}]`];
}

/** An article's section line: squared draws favour the first sections; one in eight has none. */
function sectionLine(sections: readonly { name: string }[], random: () => number): string[] {
  if (random() < 0.125) return [];
  const section = sections[Math.floor(random() ** 1.5 * sections.length)];
  return section ? [`section: ${section.name}`] : [];
}

function quote(text: string): string {
  return JSON.stringify(text);
}
