import { countQuantiles } from './count-quantiles';
import { DEFAULT_QUANTILE_LEVELS } from './forecast-demand';
import type { DemandForecast } from './types';

export interface LeadTimeOptions {
  /** First forecast day of the lead time (0 = first forecast day). @default 0 */
  readonly fromDay?: number;
  /** Number of days (≥ 0). */
  readonly days: number;
  /** @default the forecast's own quantile levels */
  readonly levels?: readonly number[];
}

/**
 * Expected demand over days [fromDay, fromDay + days). Days past the horizon repeat the mean of the
 * last (up to 7) forecast days, so any lead time gets an answer.
 */
export function leadTimeDemandMean(forecast: DemandForecast, options: LeadTimeOptions): number {
  const from = Math.max(0, Math.floor(options.fromDay ?? 0));
  const days = Math.max(0, Math.floor(options.days));
  const mean = forecast.mean;
  const H = mean.length;
  let tail = 0;
  const k = Math.min(7, H);
  for (let i = H - k; i < H; i++) tail += mean[i]! / k;
  let sum = 0;
  for (let d = from; d < from + days; d++) sum += d < H ? mean[d]! : tail;
  return sum;
}

/**
 * Quantiles of total demand over a lead time. The sum S of daily means has variance
 * φ·S + v·S²: the Poisson-like part adds up over days, while the level error v is shared by all
 * days (fully autocorrelated), so intervals widen with the lead time faster than √days.
 */
export function leadTimeDemandQuantiles(
  forecast: DemandForecast,
  options: LeadTimeOptions,
): { level: number; value: number }[] {
  const levels =
    options.levels ??
    (forecast.quantiles.length > 0 ? forecast.quantiles.map((q) => q.level) : DEFAULT_QUANTILE_LEVELS);
  const s = leadTimeDemandMean(forecast, options);
  const q = countQuantiles(s, forecast.dispersion * s + forecast.levelVariance * s * s, levels);
  return levels.map((level, i) => ({ level, value: q[i]! }));
}
