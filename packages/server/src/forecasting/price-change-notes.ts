import { catalogueEvent } from '@stockwise/domain/forecasting/events';
import { priceChangeNotes } from '@stockwise/domain/forecasting/planned-prices';
import type { SourcedForecast } from '@stockwise/domain/replenishment/network-plan';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import type { CatalogueContext } from './catalogue-input';
import type { HistoryWindow } from './demand-histories';

/**
 * Notes on each forecast (keyed `productId:locationId`) the planned price changes over its horizon it
 * includes, with the SKU's elasticity (docs/forecasting.md, "Price response"): the same list
 * GET /forecasts/{sku} shows, for the restock reasoning. Stored and computed forecasts both include them.
 */
export function withPriceChangeNotes(
  forecasts: Map<string, SourcedForecast>,
  a: { ctx: CatalogueContext; window: HistoryWindow; horizon: number; products: readonly ProductRecord[] },
): void {
  const events = a.ctx.events
    .filter((e) => e.priceFactor !== null)
    .map((e) => catalogueEvent(e, a.window.fromEpochDay));
  if (events.length === 0) return;
  const productOf = new Map(a.products.map((p) => [p.id, p]));
  const range = { fromEpochDay: a.window.fromEpochDay, from: a.window.days, to: a.window.days + a.horizon };
  for (const [key, sourced] of forecasts) {
    const product = productOf.get(Number(key.split(':')[0]));
    if (!product) continue;
    const elasticity = a.ctx.responses.get(product.id)?.elasticity;
    const series = {
      sku: product.sku,
      category: product.category ?? '',
      ...(elasticity === undefined ? {} : { elasticity }),
    };
    const notes = priceChangeNotes(series, events, range);
    if (notes.length > 0) forecasts.set(key, { ...sourced, f: { ...sourced.f, priceChanges: notes } });
  }
}
