import type { LedgerDay } from '../forecasting/daily-history';

/** Above this many days of supply at forecast demand a unit is excess (docs/formulas.md). */
export const EXCESS_DAYS_OF_SUPPLY = 90;
/** The sell-through window: units shipped and average on hand over the 90 days before the date. */
export const SELL_THROUGH_DAYS = 90;
/** The in-stock rate counts the last 30 days … */
export const IN_STOCK_DAYS = 30;
/** … weighted by units sold over the last 60. */
export const IN_STOCK_WEIGHT_DAYS = 60;
/**
 * The health figures' daily demand, for every date D: units shipped from Amazon locations in the 90 days
 * before D ÷ 90 — one definition for every date, as Amazon measures (docs/decisions.md, decision 17).
 * The planning position uses the forecast for planning.
 */
export const DEMAND_WINDOW_DAYS = SELL_THROUGH_DAYS;

/** Trailing daily demand: units shipped over the window ÷ its days (0 for an empty window). */
export function trailingDailyDemand(unitsShipped: number, days = DEMAND_WINDOW_DAYS): number {
  return days > 0 ? Math.max(0, unitsShipped) / days : 0;
}
/** The shortest units-shipped window the reports show (units-shipped-t7). */
export const SHIPPED_LAST_WEEK_DAYS = 7;

export type ListingStatus = 'active' | 'inactive' | 'error';

/** What the health factors need to know about one SKU (all its locations) on a date. */
export interface SkuHealthInput {
  sku: string;
  /** Sellable units on hand. */
  onHand: number;
  inbound: number;
  /** Daily demand: units shipped in the 90 days before the date ÷ 90 (trailingDailyDemand). */
  dailyDemand: number;
  /** Units shipped to customers in the 90 days before the date. */
  unitsShipped90: number;
  /** Average end-of-day on hand over those 90 days. */
  averageOnHand90: number;
  listingStatus: ListingStatus;
  replenishable: boolean;
  /** Days in stock among the last 30. */
  inStockDays30: number;
  /** Units sold in the last 60 days (the in-stock rate's weight). */
  unitsSold60: number;
}

/**
 * Additive totals from which the four factors follow. Keeping sums (not ratios) lets the server add
 * SKUs up in SQL, and a what-if swap one SKU's contribution for another without recomputing the rest.
 */
export interface FactorSums {
  totalUnits: number;
  excessUnits: number;
  strandedUnits: number;
  unitsShipped90: number;
  averageOnHand90: number;
  /** Σ unitsSold60 × in-stock share, over replenishable SKUs. */
  inStockWeighted: number;
  /** Σ unitsSold60 over replenishable SKUs. */
  inStockWeight: number;
  /** Σ in-stock share and count of replenishable SKUs (the unweighted fallback when nothing sold). */
  inStockShareSum: number;
  inStockCount: number;
}

/** The four IPI factors; null when undefined for this catalogue (e.g. no stock at all). */
export interface HealthFactors {
  /** Excess units ÷ total units, in percent. */
  excessPercent: number | null;
  /** Units shipped in 90 days ÷ average units on hand over those days (a ratio, e.g. 1.5). */
  sellThrough: number | null;
  /** Units on hand with an inactive or broken listing ÷ total units, in percent. */
  strandedPercent: number | null;
  /** Share of the last 30 days replenishable SKUs were in stock, weighted by 60-day units sold, in percent. */
  inStockRate: number | null;
}

export const ZERO_SUMS: FactorSums = {
  totalUnits: 0,
  excessUnits: 0,
  strandedUnits: 0,
  unitsShipped90: 0,
  averageOnHand90: 0,
  inStockWeighted: 0,
  inStockWeight: 0,
  inStockShareSum: 0,
  inStockCount: 0,
};

const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);

/**
 * Days of supply = (available + inbound) ÷ forecast daily demand (docs/formulas.md).
 * Null when demand is zero (supply never runs out): the caller shows "no demand", never Infinity.
 */
export function daysOfSupply(options: {
  available: number;
  inbound: number;
  dailyDemand: number;
}): number | null {
  const supply = Math.max(0, options.available) + Math.max(0, options.inbound);
  if (!(options.dailyDemand > 0)) return supply > 0 ? null : 0;
  return supply / options.dailyDemand;
}

/**
 * Excess units: on-hand units above 90 days of supply at forecast demand. On-hand units sell before
 * inbound ones, so inbound never pushes on-hand units into excess (see `excessInbound`). Zero demand
 * makes every unit on hand excess.
 * @example excessUnits({ onHand: 500, dailyDemand: 2 }) // 320 (500 − 90·2)
 */
export function excessUnits(options: {
  onHand: number;
  dailyDemand: number;
  daysOfSupplyLimit?: number;
}): number {
  const onHand = Math.max(0, options.onHand);
  const demand = Math.max(0, finiteOr(options.dailyDemand, 0));
  const healthy = (options.daysOfSupplyLimit ?? EXCESS_DAYS_OF_SUPPLY) * demand;
  return Math.min(onHand, Math.max(0, Math.floor(onHand - healthy)));
}

/** Inbound units that will land beyond 90 days of supply (they sell after everything on hand). */
export function excessInbound(options: {
  onHand: number;
  inbound: number;
  dailyDemand: number;
  daysOfSupplyLimit?: number;
}): number {
  const inbound = Math.max(0, options.inbound);
  const total = Math.max(0, options.onHand) + inbound;
  const healthy =
    (options.daysOfSupplyLimit ?? EXCESS_DAYS_OF_SUPPLY) * Math.max(0, finiteOr(options.dailyDemand, 0));
  return Math.min(inbound, Math.max(0, Math.floor(total - healthy)));
}

