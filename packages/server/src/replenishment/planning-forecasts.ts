import type { Sql } from '@stockwise/db/database';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { forecastsRepository, type StoredForecast } from '@stockwise/db/forecasting/forecasts.repository';
import { overridesRepository } from '@stockwise/db/forecasting/overrides.repository';
import { applyToLocations, overridesOf } from '@stockwise/domain/forecasting/overrides';
import type { SourcedForecast } from '@stockwise/domain/replenishment/network-plan';
import { NETWORK_PLAN_RULES, rebaseForecast } from '@stockwise/domain/replenishment/network-plan';
import { historiesOf, historyWindow, loadDemandHistories } from '../forecasting/demand-histories';
import type { CatalogueContext } from '../forecasting/catalogue-input';
import {
  assembleCatalogueInput,
  catalogueContext,
  catalogueEvents,
  forecastSeries,
} from '../forecasting/catalogue-input';
import { withPriceChangeNotes } from '../forecasting/price-change-notes';
import { planningCalibrations, type PlanningCalibrations } from '../forecasting/span-calibrations';
import { timeSlices } from '../platform/event-loop';

/**
 * Forecasts per SKU × location: stored when current, else computed from the ledger by the same engine
 * once for all that need it (the one fallback, docs/formulas.md Planning position).
 */
export async function planningForecasts(
  sql: Sql,
  accountId: number,
  a: {
    asOf: string;
    products: readonly ProductRecord[];
    itemsOf: ReadonlyMap<number, ReadonlySet<number>>;
    stored: readonly StoredForecast[];
    /** `products` are some of the catalogue's (a re-plan of the SKUs a change touched). */
    some?: boolean | undefined;
  },
): Promise<Map<string, SourcedForecast>> {
  const stored = new Map(a.stored.map((f) => [`${f.productId}:${f.locationId ?? 'all'}`, f]));
  const calibrations = await planningCalibrations(sql, accountId, a.stored);
  const forecasts = new Map<string, SourcedForecast>();
  const window = historyWindow(a.asOf);
  const horizon = NETWORK_PLAN_RULES.forecastHorizon;
  const missing: string[] = [];
  for (const p of a.products) {
    for (const l of a.itemsOf.get(p.id) ?? []) {
      const s = stored.get(`${p.id}:${l}`);
      const f = rebaseForecast(s, { asOf: a.asOf });
      if (f && s) forecasts.set(`${p.id}:${l}`, { f: calibrations.stored(f, s), source: 'stored' });
      else missing.push(`${p.id}:${l}`);
    }
  }
  const events = await catalogueEvents(sql, accountId, { window, horizon });
  // The rest of the context (locations, price responses) only to compute a forecast or note a price change.
  if (missing.length > 0 || events.some((e) => e.priceFactor !== null)) {
    const ctx = await catalogueContext(sql, accountId, { window, horizon, products: a.products, events });
    if (missing.length > 0)
      await computeMissing(sql, accountId, { ...a, ctx, missing, forecasts, calibrations });
    // The planned price changes each forecast includes, for the reasoning (docs/forecasting.md Price response).
    withPriceChangeNotes(forecasts, { ctx, window, horizon, products: a.products });
  }
  // The seller's overrides, after the forecast (docs/forecasting.md Overrides).
  const overrides = await overridesRepository.listAll(sql, accountId);
  if (overrides.length === 0) return forecasts;
  for (const p of a.products) {
    const own = overridesOf(overrides, p);
    const keys = [...(a.itemsOf.get(p.id) ?? [])].map((l) => `${p.id}:${l}`);
    const list = keys.flatMap((k) => forecasts.get(k) ?? []);
    if (own.length === 0 || list.length !== keys.length) continue;
    const applied = applyToLocations(
      list.map((s) => s.f),
      own,
      { asOf: a.asOf },
    );
    for (const [i, k] of keys.entries()) forecasts.set(k, { f: applied[i]!, source: list[i]!.source });
  }
  return forecasts;
}

/**
 * Forecasts computed from the ledger for the positions without a current stored one: each SKU's
 * series through the catalogue forecast of that SKU, as GET /forecasts/{sku} computes it.
 */
async function computeMissing(
  sql: Sql,
  accountId: number,
  a: {
    asOf: string;
    some?: boolean | undefined;
    ctx: CatalogueContext;
    products: readonly ProductRecord[];
    missing: readonly string[];
    forecasts: Map<string, SourcedForecast>;
    calibrations: PlanningCalibrations;
  },
): Promise<void> {
  const window = historyWindow(a.asOf);
  const horizon = NETWORK_PLAN_RULES.forecastHorizon;
  const productOf = new Map(a.products.map((p) => [p.id, p]));
  // Thousands of new SKUs take seconds to forecast: the embedded server answers requests in between.
  const slices = timeSlices();
  const missingOf = new Map<number, number[]>();
  for (const key of a.missing) {
    await slices.pause();
    const [p, l] = key.split(':').map(Number) as [number, number];
    missingOf.set(p, [...(missingOf.get(p) ?? []), l]);
  }
  // Each SKU is forecast from its own history: read only those of the SKUs to compute.
  const some = a.some || missingOf.size < a.products.length ? [...missingOf.keys()] : undefined;
  const histories = await loadDemandHistories(sql, accountId, window, some);
  const own = historiesOf(histories);
  // The pooled effects of the day's forecast run: each SKU as its line of the run (decision 55).
  const pooled = await forecastsRepository.latestPooled(sql, accountId, a.asOf);
  for (const [productId, locationIds] of missingOf) {
    await slices.pause();
    const product = productOf.get(productId);
    if (!product) continue;
    const { input, keys } = assembleCatalogueInput(a.ctx, {
      window,
      horizon,
      products: [product],
      histories: own(productId),
    });
    for (const locationId of locationIds) {
      const index = keys.findIndex((k) => k.productId === productId && k.locationId === locationId);
      const f = await a.calibrations.computed(
        forecastSeries(
          { input, index },
          { window, horizon, quantileLevels: [0.5], ...(pooled ? { pooled } : {}) },
        ),
      );
      a.forecasts.set(`${productId}:${locationId}`, { f, source: 'computed' });
    }
  }
}
