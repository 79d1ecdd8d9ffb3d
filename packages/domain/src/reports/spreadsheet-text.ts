/**
 * Spreadsheet formula injection (CSV injection, OWASP): a cell whose text starts with `=`, `+`, `-`, `@`
 * or `|` (DDE), or with a tab or carriage return that some apps strip before evaluating, is run as a
 * formula when the file is opened — `=HYPERLINK(…)` in a product title becomes a live link. Every CSV
 * and XLSX writer passes seller-supplied text through here (docs/formulas.md, "Spreadsheet-safe text").
 */
const FORMULA_START = /^[=+\-@|\t\r]/;

/**
 * The text as a spreadsheet will show it but never evaluate it: a leading trigger character gets an
 * apostrophe in front (the spreadsheet convention for "this is text"). Other text is unchanged.
 *
 * @example spreadsheetSafeText('=SUM(A1:A9)') // "'=SUM(A1:A9)"
 * @example spreadsheetSafeText('Mug, blue') // 'Mug, blue'
 */
export function spreadsheetSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether a text cell would be evaluated by a spreadsheet if written as it is. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * One RFC 4180 CSV cell: text made spreadsheet-safe, then quoted when it holds a comma, quote or line
 * break; numbers as they are (a negative number is not a formula), non-finite numbers and null empty.
 *
 * @example csvCell('=1+2') // "'=1+2"
 * @example csvCell('12" frame') // '"12"" frame"'
 * @example csvCell(-3) // '-3'
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  const text = spreadsheetSafeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
