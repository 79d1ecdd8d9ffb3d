/**
 * The stock level demand over a span stays under at a service level (docs/formulas.md Restock, Lead-time
 * distribution): the lumpy compound model, the forecast's count distribution widened by the lead
 * time's spread, or the mixture over the receipts' lead times. Pure.
 */
import { spanDemand } from '../forecasting/lead-time-demand';
import type { DemandForecast } from '../forecasting/types';
import type { CountComponent, LeadTimeDistribution } from './lead-time-distribution';
import { KeptCdf, mixtureCountQuantile } from './lead-time-distribution';

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

/** A span of a plan: its forecast sum `mean` over `days` days, the lead time plus `extraDays`. */
export interface PlanSpan {
  mean: number;
  days: number;
  extraDays: number;
}

/** The lumpy compound model's level over a span, or null where the count model plans it. */
type CompoundLevel = (
  mean: number,
  days: number,
  spans: readonly { w: number; mean: number }[] | null,
) => { quantile: number } | null;

/**
 * The count components of demand over a span (`mean` over `days`, the lead time plus `extraDays`): one
 * per receipt lead time with the forecast's calibrated sum (`spanDemand`: the catalogue's calibration
 * the forecast carries, else the default), else one with the lead time's d̄²·σ_L² added; null when
 * nothing is expected.
 */
function spanComponents(
  f: DemandForecast,
  a: SpanModel,
  span: PlanSpan,
  spans: { w: number; mean: number; days: number }[] | null,
): CountComponent[] | null {
  if (spans !== null) return spans.map((s) => ({ w: s.w, ...spanDemand(f, s) }));
  if (!(span.mean > 0)) return null;
  const { mean, variance } = spanDemand(f, span);
  const d = mean / Math.max(1, span.days);
  return [{ w: 1, mean, variance: variance + d * d * a.sdL * a.sdL }];
}

/**
 * The distribution of demand over a span as restock reads it (docs/formulas.md Restock, Lead-time
 * distribution): the stock level demand stays under at level α (`quantile`) — the lumpy compound
 * model's when it applies, else the forecast's count distribution: its calibrated sum variance (the
 * level error grows with the span) plus the lead time's, d̄²·σ_L², or, with the receipts' lead times,
 * the mixture over them — and P(demand ≤ k) under the count model (`cdf`, the lumpy model aside), a
 * component expecting nothing holding its weight at 0. Each component's cdf is walked once and kept
 * (`KeptCdf`), so every level and every k asked of the span share one walk.
 */
export class SpanDistribution {
  private readonly spans: { w: number; mean: number; days: number }[] | null;
  private readonly components: CountComponent[] | null;
  private readonly kept: (KeptCdf | null)[];
  private readonly wSum: number;
  private lumpy: { level: number | undefined } | null = null;
  private readonly mixture = new Map<number, number>();

  constructor(
    f: DemandForecast,
    private readonly a: SpanModel & { compound: CompoundLevel },
    private readonly span: PlanSpan,
  ) {
    this.spans = spansOf(a.dist, span.extraDays, a.demandBetween);
    this.components = spanComponents(f, a, span, this.spans);
    this.kept = (this.components ?? []).map((c) =>
      c.w > 0 && c.mean > 0 && Number.isFinite(c.mean) ? new KeptCdf(c.mean, c.variance) : null,
    );
    this.wSum = (this.components ?? []).reduce((s, c) => s + Math.max(0, c.w), 0);
  }

  quantile(alpha: number): number {
    const { span, spans, components } = this;
    if (!(span.mean > 0) && spans === null) return 0;
    this.lumpy ??= { level: this.a.compound(span.mean, span.days, spans)?.quantile };
    if (this.lumpy.level !== undefined) return this.lumpy.level;
    if (spans !== null) {
      let q = this.mixture.get(alpha);
      if (q === undefined) {
        q = mixtureCountQuantile(components!, alpha, (c) => this.kept[components!.indexOf(c)]!);
        this.mixture.set(alpha, q);
      }
      return q;
    }
    const one = components![0]!;
    const cdf = this.kept[0];
    if (!cdf) return 0;
    const v = Number.isFinite(one.variance) ? Math.max(one.variance, one.mean) : one.mean;
    return cdf.firstReaching(
      Math.min(Math.max(alpha, 0), 1 - 1e-12),
      Math.ceil(one.mean + 40 * Math.sqrt(v) + 50),
    );
  }

  cdf(k: number): number {
    const components = this.components;
    if (components === null) return 1;
    if (k < 0) return 0;
    let s = 0;
    for (let i = 0; i < components.length; i++) {
      const c = components[i]!;
      if (c.w > 0) s += (c.w / this.wSum) * (this.kept[i]?.at(k) ?? 1);
    }
    return s;
  }
}

/**
 * A line's span distributions (`SpanDistribution`), each made once per span and kept: planning asks the
 * protection period's and the lead time's at several levels and for their cdfs.
 */
export function lineSpans(
  f: DemandForecast,
  a: SpanModel & { compound: CompoundLevel },
): (span: PlanSpan) => SpanDistribution {
  const made: { span: PlanSpan; dist: SpanDistribution }[] = [];
  return (span) => {
    for (const m of made)
      if (m.span.mean === span.mean && m.span.days === span.days && m.span.extraDays === span.extraDays)
        return m.dist;
    const dist = new SpanDistribution(f, a, span);
    made.push({ span: { ...span }, dist });
    return dist;
  };
}

/**
 * The stock level demand over a span (`mean` over `days`, the lead time plus `extraDays`) stays under
 * at level α (`SpanDistribution`'s quantile).
 */
export function spanQuantile(
  f: DemandForecast,
  a: SpanModel & { alpha: number; compound: CompoundLevel },
): (mean: number, days: number, extraDays: number) => number {
  return (mean, days, extraDays) => new SpanDistribution(f, a, { mean, days, extraDays }).quantile(a.alpha);
}
