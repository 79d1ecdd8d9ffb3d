import type { BacktestWindow } from './backtest';

/** The floor of the squared relative level error (see `estimateDispersion`; the degenerate rule shares it). */
export const MIN_LEVEL_VARIANCE = 0.08;

/**
 * Moment estimates of the count-data error model used for quantiles:
 *   Var(y_t) = φ·μ_t + v·μ_t²   (φ: quasi-Poisson dispersion, v: squared relative level error)
 * with v shared by all days of a window, so a sum S over a block has Var = φ·ΣM + v·(ΣM)².
 * Daily errors and errors of `block`-day sums from backtest windows give two linear equations in
 * (φ, v), solved by least squares with φ ≥ 1 (a Poisson floor) and v ≥ 0. Multi-step backtest
 * errors already contain the level uncertainty that one-step residuals would miss.
 *
 * `minLevelVariance` (default 0.08, i.e. a relative level error of at least ~28%) is an empirical
 * floor: with parameters fitted on the same data and only four origins the backtest understates
 * level error. On M5 (origin 1913) 90% intervals of 28-day totals covered 81% without it and 87%
 * with it, while daily coverage moved from 94.4% to 94.7%.
 */
export function estimateDispersion(
  windows: readonly BacktestWindow[],
  options: {
    readonly block?: number;
    readonly maxDispersion?: number;
    readonly minLevelVariance?: number;
  } = {},
): { dispersion: number; levelVariance: number } {
  const block = options.block ?? 7;
  // Daily moments.
  let dErr = 0;
  let dMu = 0;
  let dMu2 = 0;
  // Block-sum moments.
  let bErr = 0;
  let bMu = 0;
  let bMu2 = 0;
  for (const w of windows) {
    for (let start = 0; start + block <= w.actual.length; start += block) {
      let a = 0;
      let f = 0;
      let complete = true;
      for (let i = start; i < start + block; i++) {
        const y = w.actual[i]!;
        const mu = Math.max(0, w.forecast[i]!);
        if (Number.isNaN(y)) {
          complete = false;
          continue;
        }
        dErr += (y - mu) ** 2;
        dMu += mu;
        dMu2 += mu * mu;
        a += y;
        f += mu;
      }
      if (complete) {
        bErr += (a - f) ** 2;
        bMu += f;
        bMu2 += f * f;
      }
    }
  }
  const maxDispersion = options.maxDispersion ?? 100;
  if (dMu <= 0) return { dispersion: 1, levelVariance: options.minLevelVariance ?? MIN_LEVEL_VARIANCE };
  // Least squares for [dErr, bErr] ≈ φ·[dMu, bMu] + v·[dMu2, bMu2], each equation scaled by its size.
  const rows = [
    [dMu, dMu2, dErr],
    [bMu, bMu2, bErr],
  ].filter((r) => r[0]! > 0);
  let phi = dErr / dMu;
  let v = 0;
  if (rows.length === 2) {
    const [r0, r1] = rows as [number[], number[]];
    const det = r0[0]! * r1[1]! - r0[1]! * r1[0]!;
    if (Math.abs(det) > 1e-12 * Math.abs(r0[0]! * r1[1]!)) {
      phi = (r0[2]! * r1[1]! - r0[1]! * r1[2]!) / det;
      v = (r0[0]! * r1[2]! - r0[2]! * r1[0]!) / det;
    }
  }
  if (phi < 1 || v < 0) {
    // Constrained solutions: fix one at its bound and fit the other to the daily equation,
    // then check it against the block equation through the combined residual.
    const candidates: [number, number][] = [
      [1, Math.max(0, (dErr - dMu) / Math.max(dMu2, 1e-12))],
      [Math.max(1, dErr / dMu), 0],
    ];
    if (bMu > 0) candidates.push([1, Math.max(0, (bErr - bMu) / Math.max(bMu2, 1e-12))]);
    const loss = ([p, q]: [number, number]): number =>
      ((dErr - p * dMu - q * dMu2) / Math.max(dErr, 1)) ** 2 +
      ((bErr - p * bMu - q * bMu2) / Math.max(bErr, 1)) ** 2;
    [phi, v] = candidates.reduce((best, c) => (loss(c) < loss(best) ? c : best));
  }
  return {
    dispersion: Math.min(Math.max(phi, 1), maxDispersion),
    levelVariance: Math.min(Math.max(v, options.minLevelVariance ?? MIN_LEVEL_VARIANCE), 4),
  };
}
