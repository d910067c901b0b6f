/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage
 * return, which some programs strip before looking) gets a leading apostrophe, so it is shown
 * as the text it is. The one function for every generated spreadsheet cell and CSV field that
 * holds user text; no dependencies, so the CSV writers can use it without loading exceljs.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The reverse, for reading back a sheet this app wrote: "'=x" → "=x" (a typed apostrophe never reaches the file). */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;
