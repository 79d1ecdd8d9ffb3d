import { expect, it } from 'vitest';
import { parseIsoDate } from '@stockwise/domain/dates/dates';
import { describeEachBackend, useStockwise } from '../support/backends';
import { twoNetworkSeller } from '../support/two-network-seller';

interface Month {
  month: string;
  basis: string;
  fees: { storageType: string; storageFee: number; agedSurcharge: number }[];
  storageFee: number;
  agedSurcharge: number;
}

describeEachBackend('Storage overview: fees by storage type and month', (backend) => {
  const ctx = useStockwise(backend);

  it('sums the storage report month by month: nothing before the unit reached Amazon, the days so far this month, today’s stock at next month’s rate', async () => {
    const { api } = await twoNetworkSeller(ctx, {
      skus: ['BOX'],
      box: { length: 12, width: 10, height: 8, weight: 1.5 },
      warehouse: 'WH',
      amazon: 'FBA',
    });
    const asOf = '2025-07-20';
    const at = (daysBefore: number) =>
      new Date((parseIsoDate(asOf) - daysBefore) * 86_400_000 + 12 * 3_600_000).toISOString();
    expect(
      (
        await api.post('/api/v1/movements', {
          type: 'receipt',
          sku: 'BOX',
          location: 'WH',
          quantity: 3,
          unitCost: 4,
          occurredAt: at(200),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api.post('/api/v1/movements', {
          type: 'transfer',
          sku: 'BOX',
          location: 'WH',
          toLocation: 'FBA',
          quantity: 1,
          occurredAt: '2025-07-10T12:00:00Z',
        })
      ).status,
    ).toBe(201);

    const res = await api.get(`/api/v1/reports/storage/overview?asOf=${asOf}&months=2`);
    expect(res.status).toBe(200);
    const months = res.body['months'] as Month[];
    expect(months.map((m) => [m.month, m.basis])).toEqual([
      ['2025-06', 'past'],
      ['2025-07', 'current'],
      ['2025-08', 'next'],
    ]);
    // June: the unit was still in the seller's warehouse, which Amazon does not charge.
    expect(months[0]!.storageFee).toBe(0);
    // July: one unit for the last 10 of 19 days, 0.5556 ft³ at $0.78 (the storage report's own row).
    const july = await api.get(`/api/v1/reports/storage?asOf=${asOf}&month=2025-07`);
    const julyRows = july.body['rows'] as Record<string, number>[];
    const julyFee = julyRows.reduce((s, r) => s + r['estimated_monthly_storage_fee']!, 0);
    expect(months[1]!.storageFee).toBeCloseTo(julyFee, 2);
    expect(months[1]!.storageFee).toBeCloseTo((10 / 19) * 0.5556 * 0.78, 2);
    expect(months[1]!.fees).toEqual([
      { storageType: 'standard', storageFee: months[1]!.storageFee, agedSurcharge: 0 },
    ]);
    // August: the unit still there all month.
    expect(months[2]!.storageFee).toBeCloseTo(0.5556 * 0.78, 2);
    const summary = res.body['summary'] as { capacity: { months: unknown[] }[] };
    for (const line of summary.capacity) expect(line.months).toHaveLength(3);
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
});
