import { describe, expect, it } from 'vitest';
import { forecastDemand } from './forecast-demand';
import { Rng } from '../demo/prng';
import {
  SPAN_CALIBRATION,
  leadTimeDemandMean,
  leadTimeDemandQuantiles,
  leadTimeDemandVariance,
} from './lead-time-demand';
import type { DemandForecast } from './types';

const flat = (mu: number, dispersion: number, levelVariance: number): DemandForecast => ({
  model: 'test',
  params: {},
  demandClass: 'smooth',
  degenerate: null,
  mean: new Float64Array(10).fill(mu),
  quantiles: [],
  dispersion,
  levelVariance,
});

describe('lead-time demand', () => {
  it('sums the mean and extends past the horizon', () => {
    expect(leadTimeDemandMean(flat(2, 1, 0), { days: 5 })).toBe(10);
    expect(leadTimeDemandMean(flat(2, 1, 0), { fromDay: 8, days: 5 })).toBe(10);
  });

  it('Poisson sum when there is no over-dispersion', () => {
    // R: qpois(c(0.5, 0.95), 20) = 20 28
    expect(
      leadTimeDemandQuantiles(flat(2, 1, 0), { days: 10, levels: [0.5, 0.95] }).map((q) => q.value),
    ).toEqual([20, 28]);
  });

  it('a shared level error widens the sum (autocorrelation)', () => {
    const indep = leadTimeDemandQuantiles(flat(2, 1.5, 0), { days: 10, levels: [0.95] })[0]!.value;
    const shared = leadTimeDemandQuantiles(flat(2, 1.5, 0.5), { days: 10, levels: [0.95] })[0]!.value;
    expect(shared).toBeGreaterThan(indep);
  });

  it('works on real forecasts, including degenerate ones', () => {
    const y = Float64Array.from({ length: 200 }, (_, t) => 3 + (t % 7 === 5 ? 4 : 0) + (t % 3));
    for (const f of [
      forecastDemand(y, { horizon: 14 }),
      forecastDemand(new Float64Array(0), { horizon: 14 }),
    ]) {
      const q = leadTimeDemandQuantiles(f, { fromDay: 2, days: 9 });
      expect(q.map((x) => x.level)).toEqual([0.5, 0.8, 0.9, 0.95, 0.99]);
      for (let i = 1; i < q.length; i++) expect(q[i]!.value).toBeGreaterThanOrEqual(q[i - 1]!.value);
      for (const x of q) expect(Number.isFinite(x.value) && x.value >= 0).toBe(true);
    }
  });
});

describe('leadTimeDemandVariance (span calibration, docs/forecasting.md Quantiles)', () => {
  const f = { dispersion: 2, levelVariance: 0.1 };

  it('is the fitted rule: κ = 0.5, c = 0.25', () => {
    expect(SPAN_CALIBRATION).toEqual({ growth: 0.5, levelScale: 0.25 });
  });

  it('hand-worked: φ·S + c·v·max(1, d/7)^κ·S²', () => {
    // A week: 2·10 + 0.25·0.1·1·100 = 22.5; shorter spans keep the week's level error.
    expect(leadTimeDemandVariance(f, { mean: 10, days: 7 })).toBeCloseTo(22.5, 10);
    expect(leadTimeDemandVariance(f, { mean: 10, days: 3 })).toBeCloseTo(22.5, 10);
    // 28 days: 2·40 + 0.25·0.1·√4·1600 = 80 + 80 = 160.
    expect(leadTimeDemandVariance(f, { mean: 40, days: 28 })).toBeCloseTo(160, 10);
    // 70 days: 2·100 + 0.25·0.1·√10·10,000 = 200 + 790.569.
    expect(leadTimeDemandVariance(f, { mean: 100, days: 70 })).toBeCloseTo(990.569, 3);
    // The earlier rule (κ = 0.75, whole level variance): 80 + 0.1·4^0.75·1600 = 80 + 452.55.
    const earlier = { growth: 0.75, levelScale: 1 };
    expect(leadTimeDemandVariance(f, { mean: 40, days: 28, calibration: earlier })).toBeCloseTo(532.548, 3);
    expect(leadTimeDemandVariance(f, { mean: 40, days: 28, growth: 0 })).toBeCloseTo(80 + 40, 10);
  });

  it('calibrated quantiles are ordered, whole, finite and never NaN, whatever the inputs', () => {
    const rng = new Rng(14);
    const odd = [0, 1e-9, 1e6, Number.NaN, Number.POSITIVE_INFINITY, -3];
    const levels = [0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999];
    for (let k = 0; k < 400; k++) {
      const mu = k < odd.length ? odd[k]! : rng.logNormal(0.5, 2);
      const fc: DemandForecast = {
        ...flat(mu, 1 + rng.float(0, 30), rng.chance(0.1) ? 0 : rng.float(0, 4)),
        mean: new Float64Array(rng.int(0, 42)).fill(mu),
      };
      const days = rng.int(0, 200);
      const q = leadTimeDemandQuantiles(fc, { days, levels }).map((x) => x.value);
      for (const x of q) expect(Number.isInteger(x) && x >= 0).toBe(true);
      for (let i = 1; i < q.length; i++) expect(q[i]!).toBeGreaterThanOrEqual(q[i - 1]!);
    }
  });

  it('wider with the span: a longer span never lowers a quantile of a flat forecast', () => {
    const fc = flat(3, 1.8, 0.3);
    const q95 = [7, 14, 21, 28, 42, 70].map(
      (days) => leadTimeDemandQuantiles(fc, { days, levels: [0.95] })[0]!.value,
    );
    expect(q95).toEqual([...q95].sort((a, b) => a - b));
  });

  it('covers its levels on a synthetic series whose span demand follows the calibrated model', () => {
    // Truth: daily rate 4, dispersion 1 (Poisson given the level); over 21 days the level is a
    // gamma factor with relative variance c·v·(21/7)^κ = 0.25·0.6·√3 = 0.26, so the span total is
    // negative binomial with mean 84 and size 1/0.26.
    const rng = new Rng(2024);
    const fc = flat(4, 1, 0.6);
    const days = 21;
    const levels = [0.8, 0.9, 0.95, 0.99];
    const q = leadTimeDemandQuantiles(fc, { days, levels }).map((x) => x.value);
    const relative = SPAN_CALIBRATION.levelScale * 0.6 * (days / 7) ** SPAN_CALIBRATION.growth;
    const n = 20_000;
    const covered = levels.map(() => 0);
    for (let k = 0; k < n; k++) {
      const total = rng.negBinomial(84, 1 / relative);
      q.forEach((x, i) => {
        if (total <= x) covered[i]!++;
      });
    }
    levels.forEach((a, i) => {
      const c = covered[i]! / n;
      // Whole units: a calibrated quantile covers at least its level, by at most one unit's probability.
      expect(c).toBeGreaterThan(a - 0.01);
      expect(c).toBeLessThan(a + 0.03);
    });
  });
});
