/**
 * The service level restock plans at and the span quantiles it reads (docs/formulas.md Restock): the
 * critical ratio of lost margin against carrying cost, applied per review cycle under lost sales for
 * the count model (`cycleServiceLevel`), over the carry for a lumpy SKU's order sizes. Pure.
 */
import type { LeadTimeDistribution } from './lead-time-distribution';
import type { AgedCharge, ServiceLevelChoice } from './economics';
import {
  MAX_SERVICE_LEVEL,
  MIN_SERVICE_LEVEL,
  carryDays,
  chooseServiceLevel,
  holdingCostPerUnitDay,
  strandedCarryDays,
} from './economics';
import type { CompoundQuantile, LumpyProfile, OrderSizeSummary } from './lumpy-demand';
import { lumpyProfile, lumpyQuantiles, orderRate } from './lumpy-demand';
import type { DemandForecast } from '../forecasting/types';
import { spanDemand } from '../forecasting/lead-time-demand';
import { lineSpans, spansOf } from './span-quantile';

/**
 * The service level of one review cycle under lost sales (docs/formulas.md Restock). Raising the
 * order-up-to level from S to S + 1 sells one more unit in the cycle only when demand over the lead
 * time left that unit and demand over the lead time plus the review period took it, probability
 * P(D_L ≤ S) − P(D_P ≤ S) (a shortage before the order lands belongs to the cycle before), and costs
 * its carry over the review period o_R when it is not sold, probability P(D_P ≤ S). The unit pays
 * while u·(P(D_L ≤ S) − P(D_P ≤ S)) > o_R·P(D_P ≤ S), so S is the smallest level with
 * P(D_P ≤ S) ≥ α_R·P(D_L ≤ S), α_R = u / (u + o_R): found downward from the α_R-quantile of D_P
 * (`spanAt`) with the spans' distribution functions (`spanCdf`, `leadCdf`), and skipped when the lead
 * time leaves the level below it at least 1 − 10⁻³·(1 − α_R) of the time. The level returned is
 * α_R·P(D_L ≤ S), whose D_P-quantile is S (`units`).
 * @example Poisson, 1 a day, L 14, R 1, α_R 0.98884 → S 23: P(D_P ≤ 23) = 0.98054 ≥ 0.98884 × P(D_L ≤ 23) = 0.97961; 22 falls short (0.96726 < 0.97177)
 */
export function cycleServiceLevel(
  ratio: number,
  a: {
    spanAt: (alpha: number) => number;
    spanCdf: (units: number) => number;
    leadCdf: (units: number) => number;
  },
): { level: number; units: number } {
  const top = a.spanAt(ratio);
  if (top < 1 || a.leadCdf(top - 1) >= 1 - 1e-3 * (1 - ratio)) return { level: ratio, units: top };
  const pays = (s: number) => a.spanCdf(s) < ratio * a.leadCdf(s);
  let s = top;
  while (s > 0 && !pays(s - 1)) s--;
  return { level: ratio * a.leadCdf(s), units: s };
}

/**
 * The service level the per-cycle overage prices (docs/formulas.md Restock): chosen over the review
 * period, lengthened by the reviews the top unit outlasts when the forecast's level falls
 * (`strandedCarryDays`) — its level spread over the review is the relative level variance of the
 * review's span (`spanDemand`), the level the order-up-to at the review period's own critical ratio.
 * Where the carry stays the review period the first choice is the answer.
 */
function reviewChoice(
  f: DemandForecast,
  a: { reviewDays: number; demandBetween: (from: number, days: number) => number },
  levelAt: (alpha: number) => number,
  choose: (coverDays: number) => ServiceLevelChoice,
): ServiceLevelChoice {
  const first = choose(a.reviewDays);
  if (first.source !== 'economics') return first;
  const span = spanDemand(f, { mean: a.demandBetween(0, a.reviewDays), days: a.reviewDays });
  const levelVariance =
    span.mean > 0 ? Math.max(0, span.variance - f.dispersion * span.mean) / (span.mean * span.mean) : 0;
  // Without a level spread the carry is the review period: the level's quantile is not worth drawing.
  if (!(levelVariance > 0)) return first;
  const carry = strandedCarryDays({
    reviewDays: a.reviewDays,
    reviewDemand: span.mean,
    level: levelAt(first.serviceLevel),
    levelSd: Math.sqrt(levelVariance),
  }).days;
  return carry === a.reviewDays ? first : choose(carry);
}

