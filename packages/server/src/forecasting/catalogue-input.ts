import { dayOfWeek, isoDate } from '@stockwise/domain/dates/dates';
import {
  calendarMarketplace,
  dailyEventNames,
  type Marketplace,
} from '@stockwise/domain/forecasting/calendar/holidays';
import {
  forecastPrepared,
  planCatalogue,
  prepareSeries,
  type CatalogueInput,
} from '@stockwise/domain/forecasting/catalogue';
import type { CataloguePooled } from '@stockwise/domain/forecasting/catalogue-pooled';
import { forecastDemand } from '@stockwise/domain/forecasting/forecast-demand';
import type { DemandForecast } from '@stockwise/domain/forecasting/types';
import type { CatalogueSeries } from '@stockwise/domain/forecasting/catalogue-factors';
import { catalogueEvent } from '@stockwise/domain/forecasting/events';
import { inScope } from '@stockwise/domain/forecasting/event-scope';
import type { Sql } from '@stockwise/db/database';
import { eventsRepository, type ForecastEventRecord } from '@stockwise/db/forecasting/events.repository';
import { locationsRepository, type LocationRecord } from '@stockwise/db/catalog/locations.repository';
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

/** What a catalogue input reads from the database besides the histories: loaded once, assembled per SKU set. */
export interface CatalogueContext {
  readonly locationOf: ReadonlyMap<number, LocationRecord>;
  readonly accountMarketplace: Marketplace;
  readonly events: readonly ForecastEventRecord[];
  readonly responses: ReadonlyMap<number, PriceResponse>;
}

/** The seller's events over the window and the horizon (those a forecast of it can see). */
export function catalogueEvents(
  sql: Sql,
  accountId: number,
  a: { window: HistoryWindow; horizon: number },
): Promise<ForecastEventRecord[]> {
  return eventsRepository.list(sql, accountId, {
    from: isoDate(a.window.fromEpochDay),
    to: isoDate(a.window.fromEpochDay + a.window.days + a.horizon - 1),
  });
}

/**
 * The locations, the seller's events over the window and horizon (`events` when already read), and
 * the price responses of the `products` in the scope of a planned price change: only their series
 * use one (docs/forecasting.md, "Price response").
 */
export async function catalogueContext(
  sql: Sql,
  accountId: number,
  a: {
    window: HistoryWindow;
    horizon: number;
    products: readonly ProductRecord[];
    events?: readonly ForecastEventRecord[];
  },
): Promise<CatalogueContext> {
  const { window } = a;
  const locations = await locationsRepository.listAll(sql, accountId);
  const counts = new Map<Marketplace, number>();
  for (const l of locations) {
    if (l.marketplace === null) continue;
    const m = calendarMarketplace(l.marketplace);
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const accountMarketplace = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? calendarMarketplace(null);
  const events = a.events ?? (await catalogueEvents(sql, accountId, a));
  const priced = events
    .filter((e) => e.priceFactor !== null)
    .map((e) => catalogueEvent(e, window.fromEpochDay));
  const of = a.products.filter((p) =>
    priced.some((e) => inScope(e, { sku: p.sku, category: p.category ?? '' })),
  );
  const responses =
    of.length > 0
      ? await priceResponses(sql, accountId, {
          asOf: window.asOf,
          of,
          catalogue: await productsRepository.listAll(sql, accountId),
        })
      : new Map<number, PriceResponse>();
  return { locationOf: new Map(locations.map((l) => [l.id, l])), accountMarketplace, events, responses };
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
  return assembleCatalogueInput(await catalogueContext(sql, accountId, a), a);
}

/** The catalogue input of `products`' series in `histories`, from a loaded context. */
export function assembleCatalogueInput(
  ctx: CatalogueContext,
  a: { window: HistoryWindow; horizon: number; products: readonly ProductRecord[]; histories: ItemHistories },
): { input: CatalogueInput; keys: SeriesKey[] } {
  const { window, horizon, histories } = a;
  const productOf = new Map(a.products.map((p) => [p.id, p]));
  const series: CatalogueSeries[] = [];
  const keys: SeriesKey[] = [];
  const add = (key: SeriesKey, history: Float64Array, location: string, region: Marketplace) => {
    const p = productOf.get(key.productId);
    if (!p) return;
    const response = ctx.responses.get(key.productId);
    // Planned price changes apply each SKU's price response (docs/forecasting.md, "Price response").
    series.push({
      sku: p.sku,
      history,
      category: p.category ?? '',
      location,
      region,
      ...(response ? { elasticity: response.elasticity } : {}),
    });
    keys.push(key);
  };
  for (const item of histories.byItem.values()) {
    const l = ctx.locationOf.get(item.locationId);
    add(item, item.demand, l?.code ?? String(item.locationId), calendarMarketplace(l?.marketplace));
  }
  for (const [productId, demand] of histories.byProduct) {
    add({ productId, locationId: null }, demand, NETWORK, ctx.accountMarketplace);
  }
  const length = window.days + horizon;
  const range = { from: window.fromEpochDay, to: window.fromEpochDay + length };
  const regions = [...new Set(series.map((s) => s.region as Marketplace))];
  return {
    input: {
      series,
      calendar: {
        weekday: Int8Array.from({ length }, (_, t) => dayOfWeek(window.fromEpochDay + t)),
        events: Object.fromEntries(regions.map((r) => [r, dailyEventNames(r, range)])),
      },
      events: ctx.events.map((e) => catalogueEvent(e, window.fromEpochDay)),
    },
    keys,
  };
}

/**
 * One series of a catalogue input through the catalogue forecast of that input (index −1: no history).
 * With `pooled` (stored with the account's forecast run of the same day) the pooled effects, profiles
 * and yearly ratios are the whole catalogue's, so a SKU's forecast is its line of that run; without, they
 * are pooled over the input alone (docs/forecasting.md, "Catalogue forecast").
 */
export function forecastSeries(
  series: { input: CatalogueInput; index: number },
  a: { window: HistoryWindow; horizon: number; quantileLevels: readonly number[]; pooled?: CataloguePooled },
): DemandForecast {
  const options = { horizon: a.horizon, quantileLevels: a.quantileLevels };
  if (series.index < 0) {
    // No ledger history at all: the engine's rule for an empty history.
    return forecastDemand(new Float64Array(a.window.days).fill(Number.NaN), options);
  }
  return forecastPrepared(
    prepareSeries(planCatalogue(series.input, options, a.pooled), series.index),
    options,
  );
}
