/**
 * Planning on the receipts' own lead times (docs/formulas.md Lead-time distribution): once a supplier
 * (or route) has enough receipts, demand over the lead time is a mixture over the lead times that
 * came — each receipt a point, the stated lead time counted as `LEAD_TIME_PRIOR_WEIGHT` receipts — not
 * the mean widened by a normal-shaped spread, whose tail runs past the longest lead time ever seen.
 * Pure.
 */
import { logGamma } from '../forecasting/count-quantiles';
import type { LearnedLeadTime } from './lead-time';
import { LEAD_TIME_PRIOR_WEIGHT } from './lead-time';

/** Receipts needed before planning reads the lead time off them (fewer: the mean ± a spread). */
export const MIN_RECEIPTS_FOR_DISTRIBUTION = 8;

/** One lead time of the distribution and its probability. */
export interface LeadTimePoint {
  days: number;
  p: number;
}

/** The lead-time distribution a plan mixes over, and how many receipts taught it. */
export interface LeadTimeDistribution {
  receipts: number;
  /** Ascending days, probabilities summing to 1. */
  points: readonly LeadTimePoint[];
}

/**
 * The receipts' distribution: each receipt's whole days with weight 1, the stated lead time with
 * weight k (so its mean is `learnLeadTime`'s blended mean); null below `MIN_RECEIPTS_FOR_DISTRIBUTION`.
 * @example stated 20, receipts [10 ×4, 30 ×4] → { 10: 4/11, 20: 3/11, 30: 4/11 }
 */
export function leadTimeDistribution(
  lead: Pick<LearnedLeadTime, 'statedDays' | 'receiptDays'>,
): LeadTimeDistribution | null {
  const days = lead.receiptDays;
  if (days === undefined) return distributionOf(lead);
  // The lines of one supplier × route share its receipts: each distribution is made once (the same
  // answer; a supplier of thousands of SKUs has thousands of receipts, docs/decisions.md 58).
  let byStated = made.get(days);
  if (!byStated) made.set(days, (byStated = new Map<number, LeadTimeDistribution | null>()));
  if (!byStated.has(lead.statedDays)) byStated.set(lead.statedDays, distributionOf(lead));
  return byStated.get(lead.statedDays) ?? null;
}

/** The distributions made, by receipts array and stated lead time (dropped with the receipts). */
const made = new WeakMap<readonly number[], Map<number, LeadTimeDistribution | null>>();

function distributionOf(
  lead: Pick<LearnedLeadTime, 'statedDays' | 'receiptDays'>,
): LeadTimeDistribution | null {
  const receipts = (lead.receiptDays ?? []).filter((d) => Number.isFinite(d) && d >= 0);
  if (receipts.length < MIN_RECEIPTS_FOR_DISTRIBUTION) return null;
  const weights = new Map<number, number>();
  const add = (days: number, w: number) => weights.set(days, (weights.get(days) ?? 0) + w);
  for (const d of receipts) add(Math.round(d), 1);
  if (Number.isFinite(lead.statedDays) && lead.statedDays >= 0)
    add(Math.round(lead.statedDays), LEAD_TIME_PRIOR_WEIGHT);
  const total = [...weights.values()].reduce((s, w) => s + w, 0);
  return {
    receipts: receipts.length,
    points: [...weights.entries()].sort((a, b) => a[0] - b[0]).map(([days, w]) => ({ days, p: w / total })),
  };
}

/** The longest lead time a plan looks over: the mean's whole days, or the longest receipt. */
export const longestLeadDays = (meanDays: number, dist: LeadTimeDistribution | null): number =>
  Math.max(meanDays, ...(dist?.points.map((p) => p.days) ?? []));

/** What the reasoning says of a plan on the receipts' lead times; null without them. */
export function receiptsReasoning(
  dist: LeadTimeDistribution | null,
): { receipts: number; minDays: number; maxDays: number } | null {
  const first = dist?.points[0];
  const last = dist?.points[dist.points.length - 1];
  if (!dist || !first || !last) return null;
  return { receipts: dist.receipts, minDays: first.days, maxDays: last.days };
}

