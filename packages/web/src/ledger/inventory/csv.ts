/**
 * RFC 4180 CSV. Cells that start with = + - @ | (or a tab or carriage return) are prefixed with a
 * quote so spreadsheet apps do not run seller-supplied text as a formula (CSV injection); numbers are
 * left alone. The web cannot import the domain: this is the rule of the server's CSV writers
 * (domain/reports/spreadsheet-text.ts, docs/formulas.md "Spreadsheet-safe text"), and
 * test/csv.test.ts checks the same cases.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@|\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The BOM makes Excel read UTF-8 (Chinese titles) correctly. */
export function downloadCsv(filename: string, csv: string): void {
  downloadBlob(filename, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
}

/** Saves a file the page made or fetched (a CSV, an Excel workbook) through the browser's download. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled so the download can start.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
