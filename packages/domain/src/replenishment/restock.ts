/**
 * Restock recommendation for one SKU × location (docs/formulas.md Restock): an order-up-to policy over the
 * lead time plus review period, with safety stock from the forecast's count distribution widened by
 * lead-time variability, a service level from economics, the cover band (≥ 28 days after arrival at
 * Amazon, ≤ 90 days of supply unless explicitly allowed), case pack and MOQ, and the dates by which
 * to order and ship. Pure: no clock (`asOf` is the first forecast day), no I/O.
 */
import { isoDate, parseIsoDate } from '../dates/dates';
import { leadTimeDemandMean } from '../forecasting/lead-time-demand';
import { priceChangesBefore } from '../forecasting/planned-prices';
import { orderByDay } from './order-by';
import type { AppliedOverride, DemandForecast, PriceChangeNote } from '../forecasting/types';
import type { AgedCharge, ServiceLevelChoice } from './economics';
import { plannedLevel } from './cycle-service';
import type { Assumption, ResolvedRestockInputs } from './missing-inputs';
import { resolveMissingInputs } from './missing-inputs';
import { restockAlert, summarise } from './restock-reasoning';
import { coverFloorDays, floorKept, withinCoverBand } from './cover-band';
import { roundOrderQuantity, unitCostFor } from './rounding';
import type { LumpyReasoning, OrderSizeSummary } from './lumpy-demand';
import type { LeadTimeDistribution } from './lead-time-distribution';
import { longestLeadDays, receiptsReasoning } from './lead-time-distribution';
import { lumpyReasoning } from './lumpy-demand';

export const RESTOCK_ALERTS = ['out_of_stock', 'reorder_now', 'reorder_soon'] as const;
export type RestockAlert = (typeof RESTOCK_ALERTS)[number];

export interface RestockStock {
  onHand: number;
  reserved: number;
  inbound: number;
  /** False when no stock record exists (the missing on-hand rule, docs/formulas.md Missing inputs). */
  counted?: boolean;
}

export interface RestockInput {
  /** First forecast day ('YYYY-MM-DD'): "today" for the plan. */
  asOf: string;
  /** Daily demand forecast at this location, starting at `asOf`. */
  forecast: DemandForecast;
  stock: RestockStock;
  /** Days from ordering until sellable here, mean and standard deviation. */
  /**
   * `assumed`: no supplier lead time, the default was used; `sdDays` null: no receipts taught the spread
   * (docs/formulas.md Missing inputs).
   */
  leadTime: {
    meanDays: number;
    sdDays: number | null;
    productionDays?: number;
    assumed?: boolean;
    /** The receipts' lead times: demand over the lead time mixes over them (`leadTimeDistribution`). */
    distribution?: LeadTimeDistribution | null;
  };
  /** Units per case; null, 0 or NaN = unknown (ordered in units, said in the reasoning). */
  casePack: number | null;
  moq: number;
  unitCost: number | null;
  priceBreaks?: readonly { minQuantity: number; unitCost: number }[];
  price: number | null;
  /** Marketplace fees per unit sold (referral, fulfilment). */
  feesPerUnit: number;
  /** Cubic feet per unit (0 when unknown). */
  cubicFeet: number;
  /** Storage fee per cubic foot per day at this location. */
  storagePerCubicFootDay: number;
  /** The aged surcharge a unit carried past its first bracket pays (Amazon); none when absent. */
  agedCharge?: AgedCharge | null;
  /** Units per selling day over the past year: lumpy demand is planned on them (docs/formulas.md Lumpy demand). */
  orderSizes?: OrderSizeSummary | null;
}

