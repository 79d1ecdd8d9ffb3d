import { describe, expect, it } from 'vitest';
import { countQuantiles } from '../forecasting/count-quantiles';
import { learnLeadTime } from './lead-time';
import {
  KeptCdf,
  cdfWalker,
  leadTimeDistribution,
  lowerGammaP,
  mixtureCountQuantile,
} from './lead-time-distribution';
import { recommendRestock } from './restock';
import { restockInput } from './plan.fixture';

describe('leadTimeDistribution', () => {
  it('weighs each receipt once and the stated lead time as three, so its mean is the learned mean', () => {
    const lead = learnLeadTime({ statedDays: 14, observedDays: [14, 14, 14, 14, 14, 14, 21, 28] });
    const dist = leadTimeDistribution(lead);
    // 14: (6 + 3)/11, 21: 1/11, 28: 1/11.
    expect(dist).toEqual({
      receipts: 8,
      points: [
        { days: 14, p: 9 / 11 },
        { days: 21, p: 1 / 11 },
        { days: 28, p: 1 / 11 },
      ],
    });
    const mean = dist!.points.reduce((s, p) => s + p.p * p.days, 0);
    // (6·14 + 21 + 28 + 3·14)/11 = 175/11, learnLeadTime's blended mean.
    expect(mean).toBeCloseTo(175 / 11, 12);
    expect(lead.meanDays).toBeCloseTo(175 / 11, 12);
  });

  it('needs eight receipts: with seven (or none) planning keeps the mean ± spread', () => {
    expect(
      leadTimeDistribution(learnLeadTime({ statedDays: 20, observedDays: [10, 30, 10, 30, 10, 30, 20] })),
    ).toBe(null);
    expect(leadTimeDistribution(learnLeadTime({ statedDays: 20, observedDays: [] }))).toBe(null);
    expect(leadTimeDistribution({ statedDays: 20 })).toBe(null);
  });

  it("is made once per receipts and stated lead time: lines sharing a route's receipts share it", () => {
    const receiptDays = [10, 30, 10, 30, 10, 30, 10, 30];
    const first = leadTimeDistribution({ statedDays: 20, receiptDays });
    expect(leadTimeDistribution({ statedDays: 20, receiptDays })).toBe(first);
    // Another stated lead time over the same receipts (the hub's leg of them): its own answer.
    // 10: 4/11, 20: 3/11, 30: 4/11 → 10: 4/11, 15: 3/11, 30: 4/11.
    expect(leadTimeDistribution({ statedDays: 15, receiptDays })?.points).toEqual([
      { days: 10, p: 4 / 11 },
      { days: 15, p: 3 / 11 },
      { days: 30, p: 4 / 11 },
    ]);
    expect(first?.points.map((p) => p.days)).toEqual([10, 20, 30]);
  });
});

describe('mixtureCountQuantile', () => {
  it('is the smallest count whose mixed cdf reaches the level', () => {
    // ½ Poisson(2) + ½ Poisson(8): P(≤ 9) = ½(0.99995 + 0.71662) = 0.8583, P(≤ 10) = ½(0.99999 + 0.81589) = 0.9079.
    const c = [
      { w: 0.5, mean: 2, variance: 2 },
      { w: 0.5, mean: 8, variance: 8 },
    ];
    expect(mixtureCountQuantile(c, 0.9)).toBe(10);
    expect(mixtureCountQuantile(c, 0.85)).toBe(9);
  });

  it('with one component is countQuantiles, Poisson or negative binomial', () => {
    for (const [mean, variance] of [
      [3, 3],
      [40, 40],
      [40, 400],
      [300, 1500],
    ] as const)
      for (const level of [0.5, 0.8, 0.95, 0.99])
        expect(mixtureCountQuantile([{ w: 1, mean, variance }], level)).toBe(
          countQuantiles(mean, variance, [level])[0],
        );
  });

  it('reads a wide component (sd over 40) as a gamma of its mean and variance: within a unit', () => {
    for (const [mean, variance] of [
      [1500, 90_000],
      [6000, 3_600_000],
      [2000, 2000],
    ] as const)
      for (const level of [0.5, 0.8, 0.95, 0.99]) {
        const exact = countQuantiles(mean, variance, [level])[0]!;
        expect(Math.abs(mixtureCountQuantile([{ w: 1, mean, variance }], level) - exact)).toBeLessThanOrEqual(
          1,
        );
      }
  });

  it('lowerGammaP by its series and its continued fraction', () => {
    // Integer a: P(a, x) = 1 − Σ_{k<a} e^(−x)·x^k/k!; P(3, 2) = 1 − 5e^(−2).
    expect(lowerGammaP(3, 2)).toBeCloseTo(1 - 5 * Math.exp(-2), 12);
    expect(lowerGammaP(10, 15)).toBeCloseTo(0.9301463393005902, 12);
    expect(lowerGammaP(50, 40)).toBeCloseTo(0.07033506665939493, 12);
    expect(lowerGammaP(1, 0.7)).toBeCloseTo(1 - Math.exp(-0.7), 12);
    expect(lowerGammaP(2, 0)).toBe(0);
  });

  it('counts zero-mean components as mass at zero, and never gives NaN', () => {
    expect(
      mixtureCountQuantile(
        [
          { w: 0.95, mean: 0, variance: 0 },
          { w: 0.05, mean: 10, variance: 10 },
        ],
        0.9,
      ),
    ).toBe(0);
    expect(mixtureCountQuantile([], 0.9)).toBe(0);
    expect(mixtureCountQuantile([{ w: 1, mean: Number.NaN, variance: 1 }], 0.9)).toBe(0);
  });
});

