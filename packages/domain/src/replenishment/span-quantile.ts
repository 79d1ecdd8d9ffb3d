/**
 * The stock level demand over a span stays under at a service level (docs/formulas.md Restock, Lead-time
 * distribution): the lumpy compound model, the forecast's count distribution widened by the lead
 * time's spread, or the mixture over the receipts' lead times. Pure.
 */
import { countQuantiles } from '../forecasting/count-quantiles';
import { leadTimeDemandVariance } from '../forecasting/lead-time-demand';
import type { DemandForecast } from '../forecasting/types';
import type { CountComponent, LeadTimeDistribution } from './lead-time-distribution';
import { mixtureCountQuantile } from './lead-time-distribution';

/**
 * The spans a lead-time distribution mixes over for a period `extraDays` past the lead time: each
 * lead time's probability and the forecast's demand over it plus those days; null without one.
 */
export function spansOf(
  dist: LeadTimeDistribution | null,
  extraDays: number,
  demandBetween: (from: number, days: number) => number,
): { w: number; mean: number; days: number }[] | null {
  if (dist === null || dist.points.length === 0) return null;
  return dist.points.map((p) => ({
    w: p.p,
    mean: demandBetween(0, p.days + extraDays),
    days: p.days + extraDays,
  }));
}

/**
 * The stock level demand over a span (`mean` over `days`, the lead time plus `extraDays`) stays under
 * at level α: the lumpy compound model's when it applies, else the forecast's count distribution —
 * its calibrated sum variance (the level error grows with the span) plus the lead time's, d̄²·σ_L²,
 * or, with the receipts' lead times, the mixture over them (docs/formulas.md Lead-time distribution).
 */
export function spanQuantile(
  f: DemandForecast,
  a: {
    sdL: number;
    alpha: number;
    compound: (
      mean: number,
      days: number,
      spans: readonly { w: number; mean: number }[] | null,
    ) => { quantile: number } | null;
    dist: LeadTimeDistribution | null;
    demandBetween: (from: number, days: number) => number;
  },
): (mean: number, days: number, extraDays: number) => number {
  return (mean, days, extraDays) => {
    const spans = spansOf(a.dist, extraDays, a.demandBetween);
    if (!(mean > 0) && spans === null) return 0;
    const lumpyLevel = a.compound(mean, days, spans)?.quantile;
    if (lumpyLevel !== undefined) return lumpyLevel;
    if (spans !== null) {
      const components: CountComponent[] = spans.map((s) => ({
        w: s.w,
        mean: s.mean,
        variance: leadTimeDemandVariance(f, { mean: s.mean, days: s.days }),
      }));
      return mixtureCountQuantile(components, a.alpha);
    }
    const d = mean / Math.max(1, days);
    const variance = leadTimeDemandVariance(f, { mean, days }) + d * d * a.sdL * a.sdL;
    return countQuantiles(mean, variance, [a.alpha])[0]!;
  };
}
