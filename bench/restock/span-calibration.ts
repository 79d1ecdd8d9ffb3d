/**
 * The span calibration's fit (./calibrate.ts): coverage of planned span quantiles against the demand
 * that came, and the grid search for (κ, c) of `SPAN_CALIBRATION` on the tuning half.
 */
import { countQuantiles } from '../../packages/domain/src/forecasting/count-quantiles';
import type { SpanCalibration } from '../../packages/domain/src/forecasting/lead-time-demand';
import { leadTimeDemandVariance } from '../../packages/domain/src/forecasting/lead-time-demand';

/** Planning levels the fit scores (critical ratios of the replay lie in 0.5–0.999). */
export const LEVELS = [0.5, 0.8, 0.9, 0.95, 0.98, 0.99] as const;
/** Shortest span the fit scores: a lead time. */
export const MIN_FIT_DAYS = 14;
export const GROWTHS = [0, 0.25, 0.5, 0.75, 1] as const;
export const SCALES = [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1, 1.25] as const;
/** The rule before this calibration (κ = 0.75 from M5 origin 1885, the whole level variance). */
export const EARLIER: SpanCalibration = { growth: 0.75, levelScale: 1 };

export interface SpanRecord {
  half: number;
  days: number;
  mean: number;
  dispersion: number;
  levelVariance: number;
  actual: number;
}

/**
 * Coverage (A ≤ q) and mid-coverage (A = q counts half) per level over `records`, each span weighted by
 * its expected units: a span of 300 units weighs what 300 one-unit spans do, as in the fill rate and in
 * what the stock costs. `n` is the number of spans.
 */
export function coverage(
  records: readonly SpanRecord[],
  calibration: SpanCalibration,
): { covered: number[]; mid: number[]; n: number } {
  const below = new Float64Array(LEVELS.length);
  const equal = new Float64Array(LEVELS.length);
  let units = 0;
  for (const r of records) {
    units += r.mean;
    const variance = leadTimeDemandVariance(r, { mean: r.mean, days: r.days, calibration });
    const q = countQuantiles(r.mean, variance, LEVELS);
    for (let i = 0; i < LEVELS.length; i++) {
      if (r.actual < q[i]!) below[i]! += r.mean;
      else if (r.actual === q[i]!) equal[i]! += r.mean;
    }
  }
  const w = units > 0 ? units : 1;
  return {
    covered: LEVELS.map((_, i) => (below[i]! + equal[i]!) / w),
    mid: LEVELS.map((_, i) => (below[i]! + equal[i]! / 2) / w),
    n: records.length,
  };
}

/** The fit's loss: Σ over levels of (mid-coverage − α)² / (α(1 − α)). */
export function calibrationLoss(mid: readonly number[]): number {
  return LEVELS.reduce((s, a, i) => s + (mid[i]! - a) ** 2 / (a * (1 - a)), 0);
}

/** The grid point (κ, c) with the least loss on `records`. */
export function fitSpanCalibration(records: readonly SpanRecord[]): { best: SpanCalibration; loss: number } {
  let best: SpanCalibration = EARLIER;
  let loss = Infinity;
  for (const growth of GROWTHS)
    for (const levelScale of SCALES) {
      const l = calibrationLoss(coverage(records, { growth, levelScale }).mid);
      if (l < loss) [best, loss] = [{ growth, levelScale }, l];
    }
  return { best, loss };
}
