import { dayOfWeek, isoDate } from '@stockwise/domain/dates/dates';
import {
  calendarMarketplace,
  dailyEventNames,
  type Marketplace,
} from '@stockwise/domain/forecasting/calendar/holidays';
import type { CatalogueInput } from '@stockwise/domain/forecasting/catalogue';
import type { CatalogueSeries } from '@stockwise/domain/forecasting/catalogue-factors';
import { catalogueEvent } from '@stockwise/domain/forecasting/events';
import type { Sql } from '@stockwise/db/database';
import { eventsRepository } from '@stockwise/db/forecasting/events.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { PriceResponse } from '@stockwise/domain/forecasting/price-response';
import { productsRepository, type ProductRecord } from '@stockwise/db/catalog/products.repository';
import { priceResponses } from './price-responses';
import type { HistoryWindow, ItemHistories } from './demand-histories';

/** Pooling key of a SKU's network series (all its locations). */
export const NETWORK = 'network';

/** One forecast series: a SKU at a location, or over the network (locationId null). */
export interface SeriesKey {
  readonly productId: number;
  readonly locationId: number | null;
}

/**
 * The catalogue forecast's inputs from the ledger's histories (docs/forecasting.md): each location
 * follows its marketplace's holiday and retail calendar, the network series the account's (the
 * marketplace of most of its locations; US when none names one); the seller's events over the window.
 */
export async function catalogueInput(
  sql: Sql,
  accountId: number,
  a: { window: HistoryWindow; horizon: number; products: readonly ProductRecord[]; histories: ItemHistories },
): Promise<{ input: CatalogueInput; keys: SeriesKey[] }> {
  const { window, horizon, histories } = a;
  const locations = await locationsRepository.listAll(sql, accountId);
  const locationOf = new Map(locations.map((l) => [l.id, l]));
  const counts = new Map<Marketplace, number>();
  for (const l of locations) {
    if (l.marketplace === null) continue;
    const m = calendarMarketplace(l.marketplace);
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const accountMarketplace = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? calendarMarketplace(null);
  const productOf = new Map(a.products.map((p) => [p.id, p]));
  const series: CatalogueSeries[] = [];
  const keys: SeriesKey[] = [];
  const add = (key: SeriesKey, history: Float64Array, location: string, region: Marketplace) => {
    const p = productOf.get(key.productId);
    if (!p) return;
    series.push({ sku: p.sku, history, category: p.category ?? '', location, region });
    keys.push(key);
  };
  for (const item of histories.byItem.values()) {
    const l = locationOf.get(item.locationId);
    add(item, item.demand, l?.code ?? String(item.locationId), calendarMarketplace(l?.marketplace));
  }
  for (const [productId, demand] of histories.byProduct) {
    add({ productId, locationId: null }, demand, NETWORK, accountMarketplace);
  }
  const length = window.days + horizon;
  const range = { from: window.fromEpochDay, to: window.fromEpochDay + length };
  const regions = [...new Set(series.map((s) => s.region as Marketplace))];
  const events = await eventsRepository.list(sql, accountId, {
    from: isoDate(range.from),
    to: isoDate(range.to - 1),
  });
  // Planned price changes apply each SKU's price response (docs/forecasting.md, "Price response").
  const responses = events.some((e) => e.priceFactor !== null)
    ? await priceResponses(sql, accountId, {
        asOf: window.asOf,
        of: a.products,
        catalogue: await productsRepository.listAll(sql, accountId),
      })
    : new Map<number, PriceResponse>();
  return {
    input: {
      series: series.map((s, i) => {
        const response = responses.get(keys[i]!.productId);
        return response ? { ...s, elasticity: response.elasticity } : s;
      }),
      calendar: {
        weekday: Int8Array.from({ length }, (_, t) => dayOfWeek(window.fromEpochDay + t)),
        events: Object.fromEntries(regions.map((r) => [r, dailyEventNames(r, range)])),
      },
      events: events.map((e) => catalogueEvent(e, window.fromEpochDay)),
    },
    keys,
  };
}
