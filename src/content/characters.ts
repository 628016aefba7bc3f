// The distinct characters of some text: what the font subsets must keep.

/**
 * The characters of some strings, each once, in the order of a plain string sort (UTF-16 code
 * units). One pass over the code units into a table: at 4,000 articles the text is tens of MB,
 * and a Set of one-character strings cost most of a second.
 * @example distinctCharacters(["بب", "ab"]) //=> "abب"
 */
export function distinctCharacters(parts: readonly string[]): string {
  // One bit per code unit (8 KB, zeroed by the allocation): each body of a site is gathered on
  // its own, and a bit set this small costs about as little to make as to clear.
  const seen = new Uint32Array(0x10000 / 32);
  const codes: number[] = [];
  const astral = new Set<string>();
  for (const part of parts) {
    for (let index = 0; index < part.length; index++) {
      const code = part.charCodeAt(index);
      if (code < 0xd800 || code > 0xdfff) {
        const word = code >>> 5;
        const bit = 1 << (code & 31);
        if ((seen[word]! & bit) === 0) {
          seen[word]! |= bit;
          codes.push(code);
        }
        continue;
      }
      // A surrogate pair (or, from a YAML escape, a lone surrogate) sorts by its first unit.
      const next = part.charCodeAt(index + 1);
      const pair = code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      astral.add(part.slice(index, pair ? index + 2 : index + 1));
      if (pair) index += 1;
    }
  }
  codes.sort((a, b) => a - b);
  const chars = codes.map((code) => String.fromCharCode(code));
  const high = codes.findIndex((code) => code >= 0xe000);
  chars.splice(high === -1 ? chars.length : high, 0, ...[...astral].sort());
  return chars.join("");
}
