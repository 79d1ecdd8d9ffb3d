import { describe, expect, it } from 'vitest';
import {
  accuracyPeriod,
  addScoredDays,
  bias,
  emptyTotals,
  intervalCoverage,
  summariseTotals,
  wape,
} from './accuracy';

const a = Float64Array.from([10, 0, NaN, 5]);
const f = Float64Array.from([8, 1, 100, 5]);

describe('accuracy', () => {
  it('wape and bias skip censored actuals', () => {
    expect(wape(a, f)).toBeCloseTo(3 / 15, 12);
    expect(bias(a, f)).toBeCloseTo(-1 / 15, 12);
  });

  it('never NaN on zero actuals', () => {
    const z = new Float64Array(3);
    expect(wape(z, z)).toBe(0);
    expect(wape(z, Float64Array.from([1, 0, 0]))).toBe(1);
    expect(bias(z, Float64Array.from([1, 0, 0]))).toBe(1);
  });

  it('interval coverage', () => {
    const lower = Float64Array.from([9, 0, 0, 6]);
    const upper = Float64Array.from([12, 0, 0, 9]);
    expect(intervalCoverage(a, { lower, upper })).toBeCloseTo(2 / 3, 12);
    expect(intervalCoverage(Float64Array.from([NaN]), { lower, upper })).toBe(0);
  });
});

describe('accuracy totals', () => {
  it('add scored days to several totals at once and summarise them (hand-worked)', () => {
    const overall = emptyTotals();
    const period = emptyTotals();
    // Actuals 2, NaN (censored), 4 against forecasts 3, 9, 3: |e| = 1 + 1 = 2 of 6 sold, error +1 − 1 = 0;
    // the seasonal-naive baseline 5, 5, 1 misses by 3 + 3 = 6 of 6.
    addScoredDays([overall, period], {
      actual: [2, Number.NaN, 4],
      predicted: [3, 9, 3],
      baseline: [5, 5, 1],
      quantiles: [{ level: 0.9, values: [4, 0, 3] }],
    });
    addScoredDays([overall], { actual: [0], predicted: [1], baseline: [0], quantiles: [] });
    expect(summariseTotals(period)).toEqual({
      wape: 2 / 6,
      bias: 0,
      baselineWape: 1,
      // 0.9: 2 ≤ 4 yes, 4 ≤ 3 no; no 0.8 or 0.95 quantile: covered.
      coverage: { q80: 1, q90: 0.5, q95: 1 },
      observedDays: 2,
      actual: 6,
    });
    expect(summariseTotals(overall)).toMatchObject({
      wape: 3 / 6,
      bias: 1 / 6,
      baselineWape: 1,
      observedDays: 3,
    });
    expect(summariseTotals(emptyTotals())).toMatchObject({
      wape: null,
      bias: null,
      baselineWape: null,
      coverage: { q90: null },
    });
  });
});

describe('accuracyPeriod', () => {
  it('is the Monday on or before the first forecast day', () => {
    // 2026-12-06 is a Sunday, 2026-11-30 the Monday before it.
    expect(accuracyPeriod('2026-12-06')).toBe('2026-11-30');
    expect(accuracyPeriod('2026-11-30')).toBe('2026-11-30');
    expect(accuracyPeriod('2026-12-01')).toBe('2026-11-30');
  });
});
