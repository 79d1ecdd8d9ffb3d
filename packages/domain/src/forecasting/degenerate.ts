import { classifyDemand } from './classify-demand';
import { countQuantiles } from './count-quantiles';
import type { DegenerateReason, DemandForecast, FallbackProfile } from './types';
import { YOUNG_DAYS, profileMean } from './young';
import { MIN_LEVEL_VARIANCE } from './dispersion';

/** Counts used to decide whether a history can be modelled. */
export interface HistorySummary {
  /** Index of the first observed non-zero day (history.length if none). */
  readonly firstSale: number;
  /** Observed (non-NaN) days, in all of the history. */
  readonly observed: number;
  /** Observed days from the first sale on. */
  readonly observedSinceFirstSale: number;
  /** Mean of observed days from the first sale on (0 if none). */
  readonly meanSinceFirstSale: number;
  readonly constant: boolean;
}

export function summariseHistory(history: Float64Array): HistorySummary {
  let firstSale = history.length;
  let observed = 0;
  for (let t = 0; t < history.length; t++) {
    const v = history[t]!;
    if (Number.isNaN(v)) continue;
    observed++;
    if (v !== 0 && firstSale === history.length) firstSale = t;
  }
  let n = 0;
  let sum = 0;
  let first = NaN;
  let constant = true;
  for (let t = firstSale; t < history.length; t++) {
    const v = history[t]!;
    if (Number.isNaN(v)) continue;
    if (n === 0) first = v;
    else if (v !== first) constant = false;
    n++;
    sum += v;
  }
  return {
    firstSale,
    observed,
    observedSinceFirstSale: n,
    meanSinceFirstSale: n > 0 ? sum / n : 0,
    constant,
  };
}

/**
 * The degenerate-input rule, checked in this order (history starts at the first observed sale;
 * zeros before it are pre-launch days):
 *   'empty'    — no days at all;
 *   'no-data'  — every day is NaN (censored/unknown);
 *   'all-zero' — observed days exist but none sold;
 *   'short'    — fewer observed days since the first sale than one season (m);
 *   'constant' — every observed day since the first sale has the same value.
 * Otherwise null (model it).
 */
export function degenerateReason(history: Float64Array, seasonLength: number): DegenerateReason | null {
  if (history.length === 0) return 'empty';
  const s = summariseHistory(history);
  if (s.observed === 0) return 'no-data';
  if (s.observedSinceFirstSale === 0) return 'all-zero';
  if (s.observedSinceFirstSale < seasonLength) return 'short';
  if (s.constant) return 'constant';
  return null;
}

/**
 * The one forecast for every degenerate case: with n observed days since the first sale (all
 * observed days for 'all-zero') and their mean ȳ, the daily mean is the credibility blend
 *   μ_h = (n·ȳ + m·p_h) / (n + m),  p_h = profile.dailyMean · profile.weekly[h mod len]
 * when a fallback profile is given (a brand-new SKU gets the profile; an all-zero history of YOUNG_DAYS
 * or more observed days gets none: it does not sell there),
 * and μ_h = ȳ otherwise. Quantiles are negative binomial with dispersion 1 and a level variance of
 * 0.5·m/(n + m), so the borrowed part of the mean stays uncertain, and never below the models' floor
 * (MIN_LEVEL_VARIANCE): a mean of a few days is no surer than a fitted model's, so the intervals do
 * not jump when a model takes over at one season, with or without a profile.
 */
export function degenerateForecast(
  history: Float64Array,
  options: {
    readonly reason: DegenerateReason;
    readonly horizon: number;
    readonly seasonLength: number;
    readonly quantileLevels: readonly number[];
    readonly fallbackProfile?: FallbackProfile;
    /** Known multipliers per horizon day (seller events, planned prices); 1 = none. */
    readonly lifts?: Float64Array;
  },
): DemandForecast {
  const s = summariseHistory(history);
  const m = options.seasonLength;
  const n = options.reason === 'all-zero' ? s.observed : s.observedSinceFirstSale;
  const profile = options.fallbackProfile;
  const useProfile = profile !== undefined && Number.isFinite(profile.dailyMean) && profile.dailyMean >= 0;
  // A place observed for YOUNG_DAYS without one sale is not a new SKU but one that does not sell here
  // (a hub that only sends stock on): no borrowed demand, so it never reads as out of stock.
  const stale = options.reason === 'all-zero' && n >= YOUNG_DAYS;
  const weight = useProfile && !stale ? m / (n + m) : 0;
  const mean = new Float64Array(options.horizon);
  for (let h = 0; h < options.horizon; h++) {
    const p = useProfile ? profileMean(profile, h) : 0;
    mean[h] = ((1 - weight) * s.meanSinceFirstSale + weight * p) * (options.lifts?.[h] ?? 1);
  }
  const levelVariance = Math.max(0.5 * weight, MIN_LEVEL_VARIANCE);
  const quantiles = options.quantileLevels.map((level) => ({
    level,
    values: new Float64Array(options.horizon),
  }));
  for (let h = 0; h < options.horizon; h++) {
    const mu = mean[h]!;
    const q = countQuantiles(mu, mu + levelVariance * mu * mu, options.quantileLevels);
    quantiles.forEach((qs, i) => (qs.values[h] = q[i]!));
  }
  return {
    model: useProfile ? 'fallback-profile' : 'mean',
    params: { observedDays: n, profileWeight: weight },
    demandClass: classifyDemand(history).demandClass,
    degenerate: options.reason,
    mean,
    quantiles,
    dispersion: 1,
    levelVariance,
  };
}