export interface RestockOptions {
  /** Days between reviews (the next chance to order). @default 7 */
  reviewDays?: number;
  /** A seller-set service level replaces the economic one. */
  serviceLevel?: number | null;
  /** Minimum days of cover after arrival (28 at Amazon, docs/formulas.md); 0 = none. @default 0 */
  minCoverDaysAfterArrival?: number;
  /**
   * What keeps the minimum cover: `margin` (a seller's setting: kept unless carrying costs more than the
   * margin) or `low_inventory_fee` (Amazon's default 28 days: kept only when the fee it avoids exceeds
   * the extra holding, docs/formulas.md Replenishment costs). @default 'margin'
   */
  minCoverRule?: 'margin' | 'low_inventory_fee';
  /** Maximum days of supply after arrival before stock counts as excess. @default 90 */
  maxCoverDays?: number;
  /** Plan above `maxCoverDays` (e.g. before a long factory holiday); flagged in the answer. @default false */
  allowExcess?: boolean;
  /** Capital cost per year as a share of unit cost. @default 0.25 */
  capitalRatePerYear?: number;
  /** How far ahead the order-by date is searched. @default 365 */
  searchDays?: number;
}

export interface RestockReasoning {
  dailyDemand: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  /** Set when the receipts' lead times are mixed over instead of the mean ± spread. */
  leadTimeReceipts: { receipts: number; minDays: number; maxDays: number } | null;
  reviewDays: number;
  demandOverLeadTime: number;
  demandOverProtection: number;
  serviceLevel: number;
  serviceLevelSource: ServiceLevelChoice['source'];
  lostMarginPerUnit: number | null;
  excessCostPerUnit: number | null;
  /** Days an extra unit is expected to be carried, which the excess cost counts (`carryDays`). */
  carryDays: number;
  /** Set when demand is lumpy: safety stock from the order sizes and arrivals (compound demand). */
  lumpy: LumpyReasoning | null;
  holdingCostPerUnitDay: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
  /** What the order-up-to level came from. */
  orderUpToBasis: 'service_level' | 'min_cover' | 'max_cover';
  minCoverDaysAfterArrival: number;
  minCoverApplied: boolean;
  maxCoverDays: number;
  position: { available: number; inbound: number; backorders: number; total: number };
  need: number;
  rounding: 'none' | 'case_pack' | 'moq';
  casePack: number;
  moq: number;
  daysOfSupplyAfterArrival: number | null;
  exceedsMaxCover: boolean;
  /** The defaults used for missing inputs, and what real values would change (docs/formulas.md Missing inputs). */
  assumptions: Assumption[];
  /** The seller's forecast overrides the demand above includes (docs/forecasting.md Overrides). */
  forecastOverrides: AppliedOverride[];
  /** The planned price changes the demand above includes (docs/forecasting.md Price response). */
  forecastPriceChanges: PriceChangeNote[];
  summary: string;
}

