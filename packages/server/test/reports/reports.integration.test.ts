import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { US_2024_FEES } from '@stockwise/domain/fees/us-2024.fixture';
import { REPORT_COLUMNS, ageColumns } from '../../src/reports/report-columns';
import type { createApp } from '../../src/http/app';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { useDemoSeller } from '../support/demo-seller';
import { newAccount } from '../support/factories';
import { listFees, shippedUsSchedule } from '../support/fees';
import { client } from '../support/http-client';
import { boxMovedToAmazon } from '../support/two-network-seller';

const today = new Date().toISOString().slice(0, 10);

const KINDS = ['inventory', 'inventory-age', 'excess', 'stranded', 'storage', 'profit'] as const;

async function download(
  app: ReturnType<typeof createApp>,
  token: string,
  path: string,
): Promise<{ status: number; type: string; bytes: Buffer }> {
  const res = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describeEachBackend('Reports on the demo seller', (backend) => {
  const seller = useDemoSeller(backend, 14);

  it('every report downloads as CSV and XLSX with the documented columns and the same rows as JSON', async () => {
    const fees = (await client(seller.app, seller.token).get('/api/v1/fees')).body['items'] as {
      marketplace: string;
      source: string;
    }[];
    expect(fees.some((f) => f.marketplace === 'US' && f.source === 'default')).toBe(true);
    for (const kind of KINDS) {
      const expected = kind === 'inventory-age' ? ageColumns(US_2024_FEES) : [...REPORT_COLUMNS[kind]];
      const json = await client(seller.app, seller.token).get(`/api/v1/reports/${kind}?limit=5000`);
      expect(json.status, kind).toBe(200);
      expect(json.body['columns'], kind).toEqual(expected);
      const jsonRows = json.body['rows'] as Record<string, unknown>[];
      if (kind !== 'excess' && kind !== 'stranded') expect(jsonRows.length, kind).toBeGreaterThan(0);
      for (const row of jsonRows)
        for (const v of Object.values(row))
          if (typeof v === 'number') expect(Number.isFinite(v), kind).toBe(true);

      const csv = await download(seller.app, seller.token, `/api/v1/reports/${kind}?format=csv`);
      expect(csv.status, kind).toBe(200);
      expect(csv.type).toContain('text/csv');
      const table = parseCsv(csv.bytes.toString('utf8'));
      expect(table[0], kind).toEqual(expected);
      expect(table.length - 1, kind).toBe(jsonRows.length);
      // Downloads of these two are whole-catalogue statements, JSON pages are per-page ones: the same cells.
      if (kind === 'inventory-age' || kind === 'storage') {
        const cell = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');
        expect(
          table.slice(1).filter((r) => r.length > 1),
          kind,
        ).toEqual(jsonRows.map((r) => expected.map((c) => cell(r[c]))));
      }

      const xlsx = await download(seller.app, seller.token, `/api/v1/reports/${kind}?format=xlsx`);
      expect(xlsx.status, kind).toBe(200);
      expect(xlsx.type).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header, kind).toEqual(expected);
      expect(sheet.actualRowCount - 1, kind).toBe(jsonRows.length);
    }
    const age = (await client(seller.app, seller.token).get('/api/v1/reports/inventory-age')).body[
      'columns'
    ] as string[];
    for (const c of [
      'sku',
      'fnsku',
      'asin',
      'inv-age-0-to-90-days',
      'inv-age-91-to-180-days',
      'inv-age-181-to-270-days',
      'inv-age-271-to-365-days',
      'inv-age-365-plus-days',
      'units-shipped-t30',
      'sell-through',
      'estimated-excess-quantity',
      'days-of-supply',
      'quantity-to-be-charged-ais-181-210-days',
      'estimated-ais-365-plus-days',
    ])
      expect(age).toContain(c);
    expect((await client(seller.app, seller.token).get('/api/v1/reports/nope')).status).toBe(400);
    expect(
      (await client(seller.app, seller.token).get('/api/v1/reports/profit?from=2025-05-01&to=2025-04-01'))
        .status,
    ).toBe(400);
  });

  it('the storage report carries capacity per storage type with the next two months and the utilisation ratio', async () => {
    const res = await client(seller.app, seller.token).get(
      `/api/v1/reports/storage?month=${today.slice(0, 7)}`,
    );
    const summary = res.body['summary'] as {
      capacity: { location: string; months: unknown[] }[];
      storageUtilizationRatioWeeks: number;
    };
    expect(summary.capacity.length).toBeGreaterThan(0);
    for (const c of summary.capacity) expect(c.months).toHaveLength(3);
    expect(
      summary.storageUtilizationRatioWeeks === null || Number.isFinite(summary.storageUtilizationRatioWeeks),
    ).toBe(true);
  });

  it('profit: revenue, COGS and fees for a period add up to the profit', async () => {
    const res = await client(seller.app, seller.token).get(
      `/api/v1/reports/profit?from=${isoDate(parseIsoDate(today) - 90)}&to=${today}`,
    );
    const rows = res.body['rows'] as Record<string, number>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const costs =
        r['cogs']! +
        r['referral-fees']! +
        r['fulfillment-fees']! +
        r['storage-fees']! +
        r['aged-inventory-surcharge']! +
        r['inbound-shipping']! +
        r['other-variable-cost']!;
      expect(r['profit']!).toBeCloseTo(r['revenue']! - costs, 1);
    }
    // the demo seller sells in USD only: one total, in USD
    const totals = (res.body['summary'] as { totals: { currency: string; revenue: number }[] }).totals;
    expect(totals.map((t) => t.currency)).toEqual(['USD']);
    expect(totals[0]!.revenue).toBeGreaterThan(0);
  });
});

