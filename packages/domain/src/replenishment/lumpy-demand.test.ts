import { describe, expect, it } from 'vitest';
import type { ServiceLevelChoice } from './economics';
import type { LumpyProfile, OrderSizeSummary } from './lumpy-demand';
import {
  compoundQuantile,
  lumpyProfile,
  marginalServiceLevel,
  readsOrderSizes,
  summariseOrderSizes,
} from './lumpy-demand';
import { recommendRestock } from './restock';
import { flatForecast, restockInput } from './plan.fixture';

/** The order sizes of a year with the given selling-day totals. */
const year = (sizes: number[]): OrderSizeSummary => ({
  windowDays: 365,
  orders: sizes.length,
  units: sizes.reduce((a, x) => a + x, 0),
  sumSquares: sizes.reduce((a, x) => a + x * x, 0),
  sizes,
});

const constant = (level: number) => () => level;

describe('summariseOrderSizes', () => {
  it('counts selling days, their units and squares, and keeps the sizes only while few', () => {
    // Days 3 and 5 sold: 2 orders, 8 units, 9 + 25 = 34; zero and missing days are not orders.
    expect(summariseOrderSizes([0, 5, 0, 3, Number.NaN])).toEqual({
      windowDays: 5,
      orders: 2,
      units: 8,
      sumSquares: 34,
      sizes: [3, 5],
    });
    // Three selling days above a limit of two: the sizes are not kept (not lumpy by ADI anyway).
    expect(summariseOrderSizes([1, 2, 3], 2)).toMatchObject({ orders: 3, units: 6, sizes: null });
    // The summary of a year plans as the repository's does.
    const days = Array.from({ length: 365 }, (_, i) => [10, 400, 600, 1000][i / 90] ?? 0);
    expect(lumpyProfile(summariseOrderSizes(days))).toMatchObject({ orders: 4, meanSize: 502.5 });
  });

  it('is read for the SKUs the forecast finds sporadic only', () => {
    expect(readsOrderSizes({ demandClass: 'lumpy' })).toBe(true);
    expect(readsOrderSizes({ demandClass: 'intermittent' })).toBe(true);
    expect(readsOrderSizes({ demandClass: 'smooth' })).toBe(false);
    expect(readsOrderSizes({ demandClass: 'erratic' })).toBe(false);
  });
});

describe('lumpyProfile', () => {
  it('keeps sporadic days of varied sizes (lumpy) and leaves steady or same-sized sellers to the count model', () => {
    const lumpy = lumpyProfile(year([10, 400, 600, 1000]));
    expect(lumpy).toMatchObject({ orders: 4, meanSize: 502.5, minSize: 10, maxSize: 1000 });
    expect(lumpy?.support.map((s) => s.p)).toEqual([0.25, 0.25, 0.25, 0.25]);
    // Same sizes: intermittent (CV² 0), not lumpy.
    expect(lumpyProfile(year([5, 5, 5, 5]))).toBeNull();
    // Sold on 300 of 365 days: ADI 1.22 < 1.32, not sporadic.
    expect(lumpyProfile(year(Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 50 : 1))))).toBeNull();
    // Sizes unknown (too many days) or a single order: no profile.
    expect(lumpyProfile({ ...year([10, 400]), sizes: null })).toBeNull();
    expect(lumpyProfile(year([900]))).toBeNull();
    expect(lumpyProfile(null)).toBeNull();
  });
});

describe('compoundQuantile', () => {
  // Sizes 100 and 300 equally likely, mean 200; mean demand 100 → λ = 0.5 orders.
  // Panjer: f(0) = e^−0.5 = 0.6065; f(100) = 0.5/100 · 100·½·f(0) = 0.1516 (P ≤ 100: 0.7582);
  // f(200) = 0.5/200 · 100·½·f(100) = 0.0190 (0.7771); f(300) = 0.5/300 · (100·½·f(200) + 300·½·f(0)) = 0.1532 (0.9303).
  const profile: LumpyProfile = {
    orders: 2,
    windowDays: 365,
    meanSize: 200,
    minSize: 100,
    maxSize: 300,
    support: [
      { size: 100, p: 0.5 },
      { size: 300, p: 0.5 },
    ],
  };

  it('reads the level off the compound Poisson distribution', () => {
    const at = (level: number) =>
      compoundQuantile(profile, { mean: 100, days: 10, sdDays: 0, level: constant(level) });
    expect(at(0.6)?.quantile).toBe(0);
    expect(at(0.75)?.quantile).toBe(100);
    expect(at(0.77)?.quantile).toBe(200);
    expect(at(0.9)?.quantile).toBe(300);
    expect(at(0.9)?.chanceOfNone).toBeCloseTo(Math.exp(-0.5), 12);
    expect(at(0.9)?.expectedOrders).toBe(0.5);
  });

  it('widens with a lead-time spread and gives nothing to plan without demand', () => {
    const wide = compoundQuantile(profile, { mean: 100, days: 10, sdDays: 5, level: constant(0.9) })!;
    // λ mixed over 0.5·(1 ± √3·0.5): more chance of none, and a fatter tail.
    expect(wide.chanceOfNone).toBeGreaterThan(Math.exp(-0.5));
    expect(wide.quantile).toBeGreaterThanOrEqual(300);
    expect(compoundQuantile(profile, { mean: 0, days: 10, sdDays: 0, level: constant(0.9) })).toMatchObject({
      quantile: 0,
      chanceOfNone: 1,
    });
  });

  it('stops where the level asked of the next unit is met (a falling level stocks less)', () => {
    // At 0.95 throughout: f(400) = 0.5/400 · (100·½·f(300) + 300·½·f(100)) = 0.0380, P ≤ 400 = 0.968 → 400.
    expect(
      compoundQuantile(profile, { mean: 100, days: 10, sdDays: 0, level: constant(0.95) })?.quantile,
    ).toBe(400);
    // If units from the 300th on need only 0.9, P ≤ 300 = 0.930 is enough.
    const falling = (units: number) => (units < 300 ? 0.95 : 0.9);
    expect(compoundQuantile(profile, { mean: 100, days: 10, sdDays: 0, level: falling })?.quantile).toBe(300);
  });
});

