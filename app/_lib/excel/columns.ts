/**
 * Finding columns by their header text, so a sheet still reads when columns were added, moved or
 * came from an earlier version of a template. Pure (tests/unit/sheets-columns.test.ts).
 */

/** Header text compared loosely: full-width forms folded, spaces and a trailing unit in brackets ignored. */
export function headerKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[（(][^）)]*[）)]$/, "")
    .toLowerCase();
}

/**
 * The 1-based column of each wanted header in a header row (texts by column, index 0 = column 1).
 * Each wanted entry lists the names a column has had (a pattern is tested on the loosened header); a missing column is absent from the result.
 */
export function locateColumns<K extends string>(headerTexts: readonly string[], wanted: Record<K, readonly (string | RegExp)[]>): Partial<Record<K, number>> {
  const keys = headerTexts.map(headerKey);
  const out: Partial<Record<K, number>> = {};
  for (const key of Object.keys(wanted) as K[]) {
    for (const name of wanted[key]) {
      const i = typeof name === "string" ? keys.indexOf(headerKey(name)) : keys.findIndex((k) => name.test(k));
      const col = i >= 0 ? i + 1 : undefined;
      if (col !== undefined) {
        out[key] = col;
        break;
      }
    }
  }
  return out;
}
