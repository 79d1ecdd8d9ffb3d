import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { newAccount, uid } from '../support/factories';
import { client } from '../support/http-client';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The restock planner's Excel export (issue 17): the rows the dashboard shows, written by the report
 * writer as a workbook (text stays text, numbers numbers); and a SKU's stored planning settings, read
 * back as saved.
 */
describeEachBackend('Restock planner export and per-SKU settings', (backend) => {
  const t = useOwnerApi(backend);
  let sku: string;

  beforeAll(async () => {
    sku = uid('EXP-');
    expect((await t.api.post('/api/v1/products', { sku, title: 'Mug' })).status).toBe(201);
  });

  const post = (body: unknown, token = t.owner.token) =>
    t.app.request('/api/v1/restock/export', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('writes the posted rows as a workbook: headers as given, text as text (never a formula), numbers as numbers', async () => {
    const columns = ['SKU', '商品名称', 'Quantity', 'Order by'];
    const rows = [
      [sku, '=HYPERLINK("http://evil.example","Open")', 120, '2026-12-10'],
      ['B-2', 'Lamp', 0, null],
    ];
    const res = await post({ columns, rows });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain('restock-plan.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('restock');
    expect(sheet.getRow(1).values).toEqual([undefined, ...columns]);
    const formula = sheet.getRow(2).getCell(2);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe(rows[0]![1]);
    expect(formula.numFmt).toBe('@');
    expect(sheet.getRow(2).getCell(3).value).toBe(120);
    expect(sheet.getRow(3).getCell(4).value).toBeNull();
    expect(sheet.rowCount).toBe(3);
  });

  it('refuses a row without one cell per column, or two columns of one name, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ columns: ['SKU', 'Qty'], rows: [['A', 1], ['B']] }, 'rows.1'],
      [{ columns: ['SKU', 'SKU'], rows: [] }, 'columns'],
      [{ columns: [], rows: [] }, 'columns'],
      [{ columns: ['SKU'], rows: [[{ x: 1 }]] }, 'rows.0.0'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, field).toBe(400);
      expect(await res.text(), field).toContain(field);
    }
  });

  it('is for signed-in members only', async () => {
    const res = await t.app.request('/api/v1/restock/export', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ columns: ['SKU'], rows: [] }),
    });
    expect(res.status).toBe(401);
    const viewer = await newAccount(t.sw, 'viewer');
    expect((await post({ columns: ['SKU'], rows: [['A']] }, viewer.token)).status).toBe(200);
  });

  it('reads a SKU’s settings as stored: defaults (null) until set, then the saved values; an unknown SKU is 404', async () => {
    const api = t.api;
    expect((await api.get(`/api/v1/restock/settings/${sku}`)).body).toEqual({
      sku,
      serviceLevel: null,
      reviewDays: null,
      minCoverDays: null,
      maxCoverDays: null,
      allowExcess: false,
      buyDespiteClearance: false,
      buyDespiteLoss: false,
    });
    const put = await api.call('PUT', `/api/v1/restock/settings/${sku}`, {
      body: { serviceLevel: 0.97, minCoverDays: 20, maxCoverDays: 60, buyDespiteLoss: true },
    });
    expect(put.status).toBe(200);
    expect((await api.get(`/api/v1/restock/settings/${sku}`)).body).toMatchObject({
      serviceLevel: 0.97,
      reviewDays: null,
      minCoverDays: 20,
      maxCoverDays: 60,
      buyDespiteLoss: true,
    });
    const missing = await api.get('/api/v1/restock/settings/NO-SUCH');
    expect(missing.status).toBe(404);
    expect(missing.body['field']).toBe('sku');
    const other = client(t.app, (await newAccount(t.sw)).token);
    expect((await other.get(`/api/v1/restock/settings/${sku}`)).status).toBe(404);
  });
});