/** A count distribution of the mixture: weight, mean and variance (negative binomial, else Poisson). */
export interface CountComponent {
  w: number;
  mean: number;
  variance: number;
}

/**
 * One count distribution's cdf, walked upward from about 10 standard deviations below its mean with
 * the parametrisation of `countQuantiles` (the mass below the start is negligible): `at(k)` is
 * P(Y ≤ k) for non-decreasing k.
 */
export function cdfWalker(mean: number, variance: number): { start: number; at: (k: number) => number } {
  const v = Number.isFinite(variance) ? Math.max(variance, mean) : mean;
  const negBin = v > mean * (1 + 1e-9);
  const r = negBin ? (mean * mean) / (v - mean) : Infinity;
  const logP = negBin ? Math.log(r / (r + mean)) : 0;
  const logQ = negBin ? Math.log(mean / (r + mean)) : 0;
  const logPmf = (k: number) =>
    negBin
      ? logGamma(k + r) - logGamma(r) - logGamma(k + 1) + r * logP + k * logQ
      : k * Math.log(mean) - mean - logGamma(k + 1);
  const start = Math.max(0, Math.floor(mean - 10 * Math.sqrt(v)));
  const q = Math.exp(logQ);
  let k = start;
  let pmf = Math.exp(logPmf(k));
  let cdf = pmf;
  return {
    start,
    at: (to) => {
      if (to < start) return 0;
      while (k < to) {
        pmf *= negBin ? ((k + r) / (k + 1)) * q : mean / (k + 1);
        k++;
        cdf += pmf;
      }
      return cdf;
    },
  };
}

/**
 * A count distribution's cdf kept as it is walked, with `cdfWalker`'s parametrisation and steps:
 * P(Y ≤ k) for any k in any order (`at`) and `countQuantiles`' answer at a level (`firstReaching`),
 * each step taken once, so a span's quantiles at several levels and its cdf share one walk.
 */
export class KeptCdf {
  readonly start: number;
  private readonly values: number[] = [];
  private readonly negBin: boolean;
  private readonly r: number;
  private readonly q: number;
  private readonly mean: number;
  private k: number;
  private pmf: number;
  private cdf: number;

  constructor(mean: number, variance: number) {
    const v = Number.isFinite(variance) ? Math.max(variance, mean) : mean;
    this.mean = mean;
    this.negBin = v > mean * (1 + 1e-9);
    this.r = this.negBin ? (mean * mean) / (v - mean) : Infinity;
    const logP = this.negBin ? Math.log(this.r / (this.r + mean)) : 0;
    const logQ = this.negBin ? Math.log(mean / (this.r + mean)) : 0;
    this.q = Math.exp(logQ);
    this.start = Math.max(0, Math.floor(mean - 10 * Math.sqrt(v)));
    const k = this.start;
    const logPmf = this.negBin
      ? logGamma(k + this.r) - logGamma(this.r) - logGamma(k + 1) + this.r * logP + k * logQ
      : k * Math.log(mean) - mean - logGamma(k + 1);
    this.k = k;
    this.pmf = Math.exp(logPmf);
    this.cdf = this.pmf;
    this.values.push(this.cdf);
  }

  private step(): void {
    const k = this.k;
    this.pmf *= this.negBin ? ((k + this.r) / (k + 1)) * this.q : this.mean / (k + 1);
    this.k = k + 1;
    this.cdf += this.pmf;
    this.values.push(this.cdf);
  }

  /** P(Y ≤ k). */
  at(k: number): number {
    if (k < this.start) return 0;
    while (this.k < k) this.step();
    return this.values[k - this.start]!;
  }

  /** The smallest k from the start with P(Y ≤ k) ≥ target, at most `cap` (`countQuantiles`' walk). */
  firstReaching(target: number, cap: number): number {
    const values = this.values;
    if (values[values.length - 1]! >= target) {
      let lo = 0;
      let hi = values.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (values[mid]! >= target) hi = mid;
        else lo = mid + 1;
      }
      return Math.min(this.start + lo, cap);
    }
    while (this.cdf < target && this.k < cap) this.step();
    return this.cdf >= target ? this.k : cap;
  }
}

