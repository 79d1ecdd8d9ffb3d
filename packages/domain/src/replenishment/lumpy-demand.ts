/**
 * Lumpy demand (docs/formulas.md Lumpy demand): a SKU sold on few days in large, varied amounts has its
 * demand over a span drawn as a compound Poisson sum — orders arrive at the forecast's rate divided by
 * the mean order size, each order's size drawn from the sizes it sold in — and its quantile is read
 * off that distribution (Panjer's recursion) instead of a count distribution matched to daily
 * variance. Pure.
 */
import { classifyDemandClass } from '../forecasting/classify-demand';
import type { DemandForecast } from '../forecasting/types';
import type { AgedCharge, ServiceLevelChoice } from './economics';
import { MAX_SERVICE_LEVEL, MIN_SERVICE_LEVEL, overageCost } from './economics';

/** Most order sizes the planning position reads per SKU × location (more: not lumpy by ADI anyway). */
export const LUMPY_SIZES_KEPT = 120;
/** Days of history the order sizes are summarised over. */
export const ORDER_SIZE_WINDOW_DAYS = 365;
/** Above this many expected orders over a span the compound sum is near normal: the count model rules. */
const MAX_EXPECTED_ORDERS = 200;

/** The units sold per selling day (an order) of one SKU × location over a window. */
export interface OrderSizeSummary {
  /** Days the window covers. */
  windowDays: number;
  /** Selling days in the window. */
  orders: number;
  /** Units over those days. */
  units: number;
  /** Sum of the squared day totals. */
  sumSquares: number;
  /** Each selling day's units when there are at most `LUMPY_SIZES_KEPT`, else null. */
  sizes: readonly number[] | null;
}

/**
 * The order-size summary of daily units over a window (the repository's `orderSizes` reads the same
 * from the ledger): selling days, units, their squares, and each day's units while at most `keep`.
 * @example summariseOrderSizes([0, 3, 0, 5], 2) → { windowDays: 4, orders: 2, units: 8, sumSquares: 34, sizes: [3, 5] }
 */
export function summariseOrderSizes(days: ArrayLike<number>, keep = LUMPY_SIZES_KEPT): OrderSizeSummary {
  const sizes: number[] = [];
  let units = 0;
  let sumSquares = 0;
  for (let i = 0; i < days.length; i++) {
    const y = days[i]!;
    if (!(y > 0)) continue;
    sizes.push(y);
    units += y;
    sumSquares += y * y;
  }
  return {
    windowDays: days.length,
    orders: sizes.length,
    units,
    sumSquares,
    sizes: sizes.length <= keep ? sizes.sort((a, b) => a - b) : null,
  };
}

/** Whether a forecast's class is sporadic, the SKUs planning reads order sizes for (docs/formulas.md Lumpy demand). */
export const readsOrderSizes = (f: Pick<DemandForecast, 'demandClass'>): boolean =>
  f.demandClass === 'lumpy' || f.demandClass === 'intermittent';

export interface LumpyProfile {
  orders: number;
  windowDays: number;
  meanSize: number;
  minSize: number;
  maxSize: number;
  /** Size probabilities over the distinct sizes (ascending). */
  support: readonly { size: number; p: number }[];
}

/**
 * The order-size profile when demand is lumpy by Syntetos–Boylan (ADI ≥ 1.32 and CV² ≥ 0.49, the
 * forecast's own classification), with at least two orders and their sizes known; else null.
 * @example { windowDays: 365, orders: 4, sizes: [10, 400, 600, 1000] } → meanSize 502.5, lumpy
 */
