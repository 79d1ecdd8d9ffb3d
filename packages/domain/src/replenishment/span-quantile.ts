/**
 * The stock level demand over a span stays under at a service level (docs/formulas.md Restock, Lead-time
 * distribution): the lumpy compound model, the forecast's count distribution widened by the lead
 * time's spread, or the mixture over the receipts' lead times. Pure.
 */
import { countQuantiles } from '../forecasting/count-quantiles';
import { spanDemand } from '../forecasting/lead-time-demand';
import type { DemandForecast } from '../forecasting/types';
import type { CountComponent, LeadTimeDistribution } from './lead-time-distribution';
import { cdfWalker, mixtureCountQuantile } from './lead-time-distribution';

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

/** What a span's demand is drawn from: the count model's components, one per receipt lead time or one. */
interface SpanModel {
  sdL: number;
  dist: LeadTimeDistribution | null;
  demandBetween: (from: number, days: number) => number;
}

/**
 * The count components of demand over a span (`mean` over `days`, the lead time plus `extraDays`): one
 * per receipt lead time with the forecast's calibrated sum (`spanDemand`: the catalogue's calibration
 * the forecast carries, else the default), else one with the lead time's d̄²·σ_L² added; null when
 * nothing is expected.
 */
function spanComponents(
  f: DemandForecast,
  a: SpanModel,
  span: { mean: number; days: number; extraDays: number },
): CountComponent[] | null {
  const spans = spansOf(a.dist, span.extraDays, a.demandBetween);
  if (spans !== null) return spans.map((s) => ({ w: s.w, ...spanDemand(f, s) }));
  if (!(span.mean > 0)) return null;
  const { mean, variance } = spanDemand(f, span);
  const d = mean / Math.max(1, span.days);
  return [{ w: 1, mean, variance: variance + d * d * a.sdL * a.sdL }];
}

/**
 * The stock level demand over a span (`mean` over `days`, the lead time plus `extraDays`) stays under
 * at level α: the lumpy compound model's when it applies, else the forecast's count distribution —
 * its calibrated sum variance (the level error grows with the span) plus the lead time's, d̄²·σ_L²,
 * or, with the receipts' lead times, the mixture over them (docs/formulas.md Lead-time distribution).
 */
export function spanQuantile(
  f: DemandForecast,
  a: SpanModel & {
    alpha: number;
    compound: (
      mean: number,
      days: number,
      spans: readonly { w: number; mean: number }[] | null,
    ) => { quantile: number } | null;
  },
): (mean: number, days: number, extraDays: number) => number {
  return (mean, days, extraDays) => {
    const spans = spansOf(a.dist, extraDays, a.demandBetween);
    if (!(mean > 0) && spans === null) return 0;
    const lumpyLevel = a.compound(mean, days, spans)?.quantile;
    if (lumpyLevel !== undefined) return lumpyLevel;
    const components = spanComponents(f, a, { mean, days, extraDays })!;
    if (spans !== null) return mixtureCountQuantile(components, a.alpha);
    const one = components[0]!;
    return countQuantiles(one.mean, one.variance, [a.alpha])[0]!;
  };
}

/**
 * P(demand over the span ≤ k) under the count model of `spanQuantile` (the lumpy model aside): the
 * components' count distributions, a component expecting nothing holding its weight at 0. Each
 * component's cdf is walked once and kept, so queries in any order cost the walk to the largest k.
 */
export function spanCdf(
  f: DemandForecast,
  a: SpanModel,
  span: { mean: number; days: number; extraDays: number },
): (k: number) => number {
  const components = spanComponents(f, a, span);
  if (components === null) return () => 1;
  const wSum = components.reduce((s, c) => s + Math.max(0, c.w), 0);
  const tables = components.map((c) => {
    if (!(c.w > 0) || !(c.mean > 0) || !Number.isFinite(c.mean)) return null;
    const walker = cdfWalker(c.mean, c.variance);
    const seen: number[] = [];
    return (k: number) => {
      if (k < walker.start) return 0;
      for (let j = walker.start + seen.length; j <= k; j++) seen.push(walker.at(j));
      return seen[k - walker.start]!;
    };
  });
  return (k) =>
    k < 0 ? 0 : components.reduce((s, c, i) => (c.w > 0 ? s + (c.w / wSum) * (tables[i]?.(k) ?? 1) : s), 0);
}
