/**
 * The planning position of one SKU × location (docs/formulas.md Planning position): its own stock,
 * its own demand and the lead time of the route into it, and what they mean — days of supply, the
 * projected stock-out date, the cover band, excess units and the alert. Restock, alerts, the excess and
 * clearance advice and the pages all read these figures; a hub's echelon figures live in its purchase
 * line's reasoning, never here. Pure: no clock, no I/O.
 */
import { isoDate, parseIsoDate } from '../dates/dates';
import { excessUnits as excessAbove } from '../health/factors';
import type { DemandForecast } from '../forecasting/types';
import type { RestockAlert, RestockRecommendation, RestockStock } from './restock';
import { averageDailyDemand } from './restock';

export interface PlanningPosition {
  productId: number;
  sku: string;
  locationId: number;
  /** Location code. */
  location: string;
  /** 'warehouse' | 'amazon_fba' | '3pl'. */
  locationType: string;
  onHand: number;
  reserved: number;
  /** onHand − reserved; below 0 when more is reserved than on hand (backorders). */
  available: number;
  inbound: number;
  backorders: number;
  /** One forecast per SKU × location: stored when current, else computed by the same engine. */
  dailyDemand: number;
  demandSource: 'stored' | 'computed';
  /** The learned lead time of the route into this location (supplier, or hub → FC leg). */
  leadTimeDays: number;
  /** (max(0, available) + inbound) ÷ daily demand, 1 decimal; null when nothing sells here. */
  daysOfSupply: number | null;
  /** First day without stock at the daily demand; null when nothing sells here (or beyond ten years). */
  stockOutDate: string | null;
  /** Cover band edges: minimum cover after arrival and the excess line (days of supply). */
  coverLowDays: number;
  coverHighDays: number;
  /**
   * On-hand units above `coverHighDays` of the demand this location serves (its own; a hub's also its
   * fulfilment centres'). With no demand served, every unit on hand is excess.
   */
  excessUnits: number;
  /** Daily demand the excess line is measured against (own demand; a hub's plus its FCs'). */
  servedDailyDemand: number;
  alert: RestockAlert | null;
  /**
   * A hub's purchase in a network mode: the alert of the echelon it buys for (its stock and its FCs'),
   * e.g. `reorder_now` while the hub itself sells nothing; null at every other position.
   */
  echelonAlert: RestockAlert | null;
  /** The echelon's days of supply behind `echelonAlert` (hub + its FCs); null at every other position. */
  echelonDaysOfSupply: number | null;
  /** dailyDemand > 0 (before rounding). */
  sells: boolean;
}

/** What a position is built from: the local stock and forecast, and the local recommendation's answer. */
export interface PositionInput {
  productId: number;
  sku: string;
  locationId: number;
  location: string;
  locationType: string;
  asOf: string;
  stock: RestockStock;
  forecast: DemandForecast;
  demandSource: 'stored' | 'computed';
  /** `recommendRestock` on these local figures (its alert and lead time are the position's). */
  local: Pick<RestockRecommendation, 'alert' | 'leadTimeDays'>;
  coverLowDays: number;
  coverHighDays: number;
  /** A hub purchase's echelon alert. @default null */
  echelonAlert?: RestockAlert | null;
  /** The echelon's days of supply. @default null */
  echelonDaysOfSupply?: number | null;
  /** Demand of the locations this one supplies (a hub's FCs), added for the excess line. @default 0 */
  downstreamDailyDemand?: number;
}

/** Beyond this many days the stock-out date is not projected (null). */
const STOCK_OUT_HORIZON_DAYS = 3650;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function planningPosition(a: PositionInput): PlanningPosition {
  const { onHand, reserved, inbound } = a.stock;
  const available = onHand - reserved;
  const demand = averageDailyDemand(a.forecast);
  const sells = demand > 0;
  const supply = Math.max(0, available) + inbound;
  const days = sells ? supply / demand : null;
  const asOfDay = parseIsoDate(a.asOf);
  const outIn = days === null ? null : available <= 0 ? 0 : Math.floor(days);
  const served = demand + Math.max(0, a.downstreamDailyDemand ?? 0);
  return {
    productId: a.productId,
    sku: a.sku,
    locationId: a.locationId,
    location: a.location,
    locationType: a.locationType,
    onHand,
    reserved,
    available,
    inbound,
    backorders: Math.max(0, -available),
    dailyDemand: round(demand, 3),
    demandSource: a.demandSource,
    leadTimeDays: a.local.leadTimeDays,
    daysOfSupply: days === null ? null : round(days, 1),
    stockOutDate: outIn === null || outIn > STOCK_OUT_HORIZON_DAYS ? null : isoDate(asOfDay + outIn),
    coverLowDays: a.coverLowDays,
    coverHighDays: a.coverHighDays,
    excessUnits: excessAbove({ onHand, dailyDemand: served, daysOfSupplyLimit: a.coverHighDays }),
    servedDailyDemand: round(served, 3),
    alert: a.local.alert,
    echelonAlert: a.echelonAlert ?? null,
    echelonDaysOfSupply: a.echelonDaysOfSupply == null ? null : round(a.echelonDaysOfSupply, 1),
    sells,
  };
}

/** Key of a SKU × location in the plan's maps. */
export const positionKey = (productId: number, locationId: number): string => `${productId}:${locationId}`;
