/**
 * Day-by-day replay of one supplier's lines (bench:restock) under four ordering policies, lost sales,
 * an order placed at the end of day t sellable from day t + L. Every policy pays the same costs, all
 * from the product's code and defaults (docs/formulas.md Replenishment costs): capital and storage,
 * the aged surcharge on the fee table's assessment day and Amazon's low-inventory-level fee
 * (`surcharge`), a fixed cost per purchase order and per line, inbound shipping, and the margin of each
 * missed sale. Lines ordered by a policy on the same day are one purchase order; each order's lead time
 * is a receipt the policy sees from the day it arrives (the product learns lead times from them).
 */
import { isoDate } from '../../packages/domain/src/dates/dates';
import type { FeeSchedule } from '../../packages/domain/src/fees/fee-schedule';
import { agedSurcharge } from '../../packages/domain/src/fees/fee-schedule';
import type { DemandForecast } from '../../packages/domain/src/forecasting/types';
import {
  COST_DEFAULTS,
  lowInventoryLevelFee,
  orderingCost,
  shippingPerUnit,
} from '../../packages/domain/src/replenishment/costs';
import { holdingCostPerUnitDay } from '../../packages/domain/src/replenishment/economics';
import type { ReceivedOrder } from '../../packages/domain/src/replenishment/receipt-lead-times';
import type { Decide } from './policies';
import { REPLAY_ROUTE, foresightOrders, stockwisePolicy, fourWeekPolicy, orderUpToPolicy } from './policies';

export const POLICIES = ['stockwise', 'fourWeek', 'orderUpTo', 'perfect'] as const;
export type Policy = (typeof POLICIES)[number];
/** The order-up-to baseline's trailing windows, one of which is chosen on the first half. */
export const TRAILING_WINDOWS = [28, 56, 91] as const;

/** Totals of one policy over one half of the replay (summed over lines and suppliers by the caller). */
export interface Totals {
  demand: number;
  sold: number;
  /** Σ over days of end-of-day units on hand. */
  onHandDays: number;
  /** Σ over days of units above 90 days of supply (trailing 28-day average demand). */
  excessDays: number;
  days: number;
  holding: number;
  storage: number;
  /** Aged-inventory surcharge + low-inventory-level fee. */
  surcharge: number;
  ordering: number;
  shipping: number;
  lostMargin: number;
  orders: number;
  orderLines: number;
}

export const emptyTotals = (): Totals => ({
  demand: 0,
  sold: 0,
  onHandDays: 0,
  excessDays: 0,
  days: 0,
  holding: 0,
  storage: 0,
  surcharge: 0,
  ordering: 0,
  shipping: 0,
  lostMargin: 0,
  orders: 0,
  orderLines: 0,
});

export interface LineInput {
  /** Daily demand (units), index 0 = first history day; the replay runs over [start, demand.length). */
  demand: Float64Array;
  /** Price per day (gaps filled with the nearest known price). */
  price: Float64Array;
  /** Weekly forecasts: forecasts[k] made at origin start + 7k from the history before it. */
  forecasts: DemandForecast[];
}

export interface GroupInput {
  lines: LineInput[];
  start: number;
  /** First day of the reported (second) half. */
  half: number;
  /** Epoch day of index 0. */
  epochDay0: number;
  /** Lead time of the supplier's order placed on day t (index), in days. */
  leadTime: (t: number) => number;
  /** The lead time the supplier states (mean; Stockwise learns the rest from receipts) and the baselines assume (mean, sd). */
  leadTimeBelief: { meanDays: number; sdDays: number };
  cubicFeet: number;
  /** Storage fee per cubic foot per day on each day (the fee table's month rate). */
  storageRate: Float64Array;
  /** Share of price that is unit cost. */
  costShare: number;
  schedule: FeeSchedule;
  /** Review period per day (index): the supplier's, from the product's `chooseReviewPeriod`. */
  reviewDays: Int32Array;
  /** A seller-set service level for Stockwise (default: from economics). */
  serviceLevel?: number | undefined;
}

const trailingMean = (d: Float64Array, t: number, days: number) => {
  let s = 0;
  for (let k = Math.max(0, t - days + 1); k <= t; k++) s += d[k]!;
  return s / days;
};

/** Every policy starts with 28 days of trailing demand on hand and nothing on order. */
export const openingStock = (demand: Float64Array, start: number) =>
  Math.round(28 * trailingMean(demand, start - 1, 28));

/** The state of one line: FIFO lots (arrival day, units), the pipeline, and running sums for the fee. */
export class LineState {
  lotDay: number[] = [];
  lotQty: number[] = [];
  head = 0;
  onHand: number;
  pipeline = 0;
  readonly arriving: Float64Array;
  /** Prefix sums from `start` of end-of-day on hand and of units sold. */
  readonly cumOnHand: Float64Array;
  readonly cumSold: Float64Array;

  constructor(
    days: number,
    readonly start: number,
    opening: number,
  ) {
    this.arriving = new Float64Array(days + 128);
    this.cumOnHand = new Float64Array(days + 1);
    this.cumSold = new Float64Array(days + 1);
    this.onHand = opening;
    if (opening > 0) this.push(start, opening);
  }

  push(day: number, qty: number): void {
    this.lotDay.push(day);
    this.lotQty.push(qty);
    this.onHand += qty;
  }

