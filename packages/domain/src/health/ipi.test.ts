import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HealthFactors } from './factors';
import { DEFAULT_IPI_MODEL, FACTOR_NAMES, evaluateCurve, ipiProxy } from './ipi';
import { whatIf } from './what-if';
import type { SkuHealthInput } from './factors';
import { healthFactors } from './factors';

const factorArb = fc.record({
  excessPercent: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  sellThrough: fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: null }),
  strandedPercent: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  inStockRate: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
});

describe('IPI proxy', () => {
  it('is in 0–1000 and explained per factor (points add up to the score)', () => {
    fc.assert(
      fc.property(factorArb, (f) => {
        const p = ipiProxy(f);
        expect(p.score).toBeGreaterThanOrEqual(0);
        expect(p.score).toBeLessThanOrEqual(1000);
        const points = FACTOR_NAMES.reduce((s, n) => s + p.factors[n].points, 0);
        if (FACTOR_NAMES.some((n) => f[n] !== null))
          expect(Math.abs(points - p.score)).toBeLessThanOrEqual(1);
        expect(p.warning).toBe(p.score < 400);
      }),
    );
  });

  it('is monotone in each factor: better factor, never a lower proxy (property)', () => {
    const better: Record<keyof HealthFactors, 1 | -1> = {
      excessPercent: -1,
      sellThrough: 1,
      strandedPercent: -1,
      inStockRate: 1,
    };
    fc.assert(
      fc.property(
        factorArb,
        fc.constantFrom(...FACTOR_NAMES),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (f, name, step) => {
          const value = f[name];
          if (value === null) return;
          const improved = { ...f, [name]: Math.max(0, value + better[name] * step) };
          expect(ipiProxy(improved).score).toBeGreaterThanOrEqual(ipiProxy(f).score);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('hand-checked points: perfect factors give 1000; the documented curves at their anchors', () => {
    expect(ipiProxy({ excessPercent: 0, sellThrough: 5, strandedPercent: 0, inStockRate: 100 }).score).toBe(
      1000,
    );
    expect(ipiProxy({ excessPercent: 50, sellThrough: 0, strandedPercent: 20, inStockRate: 0 }).score).toBe(
      0,
    );
    // 0.35·0.75 + 0.30·0.5 + 0.15·0.85 + 0.20·0.75 = 0.69 → 690
    const p = ipiProxy({ excessPercent: 10, sellThrough: 1, strandedPercent: 1, inStockRate: 85 });
    expect(p.score).toBe(690);
    expect(p.factors.excessPercent).toMatchObject({
      score: 0.75,
      points: 262.5,
      maxPoints: 350,
      band: 'good',
      direction: 'lower-is-better',
    });
    expect(p.factors.sellThrough.band).toBe('fair');
    expect(p.band).toBe('good');
    expect(evaluateCurve(DEFAULT_IPI_MODEL.curves.excessPercent, 15)).toBeCloseTo(0.625, 10);
  });

  it('drops undefined factors and rescales the others', () => {
    const p = ipiProxy({ excessPercent: 0, sellThrough: null, strandedPercent: 0, inStockRate: null });
    expect(p.score).toBe(1000);
    expect(p.factors.sellThrough).toMatchObject({ value: null, score: null, band: null });
    expect(
      ipiProxy({ excessPercent: null, sellThrough: null, strandedPercent: null, inStockRate: null }).score,
    ).toBe(500);
  });

  it('warns below 400', () => {
    expect(
      ipiProxy({ excessPercent: 40, sellThrough: 0.3, strandedPercent: 10, inStockRate: 60 }).warning,
    ).toBe(true);
  });
});

describe('what-if', () => {
  const items: SkuHealthInput[] = [
    {
      sku: 'A',
      onHand: 500,
      inbound: 0,
      dailyDemand: 2,
      unitsShipped90: 180,
      averageOnHand90: 500,
      listingStatus: 'active',
      replenishable: true,
      inStockDays30: 30,
      unitsSold60: 120,
    },
    {
      sku: 'B',
      onHand: 100,
      inbound: 0,
      dailyDemand: 3,
      unitsShipped90: 270,
      averageOnHand90: 100,
      listingStatus: 'error',
      replenishable: true,
      inStockDays30: 10,
      unitsSold60: 180,
    },
  ];
  const { sums } = healthFactors(items);
  const map = new Map(items.map((i) => [i.sku, i]));

  it('removing excess units, fixing a listing and restocking each raise the proxy', () => {
    const removal = whatIf(sums, map, { actions: [{ kind: 'remove', sku: 'A', units: 320 }] });
    expect(removal.sumsAfter.excessUnits).toBe(0);
    expect(removal.change).toBeGreaterThan(0);
    const fix = whatIf(sums, map, { actions: [{ kind: 'fixListing', sku: 'B' }] });
    expect(fix.sumsAfter.strandedUnits).toBe(0);
    expect(fix.change).toBeGreaterThan(0);
    const restock = whatIf(sums, map, { actions: [{ kind: 'restock', sku: 'B', units: 50 }] });
    expect(restock.after.factors.inStockRate.value).toBe(100);
    expect(restock.after.score).toBeGreaterThan(restock.before.score);
  });

  it('equals recomputing from scratch', () => {
    const both = whatIf(sums, map, {
      actions: [
        { kind: 'remove', sku: 'A', units: 100 },
        { kind: 'fixListing', sku: 'B' },
      ],
    });
    const direct = healthFactors([
      { ...items[0]!, onHand: 400, averageOnHand90: 400 },
      { ...items[1]!, listingStatus: 'active' },
    ]);
    expect(both.sumsAfter).toEqual(direct.sums);
  });

  it('refuses an unknown SKU', () => {
    expect(() => whatIf(sums, map, { actions: [{ kind: 'fixListing', sku: 'NOPE' }] })).toThrow(
      /unknown SKU/,
    );
  });
});
