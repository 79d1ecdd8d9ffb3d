import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastDemand } from './forecast-demand';
import type { DemandForecast } from './types';

function expectWellFormed(f: DemandForecast, horizon: number): void {
  expect(f.mean.length).toBe(horizon);
  for (const v of f.mean) expect(Number.isFinite(v) && v >= 0).toBe(true);
  for (let i = 0; i < f.quantiles.length; i++) {
    const q = f.quantiles[i]!;
    for (let h = 0; h < horizon; h++) {
      const v = q.values[h]!;
      expect(Number.isFinite(v) && v >= 0).toBe(true);
      if (i > 0) expect(v).toBeGreaterThanOrEqual(f.quantiles[i - 1]!.values[h]!);
    }
  }
  expect(Number.isFinite(f.dispersion) && Number.isFinite(f.levelVariance)).toBe(true);
}

/** Weekly pattern with Poisson-like noise from a small LCG (deterministic). */
function weeklySeries(n: number, level: number, seed = 1): Float64Array {
  let s = seed;
  const rand = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const shape = [0.8, 0.9, 1, 1, 1.1, 1.5, 0.7];
  return Float64Array.from({ length: n }, (_, t) => {
    const mu = level * shape[t % 7]!;
    let k = 0;
    for (let p = Math.exp(-mu), u = rand(); u > p && k < 1000; k++) u -= p *= mu / (k + 1);
    return k;
  });
}

describe('forecastDemand', () => {
  it('follows a weekly pattern and reports the chosen model', () => {
    const y = weeklySeries(400, 20);
    const f = forecastDemand(y, { horizon: 14 });
    expectWellFormed(f, 14);
    expect(f.degenerate).toBeNull();
    expect(f.demandClass).toBe('smooth');
    // Day 400 ≡ 1 (mod 7) → shape 0.9; day 405 ≡ 6 → 0.7: the weekly shape must come through.
    expect(f.mean[4]!).toBeGreaterThan(f.mean[5]!);
    expect(f.backtest).toBeDefined();
    const total = f.mean.reduce((a, b) => a + b, 0);
    expect(total / 14).toBeGreaterThan(17);
    expect(total / 14).toBeLessThan(23);
  });

  it('never reads censored days as zero demand', () => {
    const y = weeklySeries(300, 10);
    const censored = y.slice();
    for (let t = 250; t < 300; t += 2) censored[t] = NaN;
    const withZeros = y.slice();
    for (let t = 250; t < 300; t += 2) withZeros[t] = 0;
    const a = forecastDemand(censored, { horizon: 7 }).mean.reduce((p, v) => p + v, 0);
    const b = forecastDemand(withZeros, { horizon: 7 }).mean.reduce((p, v) => p + v, 0);
    expect(a).toBeGreaterThan(b * 1.2);
  });

  it('applies known multiplicative effects to the horizon', () => {
    const y = weeklySeries(300, 10);
    const multiplier = new Float64Array(310).fill(1);
    multiplier[303] = 3;
    const f = forecastDemand(y, { horizon: 10, regressors: { multiplier }, candidates: ['ses'] });
    expect(f.mean[3]! / f.mean[2]!).toBeCloseTo(3, 6);
  });

  it('uses intermittent-demand models on sparse series', () => {
    const y = new Float64Array(500).map((_, t) => (t % 9 === 0 ? 2 + (t % 2) : 0));
    const f = forecastDemand(y, { horizon: 7, candidates: ['croston', 'sba', 'tsb'] });
    expect(f.demandClass).toBe('intermittent');
    expect(f.mean[0]!).toBeGreaterThan(0.15);
    expect(f.mean[0]!).toBeLessThan(0.4);
  });

  it('rejects invalid options', () => {
    expect(() => forecastDemand(new Float64Array(3), { horizon: 0 })).toThrow(RangeError);
    expect(() => forecastDemand(new Float64Array(3), { horizon: 3, quantileLevels: [1.2] })).toThrow(
      RangeError,
    );
  });
});

describe('forecastDemand degenerate inputs (one rule, tagged)', () => {
  const h = 7;
  it.each([
    ['empty', new Float64Array(0)],
    ['no-data', Float64Array.from([NaN, NaN, NaN])],
    ['all-zero', new Float64Array(60)],
    ['short', Float64Array.from([0, 0, 3, 1])],
    ['constant', new Float64Array(60).fill(4)],
  ] as const)('%s', (reason, y) => {
    const f = forecastDemand(y, { horizon: h });
    expect(f.degenerate).toBe(reason);
    expectWellFormed(f, h);
  });

  it('constant series forecast the constant, short ones their mean', () => {
    expect(forecastDemand(new Float64Array(60).fill(4), { horizon: 3 }).mean[0]).toBe(4);
    expect(forecastDemand(Float64Array.from([0, 0, 3, 1]), { horizon: 3 }).mean[0]).toBe(2);
  });

  it('a place observed for 56+ days without a sale borrows nothing: it does not sell there', () => {
    const profile = { dailyMean: 7, weekly: [1, 1, 1, 1, 1, 1, 1] };
    const hub = forecastDemand(new Float64Array(300), { horizon: 7, fallbackProfile: profile });
    expect(hub.degenerate).toBe('all-zero');
    expect([...hub.mean]).toEqual(new Array(7).fill(0));
    // 20 observed zero days: still young, the profile weighs m / (n + m) = 7 / 27.
    const fresh = forecastDemand(new Float64Array(20), { horizon: 1, fallbackProfile: profile });
    expect(fresh.mean[0]).toBeCloseTo((7 * 7) / 27, 10);
  });

  it('brand-new SKUs borrow the fallback profile, blended by observed days', () => {
    const profile = { dailyMean: 7, weekly: [1, 1, 1, 1, 1, 1.7, 0.3] };
    const empty = forecastDemand(new Float64Array(0), { horizon: 7, fallbackProfile: profile });
    expect(empty.model).toBe('fallback-profile');
    expect(empty.mean[5]).toBeCloseTo(11.9, 10);
    expect(empty.levelVariance).toBeGreaterThan(0);
    // 3 observed days since the first sale with mean 2, m = 7 → (3·2 + 7·7) / 10 = 5.5
    const young = forecastDemand(Float64Array.from([2, 2, 2]), { horizon: 1, fallbackProfile: profile });
    expect(young.degenerate).toBe('short');
    expect(young.mean[0]).toBeCloseTo(5.5, 10);
  });
});

describe('forecastDemand properties (fast-check)', () => {
  const value = fc.oneof(
    fc.constant(Number.NaN),
    fc.constant(0),
    fc.integer({ min: 0, max: 50 }),
    fc.double({ min: 0, max: 1e4, noNaN: true }),
  );
  it('never NaN; quantiles ordered and ≥ 0; degenerate tagged', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 120 }), fc.integer({ min: 1, max: 30 }), (arr, horizon) => {
        const f = forecastDemand(Float64Array.from(arr), { horizon, quantileLevels: [0.05, 0.5, 0.9, 0.99] });
        expectWellFormed(f, horizon);
      }),
      { numRuns: 300 },
    );
  });
});