  /** Sells up to `want` units first in, first out; returns the units sold. */
  sell(want: number): number {
    let left = Math.min(want, this.onHand);
    const sold = left;
    while (left > 0 && this.head < this.lotQty.length) {
      const take = Math.min(left, this.lotQty[this.head]!);
      this.lotQty[this.head] = this.lotQty[this.head]! - take;
      left -= take;
      if (this.lotQty[this.head]! <= 1e-9) this.head++;
    }
    this.onHand -= sold;
    return sold;
  }

  /** Historical days of supply over the last `days` days before t (null without sales or history). */
  daysOfSupply(t: number, days: number): number | null {
    const i = t - this.start;
    const n = Math.min(days, i);
    if (n <= 0) return null;
    const sold = this.cumSold[i]! - this.cumSold[i - n]!;
    if (!(sold > 0)) return null;
    return (this.cumOnHand[i]! - this.cumOnHand[i - n]!) / sold;
  }
}

/** One day of one line: receive, sell, and pay the day's holding, storage, fees and lost margin. */
function dayOfLine(
  g: GroupInput,
  a: { line: LineInput; s: LineState; t: number; tot: Totals; assess: boolean },
) {
  const { line, s, t, tot } = a;
  const arrived = s.arriving[t]!;
  if (arrived > 0) {
    s.pipeline -= arrived;
    s.push(t, arrived);
  }
  const d = line.demand[t]!;
  const p = line.price[t]!;
  const cost = g.costShare * p;
  // Amazon's fee on this day's units, from the days of supply before it (docs/formulas.md Replenishment costs).
  const longTerm = s.daysOfSupply(t, 90);
  const i = t - s.start;
  const soldLast90 = s.cumSold[i]! - s.cumSold[Math.max(0, i - 90)]!;
  const fee = lowInventoryLevelFee({
    shortTermDays: s.daysOfSupply(t, 30),
    longTermDays: longTerm,
    unitsPerWeek: (7 * soldLast90) / Math.max(1, Math.min(90, i)),
    amazon: true,
  });
  const sold = s.sell(d);
  tot.demand += d;
  tot.sold += sold;
  tot.lostMargin += (d - sold) * (p - cost);
  tot.surcharge += fee * sold;
  tot.onHandDays += s.onHand;
  tot.holding +=
    holdingCostPerUnitDay({ unitCost: cost, cubicFeet: 0, storagePerCubicFootDay: 0 }) * s.onHand;
  tot.storage += s.onHand * g.cubicFeet * g.storageRate[t]!;
  tot.excessDays += Math.max(0, s.onHand - 90 * trailingMean(line.demand, t, 28));
  if (a.assess)
    for (let k = s.head; k < s.lotQty.length; k++)
      tot.surcharge += agedSurcharge(g.schedule, {
        ageDays: t - s.lotDay[k]!,
        cubicFeet: g.cubicFeet,
        units: s.lotQty[k]!,
      });
  s.cumOnHand[i + 1] = s.cumOnHand[i]! + s.onHand;
  s.cumSold[i + 1] = s.cumSold[i]! + sold;
}

/** The policy's decision function for a supplier group. */
function decider(g: GroupInput, policy: Policy, window: number): Decide {
  if (policy === 'stockwise') return stockwisePolicy(g);
  if (policy === 'fourWeek') return fourWeekPolicy(g);
  if (policy === 'orderUpTo') return orderUpToPolicy(g, window);
  const q = g.lines.map((l) => foresightOrders(g, l));
  return (t) => q.map((x) => x[t]!);
}

/** Replays one policy over a supplier's lines; totals of the first and the second half. */
export function simulate(g: GroupInput, policy: Policy, window = 28): [Totals, Totals] {
  const T = g.lines[0]?.demand.length ?? 0;
  const halves: [Totals, Totals] = [emptyTotals(), emptyTotals()];
  const states = g.lines.map((l) => new LineState(T, g.start, openingStock(l.demand, g.start)));
  const decide = decider(g, policy, window);
  // The supplier's purchase orders in transit, and the lead times of those received (as the ledger has them).
  const pending: { sent: number; arrives: number }[] = [];
  const receipts: ReceivedOrder[] = [];
  for (let t = g.start; t < T; t++) {
    const tot = halves[t < g.half ? 0 : 1];
    tot.days++;
    const assess = Number(isoDate(g.epochDay0 + t).slice(8)) === g.schedule.agedSurchargeDay;
    for (let i = 0; i < g.lines.length; i++)
      dayOfLine(g, { line: g.lines[i]!, s: states[i]!, t, tot, assess });
    for (let k = pending.length - 1; k >= 0; k--)
      if (pending[k]!.arrives <= t) {
        receipts.push({
          ...REPLAY_ROUTE,
          sentOn: isoDate(g.epochDay0 + pending[k]!.sent),
          firstReceivedOn: isoDate(g.epochDay0 + pending[k]!.arrives),
        });
        pending.splice(k, 1);
      }
    const q = decide(t, states, receipts);
    let lines = 0;
    const L = g.leadTime(t);
    for (let i = 0; i < q.length; i++) {
      const qi = q[i]!;
      if (!(qi > 0)) continue;
      lines++;
      const s = states[i]!;
      s.pipeline += qi;
      if (t + L < s.arriving.length) s.arriving[t + L] = s.arriving[t + L]! + qi;
      tot.shipping += qi * shippingPerUnit(COST_DEFAULTS, g.cubicFeet);
    }
    if (lines > 0) {
      pending.push({ sent: t, arrives: t + L });
      tot.orders++;
      tot.orderLines += lines;
      tot.ordering += orderingCost(COST_DEFAULTS, lines);
    }
  }
  return halves;
}