export interface RestockRecommendation {
  recommendedQuantity: number;
  orderUpTo: number;
  reorderPoint: number;
  safetyStock: number;
  serviceLevel: number;
  dailyDemand: number;
  /** (available + inbound) ÷ daily demand; null when no demand is forecast. */
  daysOfSupply: number | null;
  leadTimeDays: number;
  /** Last day to order without a stock-out; null when no demand is forecast within the search. */
  orderByDate: string | null;
  /** The day the goods must leave the supplier (order-by + production days). */
  shipDate: string | null;
  /** When an order placed today would be sellable here. */
  arrivalDate: string;
  alert: RestockAlert | null;
  unitCost: number | null;
  estimatedCost: number | null;
  /** More than `maxCoverDays` of supply planned (MOQ, case pack, or allowExcess). */
  excess: boolean;
  reasoning: RestockReasoning;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Cumulative mean demand: cum[t] = expected units over days [0, t). Days past the horizon repeat
 * the mean of the last week (as leadTimeDemandMean does), so any window has an answer in O(1).
 */
export function cumulativeDemand(forecast: DemandForecast, days: number): Float64Array {
  const cum = new Float64Array(days + 1);
  const mean = forecast.mean;
  const H = mean.length;
  const tail = H > 0 && days > H ? leadTimeDemandMean(forecast, { fromDay: H, days: 1 }) : 0;
  for (let t = 0; t < days; t++) cum[t + 1] = cum[t]! + dayDemand(t < H ? mean[t]! : tail);
  return cum;
}

/** A forecast day's demand as planning sums it: a negative or non-finite mean counts as none. */
const dayDemand = (m: number) => (Number.isFinite(m) && m > 0 ? m : 0);

/** Days of forecast the daily demand of a position is the mean of (docs/formulas.md Days of supply). */
export const DAILY_DEMAND_DAYS = 28;

/**
 * Forecast daily demand: the 28-day mean (what days of supply divide by), summed as `cumulativeDemand`
 * sums it, without its table.
 */
export function averageDailyDemand(forecast: DemandForecast): number {
  const mean = forecast.mean;
  const H = mean.length;
  const tail = H > 0 && DAILY_DEMAND_DAYS > H ? leadTimeDemandMean(forecast, { fromDay: H, days: 1 }) : 0;
  let sum = 0;
  for (let t = 0; t < DAILY_DEMAND_DAYS; t++) sum += dayDemand(t < H ? mean[t]! : tail);
  return sum / DAILY_DEMAND_DAYS;
}

/**
 * Recommends how much to order now, and by when, for one SKU × location.
 *
 * - L = lead time (rounded days), R = review period; protection period P = L + R.
 * - Demand over P has variance φ·μ + v·μ² (forecast) + d̄²·σ_L² (lead-time variability), d̄ = μ/P.
 * - Order-up-to S = its quantile at the service level; safety stock = S − μ_P.
 * - Cover band: S ≥ demand over L + minCover days (if the margin pays for the carry), S ≤ demand over L + maxCover days.
 * - Quantity = S − (available + inbound − backorders), rounded up to the case pack, at least the MOQ.
 * - Reorder point = quantile of demand over L; order-by = first day the projected position falls to it.
 */
export function recommendRestock(input: RestockInput, options: RestockOptions = {}): RestockRecommendation {
  const reviewDays = Math.max(0, Math.round(options.reviewDays ?? 7));
  const minCover = Math.max(0, options.minCoverDaysAfterArrival ?? 0);
  const maxCover = Math.max(minCover, options.maxCoverDays ?? 90);
  const feeRule = options.minCoverRule === 'low_inventory_fee';
  const f = input.forecast;
  const resolved = resolveInputs(input);
  const L = Math.max(0, Math.round(resolved.leadMeanDays));
  const sdL = resolved.leadSdDays;
  const P = L + reviewDays;
  const search = Math.max(0, Math.round(options.searchDays ?? 365));
  const dist = input.leadTime.distribution ?? null;
  const cum = cumulativeDemand(f, Math.max(search, P, 28) + longestLeadDays(L, dist) + maxCover + 1);
  const demandBetween = (from: number, days: number) => cum[from + days]! - cum[from]!;

  const dailyDemand = demandBetween(0, DAILY_DEMAND_DAYS) / DAILY_DEMAND_DAYS;
  const { available, backorders, inbound, total: position } = positionOf(input.stock, resolved.onHand);

  const muL = demandBetween(0, L);
  const muP = demandBetween(0, P);
  const { holding, service, quantile, base, lumpy, atProtection } = plannedLevel(
    { ...input, unitCost: resolved.costForEconomics },
    options,
    { L, P, reviewDays, sdL, dist, demandBetween, dailyDemand, minCover: feeRule ? 0 : minCover },
  );
  const safetyStock = Math.max(0, base - muP);
  const reorderPoint = quantile(muL, L, 0);
  const ssL = Math.max(0, reorderPoint - muL);

  const floor = Math.ceil(demandBetween(0, coverFloorDays({ leadDays: L, minCover, feeRule, reviewDays })));
  const kept = { minCover, feeRule, base, floor, muL, dailyDemand, holding, service, reviewDays };
  const { orderUpTo, basis } = withinCoverBand(base, {
    floor,
    ceiling: Math.floor(demandBetween(0, L + maxCover)),
    floorPays: floorKept(kept),
    capped: !options.allowExcess && dailyDemand > 0,
  });

  const need = Math.max(0, orderUpTo - position);
  const moq = Number.isFinite(input.moq) ? Math.max(0, input.moq) : 0;
  const rounded = roundOrderQuantity(need, { casePack: resolved.casePack, moq });
  const quantity = rounded.quantity;
  const unitCost = unitCostFor(quantity, { unitCost: input.unitCost, priceBreaks: input.priceBreaks });
  const daysAfterArrival = dailyDemand > 0 ? (position + quantity - muL) / dailyDemand : null;
  const excess =
    dailyDemand > 0 && quantity > 0 && position + quantity > demandBetween(0, L + maxCover) + 1e-9;

  const asOfDay = parseIsoDate(input.asOf);
  const orderBy = orderByDay({
    cum,
    position,
    leadDays: L,
    safetyStockOverLead: ssL,
    searchDays: search,
    asOfDay,
  });
  const daysOfSupply = dailyDemand > 0 ? (Math.max(0, available) + inbound) / dailyDemand : null;
  const alert = restockAlert({
    available,
    dailyDemand,
    daysOfSupply,
    leadDays: L,
    orderBy,
    asOfDay,
    reviewDays,
  });

  const production = Math.max(0, Math.round(input.leadTime.productionDays ?? 0)) || 0;
  const reasoning: RestockReasoning = {
    dailyDemand: round(dailyDemand, 3),
    leadTimeDays: L,
    leadTimeSdDays: round(sdL, 1),
    leadTimeReceipts: receiptsReasoning(dist),
    reviewDays,
    demandOverLeadTime: round(muL, 1),
    demandOverProtection: round(muP, 1),
    serviceLevel: round(service.serviceLevel, 4),
    serviceLevelSource: service.source,
    lostMarginPerUnit: service.lostMarginPerUnit === null ? null : round(service.lostMarginPerUnit),
    excessCostPerUnit: service.excessCostPerUnit === null ? null : round(service.excessCostPerUnit, 3),
    carryDays: round(service.carryDays, 1),
    lumpy: lumpyReasoning(lumpy, atProtection),
    holdingCostPerUnitDay: round(holding, 5),
    safetyStock: round(safetyStock, 1),
    reorderPoint,
    orderUpTo,
    orderUpToBasis: basis,
    minCoverDaysAfterArrival: minCover,
    minCoverApplied: basis === 'min_cover',
    maxCoverDays: maxCover,
    position: { available, inbound, backorders, total: position },
    need,
    rounding: rounded.reason,
    casePack: resolved.casePack,
    moq,
    daysOfSupplyAfterArrival: daysAfterArrival === null ? null : round(daysAfterArrival, 1),
    exceedsMaxCover: excess,
    assumptions: resolved.assumptions,
    forecastOverrides: [...(f.overrides ?? [])],
    forecastPriceChanges: priceChangesBefore(f.priceChanges, isoDate(asOfDay + L + reviewDays)),
    summary: '',
  };
  reasoning.summary = summarise(reasoning, quantity);
  return {
    recommendedQuantity: quantity,
    orderUpTo,
    reorderPoint,
    safetyStock: round(safetyStock, 1),
    serviceLevel: round(service.serviceLevel, 4),
    dailyDemand: round(dailyDemand, 3),
    daysOfSupply: daysOfSupply === null ? null : round(daysOfSupply, 1),
    leadTimeDays: L,
    orderByDate: orderBy === null ? null : isoDate(orderBy),
    shipDate: orderBy === null ? null : isoDate(orderBy + production),
    arrivalDate: isoDate(asOfDay + L),
    alert,
    unitCost,
    estimatedCost: unitCost === null ? null : round(unitCost * quantity),
    excess,
    reasoning,
  };
}

/** The missing-input rules applied to a restock input (docs/formulas.md Missing inputs). */
function resolveInputs(input: RestockInput): ResolvedRestockInputs {
  return resolveMissingInputs(
    {
      unitCost: input.unitCost,
      price: input.price,
      casePack: input.casePack,
      leadTime: input.leadTime,
      onHand: input.stock.counted === false ? null : input.stock.onHand,
    },
    averageDailyDemand(input.forecast),
  );
}

/** Available (on hand − reserved), inbound and backorders; a missing reserved or inbound counts as none. */
function positionOf(stock: RestockStock, onHand: number): RestockReasoning['position'] {
  const available = onHand - (Number.isFinite(stock.reserved) ? stock.reserved : 0);
  const backorders = Math.max(0, -available);
  const inbound = Number.isFinite(stock.inbound) ? Math.max(0, stock.inbound) : 0;
  return { available, inbound, backorders, total: Math.max(0, available) + inbound - backorders };
}