/**
 * 90-day sell-through = units shipped ÷ average units on hand (docs/formulas.md). Null with nothing on hand
 * and nothing shipped; shipped with no average stock (sold as it arrived) counts each unit once.
 */
export function sellThrough(options: { unitsShipped: number; averageOnHand: number }): number | null {
  const shipped = Math.max(0, options.unitsShipped);
  const average = Math.max(0, options.averageOnHand);
  if (average <= 0) return shipped > 0 ? shipped : null;
  return shipped / average;
}

/**
 * In-stock rate over replenishable SKUs, weighted by units sold in the last 60 days (docs/formulas.md).
 * When none of them sold, every SKU weighs the same; null without replenishable SKUs. In percent.
 * @example inStockRate([{ inStockShare: 0.5, unitsSold60: 120 }, { inStockShare: 1, unitsSold60: 180 }]) // 80
 */
export function inStockRate(items: readonly { inStockShare: number; unitsSold60: number }[]): number | null {
  let weighted = 0;
  let weight = 0;
  for (const item of items) {
    weighted += Math.max(0, item.unitsSold60) * item.inStockShare;
    weight += Math.max(0, item.unitsSold60);
  }
  if (weight > 0) return (100 * weighted) / weight;
  if (items.length === 0) return null;
  return (100 * items.reduce((s, i) => s + i.inStockShare, 0)) / items.length;
}

/**
 * Which days a SKU was in stock, rebuilt from its ledger days like buildDailyDemand: in stock when
 * units were on hand at the start of the day or arrived during it.
 * @example dailyInStock([{ day: 1, unitsSold: 0, onHandDelta: 3, unitsArrived: 3 }], { days: 3, openingOnHand: 0 }) // [false, true, true]
 */
export function dailyInStock(
  days: readonly LedgerDay[],
  options: { days: number; openingOnHand: number },
): boolean[] {
  const n = options.days;
  const delta = new Float64Array(n);
  const arrived = new Float64Array(n);
  for (const d of days) {
    if (d.day < 0 || d.day >= n) continue;
    delta[d.day] = delta[d.day]! + d.onHandDelta;
    arrived[d.day] = arrived[d.day]! + Math.max(0, d.unitsArrived);
  }
  const inStock: boolean[] = [];
  let onHand = Math.max(0, options.openingOnHand);
  for (let t = 0; t < n; t++) {
    inStock.push(onHand > 0 || arrived[t]! > 0);
    onHand = Math.max(0, onHand + delta[t]!);
  }
  return inStock;
}

/**
 * Average end-of-day on hand over a window, from the opening on hand and the day of each change:
 * a change on day d (0-based) counts for the days d … n−1. The same formula runs in SQL.
 */
export function averageOnHand(
  days: readonly Pick<LedgerDay, 'day' | 'onHandDelta'>[],
  options: { days: number; openingOnHand: number },
): number {
  const n = options.days;
  let total = options.openingOnHand * n;
  for (const d of days) if (d.day >= 0 && d.day < n) total += d.onHandDelta * (n - d.day);
  return Math.max(0, total / n);
}

/** One SKU's contribution to the catalogue's factor sums. */
export function skuFactorSums(item: SkuHealthInput): FactorSums {
  const onHand = Math.max(0, item.onHand);
  const share = Math.min(1, Math.max(0, item.inStockDays30 / IN_STOCK_DAYS));
  return {
    totalUnits: onHand,
    excessUnits: excessUnits({ onHand, dailyDemand: item.dailyDemand }),
    strandedUnits: item.listingStatus === 'active' ? 0 : onHand,
    unitsShipped90: Math.max(0, item.unitsShipped90),
    averageOnHand90: Math.max(0, item.averageOnHand90),
    inStockWeighted: item.replenishable ? Math.max(0, item.unitsSold60) * share : 0,
    inStockWeight: item.replenishable ? Math.max(0, item.unitsSold60) : 0,
    inStockShareSum: item.replenishable ? share : 0,
    inStockCount: item.replenishable ? 1 : 0,
  };
}

export function addSums(a: FactorSums, b: FactorSums, sign: 1 | -1 = 1): FactorSums {
  const out = { ...a };
  for (const key of Object.keys(ZERO_SUMS) as (keyof FactorSums)[]) out[key] = a[key] + sign * b[key];
  return out;
}

/** The four factors from catalogue totals. */
export function factorsFromSums(sums: FactorSums): HealthFactors {
  const total = sums.totalUnits;
  let stock: number | null = null;
  if (sums.inStockWeight > 0) stock = (100 * sums.inStockWeighted) / sums.inStockWeight;
  else if (sums.inStockCount > 0) stock = (100 * sums.inStockShareSum) / sums.inStockCount;
  return {
    excessPercent: total > 0 ? (100 * sums.excessUnits) / total : null,
    sellThrough: sellThrough({ unitsShipped: sums.unitsShipped90, averageOnHand: sums.averageOnHand90 }),
    strandedPercent: total > 0 ? (100 * sums.strandedUnits) / total : null,
    inStockRate: stock,
  };
}

/** Factors of a list of SKUs (the domain reference for what the server sums in SQL). */
export function healthFactors(items: readonly SkuHealthInput[]): {
  sums: FactorSums;
  factors: HealthFactors;
} {
  const sums = items.reduce((acc, item) => addSums(acc, skuFactorSums(item)), ZERO_SUMS);
  return { sums, factors: factorsFromSums(sums) };
}
