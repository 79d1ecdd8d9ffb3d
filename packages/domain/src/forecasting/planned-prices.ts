/**
 * Planned price changes in forecasts (docs/forecasting.md, "Price response"): a seller event with a
 * price factor (the planned price ÷ the current price, 0.8 = 20 % off) multiplies the demand of the
 * series in its scope over its days by the SKU's price response, (factor)^elasticity.
 */
import { isoDate } from '../dates/dates';
import type { CatalogueEvent, CatalogueSeries } from './catalogue-factors';
import type { PriceChangeNote } from './types';
import { inScope } from './event-scope';
import { PRICE_RESPONSE_RULES, priceMultiplier } from './price-response';

/** A planned price is a positive multiple of the current price, at most 5× it. */
export const PLANNED_PRICE_LIMITS = { maxFactor: 5 } as const;

/** The series' elasticity: its price response when given, else the prior. */
export const seriesElasticity = (series: Pick<CatalogueSeries, 'elasticity'>): number =>
  series.elasticity ?? PRICE_RESPONSE_RULES.prior;

/** Demand multiplier of a price event for one series: (factor)^elasticity; 1 without a price factor. */
export function priceEventMultiplier(
  event: CatalogueEvent,
  series: Pick<CatalogueSeries, 'elasticity'>,
): number {
  const factor = event.priceFactor ?? null;
  return factor === null ? 1 : priceMultiplier(seriesElasticity(series), factor, 1);
}

/** A planned price change as applied to one series: what the forecast's reasoning states. */
export interface AppliedPriceChange {
  readonly name: string;
  /** Day indices [from, to) as in the calendar. */
  readonly from: number;
  readonly to: number;
  readonly priceFactor: number;
  readonly elasticity: number;
  readonly demandMultiplier: number;
}

/**
 * The planned price changes that apply (in scope) to a series over days [from, to) of the calendar, in event
 * order, each with the elasticity used and the demand multiplier it gives.
 *
 * @example
 * // A 20 % cut with elasticity −2: demand × 0.8^−2 = 1.5625.
 * appliedPriceChanges(series, [{ name: 'Sale', from: 10, to: 17, scope: { kind: 'all' }, lift: null, priceFactor: 0.8 }], { from: 0, to: 28 })
 */
export function appliedPriceChanges(
  series: Pick<CatalogueSeries, 'sku' | 'category' | 'elasticity'>,
  events: readonly CatalogueEvent[],
  range: { from: number; to: number },
): AppliedPriceChange[] {
  return events
    .filter((e) => e.priceFactor != null && e.to > range.from && e.from < range.to && inScope(e, series))
    .map((e) => ({
      name: e.name,
      from: e.from,
      to: e.to,
      priceFactor: e.priceFactor ?? 1,
      elasticity: seriesElasticity(series),
      demandMultiplier: priceEventMultiplier(e, series),
    }));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The planned price changes over days [from, to) of a calendar starting on epoch day `fromEpochDay`, as
 * the forecast endpoint lists them and the restock reasoning states them (dates inclusive, figures to
 * three decimals).
 */
export function priceChangeNotes(
  series: Pick<CatalogueSeries, 'sku' | 'category' | 'elasticity'>,
  events: readonly CatalogueEvent[],
  a: { fromEpochDay: number; from: number; to: number },
): PriceChangeNote[] {
  const day = (t: number) => isoDate(a.fromEpochDay + t);
  return appliedPriceChanges(series, events, a).map((c) => ({
    name: c.name,
    startsOn: day(c.from),
    endsOn: day(c.to - 1),
    priceFactor: c.priceFactor,
    elasticity: round3(c.elasticity),
    demandMultiplier: round3(c.demandMultiplier),
  }));
}

/** The reasoning's sentence about the planned price changes a forecast includes (none: empty). */
export function describePriceChanges(notes: readonly PriceChangeNote[]): string {
  if (notes.length === 0) return '';
  const pct = (x: number) => `${x < 1 ? '−' : '+'}${String(Math.round(Math.abs(x - 1) * 1000) / 10)}%`;
  const one = (n: PriceChangeNote) =>
    `"${n.name}" from ${n.startsOn} to ${n.endsOn}: price ×${String(n.priceFactor)} (${pct(n.priceFactor)}), demand ×${String(n.demandMultiplier)} at elasticity ${String(n.elasticity)}`;
  return `Planned price change${notes.length > 1 ? 's' : ''} included: ${notes.map(one).join('; ')}.`;
}

/** The planned price changes that start before `endsBefore` (an ISO date): those a protection period sees. */
export const priceChangesBefore = (
  notes: readonly PriceChangeNote[] | undefined,
  endsBefore: string,
): PriceChangeNote[] => (notes ?? []).filter((n) => n.startsOn < endsBefore);
