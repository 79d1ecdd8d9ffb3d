import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { ONLINE_RETAIL_MAPPING as mapping } from '../support/history-mapping';
import { seedLocations, WAREHOUSE } from '../support/seed';
import { importTaken, uploadImport } from '../support/uploads';

/** A retailer's invoice lines in the UCI Online Retail II layout (see the fixture's rows). */
const file = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'online-retail-sample.csv'), 'utf8');
const query = (m: object, extra = '') => `?mapping=${encodeURIComponent(JSON.stringify(m))}${extra}`;

/**
 * Net priced quantities per SKU, counted by hand from the fixture: sales minus returns and `C` invoices,
 * lines with a zero price left out, non-stock codes (POST, DOT, M, C2, BANK CHARGES, AMAZONFEE, gift
 * vouchers) left out, lines 15 (quantity "abc") and 16 (date 2009-13-45) rejected.
 */
const EXPECTED_UNITS = { '22064': 24 - 4 + 6, '79323P': 12, '79323p': 2, '85048': 12 + 6 - 2 + 3 };

interface History {
  skus: { sku: string; units: number; revenue: number; days: { date: string; units: number }[] }[];
  totals: { skus: number; units: number; revenue: number };
}

describeEachBackend('Sales history: demand without stock, from a mapped invoice export', (backend) => {
  const t = useOwnerApi(backend);
  let accountId: number;

  beforeAll(async () => {
    accountId = t.owner.actor.accountId;
    await seedLocations(t.api, WAREHOUSE);
  });

  it('refuses the file by default, naming each bad line and its column, and changes nothing', async () => {
    const res = await uploadImport(t.api, 'sales-history', file, query(mapping));
    expect(res.status).toBe(400);
    expect(res.body['field']).toBe('line 15');
    expect(res.body['invalidRows']).toBe(2);
    expect((res.body['rejects'] as { line: number; field: string }[]).map((r) => [r.line, r.field])).toEqual([
      [15, 'quantity'],
      [16, 'invoicedate'],
    ]);
    const [row] = await t.sw.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM products WHERE account_id = $1',
      [accountId],
    );
    expect(row?.n).toBe(0);
  });

  it('refuses a mapping that is not JSON or misses a required column, naming the field', async () => {
    const bad = await uploadImport(t.api, 'sales-history', file, '?mapping=%7Bnope');
    expect(bad.status).toBe(400);
    expect(bad.body['field']).toBe('mapping');
    const { quantity: _q, ...withoutQuantity } = mapping;
    const missing = await uploadImport(t.api, 'sales-history', file, query(withoutQuantity));
    expect(missing.status).toBe(400);
    expect(missing.body['field']).toBe('mapping.quantity');
    const wrongHeader = await uploadImport(t.api, 'sales-history', file, query({ ...mapping, sku: 'Code' }));
    expect(wrongHeader.status).toBe(400);
    expect(String(wrongHeader.body['detail'])).toContain('misses column code');
  });

  it('with skipInvalid: records demand, names every rejected line, counts what is not a sale, flags case variants', async () => {
    const res = await importTaken(t.api, 'sales-history', file, query(mapping, '&skipInvalid=true'));
    expect(res.body['rows']).toBe(20);
    expect(res.body['rejects']).toEqual([
      { line: 15, field: 'quantity', message: 'quantity must be a whole number, got "abc"' },
      {
        line: 16,
        field: 'invoicedate',
        message: expect.stringContaining('got "2009-13-45 12:00:00"') as unknown,
      },
    ]);
    expect(res.body['applied']).toMatchObject({
      location: 'WH',
      salesLines: 9,
      units: Object.values(EXPECTED_UNITS).reduce((a, b) => a + b, 0),
      zeroPriceLines: 2,
      nonStockLines: 7,
      cancellationLines: 1,
      returnLines: 1,
      caseVariantGroups: 1,
      caseVariants: [['79323P', '79323p']],
    });
    const flagged = await t.sw.db.query<{ sku: string }>(
      'SELECT sku FROM products WHERE account_id = $1 AND non_stock ORDER BY sku',
      [accountId],
    );
    expect(flagged.map((f) => f.sku)).toEqual([
      'AMAZONFEE',
      'BANK CHARGES',
      'C2',
      'DOT',
      'M',
      'POST',
      'gift_0001_20',
    ]);
    // Demand, not stock: nothing entered the ledger.
    const [moves] = await t.sw.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM stock_movements WHERE account_id = $1',
      [accountId],
    );
    expect(moves?.n).toBe(0);
    const again = await uploadImport(t.api, 'sales-history', file, query(mapping, '&skipInvalid=true'));
    expect(again.body['status']).toBe('unchanged');
  });

  it('GET /sales/history: units per SKU equal the file’s net priced quantities, with totals', async () => {
    const res = await t.api.get('/api/v1/sales/history?from=2009-12-01&to=2009-12-31');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const h = res.body as unknown as History;
    expect(Object.fromEntries(h.skus.map((s) => [s.sku, s.units]))).toEqual(EXPECTED_UNITS);
    expect(h.totals.units).toBe(Object.values(EXPECTED_UNITS).reduce((a, b) => a + b, 0));
    const glass = h.skus.find((s) => s.sku === '85048')!;
    expect(glass.revenue).toBeCloseTo(19 * 6.95, 2);
    expect(glass.days).toEqual([
      { date: '2009-12-01', units: 16, revenue: 111.2 },
      { date: '2009-12-07', units: 3, revenue: 20.85 },
    ]);
    const one = await t.api.get('/api/v1/sales/history?sku=22064&from=2009-12-05&to=2009-12-05&location=WH');
    expect((one.body as unknown as History).skus).toEqual([
      { sku: '22064', units: -4, revenue: -5.8, days: [{ date: '2009-12-05', units: -4, revenue: -5.8 }] },
    ]);
    expect((await t.api.get('/api/v1/sales/history?from=2009-12-10&to=2009-12-01')).status).toBe(400);
  });

  it('forecast and restock as of a past day run on the history; non-stock codes are never planned', async () => {
    const f = await t.api.get('/api/v1/forecasts/85048?asOf=2009-12-09&historyDays=10');
    expect(f.status, JSON.stringify(f.body)).toBe(200);
    const history = f.body['history'] as { date: string; units: number | null; censored: boolean }[];
    // From the first sale (12-01) to the history's last day (12-08): sellable, quiet days are zeros.
    expect(history.filter((d) => d.date >= '2009-12-01').map((d) => d.units)).toEqual([
      16, 0, 0, 0, 0, 0, 3, 0,
    ]);
    const plan = await t.api.get('/api/v1/restock?asOf=2009-12-09');
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const items = plan.body['items'] as {
      sku: string;
      location: string;
      reasoning: { dailyDemand: number };
    }[];
    const skus = new Set(items.map((i) => i.sku));
    // 19 units over the 8 days from its first sale: the plan sees that demand at WH.
    expect(items.find((i) => i.sku === '85048')).toMatchObject({ location: 'WH' });
    expect(items.find((i) => i.sku === '85048')!.reasoning.dailyDemand).toBeGreaterThan(0);
    for (const sku of Object.keys(EXPECTED_UNITS)) expect(skus.has(sku), sku).toBe(true);
    for (const sku of ['POST', 'DOT', 'M', 'C2', 'BANK CHARGES', 'AMAZONFEE', 'gift_0001_20'])
      expect(skus.has(sku), sku).toBe(false);
    expect((await t.api.get('/api/v1/restock?asOf=2009-12-09&sku=POST')).status).toBe(404);
  });

  it('the non-stock rule is the account’s to edit', async () => {
    const before = await t.api.get('/api/v1/sales/non-stock-rule');
    expect(before.body['codes']).toContain('POST');
    const put = await t.api.call('PUT', '/api/v1/sales/non-stock-rule', {
      body: { codes: ['POST', 'SHIP'], prefixes: ['gift_'] },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await t.api.get('/api/v1/sales/non-stock-rule')).body).toEqual({
      codes: ['POST', 'SHIP'],
      prefixes: ['gift_'],
    });
    // The change is audited against the account, with the rule before and after.
    const audit = await t.api.get('/api/v1/audit?entityType=account');
    expect(audit.body.items?.find((e) => e['action'] === 'sales.non_stock_rule')).toMatchObject({
      entityId: String(accountId),
      before: { codes: before.body['codes'] },
      after: { codes: ['POST', 'SHIP'], prefixes: ['gift_'] },
    });
    const bad = await t.api.call('PUT', '/api/v1/sales/non-stock-rule', {
      body: { codes: [''], prefixes: [] },
    });
    expect(bad.status).toBe(400);
  });
});
