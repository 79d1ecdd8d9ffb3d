/**
 * Where a SKU's stock at one location is heading, day by day (docs/formulas.md Stock projection):
 * available stock plus dated arrivals (inbound orders and the planned order) minus forecast demand,
 * with the 80% and 95% bands of that demand, the cover lines and the projected stock-out day.
 */
import { isoDate, parseIsoDate } from '../dates/dates';
import { countQuantiles } from '../forecasting/count-quantiles';
import { spanDemand } from '../forecasting/lead-time-demand';
import type { DemandForecast } from '../forecasting/types';
import { cumulativeDemand } from './restock';

export interface ProjectionArrival {
  /** ISO date the units become sellable here (sold from that day); a date before `asOf` counts as `asOf`. */
  date: string;
  quantity: number;
  kind: 'inbound' | 'planned';
}

export interface ProjectionDay {
  date: string;
  /** Expected sellable units at the end of the day (lost sales: never below 0). */
  expected: number;
  /** 80% band: 10th and 90th percentiles of the stock left (from the 90th and 10th of demand). */
  low80: number;
  high80: number;
  /** 95% band: 2.5th and 97.5th percentiles. */
  low95: number;
  high95: number;
  /** Units arriving that day, by kind. */
  inbound: number;
  planned: number;
  /** Stock that covers the next `coverLowDays` / `coverHighDays` of expected demand from this day. */
  coverLow: number;
  coverHigh: number;
}

export interface StockProjection {
  days: ProjectionDay[];
  /** First day the expected stock is 0 while demand is forecast; null when it lasts the horizon. */
  stockOutDate: string | null;
}

export interface ProjectionOptions {
  /** Days projected after `asOf`. @default 120 */
  days?: number;
  /** The cover band's edges, in days (docs/formulas.md Cover band). @default 28 and 90 */
  coverLowDays?: number;
  coverHighDays?: number;
}

const BAND_LEVELS = [0.025, 0.1, 0.9, 0.975] as const;

/**
 * Projects the stock of one SKU × location with lost sales: after a day the expected stock reaches 0,
 * an arrival restarts the projection from the units that arrive (unmet demand is not carried over).
 * Demand over the days since the last restart follows the forecast's count distribution — variance
 * φ·μ + v(d)·μ² under the catalogue's calibration the forecast carries (`spanDemand`), the same model as
 * the reorder point's (`recommendRestock`) — and
 * the band edges are its quantiles subtracted from the stock of that span.
 *
 * @example
 * projectStock({ asOf: '2026-12-01', available: 40, arrivals: [], forecast }, { days: 60 });
 */
export function projectStock(
  input: {
    asOf: string;
    /** Sellable units now (on hand − reserved; below 0 counts as 0). */
    available: number;
    arrivals: readonly ProjectionArrival[];
    forecast: DemandForecast;
  },
  options: ProjectionOptions = {},
): StockProjection {
  const horizon = Math.max(1, Math.round(options.days ?? 120));
  const coverLow = Math.max(0, options.coverLowDays ?? 28);
  const coverHigh = Math.max(coverLow, options.coverHighDays ?? 90);
  const start = parseIsoDate(input.asOf);
  const cum = cumulativeDemand(input.forecast, horizon + Math.ceil(coverHigh) + 2);
  const between = (from: number, to: number) => cum[to]! - cum[from]!;
  const arriving = arrivalsByDay(input.arrivals, start, horizon);

  // The span the current projection runs from: its first day and the stock it started with.
  let anchorDay = 0;
  let anchorStock = Math.max(0, input.available);
  let arrived = 0;
  let previous = anchorStock;
  let stockOutDate: string | null = null;
  const days: ProjectionDay[] = [];
  // Day t is asOf + t; the forecast's day t is its demand, so the stock at the end of day t has
  // met the demand of days [anchorDay, t].
  for (let t = 0; t < horizon; t++) {
    const today = arriving.get(t) ?? { inbound: 0, planned: 0 };
    const units = today.inbound + today.planned;
    if (previous <= 0 && units > 0) {
      anchorDay = t;
      anchorStock = 0;
      arrived = 0;
    }
    arrived += units;
    const demand = between(anchorDay, t + 1);
    const stock = anchorStock + arrived;
    const span = spanDemand(input.forecast, { mean: demand, days: t + 1 - anchorDay });
    const [q025, q10, q90, q975] = countQuantiles(span.mean, span.variance, BAND_LEVELS);
    const expected = Math.max(0, stock - demand);
    if (stockOutDate === null && expected <= 0 && between(t, t + 1) > 0) stockOutDate = isoDate(start + t);
    days.push({
      date: isoDate(start + t),
      expected: round(expected),
      low80: Math.max(0, stock - (q90 ?? 0)),
      high80: Math.max(0, stock - (q10 ?? 0)),
      low95: Math.max(0, stock - (q975 ?? 0)),
      high95: Math.max(0, stock - (q025 ?? 0)),
      inbound: today.inbound,
      planned: today.planned,
      coverLow: round(between(t + 1, t + 1 + Math.round(coverLow))),
      coverHigh: round(between(t + 1, t + 1 + Math.round(coverHigh))),
    });
    previous = expected;
  }
  return { days, stockOutDate };
}

/** Arrivals per day of the projection (0 = `asOf`); past dates (late orders) count from day 0. */
function arrivalsByDay(
  arrivals: readonly ProjectionArrival[],
  start: number,
  horizon: number,
): Map<number, { inbound: number; planned: number }> {
  const out = new Map<number, { inbound: number; planned: number }>();
  for (const a of arrivals) {
    if (!(a.quantity > 0) || !Number.isFinite(a.quantity)) continue;
    const day = Math.max(0, parseIsoDate(a.date) - start);
    if (day >= horizon) continue;
    const entry = out.get(day) ?? { inbound: 0, planned: 0 };
    entry[a.kind] += a.quantity;
    out.set(day, entry);
  }
  return out;
}

const round = (x: number) => Math.round(x * 10) / 10;