export function lumpyProfile(s: OrderSizeSummary | null | undefined): LumpyProfile | null {
  if (!s || !s.sizes || s.orders < 2 || !(s.windowDays > 0)) return null;
  const sizes = s.sizes.filter((x) => Number.isFinite(x) && x > 0).map((x) => Math.round(x));
  if (sizes.length < 2) return null;
  const mean = sizes.reduce((a, x) => a + x, 0) / sizes.length;
  const variance = sizes.reduce((a, x) => a + x * x, 0) / sizes.length - mean * mean;
  const adi = Math.max(s.windowDays, sizes.length) / sizes.length;
  if (classifyDemandClass(adi, Math.max(0, variance) / (mean * mean)) !== 'lumpy') return null;
  const counts = new Map<number, number>();
  for (const x of sizes) counts.set(x, (counts.get(x) ?? 0) + 1);
  const support = [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([size, n]) => ({ size, p: n / sizes.length }));
  return {
    orders: sizes.length,
    windowDays: s.windowDays,
    meanSize: mean,
    minSize: support[0]!.size,
    maxSize: support[support.length - 1]!.size,
    support,
  };
}

/** Three-point Gauss–Hermite rule for a normal lead time: nodes μ + {−√3, 0, √3}σ, weights 1/6, 2/3, 1/6. */
const LEAD_NODES = [
  { z: -Math.sqrt(3), w: 1 / 6 },
  { z: 0, w: 2 / 3 },
  { z: Math.sqrt(3), w: 1 / 6 },
] as const;

export interface CompoundQuantile {
  quantile: number;
  chanceOfNone: number;
  expectedOrders: number;
  /** The service level the last unit stocked had to reach (`level` at the quantile). */
  serviceLevel: number;
}

/**
 * The stock level of demand over `days` whose mean is `mean`, as a compound Poisson sum: λ = mean ÷
 * mean size orders, sizes from the profile; a lead-time spread of `sdDays` mixes λ over three points of
 * the span (λ scales with days), the receipts' lead times (`spans`) over theirs. Panjer (1981): f(0) = e^(−λ), f(s) = (λ/s) Σ_j j·p_j·f(s − j). The
 * level is the smallest s with P(D ≤ s) ≥ `level(s)`, the service level unit s must reach (constant
 * for a set level, falling with s under economics: `marginalServiceLevel`). Null when the span
 * expects too many orders for the recursion (then the count model is as good).
 * @example sizes {100: ½, 300: ½}, λ = 0.5, level 0.9 → P(0) = 0.607, P(≤200) = 0.777, P(≤300) = 0.930 → 300
 */
export function compoundQuantile(
  profile: LumpyProfile,
  a: {
    mean: number;
    days: number;
    sdDays: number;
    level: (units: number) => number;
    /** The receipts' lead times: the spans' probabilities and mean demand, instead of the three points. */
    spans?: readonly { w: number; mean: number }[] | null;
  },
): CompoundQuantile | null {
  const spans = a.spans ?? null;
  const expectedOrders = spans
    ? spans.reduce((s, x) => s + x.w * x.mean, 0) / profile.meanSize
    : a.mean / profile.meanSize;
  if (!(expectedOrders > 0))
    return { quantile: 0, chanceOfNone: 1, expectedOrders: 0, serviceLevel: a.level(0) };
  const spread = a.days > 0 && a.sdDays > 0 ? a.sdDays / a.days : 0;
  const points = spans
    ? spans.map((x) => ({ w: x.w, lambda: Math.max(0, x.mean) / profile.meanSize }))
    : LEAD_NODES.map((n) => ({ w: n.w, lambda: expectedOrders * Math.max(0, 1 + n.z * spread) }));
  if (points.some((p) => p.lambda > MAX_EXPECTED_ORDERS)) return null;
  const pmfs = points.map((p) => [Math.exp(-p.lambda)]);
  const chanceOfNone = points.reduce((s, p, i) => s + p.w * pmfs[i]![0]!, 0);
  const levelAt = (units: number) => Math.min(1 - 1e-9, Math.max(0, a.level(units)));
  let cdf = chanceOfNone;
  // The largest total worth computing: every order of the largest size, far beyond any quantile asked.
  const limit = Math.ceil(
    spans
      ? profile.maxSize * (Math.max(...points.map((p) => p.lambda)) * 3 + 10)
      : profile.maxSize * (expectedOrders * 3 + 10) * (1 + 3 * spread),
  );
  let s = 0;
  while (cdf < levelAt(s) && s < limit) {
    s++;
    let mixed = 0;
    points.forEach((p, i) => {
      const f = pmfs[i]!;
      let acc = 0;
      for (const { size, p: q } of profile.support) {
        if (size > s) break;
        acc += size * q * f[s - size]!;
      }
      f.push((p.lambda / s) * acc);
      mixed += p.w * f[s]!;
    });
    cdf += mixed;
  }
  return { quantile: s, chanceOfNone, expectedOrders, serviceLevel: a.level(s) };
}

