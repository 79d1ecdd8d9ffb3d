/**
 * TSB method (Teunter, Syntetos & Babai 2011, "Intermittent demand: linking forecasting to
 * inventory obsolescence", EJOR 214(3)). Unlike Croston it updates the demand probability every
 * day, so the forecast decays when an item stops selling (obsolescence):
 *   p_t = p_{t-1} + β·(1[y_t > 0] − p_{t-1});  z_t = z_{t-1} + α·(y_t − z_{t-1}) when y_t > 0
 * forecast = p_T · z_T. Initial p is the share of non-zero days in the first `initWindow`
 * observed days, initial z the first non-zero size. NaN days are skipped.
 */

export interface TsbOptions {
  /** Size smoothing. @default 0.1 */
  readonly alpha?: number;
  /** Probability smoothing. @default 0.05 */
  readonly beta?: number;
  /** @default y.length */
  readonly end?: number;
  /** @default 28 */
  readonly initWindow?: number;
}

export function tsbRate(y: Float64Array, options: TsbOptions = {}): number {
  const alpha = options.alpha ?? 0.1;
  const beta = options.beta ?? 0.05;
  const end = options.end ?? y.length;
  const initWindow = options.initWindow ?? 28;
  let seen = 0;
  let hits = 0;
  let size = NaN;
  for (let t = 0; t < end && seen < initWindow; t++) {
    const v = y[t]!;
    if (Number.isNaN(v)) continue;
    seen++;
    if (v > 0) hits++;
  }
  let prob = seen > 0 ? hits / seen : 0;
  for (let t = 0; t < end; t++) {
    const v = y[t]!;
    if (Number.isNaN(v)) continue;
    if (v > 0) {
      size = Number.isNaN(size) ? v : size + alpha * (v - size);
      prob += beta * (1 - prob);
    } else {
      prob -= beta * prob;
    }
  }
  return Number.isNaN(size) ? 0 : prob * size;
}
