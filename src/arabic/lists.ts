// Lists in Arabic running text: «أ و ب», «أ، ب و ج».

/**
 * The items with what goes between them in Arabic running text: the Arabic comma between all
 * but the last two, « و » before the last. The items can be anything (text, or links), so the
 * conjunction stands apart from them: a name that is a link is not fused with its «و».
 * @example joinArabic(["سارة", "رويترز"]).join("") //=> "سارة و رويترز"
 * @example joinArabic(["أ", "ب", "ج"]).join("") //=> "أ، ب و ج"
 * @example joinArabic(["أ"]) //=> ["أ"]
 */
export function joinArabic<Item>(items: readonly Item[]): (Item | string)[] {
  const parts: (Item | string)[] = [];
  items.forEach((item, index) => {
    if (index > 0) parts.push(index === items.length - 1 ? " و " : "، ");
    parts.push(item);
  });
  return parts;
}