describe('marginalServiceLevel', () => {
  const economics: ServiceLevelChoice = {
    serviceLevel: 0.98,
    source: 'economics',
    lostMarginPerUnit: 10,
    excessCostPerUnit: 0.2,
    carryDays: 20,
    criticalRatio: 0.98,
  };
  it('counts the overage over the days a unit waits to be sold when the orders do not come', () => {
    const level = marginalServiceLevel(economics, { holdingPerUnitDay: 0.01, dailyDemand: 5, mean: 100 });
    // Unit 150 waits 10 days < the 20-day carry: 10 / (10 + 0.2).
    expect(level(150)).toBeCloseTo(10 / 10.2, 12);
    // Unit 300 waits (300 − 100) / 5 = 40 days: 10 / (10 + 0.4) = 0.9615.
    expect(level(300)).toBeCloseTo(10 / 10.4, 12);
    // Unit 100,100 waits 20,000 days: floored at 0.5.
    expect(level(100_100)).toBe(0.5);
  });

  it("keeps a seller's level constant", () => {
    const level = marginalServiceLevel(
      { ...economics, source: 'setting', serviceLevel: 0.9 },
      { holdingPerUnitDay: 0.01, dailyDemand: 5, mean: 100 },
    );
    expect(level(100_100)).toBe(0.9);
  });
});

describe('restock of a lumpy SKU', () => {
  // Twelve selling days a year, nine of them small and three bulk orders (480, 1,200, 2,400): 4,398
  // units, 12.05 a day. The forecast's tail is as wide as a lumpy history gives it (dispersion 150,
  // level error ±71%); nothing on hand, a 30-day lead time and a weekly review: 446 units expected.
  const sizes = [24, 36, 12, 480, 48, 2400, 60, 36, 24, 1200, 48, 30];
  const perDay = sizes.reduce((a, x) => a + x, 0) / 365;
  const forecast = { ...flatForecast(perDay), dispersion: 150, levelVariance: 0.5 };
  const giftItem = restockInput({
    forecast,
    stock: { onHand: 0, reserved: 0, inbound: 0 },
    casePack: 1,
    leadTime: { meanDays: 30, sdDays: 0 },
    price: 2.5,
    unitCost: 1,
    feesPerUnit: 0.3,
    cubicFeet: 0.05,
  });
  const expected = perDay * 37;

  it('plans on order sizes and arrivals, not on the forecast tail, and says so', () => {
    const counted = recommendRestock(giftItem, { allowExcess: true });
    const lumpy = recommendRestock({ ...giftItem, orderSizes: year(sizes) }, { allowExcess: true });
    // The count model's tail asks for 2.76 × the expected demand (its span-calibrated level error,
    // docs/forecasting.md Quantiles; 3.6 × before the per-cycle level of docs/decisions.md 37, which
    // leaves the lead time's own tail to the cycle before, 3.2 × before decision 49 counted the reviews
    // a level drop strands the top unit for: 12.5 days, not 7); the compound one for the two smaller bulk orders at most (1,350 ≈
    // 3 × expected), stopping where the 2,400-unit order's margin ($1.20 a unit at an 18% chance) no
    // longer pays for the wait.
    expect(counted.orderUpTo).toBeGreaterThan(2.7 * expected);
    // Since decision 49 the count model stops below the compound one here (1,232 against 1,350): at a level
    // spread of ±71 % a level drop strands its top unit for 12.5 days, which the compound model's carry
    // (orders a day) does not count.
    expect(counted.orderUpTo).toBe(1232);
    expect(lumpy.orderUpTo).toBe(1350);
    expect(lumpy.orderUpTo).toBeLessThan(3.1 * expected);
    expect(lumpy.orderUpTo).toBeLessThan(2400);
    expect(lumpy.reasoning.lumpy).toMatchObject({ orders: 12, minSize: 12, maxSize: 2400, meanSize: 366.5 });
    expect(lumpy.reasoning.lumpy!.serviceLevel).toBeLessThan(lumpy.serviceLevel);
    expect(lumpy.reasoning.summary).toContain(
      'Lumpy: safety stock from 12 orders in 365 days of 12–2400 units',
    );
    // Without order sizes the reasoning has no lumpy part.
    expect(counted.reasoning.lumpy).toBeNull();
  });

  it('does not stock for bulk orders whose margin does not pay for holding the units until they sell', () => {
    // Ten times as bulky: holding 0.0135 a day, so a unit kept for a bulk order that does not come
    // costs more over its wait than the margin it might earn: stock for the small orders only.
    const bulky = { ...giftItem, cubicFeet: 0.5, orderSizes: year(sizes) };
    const rec = recommendRestock(bulky, { allowExcess: true });
    // 126 units: the small orders of a protection period (P ≤ 126 = 0.72, the level its last unit needs).
    expect(rec.orderUpTo).toBe(126);
    expect(rec.orderUpTo).toBeLessThan(expected);
    expect(rec.reasoning.lumpy!.serviceLevel).toBeCloseTo(0.7229, 3);
  });
});
