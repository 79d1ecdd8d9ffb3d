/**
 * Croston's method for intermittent demand (Croston 1972, "Forecasting and stock control for
 * intermittent demands", ORQ 23(3)) and the Syntetos–Boylan approximation (SBA; Syntetos & Boylan
 * 2005, IJF 21(2)), which multiplies Croston's ratio by (1 − α/2) to remove its positive bias.
 *
 * Non-zero sizes z and inter-demand intervals p are smoothed separately by SES with simple
 * initialisation (first size, first interval counted from the start), exactly as R
 * `forecast::croston(y, h, alpha)`; the forecast is z/p for every future day.
 * NaN days (censored) are skipped: they neither count as zero demand nor lengthen an interval.
 */

export interface CrostonOptions {
  /** Smoothing constant for sizes and intervals. @default 0.1 */
  readonly alpha?: number;
  /** 'sba' applies the Syntetos–Boylan bias correction. @default 'croston' */
  readonly variant?: 'croston' | 'sba';
  /** Use y[0..end) only. @default y.length */
  readonly end?: number;
}

/** Per-day demand rate z/p (0 when there was never any demand). */
export function crostonRate(y: Float64Array, options: CrostonOptions = {}): number {
  const alpha = options.alpha ?? 0.1;
  const end = options.end ?? y.length;
  let size = NaN;
  let interval = NaN;
  let gap = 0;
  for (let t = 0; t < end; t++) {
    const v = y[t]!;
    if (Number.isNaN(v)) continue;
    gap++;
    if (v <= 0) continue;
    if (Number.isNaN(size)) {
      size = v;
      interval = gap;
    } else {
      size += alpha * (v - size);
      interval += alpha * (gap - interval);
    }
    gap = 0;
  }
  if (Number.isNaN(size)) return 0;
  const rate = size / interval;
  return options.variant === 'sba' ? rate * (1 - alpha / 2) : rate;
}
