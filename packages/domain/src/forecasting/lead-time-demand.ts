import { countQuantiles } from './count-quantiles';
import { DEFAULT_QUANTILE_LEVELS } from './forecast-demand';
import { calibratedSpan, spanBand } from './span-calibration';
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
 * How the squared relative level error grows with the span of a sum beyond the 7-day blocks it is
 * estimated on (`estimateDispersion`): v(d) = c · v · max(1, d/7)^κ. The level drifts over a long lead
 * time, so a 28-day sum's relative error is larger than a week's. κ and c are the span calibration
 * (`SPAN_CALIBRATION`), fitted on the tuning half of bench:restock's replay so that the planned
 * quantiles of demand over planning spans cover the demand that came (docs/forecasting.md, "Quantiles").
 */
export interface SpanCalibration {
  /** κ: the growth of the level error with the span past 7 days. */
  readonly growth: number;
  /** c: the share of the backtest's level variance that planning spans carry. */
  readonly levelScale: number;
}

/**
 * κ = 0.5, c = 0.25: the level variance of a planning span is a quarter of the backtest's over a week
 * and grows with √(d/7). Fitted on the tuning half of bench:restock (958 M5 series, weekly origins,
 * spans of 14–70 days, unit-weighted mid-coverage of the 0.5–0.99 quantiles); the earlier κ = 0.75,
 * c = 1 covered 99.2% of units at the 0.95 quantile and 90.3% at 0.8 — stock for a tail that never
 * came. `npm run bench:restock:calibrate` repeats the fit and reports the held-out half.
 */
export const SPAN_CALIBRATION: SpanCalibration = { growth: 0.5, levelScale: 0.25 };

/**
 * The distribution of demand summed over a span that planning draws its quantiles from: the span's
 * forecast sum `mean` over `days` days, moved and widened by the catalogue's calibration the forecast
 * carries (`spanCalibration`, decision 36, stored with the forecast run that made it), else by the
 * default shape (`SPAN_CALIBRATION`, decision 19). Restock's reorder point and order-up-to level, the
 * stock projection's bands and `leadTimeDemandQuantiles` all read it (decision 40).
 */
export function spanDemand(
  forecast: Pick<DemandForecast, 'dispersion' | 'levelVariance' | 'spanCalibration'>,
  span: { readonly mean: number; readonly days: number },
): { mean: number; variance: number } {
  return calibratedSpan(forecast, span, SPAN_CALIBRATION, spanBand(forecast.spanCalibration, span));
}

/** Variance of demand summed over `days` days whose expected total is `mean`: φ·S + v(d)·S². */
export function leadTimeDemandVariance(
  forecast: Pick<DemandForecast, 'dispersion' | 'levelVariance'>,
  options: {
    readonly mean: number;
    readonly days: number;
    readonly growth?: number;
    readonly calibration?: SpanCalibration;
  },
): number {
  const calibration = options.calibration ?? SPAN_CALIBRATION;
  return calibratedSpan(forecast, options, { ...calibration, growth: options.growth ?? calibration.growth })
    .variance;
}

/**
 * Quantiles of total demand over a lead time. The sum S of daily means has variance
 * φ·S + v(d)·S² (`leadTimeDemandVariance`): the Poisson-like part adds up over days, while the
 * level error is shared by all days (fully autocorrelated) and grows with the span, so intervals
 * widen with the lead time faster than √days. A forecast of a catalogue carries its calibration
 * (`spanCalibration`, decision 36): the band of its rate moves the sum's mean and scales its level
 * variance as the catalogue's honest backtests of span sums asked.
 */
export function leadTimeDemandQuantiles(
  forecast: DemandForecast,
  options: LeadTimeOptions & { readonly growth?: number },
): { level: number; value: number }[] {
  const levels =
    options.levels ??
    (forecast.quantiles.length > 0 ? forecast.quantiles.map((q) => q.level) : DEFAULT_QUANTILE_LEVELS);
  const span = { mean: leadTimeDemandMean(forecast, options), days: Math.max(0, Math.floor(options.days)) };
  const { mean, variance } =
    options.growth === undefined
      ? spanDemand(forecast, span)
      : calibratedSpan(
          forecast,
          span,
          { ...SPAN_CALIBRATION, growth: options.growth },
          spanBand(forecast.spanCalibration, span),
        );
  const q = countQuantiles(mean, variance, levels);
  return levels.map((level, i) => ({ level, value: q[i]! }));
}
