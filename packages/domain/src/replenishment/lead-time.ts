/**
 * Supplier lead times: stated as stages (production + transit + ground + check-in, docs/formulas.md), and
 * learned from past purchase orders (ordered → received). Few observations are shrunk toward the
 * stated value so one late ship does not swing the plan.
 */

export interface LeadTimeStages {
  productionDays: number;
  transitDays: number;
  groundDays: number;
  checkInDays: number;
}

export const totalStagedDays = (s: LeadTimeStages): number =>
  s.productionDays + s.transitDays + s.groundDays + s.checkInDays;

export interface LearnedLeadTime {
  /** Days from ordering to sellable at the destination. */
  meanDays: number;
  sdDays: number;
  /** Number of past receipts behind the estimate. */
  observations: number;
  statedDays: number;
  source: 'stated' | 'learned' | 'blended';
  /**
   * The receipts' own days (ordered → received) behind the estimate, when any: planning mixes over
   * them once there are enough (`leadTimeDistribution`).
   */
  receiptDays?: readonly number[];
  /** Whose receipts taught it, when known (`routeLeadTime`): this route's, the supplier's, or none. */
  basis?: 'route' | 'supplier' | 'stated' | 'default';
}

/** How many receipts the stated lead time counts as (the prior's weight k). */
export const LEAD_TIME_PRIOR_WEIGHT = 3;

/**
 * Mean and standard deviation of the lead time. With n observations the mean is
 * (n·observed + k·stated) / (n + k) with k = `priorWeight` (default 3); the variance pools the
 * observed spread with a prior spread of `priorSdShare` × stated (default 15%), weighted the same way.
 * @example stated 50, observed [50, 56, 62] → mean (3·56 + 3·50)/6 = 53
 */
export function learnLeadTime(options: {
  statedDays: number;
  observedDays: readonly number[];
  priorWeight?: number;
  priorSdShare?: number;
}): LearnedLeadTime {
  const k = options.priorWeight ?? LEAD_TIME_PRIOR_WEIGHT;
  const stated = Math.max(0, options.statedDays);
  const priorSd = stated * (options.priorSdShare ?? 0.15);
  const obs = options.observedDays.filter((d) => Number.isFinite(d) && d >= 0);
  const n = obs.length;
  if (n === 0)
    return { meanDays: stated, sdDays: priorSd, observations: 0, statedDays: stated, source: 'stated' };
  const mean = obs.reduce((s, d) => s + d, 0) / n;
  const variance = n > 1 ? obs.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1) : 0;
  const blendedMean = (n * mean + k * stated) / (n + k);
  // Spread around the blended mean: observed spread, the shift from stated, and the prior spread.
  const blendedVar =
    ((n - 1) * variance + k * priorSd ** 2 + ((n * k) / (n + k)) * (mean - stated) ** 2) /
    Math.max(1, n - 1 + k);
  return {
    meanDays: blendedMean,
    sdDays: Math.sqrt(blendedVar),
    observations: n,
    statedDays: stated,
    source: n >= 12 ? 'learned' : 'blended',
    receiptDays: obs,
  };
}