describeEachBackend('Reports and fees: hand-checked cases through the API', (backend) => {
  const ctx = useStockwise(backend);

  it('units received 200 days ago are in 181–270 at the seller’s location; the one moved to Amazon is aged from its arrival there; 12×10×8 in pays $0.43 in March and $1.33 in November', async () => {
    // Moved to Amazon 10 days ago: 200 days old for the seller, 10 days old for Amazon.
    const { api, asOf } = await boxMovedToAmazon(ctx);
    // Amazon's scope (the default): the unit at FBA, aged from its arrival at Amazon — no surcharge on
    // the next 15th (2025-08-15, 36 days at Amazon). (Before layers carried the arrival, this unit was
    // 200 days old here and the 2 warehouse units were counted under Amazon's column names.)
    const age = await api.get(`/api/v1/reports/inventory-age?asOf=${asOf}`);
    expect(age.body['scope']).toEqual({ network: 'amazon', locations: ['FBA'] });
    const row = (age.body['rows'] as Record<string, number>[])[0]!;
    expect(row['inv-age-0-to-90-days']).toBe(1);
    expect(row['inv-age-181-to-270-days']).toBe(0);
    expect(row['quantity-to-be-charged-ais-181-210-days']).toBe(0);
    expect(row['estimated-ais-181-210-days']).toBe(0);
    // The seller's warehouse: the seller's age, not under Amazon's names, no Amazon fees.
    const wh = await api.get(`/api/v1/reports/inventory-age?asOf=${asOf}&location=WH`);
    expect(wh.body['scope']).toEqual({ network: 'seller', locations: ['WH'] });
    const whRow = (wh.body['rows'] as Record<string, number>[])[0]!;
    expect(whRow['seller-age-181-to-270-days']).toBe(2);
    expect(Object.keys(whRow).filter((k) => k.startsWith('inv-age') || k.includes('-ais-'))).toEqual([]);
    expect(wh.body['columns']).not.toContain('estimated-storage-cost-next-month');

    const march = await api.get('/api/v1/reports/storage?asOf=2025-07-20&month=2025-03');
    const marchFba = (march.body['rows'] as Record<string, unknown>[]).find(
      (r) => r['fulfillment_center'] === 'FBA',
    );
    // The unit was not at Amazon in March: nothing to charge there.
    expect(marchFba?.['estimated_monthly_storage_fee'] ?? 0).toBe(0);
    const july = await api.get('/api/v1/reports/storage?asOf=2025-07-20&month=2025-07');
    const julyFba = (july.body['rows'] as Record<string, unknown>[]).find(
      (r) => r['fulfillment_center'] === 'FBA',
    )!;
    expect(julyFba['item_volume']).toBeCloseTo(0.5556, 4);
    expect(julyFba['base_rate']).toBe(0.78);
    // One unit for the last 10 of 19 days: 10/19 × 0.5556 × $0.78
    expect(julyFba['estimated_monthly_storage_fee']).toBeCloseTo((10 / 19) * 0.5556 * 0.78, 2);
    const november = await api.get('/api/v1/reports/storage?asOf=2025-12-01&month=2025-11');
    const novFba = (november.body['rows'] as Record<string, unknown>[]).find(
      (r) => r['fulfillment_center'] === 'FBA',
    )!;
    expect(novFba['base_rate']).toBe(2.4);
    expect(novFba['estimated_monthly_storage_fee']).toBe(1.33);
    const marchHeld = await api.get('/api/v1/reports/storage?asOf=2026-04-01&month=2026-03');
    expect(
      (marchHeld.body['rows'] as Record<string, unknown>[]).find((r) => r['fulfillment_center'] === 'FBA')![
        'estimated_monthly_storage_fee'
      ],
    ).toBe(0.43);
  });

  it('fee table: the seeded US schedule equals docs/formulas.md; a seller schedule overrides it from its date; defaults are read-only', async () => {
    const { owner, api } = await newAccountApi(ctx);
    const list = await listFees(api);
    const us = shippedUsSchedule(list);
    expect(us.seeded).toEqual(US_2024_FEES);
    expect((await api.patch(`/api/v1/fees/${String(us.id)}`, { referralRate: 0.1 })).status).toBe(409);
    const created = await api.post('/api/v1/fees', {
      marketplace: 'US',
      effectiveFrom: '2026-01-01',
      storage: { standard: { offPeak: 1, peak: 3 }, oversize: { offPeak: 0.56, peak: 1.4 } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source: 'account',
      referralRate: 0.15,
      storage: { standard: { offPeak: 1 } },
    });
    expect((await api.post('/api/v1/fees', { marketplace: 'US', effectiveFrom: '2026-01-01' })).status).toBe(
      409,
    );
    const patched = await api.patch(`/api/v1/fees/${String(created.body['id'])}`, { referralRate: 0.12 });
    expect(patched.body).toMatchObject({ referralRate: 0.12 });
    const before = await ctx.sw.fees.effective(owner.actor, { marketplace: 'US', on: '2025-12-31' });
    const after = await ctx.sw.fees.effective(owner.actor, { marketplace: 'US', on: '2026-02-01' });
    expect(before.storage.standard.offPeak).toBe(0.78);
    expect(after.storage.standard.offPeak).toBe(1);
    expect((await api.delete(`/api/v1/fees/${String(created.body['id'])}`)).status).toBe(204);
    const other = await newAccount(ctx.sw);
    // another account sees the shipped tables only (one per marketplace, docs/fees.md), none of this one's
    const theirs = await listFees(client(ctx.app, other.token));
    expect(theirs.length).toBe(list.filter((f) => f.source === 'default').length);
    expect(theirs.every((f) => f.source === 'default')).toBe(true);
  });
});
