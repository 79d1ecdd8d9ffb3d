import { describe, expect, it } from 'vitest';
import { countQuantiles } from '../forecasting/count-quantiles';
import { chooseServiceLevel, holdingCostPerUnitDay } from './economics';
import { cycleServiceLevel } from './cycle-service';
import { flatForecast, restockInput } from './plan.fixture';
import { recommendRestock } from './restock';

const storage = (0.78 * 12) / 365;
const cheap = { price: 3, unitCost: 1.2, feesPerUnit: 1.5 };
const dear = { price: 60, unitCost: 24, feesPerUnit: 12 };
/** The critical ratio over one review period of R days (0.1 cu ft at the off-peak storage rate). */
const ratioOver = (sku: typeof cheap, reviewDays: number) =>
  chooseServiceLevel({
    ...sku,
    holdingPerUnitDay: holdingCostPerUnitDay({ ...sku, cubicFeet: 0.1, storagePerCubicFootDay: storage }),
    coverDays: reviewDays,
  }).serviceLevel;
/** Poisson quantiles of demand at 1 a day over the lead time (14 days) and the protection period (15). */
const poisson = (mean: number) => (alpha: number) => countQuantiles(mean, mean, [alpha])[0]!;
/** Poisson P(Y ≤ k), summed term by term. */
const poissonCdf = (mean: number) => (k: number) => {
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= k; i++) sum += term *= mean / i;
  return sum;
};
const span = { spanAt: poisson(15), spanCdf: poissonCdf(15), leadCdf: poissonCdf(14) };

describe('the service level of a review cycle under lost sales (docs/formulas.md Restock)', () => {
  it('is the critical ratio over the review period times the lead time’s chance of leaving S: cheap vs dear', () => {
    // Daily review (R = 1), lead time 14, Poisson 1 a day: D_L ~ Poisson(14), D_P ~ Poisson(15).
    // Cheap: h = 1.2 × 0.25/365 + 0.1 × 0.025644 = 0.0033863; u = 3 − 1.2 − 1.5 = 0.3 → α_R = 0.98884.
    const cheapRatio = ratioOver(cheap, 1);
    expect(cheapRatio).toBeCloseTo(0.98884, 5);
    // S = 23: P(D_P ≤ 23) = 0.98054 ≥ 0.98884 × P(D_L ≤ 23) = 0.98884 × 0.99067 = 0.97961;
    // S = 22: 0.96726 < 0.98884 × 0.98274 = 0.97177. The level is 0.97961 (not 0.98884, which asks 25).
    const { level: cheapLevel, units: cheapUnits } = cycleServiceLevel(cheapRatio, span);
    expect(cheapUnits).toBe(23);
    expect(cheapLevel).toBeCloseTo(0.97961, 4);
    expect(poisson(15)(cheapLevel)).toBe(23);
    expect(poisson(15)(cheapRatio)).toBe(25);
    // Dear: h = 24 × 0.25/365 + 0.1 × 0.025644 = 0.0190027; u = 60 − 24 − 12 = 24 → 24 / 24.019 = 0.99921,
    // clamped to 0.999. S = 28: P(D_P ≤ 28) = 0.99914 ≥ 0.999 × 0.99970 = 0.99870; S = 27: 0.99828 <
    // 0.999 × 0.99937 = 0.99837. The dear SKU keeps its level within a unit; the cheap one gives up two.
    const dearRatio = ratioOver(dear, 1);
    expect(dearRatio).toBe(0.999);
    const { level: dearLevel, units: dearUnits } = cycleServiceLevel(dearRatio, span);
    expect(dearUnits).toBe(28);
    expect(dearLevel).toBeCloseTo(0.9987, 4);
    expect(poisson(15)(dearLevel)).toBe(28);
  });

  it('is the critical ratio itself when the lead time alone never exhausts the level', () => {
    // A lead time of 0 days: nothing sells before the order lands, P(D_L ≤ S) = 1; Poisson(7) reaches
    // 0.95 at 12 (P(≤ 11) = 0.9467, P(≤ 12) = 0.9730).
    expect(
      cycleServiceLevel(0.95, {
        spanAt: poisson(7),
        spanCdf: poissonCdf(7),
        leadCdf: () => 1,
      }),
    ).toEqual({ level: 0.95, units: 12 });
  });

  it('plans the order-up-to level on it, with the carry over the review period', () => {
    const at = (sku: typeof cheap) =>
      recommendRestock(
        restockInput({
          ...sku,
          forecast: flatForecast(1),
          leadTime: { meanDays: 14, sdDays: 0 },
          stock: { onHand: 0, reserved: 0, inbound: 0 },
          casePack: 1,
        }),
        { reviewDays: 1 },
      );
    const a = at(cheap);
    const b = at(dear);
    expect(a.reasoning.carryDays).toBe(1);
    expect(a.serviceLevel).toBeCloseTo(0.9796, 4);
    expect(a.orderUpTo).toBe(23);
    expect(b.serviceLevel).toBeCloseTo(0.9987, 4);
    expect(b.orderUpTo).toBe(28);
  });
});

describe('the per-cycle carry under a forecast whose level moves (docs/formulas.md Restock)', () => {
  it('lengthens the review period by the reviews a level drop strands the top unit for', () => {
    // 1 a day, level variance 0.64 (× the default calibration's 0.25: relative variance 0.16 over a
    // week, level sd 40 %), lead time 14, weekly review, the dear SKU: h = 24 × 0.25/365 + 0.1 × 0.025644
    // = 0.0190027, u = 24, α_R over 7 days = 24 / (24 + 0.13302) = 0.994488.
    const forecast = { ...flatForecast(1), levelVariance: 0.64 };
    const rec = (f: typeof forecast) =>
      recommendRestock(
        restockInput({
          ...dear,
          forecast: f,
          leadTime: { meanDays: 14, sdDays: 0 },
          stock: { onHand: 0, reserved: 0, inbound: 0 },
          casePack: 1,
        }),
        { reviewDays: 7 },
      );
    const ratio = ratioOver(dear, 7);
    expect(ratio).toBeCloseTo(0.994488, 6);
    // D_P over 21 days: mean 21, variance 21 + 0.64 × 0.25 × √3 × 21² = 143.21; its α_R-quantile is 63.
    expect(countQuantiles(21, 21 + 0.64 * 0.25 * Math.sqrt(3) * 21 * 21, [ratio])[0]).toBe(63);
    // The level falls by more than the week's 7 units out of 63 with chance Φ(−(7/63)/0.4) = Φ(−0.2778)
    // = 0.39059: the unit is carried 7 / 0.60941 = 11.49 days, not 7; o = 11.49 × 0.0190027 = 0.2183,
    // and the critical ratio 24 / 24.2183 = 0.99099 (the level planned: the lead time never exhausts S).
    const a = rec(forecast);
    expect(a.reasoning.carryDays).toBe(11.5);
    expect(a.reasoning.excessCostPerUnit).toBeCloseTo(0.218, 3);
    expect(a.serviceLevel).toBeCloseTo(0.991, 3);
    // A Poisson forecast of the same mean has no level to drop: the carry stays the review period.
    const poissonRec = rec({ ...forecast, levelVariance: 0 });
    expect(poissonRec.reasoning.carryDays).toBe(7);
    expect(poissonRec.reasoning.excessCostPerUnit).toBeCloseTo(0.133, 3);
  });
});
