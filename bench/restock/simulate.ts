/**
 * Day-by-day inventory simulation of one series under three ordering policies (bench:restock).
 * Lost sales (no backorders); an order placed at the end of day t is sellable from day t + L.
 */
import { isoDate } from '../../packages/domain/src/dates/dates';
import type { DemandForecast } from '../../packages/domain/src/forecasting/types';
import { recommendRestock } from '../../packages/domain/src/replenishment/restock';

export const POLICIES = ['stockwise', 'four_week_rule', 'perfect_foresight'] as const;
export type Policy = (typeof POLICIES)[number];

/** Totals of one policy over the simulated days (summed over series by the caller). */
export interface Totals {
  demand: number;
  sold: number;
  /** Σ over days of end-of-day units on hand. */
  onHandDays: number;
  /** Σ over days of units above 90 days of supply (trailing 28-day average demand). */
  excessDays: number;
  capitalCost: number;
  storageCost: number;
  lostMargin: number;
  orders: number;
}

export const emptyTotals = (): Totals => ({
  demand: 0,
  sold: 0,
  onHandDays: 0,
  excessDays: 0,
  capitalCost: 0,
  storageCost: 0,
  lostMargin: 0,
  orders: 0,
});

export interface SeriesInput {
  /** Daily demand (units), index 0 = first day of `history`; the simulation runs over [start, demand.length). */
  demand: Float64Array;
  /** Price per day (NaN filled with the nearest known price). */
  price: Float64Array;
  start: number;
  /** Epoch day of index 0. */
  epochDay0: number;
  /** Lead time of an order placed on day t (index), in days. */
  leadTime: (t: number) => number;
  /** What the planner assumes about the lead time (mean, sd). */
  leadTimeBelief: { meanDays: number; sdDays: number };
  /** Weekly forecasts: forecasts[k] made at origin start + 7k from the history before it. */
  forecasts: DemandForecast[];
  cubicFeet: number;
  /** Storage fee per cubic foot per day on each day (docs/formulas.md rates by month). */
  storageRate: Float64Array;
  /** Share of price that is unit cost. */
  costShare: number;
  /** A seller-set service level for Stockwise (default: from economics). */
  serviceLevel?: number | undefined;
}

const trailingMean = (d: Float64Array, t: number, days: number) => {
  let s = 0;
  for (let k = Math.max(0, t - days + 1); k <= t; k++) s += d[k]!;
  return s / days;
};

/** Every policy starts with 28 days of trailing demand on hand and nothing on order. */
const openingStock = (input: SeriesInput) => Math.round(28 * trailingMean(input.demand, input.start - 1, 28));

function rebase(f: DemandForecast, offset: number): DemandForecast {
  return { ...f, mean: f.mean.subarray(Math.min(offset, f.mean.length - 1)) };
}

/**
 * Perfect foresight knows every future demand and every order's lead time. Each day from the first
 * arrival on is served by the latest order that has arrived by then; that order brings exactly the
 * demand of the days it serves, so stock waits only between an arrival and its days.
 */
function foresightOrders(input: SeriesInput): Float64Array {
  const T = input.demand.length;
  const q = new Float64Array(T);
  // owner[k] = the order day whose arrival is the latest one ≤ k.
  let bestArrival = -1;
  let bestDay = -1;
  let opening = openingStock(input);
  const arrivalsAt = new Map<number, number>();
  for (let t = input.start; t < T; t++) {
    const A = t + input.leadTime(t);
    if (A < T && (arrivalsAt.get(A) ?? -1) < t) arrivalsAt.set(A, t);
  }
  for (let k = input.start; k < T; k++) {
    const t = arrivalsAt.get(k);
    if (t !== undefined && k >= bestArrival) {
      bestArrival = k;
      bestDay = t;
    }
    // The opening stock serves the first days (as for every policy); orders bring the rest.
    const fromOpening = Math.min(opening, input.demand[k]!);
    opening -= fromOpening;
    if (bestDay >= 0) q[bestDay] = q[bestDay]! + input.demand[k]! - fromOpening;
  }
  return q;
}

/** Runs one policy over one series. */
export function simulate(input: SeriesInput, policy: Policy): Totals {
  const { demand: d, price, start } = input;
  const T = d.length;
  const totals = emptyTotals();
  const arriving = new Float64Array(T + 64);
  let onHand = openingStock(input);
  let pipeline = 0;
  const foresight = policy === 'perfect_foresight' ? foresightOrders(input) : null;
  for (let t = start; t < T; t++) {
    onHand += arriving[t]!;
    pipeline -= arriving[t]!;
    const sold = Math.min(onHand, d[t]!);
    onHand -= sold;
    const p = price[t]!;
    const cost = input.costShare * p;
    totals.demand += d[t]!;
    totals.sold += sold;
    totals.lostMargin += (d[t]! - sold) * (p - cost);
    totals.onHandDays += onHand;
    totals.capitalCost += onHand * cost * (0.25 / 365);
    totals.storageCost += onHand * input.cubicFeet * input.storageRate[t]!;
    const avg28 = trailingMean(d, t, 28);
    totals.excessDays += Math.max(0, onHand - 90 * avg28);

    // End of day t: decide an order.
    const L = input.leadTime(t);
    let q = 0;
    if (policy === 'four_week_rule') {
      const believed = input.leadTimeBelief.meanDays;
      if (avg28 > 0 && (onHand + pipeline) / avg28 < believed + 7) q = Math.ceil(28 * avg28);
    } else if (foresight) {
      q = foresight[t]!;
    } else {
      const k = Math.min(input.forecasts.length - 1, Math.floor((t + 1 - start) / 7));
      const f = rebase(input.forecasts[k]!, t + 1 - (start + 7 * k));
      const rec = recommendRestock(
        {
          asOf: isoDate(input.epochDay0 + t + 1),
          forecast: f,
          stock: { onHand, reserved: 0, inbound: pipeline },
          leadTime: input.leadTimeBelief,
          casePack: 1,
          moq: 0,
          unitCost: cost,
          price: p,
          feesPerUnit: 0,
          cubicFeet: input.cubicFeet,
          storagePerCubicFootDay: input.storageRate[t]!,
        },
        {
          reviewDays: 1,
          searchDays: 0,
          minCoverDaysAfterArrival: 0,
          maxCoverDays: 90,
          serviceLevel: input.serviceLevel ?? null,
        },
      );
      q = rec.recommendedQuantity;
    }
    if (q > 0) {
      totals.orders++;
      pipeline += q;
      if (t + L < arriving.length) arriving[t + L] = arriving[t + L]! + q;
    }
  }
  return totals;
}
