/**
 * Planned price changes in forecasts (docs/forecasting.md, "Price response"): a seller event with a
 * price factor (the planned price ÷ the current price, 0.8 = 20 % off) multiplies the demand of the
 * series in its scope over its days by the SKU's price response, (factor)^elasticity.
 */
import type { CatalogueEvent, CatalogueSeries } from './catalogue-factors';
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
  series: CatalogueSeries,
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
