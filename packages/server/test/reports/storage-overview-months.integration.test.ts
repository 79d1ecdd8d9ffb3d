import { expect, it, vi } from 'vitest';
import { storageRepository } from '@stockwise/db/reports/storage.repository';
import { describeEachBackend, useStockwise } from '../support/backends';
import type { StorageFees } from '../../src/reports/storage-overview';
import { storageOverview } from '../support/storage-overview';
import { CUBE, twoNetworkSeller } from '../support/two-network-seller';

type Row = Record<string, number | string | null>;
const cents = (x: number) => Math.round(x * 100) / 100;
const at = (day: string) => `${day}T12:00:00Z`;

describeEachBackend('Storage overview: each month is the storage report’s rows summed', (backend) => {
  const ctx = useStockwise(backend);

  it('a US and a German store with stock moving in and out over the months: every month’s fees and totals equal the storage report of that month summed by storage type and currency', async () => {
    const { api, move } = await twoNetworkSeller(ctx, {
      skus: ['SMALL'],
      box: { length: 10, width: 8, height: 4, weight: 1 },
      warehouse: 'WH',
      amazon: 'FBA-US',
    });
    const big = { length: 40, width: 30, height: 20, weight: 60, dimensionUnit: 'in', weightUnit: 'lb' };
    expect((await api.post('/api/v1/products', { sku: 'BIG', title: 'BIG', ...big })).status).toBe(201);
    const de = { code: 'FBA-DE', name: 'Amazon Germany', type: 'amazon_fba', marketplace: 'DE' };
    expect((await api.post('/api/v1/locations', de)).status).toBe(201);
    // old stock crossing surcharge brackets from one assessment day to the next, arrivals and departures
    // in several of the months shown, and stock in the seller's own warehouse (never charged by Amazon)
    const receipt = { type: 'receipt', unitCost: 3 };
    await move({ ...receipt, sku: 'SMALL', location: 'FBA-US', quantity: 20, occurredAt: at('2024-09-01') });
    await move({ ...receipt, sku: 'SMALL', location: 'FBA-DE', quantity: 10, occurredAt: at('2025-03-15') });
    await move({ ...receipt, sku: 'BIG', location: 'WH', quantity: 5, occurredAt: at('2025-06-01') });
    const transfer = { type: 'transfer', sku: 'BIG', location: 'WH' };
    await move({ ...transfer, toLocation: 'FBA-US', quantity: 3, occurredAt: at('2025-08-20') });
    await move({ ...transfer, toLocation: 'FBA-DE', quantity: 2, occurredAt: at('2025-10-05') });
    const ship = { type: 'shipment', sku: 'SMALL' };
    await move({ ...ship, location: 'FBA-DE', quantity: 3, occurredAt: at('2025-09-25') });
    await move({ ...ship, location: 'FBA-US', quantity: 4, occurredAt: at('2025-10-12') });
    await move({ ...ship, location: 'FBA-US', quantity: 2, occurredAt: at('2025-11-03') });
    await move({
      type: 'shipment',
      sku: 'BIG',
      location: 'FBA-US',
      quantity: 1,
      occurredAt: at('2025-09-10'),
    });
    await move({ ...receipt, sku: 'SMALL', location: 'FBA-US', quantity: 6, occurredAt: at('2025-11-15') });

    const asOf = '2025-11-20';
    const { months } = await storageOverview(api, asOf, 4);
    expect(months.map((m) => [m.month, m.basis])).toEqual([
      ['2025-08', 'past'],
      ['2025-09', 'past'],
      ['2025-10', 'past'],
      ['2025-11', 'current'],
      ['2025-12', 'next'],
    ]);
    const nextDay: Record<string, string> = {
      '2025-08': '2025-09-01',
      '2025-09': '2025-10-01',
      '2025-10': '2025-11-01',
    };
    for (const m of months) {
      // today's definition: the storage report of the month (a past month taken on the 1st after it)
      const day = m.basis === 'past' ? nextDay[m.month]! : asOf;
      const report = await api.get(`/api/v1/reports/storage?asOf=${day}&month=${m.month}&limit=5000`);
      expect(report.status).toBe(200);
      const rows = (report.body['rows'] as Row[]).filter((r) => r['estimated_monthly_storage_fee'] !== null);
      const expected = new Map<string, StorageFees>();
      for (const r of rows) {
        const storageType = String(r['storage_type']);
        const currency = String(r['currency']);
        const key = `${storageType} ${currency}`;
        const sum = expected.get(key) ?? { storageType, currency, storageFee: 0, agedSurcharge: 0 };
        sum.storageFee += Number(r['estimated_monthly_storage_fee']);
        sum.agedSurcharge += Number(r['estimated_aged_inventory_surcharge']);
        expected.set(key, sum);
      }
      const fees = [...expected.values()]
        .map((f) => ({ ...f, storageFee: cents(f.storageFee), agedSurcharge: cents(f.agedSurcharge) }))
        .sort((a, b) => a.storageType.localeCompare(b.storageType) || a.currency.localeCompare(b.currency));
      expect(m.fees, m.month).toEqual(fees);
      const totals = ['EUR', 'USD'].flatMap((currency) => {
        const of = fees.filter((f) => f.currency === currency);
        if (of.length === 0) return [];
        const total = (k: 'storageFee' | 'agedSurcharge') => cents(of.reduce((s, f) => s + f[k], 0));
        return [{ currency, storageFee: total('storageFee'), agedSurcharge: total('agedSurcharge') }];
      });
      expect(m.totals, m.month).toEqual(totals);
    }
    // the case is not vacuous: both stores and both storage types are charged, old stock is surcharged
    const current = months[3]!;
    expect(current.fees.map((f) => [f.storageType, f.currency])).toEqual([
      ['oversize', 'EUR'],
      ['oversize', 'USD'],
      ['standard', 'EUR'],
      ['standard', 'USD'],
    ]);
    expect(months.every((m) => m.totals.some((t) => t.storageFee > 0))).toBe(true);
    expect(months.some((m) => m.totals.some((t) => t.agedSurcharge > 0))).toBe(true);
  });

  it('utilisation of every month in one statement, worked by hand: average daily stored and shipped volume at Amazon over the 91 days before each day, flat in the months shown', async () => {
    // one-cubic-foot units, so volumes are unit counts
    const { owner, move } = await twoNetworkSeller(ctx, { skus: ['S1', 'S2'], box: CUBE, warehouse: 'WH' });
    const receipt = { type: 'receipt', unitCost: 3, location: 'FBA-US' };
    await move({ ...receipt, sku: 'S1', quantity: 40, occurredAt: at('2025-05-03') });
    await move({ ...receipt, sku: 'S2', quantity: 12, occurredAt: at('2025-08-21') });
    await move({ ...receipt, sku: 'S1', quantity: 4, occurredAt: at('2025-05-02') });
    // the seller's own warehouse is not Amazon's storage: never counted
    await move({ ...receipt, location: 'WH', sku: 'S1', quantity: 100, occurredAt: at('2025-06-01') });
    const ship = { type: 'shipment', location: 'FBA-US' };
    for (const [sku, day, quantity] of [
      ['S1', '2025-06-10', 5],
      ['S1', '2025-07-30', 7],
      ['S2', '2025-09-02', 3],
      ['S1', '2025-10-18', 6],
      ['S2', '2025-11-11', 2],
      ['S1', '2025-09-01', 1], // on an asOf: counted from that window on, not in the one ending there
    ] as const)
      await move({ ...ship, sku, quantity, occurredAt: at(day) });
    // S1 on hand: 4 on 05-02, 44 from 05-03, 39 from 06-10, 32 from 07-30, 31 from 09-01, 25 from 10-18;
    // S2: 12 from 08-21, 9 from 09-02, 7 from 11-11. Unit-days per window (window: first day .. day before):
    const worked = [
      // 04-01..06-30: S1 4×1 + 44×38 + 39×21; shipped 5
      { asOf: '2025-07-01', unitDays: 4 + 44 * 38 + 39 * 21, shipped: 5 },
      // 05-02..07-31 (the 05-02 receipt on its first day): S1 4×1 + 44×38 + 39×50 + 32×2; shipped 5 + 7
      { asOf: '2025-08-01', unitDays: 4 + 44 * 38 + 39 * 50 + 32 * 2, shipped: 12 },
      // 06-02..08-31: S1 44×8 + 39×50 + 32×33, S2 12×11; shipped 5 + 7
      { asOf: '2025-09-01', unitDays: 44 * 8 + 39 * 50 + 32 * 33 + 12 * 11, shipped: 12 },
      // 07-02..09-30: S1 39×28 + 32×33 + 31×30, S2 12×12 + 9×29; shipped 7 + 1 + 3
      { asOf: '2025-10-01', unitDays: 39 * 28 + 32 * 33 + 31 * 30 + 12 * 12 + 9 * 29, shipped: 11 },
      // 08-02..10-31: S1 32×30 + 31×47 + 25×14, S2 12×12 + 9×60; shipped 1 + 6 + 3
      { asOf: '2025-11-01', unitDays: 32 * 30 + 31 * 47 + 25 * 14 + 12 * 12 + 9 * 60, shipped: 10 },
      // 08-21..11-19: S1 32×11 + 31×47 + 25×33, S2 12×12 + 9×70 + 7×9; shipped 1 + 6 + 3 + 2
      { asOf: '2025-11-20', unitDays: 32 * 11 + 31 * 47 + 25 * 33 + 12 * 12 + 9 * 70 + 7 * 9, shipped: 12 },
    ];
    const asOfs = worked.map((w) => w.asOf);
    const accountId = owner.actor.accountId;
    const read = await storageRepository.utilizations(ctx.sw.tx.sql, accountId, { asOfs, days: 91 });
    read.forEach((u, i) => {
      expect(u.averageDailyVolume, asOfs[i]).toBeCloseTo(worked[i]!.unitDays / 91, 9);
      expect(u.averageDailyShippedVolume, asOfs[i]).toBeCloseTo(worked[i]!.shipped / 91, 9);
    });
    // one window alone reads as it does among the others
    const [alone] = await storageRepository.utilizations(ctx.sw.tx.sql, accountId, {
      asOfs: ['2025-10-01'],
      days: 91,
    });
    expect(alone?.averageDailyVolume).toBeCloseTo(worked[3]!.unitDays / 91, 9);
    // The overview of six months reads utilisation in as many statements as that of two (one past month).
    const statements = async (months: number) => {
      const all = vi.spyOn(storageRepository, 'utilizations');
      await ctx.sw.reports.storageOverview(owner.actor, { asOf: '2025-11-20', months });
      const n = all.mock.calls.length;
      vi.restoreAllMocks();
      return n;
    };
    expect(await statements(6)).toBe(await statements(2));
  });
});
