/**
 * The four policies of bench:restock, each a decision at the end of day t for every line of a supplier:
 *   - stockwise: the product's own line (`recommendLine`, an Amazon location, the product's defaults,
 *     the order sizes of sporadic SKUs as planning reads them) on the supplier's review days
 *     (`chooseReviewPeriod`), one joint order (`jointOrder`);
 *   - fourWeek: whenever cover (on hand + on order, in days of trailing-28-day demand) falls below the
 *     lead time + 7 days, order 28 days of it;
 *   - orderUpTo: the textbook periodic-review order-up-to level, d̄·P + z·√(P·σ² + d̄²·σ_L²) with d̄, σ
 *     from trailing demand, the same review days and the same service target as Stockwise;
 *   - perfect: knows future demand and lead times, orders on the same review days (the limit).
 */
import { isoDate } from '../../packages/domain/src/dates/dates';
import type { DemandForecast } from '../../packages/domain/src/forecasting/types';
import { COST_DEFAULTS } from '../../packages/domain/src/replenishment/costs';
import {
  carryDays,
  chooseServiceLevel,
  firstAgedCharge,
  holdingCostPerUnitDay,
} from '../../packages/domain/src/replenishment/economics';
import { jointOrder } from '../../packages/domain/src/replenishment/joint-order';
import {
  ORDER_SIZE_WINDOW_DAYS,
  readsOrderSizes,
  summariseOrderSizes,
} from '../../packages/domain/src/replenishment/lumpy-demand';
import type { PlanLocation, PlanSupplier, PlanTerm } from '../../packages/domain/src/replenishment/plan-line';
import { recommendLine } from '../../packages/domain/src/replenishment/plan-line';
import { averageDailyDemand } from '../../packages/domain/src/replenishment/restock';
import { chooseReviewPeriod } from '../../packages/domain/src/replenishment/review-period';
import type { ReceivedOrder } from '../../packages/domain/src/replenishment/receipt-lead-times';
import { receiptLeadTimes } from '../../packages/domain/src/replenishment/receipt-lead-times';
import { routeLeadTime, supplierLeadTime } from '../../packages/domain/src/replenishment/route-lead-time';
import type { GroupInput, LineInput, LineState } from './simulate';
import { openingStock } from './simulate';

/**
 * Order quantities per line at the end of day t, given the supplier's purchase orders received so far
 * (sent and first-received days, as the ledger has them).
 */
export type Decide = (
  t: number,
  states: readonly LineState[],
  receipts: readonly ReceivedOrder[],
) => number[];

/** Inverse standard normal (Acklam's rational approximation, |error| < 1.2e-9 after one refinement-free pass). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  const poly = (k: readonly number[], x: number) => k.reduce((s, v) => s * x + v, 0);
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - pl) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** The forecast in force on the morning of day t + 1 (refitted weekly from `start`, rebased daily). */
export function forecastAt(g: Pick<GroupInput, 'start'>, line: LineInput, t: number): DemandForecast {
  const k = Math.min(line.forecasts.length - 1, Math.floor((t + 1 - g.start) / 7));
  const f = line.forecasts[k]!;
  const offset = t + 1 - (g.start + 7 * k);
  return { ...f, mean: f.mean.subarray(Math.min(offset, f.mean.length - 1)) };
}

/**
 * The supplier's review period on each day: the product's `chooseReviewPeriod` over its lines'
 * forecast demand and holding cost, re-chosen at each weekly forecast.
 */
export function reviewPeriods(g: Omit<GroupInput, 'reviewDays'>): Int32Array {
  const T = g.lines[0]?.demand.length ?? 0;
  const out = new Int32Array(T).fill(7);
  let current = 7;
  for (let t = g.start; t < T; t++) {
    if ((t - g.start) % 7 === 0) {
      const lines = g.lines.map((l) => ({
        dailyDemand: averageDailyDemand(forecastAt(g, l, t)),
        holdingPerUnitDay: holdingCostPerUnitDay({
          unitCost: g.costShare * l.price[t]!,
          cubicFeet: g.cubicFeet,
          storagePerCubicFootDay: g.storageRate[t]!,
        }),
      }));
      current = chooseReviewPeriod(lines, { terms: COST_DEFAULTS }).reviewDays;
    }
    out[t] = current;
  }
  return out;
}

/** Whether day t is a review day: the first day, then whenever the review period has passed. */
export function reviewDays(g: Pick<GroupInput, 'start' | 'reviewDays'>): Uint8Array {
  const out = new Uint8Array(g.reviewDays.length);
  let last = -Infinity;
  for (let t = g.start; t < g.reviewDays.length; t++)
    if (t - last >= g.reviewDays[t]!) {
      out[t] = 1;
      last = t;
    }
  return out;
}

/** The replay's one supplier and one destination (a group is one supplier's lines into one FBA location). */
export const REPLAY_ROUTE = { supplierId: 1, locationId: 1 } as const;