/**
 * The service level unit `units` of a lumpy SKU must reach under economics: the critical ratio
 * u / (u + o) with the overage o counted over the days that unit would wait to be sold when the bulk
 * orders it is kept for do not come — (units − mean) ÷ daily demand, at least the usual carry — so a
 * rare bulk order justifies stock only while its margin outweighs holding the units that long
 * (docs/formulas.md Lumpy demand). A seller's or the default level stays constant.
 * @example u 10, holding 0.01/day, d 5, mean 100, carry 20: unit 300 waits 40 days → 10 / 10.4 = 0.9615
 */
export function marginalServiceLevel(
  service: ServiceLevelChoice,
  a: { holdingPerUnitDay: number; aged?: AgedCharge | null; dailyDemand: number; mean: number },
): (units: number) => number {
  const u = service.lostMarginPerUnit;
  if (service.source !== 'economics' || u === null || !(u > 0) || !(a.dailyDemand > 0))
    return () => service.serviceLevel;
  return (units) => {
    const days = Math.max(service.carryDays, (units - a.mean) / a.dailyDemand);
    const o = overageCost({ holdingPerUnitDay: a.holdingPerUnitDay, days, aged: a.aged });
    return Math.min(MAX_SERVICE_LEVEL, Math.max(MIN_SERVICE_LEVEL, u / (u + o)));
  };
}

/**
 * The rate the carry of an extra unit waits on (`carryDays`): a lumpy SKU's extra unit waits for the
 * next order, so orders a day, not units a day (docs/formulas.md Lumpy demand); units a day otherwise.
 */
export const orderRate = (profile: LumpyProfile | null, dailyDemand: number): number =>
  profile ? dailyDemand / profile.meanSize : dailyDemand;

/**
 * The stock level of a lumpy SKU over a span (`compoundQuantile` at the `marginalServiceLevel` of its
 * economics); a function giving null when the SKU is not lumpy (the count model plans it).
 */
export function lumpyQuantiles(
  profile: LumpyProfile | null,
  a: {
    service: ServiceLevelChoice;
    holding: number;
    aged?: AgedCharge | null | undefined;
    dailyDemand: number;
    sdL: number;
  },
): (
  mean: number,
  days: number,
  spans?: readonly { w: number; mean: number }[] | null,
) => CompoundQuantile | null {
  if (!profile) return () => null;
  return (mean, days, spans) =>
    compoundQuantile(profile, {
      mean,
      days,
      sdDays: a.sdL,
      spans,
      level: marginalServiceLevel(a.service, {
        holdingPerUnitDay: a.holding,
        aged: a.aged,
        dailyDemand: a.dailyDemand,
        mean,
      }),
    });
}

/** What the reasoning says of a lumpy SKU (docs/formulas.md Lumpy demand). */
export interface LumpyReasoning {
  orders: number;
  windowDays: number;
  minSize: number;
  meanSize: number;
  maxSize: number;
  /** Orders expected over the protection period (lead time + review). */
  expectedOrders: number;
  /** Chance that no order comes over the protection period. */
  chanceOfNone: number;
  /** The service level the last unit of the order-up-to level had to reach (`marginalServiceLevel`). */
  serviceLevel: number;
}

export function lumpyReasoning(
  profile: LumpyProfile | null,
  atProtection: CompoundQuantile | null,
): LumpyReasoning | null {
  if (!profile || !atProtection) return null;
  const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    orders: profile.orders,
    windowDays: profile.windowDays,
    minSize: profile.minSize,
    meanSize: r(profile.meanSize, 1),
    maxSize: profile.maxSize,
    expectedOrders: r(atProtection.expectedOrders, 2),
    chanceOfNone: r(atProtection.chanceOfNone, 3),
    serviceLevel: r(atProtection.serviceLevel, 4),
  };
}
