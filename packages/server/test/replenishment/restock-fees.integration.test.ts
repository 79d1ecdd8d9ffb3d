import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { beforeAll, expect, it } from 'vitest';
import { todayUtc } from '../../src/forecasting/forecast.service';
import { describeEachBackend } from '../support/backends';
import { seedHistory } from './sales-history';
import { plannedProduct } from '../support/factories';
import { useOwnerApi } from '../support/owner-api';
import { preferredSupplier } from '../support/restock-setup';

/** Calendar months (1–12) of the 90 storage days from `fromDay` days after today (docs/formulas.md Restock). */
function windowMonths(fromDay: number): Set<number> {
  const today = parseIsoDate(todayUtc());
  const months = new Set<number>();
  for (let d = fromDay; d < fromDay + 90; d++) months.add(Number(isoDate(today + d).slice(5, 7)));
  return months;
}

describeEachBackend('Restock: economics read the seller fee table', (backend) => {
  const t = useOwnerApi(backend);
  // Lead times of 14 and 200 days: the storage windows (90 days from arrival) share no month.
  const FAST = { sku: 'FEE-FAST', supplier: 'NEAR', days: 14 };
  const SLOW = { sku: 'FEE-SLOW', supplier: 'FAR', days: 200 };

  beforeAll(async () => {
    expect(
      (
        await t.api.post('/api/v1/locations', {
          code: 'FBA1',
          name: 'Amazon',
          type: 'amazon_fba',
          marketplace: 'US',
        })
      ).status,
    ).toBe(201);
    for (const p of [FAST, SLOW]) {
      // A 12-inch cube: one cubic foot, standard size.
      await t.api.post(
        '/api/v1/products',
        plannedProduct(p.sku, { length: 12, width: 12, height: 12, weight: 2 }),
      );
      const production = p.days - 10;
      const leadTime = { productionDays: production, transitDays: 5, groundDays: 3, checkInDays: 2 };
      await preferredSupplier(t, { code: p.supplier, leadTime }, p.sku);
      await seedHistory(t.sw, t.owner, { sku: p.sku, location: 'FBA1', received: 200, perDay: 2 });
    }
  }, 120_000);

  it("a fee-table edit changes restock's holding cost for the lines whose storage window covers its months", async () => {
    const holding = async () => {
      const res = await t.api.get('/api/v1/restock?location=FBA1');
      expect(res.status).toBe(200);
      const items = res.body.items as unknown as {
        sku: string;
        leadTimeDays: number;
        reasoning: { holdingCostPerUnitDay: number };
      }[];
      const of = (sku: string) => items.find((i) => i.sku === sku)!;
      expect(of(FAST.sku).leadTimeDays).toBe(FAST.days);
      expect(of(SLOW.sku).leadTimeDays).toBe(SLOW.days);
      return {
        fast: of(FAST.sku).reasoning.holdingCostPerUnitDay,
        slow: of(SLOW.sku).reasoning.holdingCostPerUnitDay,
      };
    };
    const before = await holding();

    // The months SLOW's units are stored in become dearer; FAST's months keep their rate. The table
    // prices months as off-peak or peak: add SLOW's months to the peak months, and when FAST's window
    // has no peak month also double the peak rate (FAST's peak months, if any, keep 2.40).
    const fastMonths = windowMonths(FAST.days);
    const slowMonths = windowMonths(SLOW.days);
    expect([...slowMonths].some((m) => fastMonths.has(m))).toBe(false);
    const peak = [10, 11, 12];
    const fastHasPeak = peak.some((m) => fastMonths.has(m));
    const edited = await t.api.post('/api/v1/fees', {
      marketplace: 'US',
      effectiveFrom: '2020-01-01',
      peakMonths: [...new Set([...peak, ...slowMonths])].sort((a, b) => a - b),
      storage: {
        standard: { offPeak: 0.78, peak: fastHasPeak ? 2.4 : 4.8 },
        oversize: { offPeak: 0.56, peak: 1.4 },
      },
    });
    expect(edited.status).toBe(201);

    const after = await holding();
    expect(after.fast).toBe(before.fast);
    expect(after.slow).toBeGreaterThan(before.slow);

    // Removing the seller's row restores the shipped rates.
    expect((await t.api.delete(`/api/v1/fees/${String(edited.body['id'])}`)).status).toBe(204);
    expect(await holding()).toEqual(before);
  });
});
