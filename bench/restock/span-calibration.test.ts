import { describe, expect, it } from 'vitest';
import { Rng } from '../../packages/domain/src/demo/prng';
import { cacheFile, forecastCodeHash, sourceClosure } from './forecasts';
import type { SpanRecord } from './span-calibration';
import { EARLIER, LEVELS, calibrationLoss, coverage, fitSpanCalibration } from './span-calibration';

/**
 * Spans whose demand follows a known model: the forecast claims level variance 0.5, the truth carries
 * a quarter of it growing as √(d/7) (κ = 0.5, c = 0.25, a grid point), Poisson given the level.
 */
function syntheticSpans(n: number, seed: number): SpanRecord[] {
  const rng = new Rng(seed);
  const spans = [14, 21, 28, 42, 56, 70];
  return Array.from({ length: n }, () => {
    const days = rng.pick(spans);
    const mean = days * rng.logNormal(1, 1);
    const relative = 0.25 * 0.5 * Math.sqrt(days / 7);
    return {
      half: 0,
      days,
      mean,
      dispersion: 1,
      levelVariance: 0.5,
      actual: rng.negBinomial(mean, 1 / relative),
    };
  });
}

describe('span calibration fit (bench:restock:calibrate)', () => {
  it('loss: zero when mid-coverage equals each level, (cov − α)²/(α(1 − α)) otherwise', () => {
    expect(calibrationLoss([...LEVELS])).toBe(0);
    const off = LEVELS.map((a, i) => (i === 0 ? 0.6 : a));
    expect(calibrationLoss(off)).toBeCloseTo(0.01 / 0.25, 12);
  });

  it('weights spans by their expected units', () => {
    const big: SpanRecord = { half: 0, days: 14, mean: 300, dispersion: 1, levelVariance: 0, actual: 1000 };
    const small: SpanRecord = { half: 0, days: 14, mean: 1, dispersion: 1, levelVariance: 0, actual: 0 };
    // The 300-unit span is missed at every level, the one-unit span covered: 1/301 of the units.
    const c = coverage([big, small], EARLIER);
    for (const x of c.covered) expect(x).toBeCloseTo(1 / 301, 12);
    expect(c.n).toBe(2);
  });

  it('recovers a known span distribution: fitted quantiles cover their levels where the earlier rule over-covers', () => {
    const tuning = syntheticSpans(4000, 11);
    const heldOut = syntheticSpans(4000, 12);
    const { best } = fitSpanCalibration(tuning);
    const fitted = coverage(heldOut, best);
    LEVELS.forEach((a, i) => {
      expect(Math.abs(fitted.mid[i]! - a)).toBeLessThan(0.03);
    });
    const earlier = coverage(heldOut, EARLIER);
    expect(earlier.mid[1]!).toBeGreaterThan(0.85); // the 0.8 quantile of the whole level variance
    for (const x of [...fitted.covered, ...fitted.mid]) expect(Number.isFinite(x)).toBe(true);
  });
});

describe('forecast cache key', () => {
  it('hashes the forecasting sources forecastDemand imports, and names the file by it', () => {
    const files = sourceClosure(
      new URL('../../packages/domain/src/forecasting/forecast-demand.ts', import.meta.url).pathname,
    );
    const names = files.map((f) => f.slice(f.lastIndexOf('/') + 1));
    expect(names).toContain('forecast-demand.ts');
    expect(names).toContain('dispersion.ts');
    // Planning code is not part of the forecast: calibrating spans keeps the cache.
    expect(names).not.toContain('lead-time-demand.ts');
    const hash = forecastCodeHash();
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(cacheFile('/tmp/c', { series: 9, batch: 2, hash })).toBe(
      `/tmp/c/forecasts-${hash}-series9-batch2.v8`,
    );
  });
});
