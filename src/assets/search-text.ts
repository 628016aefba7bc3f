// The words of the search page and its script, in one place: the fonts keep their characters.

/** What the search page says, in the page (templates/search.tsx) and from its script. */
export const SEARCH_TEXT = {
  title: "البحث",
  label: "ابحث في مقالات",
  submit: "ابحث",
  headerLabel: "ابحث في الموقع",
  headerSubmit: "بحث",
  needsScript:
    "البحث في الموقع يحتاج إلى جافاسكريبت، وهي معطّلة في هذا المتصفح أو لم تُحمَّل. يمكنك الوصول إلى المقالات من:",
  prompt: "اكتب كلمة أو اسمًا أو عبارة، ثم اضغط «ابحث».",
  searching: "جارٍ البحث…",
  failed: "تعذّر تحميل فهرس البحث. أعد تحميل الصفحة بعد قليل.",
  results: "نتائج البحث عن",
  more: "المزيد من النتائج",
  updated: "حُدّث في",
  tags: "الوسوم",
  archive: "الأرشيف",
  filters: {
    tag: { label: "الوسم", all: "كل الوسوم" },
    year: { label: "السنة", all: "كل السنوات" },
  },
} as const;

/**
 * Every string of SEARCH_TEXT, for the font subsets.
 * @example searchTextStrings().includes("البحث") //=> true
 */
export function searchTextStrings(): string[] {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === "string") strings.push(value);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(collect);
  };
  collect(SEARCH_TEXT);
  return strings;
}
