// Arabic as people type it into a search box: one spelling for the letters readers use interchangeably.

/**
 * Writes Arabic text the way a reader may type it: the hamza forms of alef (أ إ آ ٱ) as ا, taa
 * marbuta (ة) as ه, alef maqsura (ى) and the Persian yeh (ی) as ي, the Persian kaf (ک) as ك, and
 * no diacritics (tashkeel, Quranic marks) or tatweel. Applied to both the indexed text and the
 * query, so «أستانا» and «استانا», «الحكومة» and «الحكومه» are one word to the search.
 *
 * Only letters inside a word change and none is added: the text keeps every space, so its words
 * stand where the original's do (the search page maps a highlighted word back to the original
 * by its position). A word made only of marks keeps them, so no word disappears.
 * @example normalizeArabic("أستانا") //=> "استانا"
 * @example normalizeArabic("الحكومةُ الجديدة") //=> "الحكومه الجديده"
 * @example normalizeArabic("مستشفى إسرائيل") //=> "مستشفي اسرائيل"
 * @example normalizeArabic("الاقْتِصادُ ينمـــو") //=> "الاقتصاد ينمو"
 * @example normalizeArabic("Sergey Lavrov") //=> "Sergey Lavrov"
 */
export function normalizeArabic(text: string): string {
  return text.replace(WORD, (word) => {
    const stripped = word.replace(MARKS, "");
    const letters = stripped === "" ? word : stripped;
    return letters.replace(LETTERS, (letter) => LETTER_FORMS[letter] ?? letter);
  });
}

/**
 * The query with the other spelling of the definite article after the preposition لـ, or
 * undefined when no word starts with ل. Arabic writes لِـ + الـ as «لل», and drops one more lam
 * before a word that starts with one: «للاجئين» is «لـ + اللاجئين», where «للانتخابات» is
 * «لـ + الانتخابات». The stemmer reads «لل» the second way only, so a word that starts «للا» is
 * also searched the first way, and «اللاجئين» or «لاجئين» also as «للاجئين».
 * @example lamVariant("للاجئين") //=> "اللاجئين"
 * @example lamVariant("مساعدات اللاجئين") //=> "مساعدات للاجئين"
 * @example lamVariant("للمدينة") //=> undefined
 */
export function lamVariant(query: string): string | undefined {
  const normalized = normalizeArabic(query);
  const variant = normalized.replace(WORD, (word) => otherLamSpelling(word) ?? word);
  return variant === normalized ? undefined : variant;
}

/**
 * The spelling variants normalizeArabic unifies, as data: each letter and the one it becomes.
 * @example LETTER_FORMS["إ"] //=> "ا"
 */
export const LETTER_FORMS: Readonly<Record<string, string>> = {
  "\u0622": "\u0627", // آ alef with madda
  "\u0623": "\u0627", // أ alef with hamza above
  "\u0625": "\u0627", // إ alef with hamza below
  "\u0671": "\u0627", // ٱ alef wasla
  "\u0629": "\u0647", // ة taa marbuta → ه
  "\u0649": "\u064A", // ى alef maqsura → ي
  "\u06CC": "\u064A", // ی Persian yeh → ي
  "\u06A9": "\u0643", // ک Persian kaf → ك
};

// ---------------------------------------------------------------------------------------------

/** A run of anything but white space: normalizeArabic works word by word. */
const WORD = /[^\s]+/gu;

/**
 * Marks a reader never types: tashkeel and the other combining marks of the Arabic block
 * (U+064B–U+065F), the superscript alef (U+0670), the Quranic annotation signs (U+06D6–U+06ED)
 * and tatweel (U+0640), the stretching stroke.
 */
const MARKS = /[\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/gu;

/**
 * A word's other spelling with لل: للا + … → اللا + …; الل + … → لل + …; ل + … → لل + …. None for
 * a word under 4 letters (لا, لم, لن, له), nor for لل before any other letter (the stemmer's).
 */
function otherLamSpelling(word: string): string | undefined {
  if ([...word].length < 4) return undefined;
  if (word.startsWith("\u0644\u0644")) return word[2] === "\u0627" ? `\u0627${word}` : undefined;
  if (word.startsWith("\u0627\u0644\u0644")) return word.slice(1);
  if (word.startsWith("\u0644")) return `\u0644${word}`;
  return undefined;
}

const LETTERS = new RegExp(`[${Object.keys(LETTER_FORMS).join("")}]`, "gu");