export function stockwisePolicy(g: GroupInput): Decide {
  const review = reviewDays(g);
  const location: PlanLocation = {
    id: REPLAY_ROUTE.locationId,
    code: 'FBA',
    type: 'amazon_fba',
    marketplace: 'US',
    capacityCubicFeet: {},
  };
  const feeSchedules = { byMarketplace: new Map([['US', g.schedule]]), fallback: g.schedule };
  const { meanDays } = g.leadTimeBelief;
  const supplier: PlanSupplier = {
    id: REPLAY_ROUTE.supplierId,
    code: 'SUP',
    productionDays: 0,
    transitDays: meanDays,
    groundDays: 0,
    checkInDays: 0,
  };
  // The supplier states the mean lead time; the plan learns the rest from the receipts of the orders it
  // placed, as planning does from the ledger (`supplierLeadTime`, `routeLeadTime`: one route here).
  const leadOf = (receipts: readonly ReceivedOrder[], t: number) => {
    const days = receiptLeadTimes(receipts, isoDate(g.epochDay0 + t)).bySupplier.get(supplier.id) ?? [];
    return routeLeadTime(supplierLeadTime(supplier, days), { hasSupplier: true, routeObservedDays: days });
  };
  const setting =
    g.serviceLevel === undefined
      ? undefined
      : {
          serviceLevel: g.serviceLevel,
          reviewDays: null,
          minCoverDays: null,
          maxCoverDays: null,
          allowExcess: false,
        };
  return (t, states, receipts) => {
    if (!review[t]) return [];
    const lead = leadOf(receipts, t);
    const lines = g.lines.map((l, i) => {
      const price = l.price[t]!;
      const unitCost = g.costShare * price;
      const term: PlanTerm = { supplierId: 1, unitCost, priceBreaks: [], moq: 0, casePack: null };
      const s = states[i]!;
      const f = forecastAt(g, l, t);
      const line = recommendLine({
        product: {
          id: i + 1,
          sku: `S${i}`,
          price,
          unitCost,
          casePack: 1,
          sizeTier: null,
          cubicFeet: g.cubicFeet,
        },
        location,
        action: 'purchase',
        source: supplier.code,
        supplier,
        term,
        setting,
        stock: { onHand: s.onHand, reserved: 0, inbound: s.pipeline },
        lead,
        forecast: { f, source: 'stored' },
        asOf: isoDate(g.epochDay0 + t + 1),
        feeSchedules,
        reviewDays: g.reviewDays[t]!,
        // As planning reads them: the year's selling days of a SKU its forecast finds sporadic.
        orderSizes: readsOrderSizes(f)
          ? summariseOrderSizes(l.demand.subarray(Math.max(0, t + 1 - ORDER_SIZE_WINDOW_DAYS), t + 1))
          : undefined,
      });
      return {
        key: String(i),
        quantity: line.rec.recommendedQuantity,
        multiple: 1,
        unitCost,
        cubicFeet: g.cubicFeet,
        dailyDemand: line.rec.dailyDemand,
        holdingPerUnitDay: line.rec.reasoning.holdingCostPerUnitDay,
      };
    });
    const order = jointOrder(lines, COST_DEFAULTS);
    return lines.map((l) => order.quantities.get(l.key) ?? 0);
  };
}

const trailing = (d: Float64Array, t: number, days: number) => {
  let s = 0;
  let s2 = 0;
  for (let k = t - days + 1; k <= t; k++) {
    const y = d[Math.max(0, k)]!;
    s += y;
    s2 += y * y;
  }
  const mean = s / days;
  return { mean, sd: Math.sqrt(Math.max(0, s2 / days - mean * mean) * (days / Math.max(1, days - 1))) };
};

export function fourWeekPolicy(g: GroupInput): Decide {
  return (t, states) =>
    g.lines.map((l, i) => {
      const s = states[i]!;
      const avg28 = trailing(l.demand, t, 28).mean;
      return avg28 > 0 && (s.onHand + s.pipeline) / avg28 < g.leadTimeBelief.meanDays + 7
        ? Math.ceil(28 * avg28)
        : 0;
    });
}

export function orderUpToPolicy(g: GroupInput, window: number): Decide {
  const review = reviewDays(g);
  const { meanDays, sdDays } = g.leadTimeBelief;
  return (t, states) => {
    if (!review[t]) return [];
    const R = g.reviewDays[t]!;
    const P = meanDays + R;
    return g.lines.map((l, i) => {
      const s = states[i]!;
      const { mean, sd } = trailing(l.demand, t, window);
      const unitCost = g.costShare * l.price[t]!;
      const alpha = chooseServiceLevel({
        setting: g.serviceLevel ?? null,
        price: l.price[t]!,
        unitCost,
        feesPerUnit: 0,
        holdingPerUnitDay: holdingCostPerUnitDay({
          unitCost,
          cubicFeet: g.cubicFeet,
          storagePerCubicFootDay: g.storageRate[t]!,
        }),
        // The same target as Stockwise: the extra unit carried until the next order (`carryDays`).
        coverDays: carryDays({ reviewDays: R, dailyDemand: mean }),
        aged: firstAgedCharge(g.schedule, g.cubicFeet),
      }).serviceLevel;
      const S = mean * P + normalQuantile(alpha) * Math.sqrt(P * sd * sd + mean * mean * sdDays * sdDays);
      return Math.max(0, Math.ceil(S - s.onHand - s.pipeline));
    });
  };
}

/**
 * Perfect foresight on the supplier's review days: each day from the first arrival on is served by
 * the latest order that has arrived by then, which brings exactly the demand of the days it serves.
 */
export function foresightOrders(g: GroupInput, line: LineInput): Float64Array {
  const T = line.demand.length;
  const q = new Float64Array(T);
  const review = reviewDays(g);
  const arrivalsAt = new Map<number, number>();
  for (let t = g.start; t < T; t++) {
    if (!review[t]) continue;
    const A = t + g.leadTime(t);
    if (A < T && (arrivalsAt.get(A) ?? -1) < t) arrivalsAt.set(A, t);
  }
  let bestArrival = -1;
  let bestDay = -1;
  let opening = openingStock(line.demand, g.start);
  for (let k = g.start; k < T; k++) {
    const t = arrivalsAt.get(k);
    if (t !== undefined && k >= bestArrival) {
      bestArrival = k;
      bestDay = t;
    }
    const fromOpening = Math.min(opening, line.demand[k]!);
    opening -= fromOpening;
    if (bestDay >= 0) q[bestDay] = q[bestDay]! + line.demand[k]! - fromOpening;
  }
  return q;
}
