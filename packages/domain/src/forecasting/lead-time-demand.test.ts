import { describe, expect, it } from 'vitest';
import { forecastDemand } from './forecast-demand';
import {
  LEVEL_VARIANCE_GROWTH,
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
    const shared = leadTimeDemandQuantiles(flat(2, 1.5, 0.1), { days: 10, levels: [0.95] })[0]!.value;
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

describe('leadTimeDemandVariance', () => {
  it('grows the level error past 7 days as max(1, d/7)^κ, and leaves a week unchanged', () => {
    const f = { dispersion: 2, levelVariance: 0.1 };
    expect(leadTimeDemandVariance(f, { mean: 10, days: 7 })).toBeCloseTo(2 * 10 + 0.1 * 100, 10);
    expect(leadTimeDemandVariance(f, { mean: 10, days: 3 })).toBeCloseTo(30, 10);
    expect(leadTimeDemandVariance(f, { mean: 40, days: 28 })).toBeCloseTo(
      2 * 40 + 0.1 * 4 ** LEVEL_VARIANCE_GROWTH * 1600,
      10,
    );
    expect(leadTimeDemandVariance(f, { mean: 40, days: 28, growth: 0 })).toBeCloseTo(80 + 160, 10);
  });
});
