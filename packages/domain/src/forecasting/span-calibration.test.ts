import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/prng';
import { calibrateCatalogue } from './catalogue';
import { countCdf, countQuantiles } from './count-quantiles';
import { forecastDemand } from './forecast-demand';
import { leadTimeDemandQuantiles, SPAN_CALIBRATION } from './lead-time-demand';
import { fitSpanCalibration, spanBand, SPAN_CALIBRATION_RULES, type SpanCheck } from './span-calibration';
import type { DemandForecast } from './types';

/** Poisson draws by inversion in pieces of at most 20 (no underflow of e^−λ). */
function poisson(mean: number, u: () => number): number {
  let total = 0;
  for (let left = mean; left > 0; left -= 20) {
    const lambda = Math.min(left, 20);
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const x = u();
    while (x > cdf && k < 500) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    total += k;
  }
  return total;
}

/**
 * A catalogue whose demand drifts from the forecast more than its error model says: each series' level
 * over a span is the forecast times a lognormal factor (σ = 0.5), and slow sellers sell 1.4 × their
 * forecast — as dormant and slow M5 items did (docs/forecasting.md, "Quantiles").
 */
function catalogue(seed: number, count: number) {
  const u = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(u() + 1e-12)) * Math.cos(2 * Math.PI * u());
  return Array.from({ length: count }, (_, i) => {
    const rate = [0.3, 1, 5][i % 3]!;
    const drift = (rate < 0.5 ? 1.4 : 1) * Math.exp(0.5 * normal() - 0.125);
    const spans = SPAN_CALIBRATION_RULES.spans.map((days) => ({
      days,
      mean: rate * days,
      actual: poisson(rate * days * drift, u),
    }));
    const check: SpanCheck = { dispersion: 1, levelVariance: 0.08, spans };
    return { rate, check };
  });
}

function forecastOf(rate: number, spanCalibration?: DemandForecast['spanCalibration']): DemandForecast {
  return {
    model: 'ses',
    params: {},
    demandClass: 'smooth',
    degenerate: null,
    mean: new Float64Array(28).fill(rate),
    quantiles: [],
    dispersion: 1,
    levelVariance: 0.08,
    ...(spanCalibration ? { spanCalibration } : {}),
  };
}

/** Share of the 28-day outcomes at or below the 0.95 quantile of `leadTimeDemandQuantiles`. */
function coverage95(
  series: ReturnType<typeof catalogue>,
  spanCalibration?: DemandForecast['spanCalibration'],
): number {
  let under = 0;
  for (const { rate, check } of series) {
    const [q] = leadTimeDemandQuantiles(forecastOf(rate, spanCalibration), { days: 28, levels: [0.95] });
    if (check.spans.find((s) => s.days === 28)!.actual <= q!.value) under++;
  }
  return under / series.length;
}

describe('span calibration (decision 36)', () => {
  it('fitted on one draw of a catalogue, its 0.95 quantile of 28-day sums covers 93–97% of a held-out draw', () => {
    const tuning = catalogue(1, 900);
    const heldOut = catalogue(2, 900);
    const calibration = fitSpanCalibration(
      tuning.map((s) => s.check),
      SPAN_CALIBRATION,
    )!;
    const before = coverage95(heldOut);
    const after = coverage95(heldOut, calibration);
    expect(before).toBeLessThan(0.9);
    expect(after).toBeGreaterThanOrEqual(0.93);
    expect(after).toBeLessThanOrEqual(0.97);
    // The slow band's forecast ran low: its mean is moved up, the others' are not.
    const bands = calibration.find((c) => c.days === 28)!.bands;
    expect(bands.find((b) => 0.3 < b.below)!.meanScale).toBeGreaterThan(1);
    expect(bands.find((b) => 5 < b.below)!.meanScale).toBe(1);
  });

  it('a band with too few checks keeps the default span shape; a span uses the longest calibrated span below it', () => {
    const few = catalogue(3, 3 * (SPAN_CALIBRATION_RULES.minChecks - 1));
    const calibration = fitSpanCalibration(
      few.map((s) => s.check),
      SPAN_CALIBRATION,
    )!;
    for (const { bands } of calibration)
      for (const b of bands) expect([b.meanScale, b.levelScale]).toEqual([1, SPAN_CALIBRATION.levelScale]);
    expect(fitSpanCalibration([undefined], SPAN_CALIBRATION)).toBeNull();
    const wide = fitSpanCalibration(
      catalogue(4, 900).map((s) => s.check),
      SPAN_CALIBRATION,
    )!;
    expect(spanBand(wide, { mean: 10, days: 10 })).toBe(wide[0]!.bands.find((b) => 1 < b.below));
    expect(spanBand(wide, { mean: 60, days: 60 })).toBe(wide[2]!.bands.find((b) => 1 < b.below));
  });

  it('countCdf agrees with countQuantiles: k is below the α-quantile exactly when P(Y ≤ k) < α', () => {
    const u = mulberry32(7);
    const levels = [0.05, 0.5, 0.8, 0.95, 0.99];
    for (let i = 0; i < 300; i++) {
      const mean = 0.05 + 200 * u() ** 3;
      const variance = mean * (1 + 3 * u()) + mean * mean * u();
      const q = countQuantiles(mean, variance, levels);
      const k = Math.floor(mean * 2 * u());
      levels.forEach((a, j) => {
        expect(k < q[j]!, `mean ${mean}, k ${k}, α ${a}`).toBe(countCdf(mean, variance, k) < a);
      });
    }
  });

  it('a series’ span checks are honest: data after a check’s origin change only what sold, never its forecast or spread', () => {
    const u = mulberry32(11);
    const y = Float64Array.from({ length: 400 }, (_, t) => poisson(2 + (t % 7 === 5 ? 2 : 0), u));
    const checksOf = (data: Float64Array) =>
      forecastDemand(data, { horizon: 28, selection: 'combine' }).spanChecks!;
    const base = checksOf(y);
    expect(base.map((c) => c.spans.map((s) => s.days))).toEqual([
      [7, 14, 28],
      [7, 14, 28],
    ]);
    // The latest two backtest origins are 28 and 42 days before the end; data from each on may change.
    [28, 42].forEach((back, k) => {
      const changed = checksOf(y.map((v, t) => (t >= 400 - back ? 3 * v + 1 : v)))[k]!;
      expect(changed.spans.map((s) => s.mean)).toEqual(base[k]!.spans.map((s) => s.mean));
      expect([changed.dispersion, changed.levelVariance]).toEqual([
        base[k]!.dispersion,
        base[k]!.levelVariance,
      ]);
      expect(changed.spans.map((s) => s.actual)).not.toEqual(base[k]!.spans.map((s) => s.actual));
    });
  });

  it('the catalogue attaches one calibration to every forecast; without checks it attaches none', () => {
    const checks = catalogue(5, 90);
    const forecasts = checks.map(({ rate, check }) => ({ ...forecastOf(rate), spanChecks: [check] }));
    const calibrated = calibrateCatalogue(forecasts);
    expect(calibrated.every((f) => f.spanCalibration === calibrated[0]!.spanCalibration)).toBe(true);
    expect(calibrated[0]!.spanCalibration).toBeDefined();
    expect(calibrateCatalogue([forecastOf(1)])[0]!.spanCalibration).toBeUndefined();
  });
});
