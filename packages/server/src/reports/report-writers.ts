import { PassThrough, Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvCell } from '@stockwise/domain/reports/spreadsheet-text';

export type Cell = string | number | null;
export type ReportRow = Record<string, Cell>;

/** A report's rows, a page at a time (flat memory however large the catalogue). */
export type RowSource = AsyncIterable<ReportRow[]>;

/** Rows already in memory as a row source of one page (a reconciliation, the planner's shown rows). */
export async function* onePage<T>(rows: T[]): AsyncIterable<T[]> {
  yield await Promise.resolve(rows);
}

/** RFC 4180 CSV with a header of the report's column names. */
export async function writeCsv(columns: readonly string[], source: RowSource, out: Writable): Promise<void> {
  // Waits for 'drain' when the reader is slower; a destination closed or failed before the end stops
  // the loop (and with it the row source, which releases its cursor).
  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(chunk)) {
        resolve();
        return;
      }
      const settle = (error?: Error) => {
        out.off('drain', onDrain).off('error', onError).off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => {
        settle();
      };
      const onError = (error: Error) => {
        settle(error);
      };
      const onClose = () => {
        settle(new Error('the report destination closed before the end'));
      };
      out.on('drain', onDrain).on('error', onError).on('close', onClose);
    });
  await write(`${columns.map(csvCell).join(',')}\r\n`);
  for await (const page of source) {
    if (page.length === 0) continue;
    await write(page.map((row) => `${columns.map((c) => csvCell(row[c] ?? null)).join(',')}\r\n`).join(''));
  }
  out.end();
}

/** An .xlsx workbook (one sheet named after the report), streamed row by row. */
export async function writeXlsx(
  options: { sheet: string; columns: readonly string[] },
  source: RowSource,
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(options.sheet.slice(0, 31));
  sheet.columns = options.columns.map((c) => ({
    header: c,
    key: c,
    width: Math.min(40, Math.max(10, c.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const page of source) {
    for (const row of page) {
      const added = sheet.addRow(options.columns.map((c) => row[c] ?? null));
      // XLSX keeps text and formulas apart: a string cell is never evaluated, so it is written as it is
      // (no apostrophe in the data), formatted as text ('@') so editing it does not turn it into one.
      options.columns.forEach((c, i) => {
        if (typeof row[c] === 'string') added.getCell(i + 1).numFmt = '@';
      });
      added.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Starts writing and returns the bytes as a web stream for an HTTP response. */
export function reportStream(
  format: 'csv' | 'xlsx',
  options: { sheet: string; columns: readonly string[] },
  source: RowSource,
): ReadableStream<Uint8Array> {
  const pass = new PassThrough();
  const work = format === 'csv' ? writeCsv(options.columns, source, pass) : writeXlsx(options, source, pass);
  work.catch((error: unknown) => pass.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(pass) as ReadableStream<Uint8Array>;
}

/** The whole file in memory (e-mail attachments, tests). */
export async function reportBuffer(
  format: 'csv' | 'xlsx',
  options: { sheet: string; columns: readonly string[] },
  source: RowSource,
): Promise<Buffer> {
  const pass = new PassThrough();
  const chunks: Buffer[] = [];
  pass.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pass.on('end', resolve);
    pass.on('error', reject);
  });
  await (format === 'csv' ? writeCsv(options.columns, source, pass) : writeXlsx(options, source, pass));
  await done;
  return Buffer.concat(chunks);
}
