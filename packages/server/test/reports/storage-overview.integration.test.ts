import { expect, it } from 'vitest';
import { describeEachBackend, useStockwise } from '../support/backends';
import type { StorageMonth } from '../../src/reports/storage-overview';
import { storageOverview } from '../support/storage-overview';
import { boxMovedToAmazon, cubesAtTwoStores, FBA_DE, twoNetworkSeller } from '../support/two-network-seller';

type Row = Record<string, number | string | null>;
const cents = (x: number) => Math.round(x * 100) / 100;

describeEachBackend('Storage overview: fees by storage type and month', (backend) => {
  const ctx = useStockwise(backend);

  it('sums the storage report month by month: nothing before the unit reached Amazon, the days so far this month, today’s stock at next month’s rate', async () => {
    const { api, asOf } = await boxMovedToAmazon(ctx);

    const { months, body } = await storageOverview(api, asOf, 2);
    expect(months.map((m) => [m.month, m.basis])).toEqual([
      ['2025-06', 'past'],
      ['2025-07', 'current'],
      ['2025-08', 'next'],
    ]);
    // June: the unit was still in the seller's warehouse, which Amazon does not charge.
    expect(months[0]!.totals).toEqual([{ currency: 'USD', storageFee: 0, agedSurcharge: 0 }]);
    // July: one unit for the last 10 of 19 days, 0.5556 ft³ at $0.78 (the storage report's own row).
    const july = await api.get(`/api/v1/reports/storage?asOf=${asOf}&month=2025-07`);
    const julyRows = july.body['rows'] as Record<string, number>[];
    const julyFee = julyRows.reduce((s, r) => s + r['estimated_monthly_storage_fee']!, 0);
    const [julyUsd] = months[1]!.totals;
    expect(months[1]!.totals).toHaveLength(1);
    expect(julyUsd!.currency).toBe('USD');
    expect(julyUsd!.storageFee).toBeCloseTo(julyFee, 2);
    expect(julyUsd!.storageFee).toBeCloseTo((10 / 19) * 0.5556 * 0.78, 2);
    expect(months[1]!.fees).toEqual([
      { storageType: 'standard', currency: 'USD', storageFee: julyUsd!.storageFee, agedSurcharge: 0 },
    ]);
    // August: the unit still there all month.
    expect(months[2]!.totals[0]!.storageFee).toBeCloseTo(0.5556 * 0.78, 2);
    expect(body['currencies']).toEqual(['USD']);
    const summary = body['summary'] as { capacity: { months: unknown[] }[] };
    for (const line of summary.capacity) expect(line.months).toHaveLength(3);
  });

  it('a second call after a ledger write prices the stock as it is then, not as an earlier call saw it', async () => {
    const { api, asOf, transferOne } = await boxMovedToAmazon(ctx);
    const path = `/api/v1/reports/storage/overview?asOf=${asOf}&months=2`;
    const first = await api.get(path);
    expect((await api.get(path)).body).toEqual(first.body);
    const fees = (body: Record<string, unknown>) =>
      (body['months'] as StorageMonth[]).map((m) => m.totals[0]?.storageFee ?? 0);
    // a second unit reaches Amazon the day the first did: July's and August's fees double, June's stay 0
    await transferOne();
    const [june, july, august] = fees((await api.get(path)).body);
    const before = fees(first.body);
    expect(june).toBe(0);
    expect(july).toBeCloseTo(2 * before[1]!, 1);
    expect(august).toBeCloseTo(2 * before[2]!, 1);
    expect(august).toBeGreaterThan(0);
  });

  it('refuses a months count outside 1–12, naming the field', async () => {
    const { api } = await twoNetworkSeller(ctx, {
      skus: ['BOX'],
      box: { length: 12, width: 10, height: 8, weight: 1.5 },
      warehouse: 'WH',
      amazon: 'FBA',
    });
    const res = await api.get('/api/v1/reports/storage/overview?months=13');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('months');
  });

  it('a seller with a US and a German Amazon store gets each month’s fees in USD and in EUR, never one sum', async () => {
    // 10 units at each store since 2024-06-01: over 365 days old on the July assessment day.
    const { api } = await cubesAtTwoStores(ctx, 'CUBE', FBA_DE, '2024-06-01T12:00:00Z');
    const asOf = '2025-07-10';
    const { months, body } = await storageOverview(api, asOf, 1);
    expect(body['currencies']).toEqual(['EUR', 'USD']);
    const july = months.find((m) => m.basis === 'current')!;
    // each currency's total is the sum of the storage report's rows in that currency, and only those
    const report = await api.get(`/api/v1/reports/storage?asOf=${asOf}&month=2025-07`);
    const rows = report.body['rows'] as Row[];
    const sum = (currency: string, column: string) =>
      cents(rows.filter((r) => r['currency'] === currency).reduce((s, r) => s + Number(r[column]), 0));
    expect(july.totals).toEqual(
      ['EUR', 'USD'].map((currency) => ({
        currency,
        storageFee: sum(currency, 'estimated_monthly_storage_fee'),
        agedSurcharge: sum(currency, 'estimated_aged_inventory_surcharge'),
      })),
    );
    // the DE table's €170 per m³ over 365 days and the US table's $6.90 per cu ft: two figures
    expect(july.totals.map((t) => t.agedSurcharge)).toEqual([48.14, 69]);
    expect(july.fees.map((f) => [f.storageType, f.currency])).toEqual([
      ['oversize', 'EUR'],
      ['oversize', 'USD'],
    ]);
    const capacity = (body['summary'] as { capacity: { location: string; currency: string }[] }).capacity;
    expect(new Map(capacity.map((c) => [c.location, c.currency]))).toEqual(
      new Map([
        ['FBA-DE', 'EUR'],
        ['FBA-US', 'USD'],
      ]),
    );
  });
});