/** What the service level is chosen from: a restock input's prices, costs and fees. */
export interface EconomicsInput {
  forecast: DemandForecast;
  price: number | null;
  unitCost: number | null;
  feesPerUnit: number;
  cubicFeet: number;
  storagePerCubicFootDay: number;
  agedCharge?: AgedCharge | null;
  orderSizes?: OrderSizeSummary | null;
}

/**
 * The holding cost per unit-day, the service level planned at and its span quantile function
 * (mean, days, days past the lead time) → stock level, with the lumpy profile and its level over the
 * protection period. The count model plans at the per-cycle level over the review period
 * (`cycleServiceLevel`) under economics with a review of a day or more; a seller's level, the default,
 * continuous review and a lumpy SKU's order sizes keep the level over the carry (`carryDays`, at least
 * a seller's own minimum cover).
 */
export function plannedLevel(
  input: EconomicsInput,
  options: { serviceLevel?: number | null; capitalRatePerYear?: number },
  a: {
    L: number;
    P: number;
    reviewDays: number;
    sdL: number;
    dist: LeadTimeDistribution | null;
    demandBetween: (from: number, days: number) => number;
    dailyDemand: number;
    minCover: number;
  },
): {
  holding: number;
  service: ServiceLevelChoice;
  quantile: (mean: number, days: number, extraDays: number) => number;
  /** The order-up-to level from the service level: the quantile of demand over P. */
  base: number;
  lumpy: LumpyProfile | null;
  atProtection: CompoundQuantile | null;
} {
  const holding = holdingCostPerUnitDay({
    unitCost: input.unitCost ?? 0,
    cubicFeet: input.cubicFeet,
    storagePerCubicFootDay: input.storagePerCubicFootDay,
    capitalRatePerYear: options.capitalRatePerYear,
  });
  // The carry's choice and the review's are often the same cover (a fast seller's carry is the review).
  let last: { coverDays: number; choice: ServiceLevelChoice } | null = null;
  const choose = (coverDays: number): ServiceLevelChoice => {
    if (last?.coverDays === coverDays) return last.choice;
    const choice = chooseServiceLevel({
      setting: options.serviceLevel,
      price: input.price,
      unitCost: input.unitCost,
      feesPerUnit: input.feesPerUnit,
      holdingPerUnitDay: holding,
      coverDays: Math.max(coverDays, a.minCover),
      aged: input.agedCharge,
    });
    last = { coverDays, choice };
    return choice;
  };
  const lumpy = lumpyProfile(input.orderSizes);
  const carried = choose(
    carryDays({ reviewDays: a.reviewDays, dailyDemand: orderRate(lumpy, a.dailyDemand) }),
  );
  const { sdL, dist, demandBetween } = a;
  const compound = lumpyQuantiles(lumpy, {
    service: carried,
    holding,
    aged: input.agedCharge,
    dailyDemand: a.dailyDemand,
    sdL,
  });
  // Each span's distribution is made once for the line and read at every level asked of it.
  const spanOf = lineSpans(input.forecast, { sdL, dist, compound, demandBetween });
  const quantileAt = (alpha: number) => (mean: number, days: number, extraDays: number) =>
    spanOf({ mean, days, extraDays }).quantile(alpha);
  const muL = demandBetween(0, a.L);
  const muP = demandBetween(0, a.P);
  const protection = spanOf({ mean: muP, days: a.P, extraDays: a.reviewDays });
  const atProtection = compound(muP, a.P, spansOf(dist, a.reviewDays, demandBetween));
  const cycle =
    atProtection === null && a.reviewDays >= 1
      ? reviewChoice(input.forecast, a, (alpha) => protection.quantile(alpha), choose)
      : null;
  if (cycle === null || cycle.source !== 'economics') {
    const quantile = quantileAt(carried.serviceLevel);
    return {
      holding,
      service: carried,
      quantile,
      base: protection.quantile(carried.serviceLevel),
      lumpy,
      atProtection,
    };
  }
  const lead = spanOf({ mean: muL, days: a.L, extraDays: 0 });
  const { level, units } = cycleServiceLevel(cycle.serviceLevel, {
    spanAt: (alpha) => protection.quantile(alpha),
    spanCdf: (k) => protection.cdf(k),
    leadCdf: (k) => lead.cdf(k),
  });
  const serviceLevel = Math.min(MAX_SERVICE_LEVEL, Math.max(MIN_SERVICE_LEVEL, level));
  const quantile = quantileAt(serviceLevel);
  // The level's D_P-quantile is the level found, unless the bounds moved the level.
  const base = serviceLevel === level ? units : protection.quantile(serviceLevel);
  return { holding, service: { ...cycle, serviceLevel }, quantile, base, lumpy, atProtection };
}