/** Regularised lower incomplete gamma P(a, x): series below a + 1, continued fraction above (Lentz). */
export function lowerGammaP(a: number, x: number): number {
  if (!(x > 0)) return 0;
  const logFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-14; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.min(1, sum * Math.exp(logFront));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 1000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    d = Math.abs(d) < tiny ? tiny : d;
    c = b + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return Math.max(0, 1 - Math.exp(logFront) * h);
}

/** Above this standard deviation (units) a component's cdf is a gamma's of the same mean and variance. */
const WALK_MAX_SD = 40;

/**
 * The mixture quantile for wide components: each count distribution read as a gamma of the same mean
 * and variance (with a half-unit continuity correction), the smallest k found by bisection — the walk
 * would cost tens of thousands of steps per component for a fast seller's span.
 */
function gammaMixtureQuantile(live: readonly CountComponent[], wZero: number, target: number): number {
  const parts = live.map((c) => {
    const v = Number.isFinite(c.variance) ? Math.max(c.variance, c.mean) : c.mean;
    return { w: c.w, shape: (c.mean * c.mean) / v, scale: v / c.mean };
  });
  const cdf = (k: number) =>
    wZero + parts.reduce((s, p) => s + p.w * lowerGammaP(p.shape, (k + 0.5) / p.scale), 0);
  let lo = 0;
  let hi = Math.ceil(
    Math.max(...live.map((c) => c.mean + 40 * Math.sqrt(Math.max(c.variance, c.mean)) + 50)),
  );
  if (cdf(lo) >= target) return 0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cdf(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The smallest k with Σ wᵢ·P(Yᵢ ≤ k) ≥ level over count components (`countQuantiles` for one). It lies
 * between the smallest and the largest component quantile, so the walk ends within the widest one.
 * `cdfOf` gives each live component's cdf (`cdfWalker`, or a kept one shared with other levels).
 * @example Poisson(2) and Poisson(8) half each, level 0.9 → P(≤ 9) = ½(1.000 + 0.717) = 0.859, P(≤ 10) = 0.908 → 10
 */
export function mixtureCountQuantile(
  components: readonly CountComponent[],
  level: number,
  cdfOf: (c: CountComponent) => Pick<KeptCdf, 'start' | 'at'> = (c) => cdfWalker(c.mean, c.variance),
): number {
  const live = components.filter((c) => c.w > 0 && c.mean > 0 && Number.isFinite(c.mean));
  const zero = components.reduce((s, c) => s + (c.w > 0 && !(c.mean > 0) ? c.w : 0), 0);
  const wSum = live.reduce((s, c) => s + c.w, 0) + zero;
  if (live.length === 0 || !(wSum > 0) || zero / wSum >= level) return 0;
  const target = Math.min(Math.max(level, 0), 1 - 1e-12);
  const widest = Math.max(...live.map((c) => Math.sqrt(Math.max(c.variance, c.mean))));
  if (widest > WALK_MAX_SD) {
    const norm = live.map((c) => ({ ...c, w: c.w / wSum }));
    return gammaMixtureQuantile(norm, zero / wSum, target);
  }
  const walkers = live.map((c) => ({ w: c.w / wSum, cdf: cdfOf(c) }));
  const cap = Math.ceil(
    Math.max(...live.map((c) => c.mean + 40 * Math.sqrt(Math.max(c.variance, c.mean)) + 50)),
  );
  // Below every component's start the mixture holds only the zero-mean components' mass.
  for (let k = Math.min(...walkers.map((c) => c.cdf.start)); k < cap; k++) {
    const cdf = zero / wSum + walkers.reduce((s, c) => s + c.w * c.cdf.at(k), 0);
    if (cdf >= target) return k;
  }
  return cap;
}
