/**
 * The review period of a supplier (docs/formulas.md Review period): how often to place its purchase
 * order, from the fixed cost of an order against the cost of the cycle stock it makes the seller hold
 * (the economic order interval, EOQ in time; SPT ch. 4). Pure.
 */
import type { ResolvedCostTerms } from './costs';
import { orderingCost } from './costs';

/** The periods a supplier may be reviewed at: every day up to a week, then whole weeks up to 8. */
export const REVIEW_PERIOD_CHOICES = [1, 2, 3, 4, 5, 6, 7, 14, 21, 28, 35, 42, 49, 56] as const;

/** One SKU × location bought from the supplier. */
export interface ReviewLine {
  /** Forecast units per day. */
  dailyDemand: number;
  /** Cost of carrying one unit for one day (capital + storage). */
  holdingPerUnitDay: number;
}

export interface ReviewPeriodChoice {
  reviewDays: number;
  /** The continuous optimum √(2K / Σ dᵢhᵢ); null when nothing sells or holding is free. */
  optimumDays: number | null;
  /** Cost per day at the chosen period: K / T + T/2 · Σ dᵢhᵢ. */
  costPerDay: number;
  /** K: order cost + lines × line cost. */
  orderingCost: number;
  /** Σ dᵢhᵢ: what one more day between orders costs to hold, per day, over all lines. */
  holdingRate: number;
}

/**
 * The review period among `REVIEW_PERIOD_CHOICES` that minimises ordering plus cycle-stock holding
 * per day, K / T + (T / 2) · Σ dᵢhᵢ, for one joint order of all lines that sell (K = order cost +
 * lines × line cost). Without ordering cost every day is cheapest (1); without demand or holding
 * cost the longest period is (56).
 * @example K = 20 + 10 × 0.25 = 22.5, Σ dh = 10 × 2 × 0.01 = 0.2: √(2·22.5/0.2) = 15 → 14 (3.007/day vs 3.171 at 21)
 */
export function chooseReviewPeriod(
  lines: readonly ReviewLine[],
  options: { terms: Pick<ResolvedCostTerms, 'orderCost' | 'lineCost'> },
): ReviewPeriodChoice {
  const selling = lines.filter((l) => l.dailyDemand > 0 && Number.isFinite(l.dailyDemand));
  const K = orderingCost(options.terms, selling.length);
  const rate = selling.reduce((s, l) => s + l.dailyDemand * Math.max(0, l.holdingPerUnitDay || 0), 0);
  const costAt = (T: number) => K / T + (T / 2) * rate;
  let best: number = REVIEW_PERIOD_CHOICES[0];
  for (const T of REVIEW_PERIOD_CHOICES) if (costAt(T) < costAt(best) - 1e-12) best = T;
  if (!(rate > 0) && K > 0) best = REVIEW_PERIOD_CHOICES[REVIEW_PERIOD_CHOICES.length - 1]!;
  return {
    reviewDays: best,
    optimumDays: rate > 0 ? Math.sqrt((2 * K) / rate) : null,
    costPerDay: costAt(best),
    orderingCost: K,
    holdingRate: rate,
  };
}
