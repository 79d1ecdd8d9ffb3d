import { describe, expect, it } from 'vitest';
import { addScoredDays, skuTotalsFor, worstSkus, type SkuTotals } from './accuracy';

/** Scores one forecast of a SKU: a constant prediction and baseline over the given actuals. */
function score(
  bySku: Map<string, SkuTotals>,
  sku: string,
  actual: number[],
  [predicted, baseline]: [number, number],
): void {
  addScoredDays([skuTotalsFor(bySku, sku, sku.startsWith('K') ? 'Kitchen' : null)], {
    actual,
    predicted: actual.map(() => predicted),
    baseline: actual.map(() => baseline),
    quantiles: [],
  });
}

describe('worstSkus', () => {
  it('ranks by units missed (WAPE weighted by volume), not by WAPE alone', () => {
    const bySku = new Map<string, SkuTotals>();
    score(bySku, 'SLOW', [1, 1], [4, 1]); // 6 missed of 2 sold: WAPE 300%
    score(bySku, 'K-BEST', [100, 100, 100, 100, 100], [60, 90]); // 200 missed of 500: WAPE 40%
    score(bySku, 'EXACT', [5, 5], [5, 3]); // missed nothing: not ranked
    const ranked = worstSkus(bySku.values());
    expect(ranked.map((r) => r.sku)).toEqual(['K-BEST', 'SLOW']);
    expect(ranked[0]).toMatchObject({ category: 'Kitchen', actual: 500, missed: 200, forecasts: 1 });
    expect(ranked[0]!.wape).toBeCloseTo(0.4, 12);
    expect(ranked[0]!.baselineWape).toBeCloseTo(0.1, 12);
    expect(ranked[1]!.wape).toBeCloseTo(3, 12);
  });

  it('adds up every forecast of a SKU, skips censored days, keeps the limit and breaks ties by SKU', () => {
    const bySku = new Map<string, SkuTotals>();
    score(bySku, 'B', [10, Number.NaN], [8, 10]);
    score(bySku, 'B', [10], [12, 10]);
    score(bySku, 'A', [10, 10], [12, 10]);
    score(bySku, 'C', [10], [11, 10]);
    const ranked = worstSkus(bySku.values(), 2);
    expect(ranked.map((r) => [r.sku, r.missed, r.forecasts, r.observedDays])).toEqual([
      ['A', 4, 1, 2],
      ['B', 4, 2, 2],
    ]);
    expect(ranked[1]!.bias).toBe(0);
    expect(ranked[1]!.category).toBeNull();
  });
});
