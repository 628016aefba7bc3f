// Arabic as people type it into a search box: the spellings of a query that the index, which holds the articles as written, needs searched.

/**
 * A query as the search page gives it to Pagefind: without diacritics (tashkeel, Quranic marks)
 * or tatweel, and with the Persian yeh (ی) and kaf (ک) a Persian keyboard types written as the
 * Arabic ي and ك the articles use. Hamza, ة and ى stay as typed: Pagefind's Arabic stemmer
 * already finds «أستانا» for «استانا», «مستشفى» for «مستشفي», and a word whatever its marks;
 * dropping the marks here lets querySpellings see the letters a word starts and ends with.
 *
 * Only letters inside a word change and none is added: the query keeps every space. A word
 * made only of marks keeps them, so no word disappears.
 * @example foldQuery("الاقْتِصادُ ينمـــو") //=> "الاقتصاد ينمو"
 * @example foldQuery("کتابی") //=> "كتابي"
 * @example foldQuery("أستانا الحكومة مستشفى") //=> "أستانا الحكومة مستشفى"
 * @example foldQuery("Sergey Lavrov") //=> "Sergey Lavrov"
 */
export function foldQuery(text: string): string {
  return text.replace(WORD, (word) => {
    const stripped = word.replace(MARKS, "");
    const letters = stripped === "" ? word : stripped;
    return letters.replace(LETTERS, (letter) => LETTER_FORMS[letter] ?? letter);
  });
}

/**
 * What the search page searches for a query: the query itself (foldQuery), then its other
 * spellings that Pagefind's stemmer does not join to it, each a whole query searched on its
 * own; the page shows every article any of them finds, once, at its best score. Two rules,
 * each changing every word it fits at once, and a third spelling with both when both apply:
 *
 * - **ة typed as ه.** Readers often type a final ة as ه; the index holds the articles as
 *   written, with ة, and the stemmer does not take one for the other («الضفه» finds nothing).
 *   A word of three letters or more ending in ه is also searched ending in ة («غزه», «سنه»,
 *   «الحكومه»). Not «له», «به», nor «الله» and the words ending like it (عبدالله): their ه is
 *   their own. A word whose ه is its own too («فيه», «وجه») costs a search that finds nothing more.
 * - **لـ + الـ.** Arabic writes لِـ + الـ as «لل», and drops one more lam before a word that
 *   starts with one: «للاجئين» is «لـ + اللاجئين», where «للانتخابات» is «لـ + الانتخابات». The
 *   stemmer reads «لل» the second way only, so a word that starts «للا» is also searched as
 *   «اللا…», and «اللاجئين» or «لاجئين» also as «للاجئين».
 *
 * What it costs: a query is searched once, twice when one rule applies (most queries with
 * either), and four times at most. Each extra spelling is one more Pagefind search on the
 * reader's phone: the index chunks holding its words (none when they are the chunks the
 * query's own words already loaded; a chunk holds a range of words, and «الحكومه» and
 * «الحكومة» sort side by side), and the search itself on the page's thread.
 * docs/performance.md (item 31) has the bytes measured.
 * @example querySpellings("أستانا") //=> ["أستانا"]
 * @example querySpellings("الحكومه") //=> ["الحكومه", "الحكومة"]
 * @example querySpellings("غزه") //=> ["غزه", "غزة"]
 * @example querySpellings("للاجئين") //=> ["للاجئين", "اللاجئين"]
 * @example querySpellings("مساعدات اللاجئين في الضفه") //=> ["مساعدات اللاجئين في الضفه", "مساعدات اللاجئين في الضفة", "مساعدات للاجئين في الضفه", "مساعدات للاجئين في الضفة"]
 */
export function querySpellings(query: string): string[] {
  const typed = foldQuery(query);
  const spellings = new Set([typed]);
  // Every subset of the rules, the empty one (the query itself) first.
  for (let chosen = 1; chosen < 1 << SPELLING_RULES.length; chosen++) {
    const rules = SPELLING_RULES.filter((_, index) => chosen & (1 << index));
    spellings.add(
      typed.replace(WORD, (word) =>
        rules.reduce((spelled, rule) => rule(spelled) ?? spelled, word),
      ),
    );
  }
  return [...spellings];
}

/**
 * The letters foldQuery writes another way, as data: each and the one it becomes.
 * @example LETTER_FORMS["ی"] //=> "ي"
 */
export const LETTER_FORMS: Readonly<Record<string, string>> = {
  "\u06CC": "\u064A", // ی Persian yeh → ي
  "\u06A9": "\u0643", // ک Persian kaf → ك
};

// ---------------------------------------------------------------------------------------------

/** A run of anything but white space: the query is changed word by word. */
const WORD = /[^\s]+/gu;

/**
 * Marks a reader never needs to type: tashkeel and the other combining marks of the Arabic
 * block (U+064B–U+065F), the superscript alef (U+0670), the Quranic annotation signs
 * (U+06D6–U+06ED) and tatweel (U+0640), the stretching stroke.
 */
const MARKS = /[\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/gu;

const LETTERS = new RegExp(`[${Object.keys(LETTER_FORMS).join("")}]`, "gu");

/** Alef and its hamza and madda forms, which the stemmer takes as one letter. */
const ALEFS = "\u0627\u0623\u0625\u0622\u0671";

/** A word's other spelling under one rule of querySpellings, or undefined where it does not apply. */
type SpellingRule = (word: string) => string | undefined;

/** A final ه as ة: for a word of 3 letters or more, not one ending «لله» (الله, عبدالله). */
const finalTaa: SpellingRule = (word) =>
  [...word].length >= 3 && word.endsWith("\u0647") && !word.endsWith("\u0644\u0644\u0647")
    ? `${word.slice(0, -1)}\u0629`
    : undefined;

/**
 * A word's other spelling with لل: للا + … → اللا + …; الل + … → لل + …; ل + … → لل + …. None for
 * a word under 4 letters (لا, لم, لن, له), nor for لل before any letter but alef (the stemmer's).
 */
const otherLamSpelling: SpellingRule = (word) => {
  if ([...word].length < 4) return undefined;
  if (word.startsWith("\u0644\u0644"))
    return ALEFS.includes(word[2] ?? "") ? `\u0627${word}` : undefined;
  if (word.startsWith("\u0627\u0644\u0644")) return word.slice(1);
  if (word.startsWith("\u0644")) return `\u0644${word}`;
  return undefined;
};

/** The rules, in the order their spellings are searched. */
const SPELLING_RULES: readonly SpellingRule[] = [finalTaa, otherLamSpelling];
