/**
 * Rolling-origin evaluation (Tashman 2000, IJF 16(4)): forecasts from a few origins near the end of
 * the history are compared with what happened. Used to choose or combine models per series and to
 * estimate the spread of forecast errors.
 */

export interface BacktestWindow {
  /** Origin: the forecast uses y[0..end). */
  readonly end: number;
  readonly actual: Float64Array;
  readonly forecast: Float64Array;
}

/** Origins `n − horizon − k·step` (k = 0…origins−1), keeping at least `minTrain` days before each. */
export function backtestOrigins(
  n: number,
  options: {
    readonly horizon: number;
    readonly origins: number;
    readonly step: number;
    readonly minTrain: number;
  },
): number[] {
  const out: number[] = [];
  for (let k = 0; k < options.origins; k++) {
    const end = n - options.horizon - k * options.step;
    if (end < options.minTrain) break;
    out.push(end);
  }
  return out;
}

/**
 * The `backtest.origins` origins whose windows end by origin e, as `backtestOrigins` places them (any
 * training length): the catalogue's pooled effects and yearly ratios are refitted at each.
 */
export const backtestOriginsBefore = (
  e: number,
  backtest: { readonly origins: number; readonly step: number; readonly horizon: number },
): number[] => backtestOrigins(e, { ...backtest, minTrain: 1 });

export interface BacktestScore {
  /** Mean squared error over observed days. */
  readonly mse: number;
  /** Σ|e| / Σ actual (0 when both are 0). */
  readonly wape: number;
  /** Σ(forecast − actual) / Σ actual: > 0 over-forecasts. */
  readonly bias: number;
}

export function scoreWindows(windows: readonly BacktestWindow[]): BacktestScore {
  let se = 0;
  let ae = 0;
  let err = 0;
  let sum = 0;
  let count = 0;
  for (const w of windows) {
    for (let i = 0; i < w.actual.length; i++) {
      const a = w.actual[i]!;
      if (Number.isNaN(a)) continue;
      const e = w.forecast[i]! - a;
      se += e * e;
      ae += Math.abs(e);
      err += e;
      sum += a;
      count++;
    }
  }
  const ratio = (num: number): number => (sum > 0 ? num / sum : num === 0 ? 0 : Math.sign(num));
  return { mse: count > 0 ? se / count : 0, wape: ratio(ae), bias: ratio(err) };
}