describe('KeptCdf', () => {
  // Poisson, negative binomial, a wide one and a tiny mean: the walk's start, its cap and both forms.
  const cases = [
    { mean: 14, variance: 14 },
    { mean: 37.5, variance: 160 },
    { mean: 900, variance: 30_000 },
    { mean: 0.3, variance: 2 },
  ];
  const levels = [0.999, 0.5, 0.97, 0.9, 0.99, 0.2, 1];

  it('answers every level as countQuantiles does, asked in any order (higher levels first included)', () => {
    for (const { mean, variance } of cases) {
      const kept = new KeptCdf(mean, variance);
      const cap = Math.ceil(mean + 40 * Math.sqrt(Math.max(variance, mean)) + 50);
      for (const level of levels)
        expect(kept.firstReaching(Math.min(level, 1 - 1e-12), cap)).toBe(
          countQuantiles(mean, variance, [level])[0],
        );
    }
  });

  it('keeps the walked cdf: P(Y ≤ k) the same as one walk upward, asked downward after a long walk', () => {
    for (const { mean, variance } of cases) {
      const kept = new KeptCdf(mean, variance);
      const walker = cdfWalker(mean, variance);
      const top = Math.ceil(mean + 6 * Math.sqrt(variance));
      const upward = Array.from({ length: top + 1 }, (_, k) => walker.at(k));
      expect(kept.at(top)).toBe(upward[top]);
      for (let k = top; k >= 0; k--) expect(kept.at(k)).toBe(k < walker.start ? 0 : upward[k]);
    }
  });
});

describe('recommendRestock on the receipts’ lead times', () => {
  // 2 a day, Poisson (no level error), a 7-day review, 90% set; receipts of 10 and 30 days, half each.
  const options = { reviewDays: 7, serviceLevel: 0.9 };
  const bounded = {
    meanDays: 20,
    sdDays: 10,
    distribution: {
      receipts: 8,
      points: [
        { days: 10, p: 0.5 },
        { days: 30, p: 0.5 },
      ],
    },
  };
  const empty = { onHand: 0, reserved: 0, inbound: 0 };

  it('orders up to the mixture quantile over lead time + review, the reorder point over the lead time', () => {
    const r = recommendRestock(restockInput({ stock: empty, casePack: 1, leadTime: bounded }), options);
    // Over 17 or 37 days: ½ Poisson(34) + ½ Poisson(74); P(≤ 80) = 0.8888, P(≤ 81) = 0.9049 → 81.
    expect(r.orderUpTo).toBe(81);
    expect(r.recommendedQuantity).toBe(81);
    // Safety stock over the mean lead time's 27 days (54 units): 81 − 54.
    expect(r.safetyStock).toBe(27);
    // Over 10 or 30 days: ½ Poisson(20) + ½ Poisson(60); P(≤ 65) = 0.8822, P(≤ 66) = 0.9006 → 66.
    expect(r.reorderPoint).toBe(66);
    expect(r.reasoning.leadTimeReceipts).toEqual({ receipts: 8, minDays: 10, maxDays: 30 });
    expect(r.reasoning.summary).toContain('10–30 in 8 receipts');
  });

  it('does not stock for lead times longer than any that came, as the normal-shaped spread does', () => {
    const at99 = { ...options, serviceLevel: 0.99 };
    const mixed = recommendRestock(restockInput({ stock: empty, casePack: 1, leadTime: bounded }), at99);
    const spread = recommendRestock(
      restockInput({ stock: empty, casePack: 1, leadTime: { meanDays: 20, sdDays: 10 } }),
      at99,
    );
    // Mixture: P(≤ 92) = 0.9908 → 92. Spread: mean 54, variance 54 + 2²·10² = 454 → negative binomial 115.
    expect(mixed.orderUpTo).toBe(92);
    expect(spread.orderUpTo).toBe(115);
    expect(spread.reasoning.leadTimeReceipts).toBe(null);
  });
});
