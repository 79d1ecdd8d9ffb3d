import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { DomainError } from '@stockwise/domain/errors';
import type { DemandForecast } from '@stockwise/domain/forecasting/types';
import type { SpanCheck } from '@stockwise/domain/forecasting/span-calibration';
import {
  catalogueSpanCalibration,
  forecastPrepared,
  planCatalogue,
  prepareSeries,
  type CatalogueInput,
} from '@stockwise/domain/forecasting/catalogue';
import { pooledOf } from '@stockwise/domain/forecasting/catalogue-pooled';
import { priceChangeNotes } from '@stockwise/domain/forecasting/planned-prices';
import { overridesRepository } from '@stockwise/db/forecasting/overrides.repository';
import { applyForecastOverrides, demandShare, overridesOf } from '@stockwise/domain/forecasting/overrides';
import { rebaseForecast } from '@stockwise/domain/replenishment/network-plan';
import type { ForecastInsert, StoredForecast } from '@stockwise/db/forecasting/forecasts.repository';
import { forecastsRepository } from '@stockwise/db/forecasting/forecasts.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { keyOf, PlanningVersionCache } from '../platform/versioned-cache';
import type { HistoryWindow, ItemHistories } from './demand-histories';
import { historyDates, historyWindow, loadDemandHistories } from './demand-histories';
import { catalogueInput, forecastSeries } from './catalogue-input';
import { currentForecasts } from './current-forecasts';
import { forecastAccuracy } from './forecast-accuracy';

export const DEFAULT_HORIZON = 90;
const MAX_HORIZON = 365;
type Accuracy = Awaited<ReturnType<typeof forecastAccuracy>>;
const LEVELS = [0.5, 0.8, 0.9, 0.95, 0.99] as const;

/** Today's date in UTC: the first forecast day. The only place forecasting reads the clock. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

export interface ForecastPoint {
  date: string;
  mean: number;
  q50: number;
  q80: number;
  q90: number;
  q95: number;
  q99: number;
}

function toPoints(
  f: { mean: ArrayLike<number>; quantiles: { level: number; values: ArrayLike<number> }[] },
  asOf: string,
  horizon: number,
): ForecastPoint[] {
  const start = parseIsoDate(asOf);
  const q = (level: number, h: number) =>
    f.quantiles.find((x) => Math.abs(x.level - level) < 1e-9)?.values[h] ?? 0;
  return Array.from({ length: Math.min(horizon, f.mean.length) }, (_, h) => ({
    date: isoDate(start + h),
    mean: Math.round(f.mean[h]! * 1000) / 1000,
    q50: q(0.5, h),
    q80: q(0.8, h),
    q90: q(0.9, h),
    q95: q(0.95, h),
    q99: q(0.99, h),
  }));
}

function toInsert(
  f: DemandForecast,
  key: { productId: number; locationId: number | null; asOf: string; runId: number | null; horizon: number },
): ForecastInsert {
  return {
    ...key,
    model: f.model,
    params: f.params,
    demandClass: f.demandClass,
    degenerate: f.degenerate,
    mean: [...f.mean],
    quantiles: f.quantiles.map((q) => ({ level: q.level, values: [...q.values] })),
    dispersion: f.dispersion,
    levelVariance: f.levelVariance,
    backtest: f.backtest ?? null,
  };
}

/**
 * The planned price changes (seller events with a price factor) applied to a series over its
 * horizon, with the elasticity and demand multiplier used (docs/forecasting.md, "Price response").
 */
function priceChangesOf(
  series: { input: CatalogueInput; index: number },
  a: { window: HistoryWindow; horizon: number },
) {
  const s = series.input.series[series.index];
  if (!s) return [];
  return priceChangeNotes(s, series.input.events ?? [], {
    fromEpochDay: a.window.fromEpochDay,
    from: a.window.days,
    to: a.window.days + a.horizon,
  });
}

/** Forecasts demand per SKU × location and per SKU from the ledger, stores runs, tracks accuracy. */
export class ForecastService {
  /** Accuracy answers per planning version: shared, read by callers, never changed. */
  private readonly accuracies: PlanningVersionCache<Accuracy>;

  constructor(private readonly tx: Transactor) {
    this.accuracies = new PlanningVersionCache(tx, { persistAs: 'forecast-accuracy' });
  }

  /** Forecasts every SKU (each location it sells at, and its total) and stores the run. */
  async run(
    actor: Actor,
    options: {
      horizon?: number;
      asOf?: string;
      jobId?: number | null;
      onProgress?: (fraction: number, message: string) => Promise<void>;
    },
  ): Promise<{ runId: number; series: number; asOf: string; models: Record<string, number> }> {
    requirePermission(actor, 'inventory:write');
    const horizon = options.horizon ?? DEFAULT_HORIZON;
    const asOf = options.asOf ?? todayUtc();
    const window = historyWindow(asOf);
    const sql = this.tx.sql;
    // The run's forecasts count as made when it read the ledger and the seller's events, by the clock
    // the events' changes are stamped with.
    const readAt = await forecastsRepository.databaseNow(sql);
    const products = await productsRepository.listAll(this.tx.sql, actor.accountId);
    const histories = await loadDemandHistories(sql, actor.accountId, window);
    const { input, keys } = await catalogueInput(sql, actor.accountId, {
      window,
      horizon,
      products,
      histories,
    });
    const forecastOptions = { horizon, quantileLevels: LEVELS };
    const plan = planCatalogue(input, forecastOptions);
    const runId = await forecastsRepository.createRun(sql, {
      accountId: actor.accountId,
      jobId: options.jobId ?? null,
      asOf,
      horizon,
    });
    const models: Record<string, number> = {};
    // Every series' honest span checks: the run's calibration of span sums, as `forecastCatalogue` fits it.
    const checks: SpanCheck[] = [];
    let batch: ForecastInsert[] = [];
    for (const [i, key] of keys.entries()) {
      const f = forecastPrepared(prepareSeries(plan, i), forecastOptions);
      checks.push(...(f.spanChecks ?? []));
      models[f.model] = (models[f.model] ?? 0) + 1;
      batch.push(toInsert(f, { ...key, asOf, runId, horizon }));
      if (batch.length >= 200 || i === keys.length - 1) {
        await forecastsRepository.insertMany(sql, actor.accountId, batch, readAt);
        batch = [];
        await options.onProgress?.(
          (i + 1) / keys.length,
          `${String(i + 1)} of ${String(keys.length)} series`,
        );
      }
    }
    // Stored with the run: planning reads it with these forecasts (decision 40).
    const calibration = catalogueSpanCalibration(checks);
    // And its pooled part: a SKU's forecast computed on the run's day is its line of the run (decision 55).
    await forecastsRepository.finishRun(sql, actor.accountId, runId, {
      seriesCount: keys.length,
      spanCalibration: calibration,
      pooled: pooledOf(plan),
    });
    return { runId, series: keys.length, asOf, models };
  }

  /**
   * The forecast of one SKU (at one location, or over all): the stored one from the latest run when
   * it is current and long enough, else computed now from the ledger. Includes the history it saw.
   */
  async get(
    actor: Actor,
    sku: string,
    options: {
      location?: string | undefined;
      horizon?: number;
      historyDays?: number;
      asOf?: string | undefined;
    },
  ) {
    const horizon = Math.min(MAX_HORIZON, options.horizon ?? DEFAULT_HORIZON);
    const product = await productsRepository.findBySku(this.tx.sql, actor.accountId, sku);
    if (!product) throw new DomainError('UNKNOWN_SKU', `unknown SKU ${sku}`, { field: 'sku' });
    let locationId: number | null = null;
    if (options.location) {
      const location = await locationsRepository.findByCode(this.tx.sql, actor.accountId, options.location);
      if (!location)
        throw new DomainError('UNKNOWN_LOCATION', `unknown location ${options.location}`, {
          field: 'location',
        });
      locationId = location.id;
    }
    const asOf = options.asOf ?? todayUtc();
    const window = historyWindow(asOf);
    const histories = await loadDemandHistories(this.tx.sql, actor.accountId, window, [product.id]);
    const demand =
      locationId === null
        ? histories.byProduct.get(product.id)
        : histories.byItem.get(`${product.id}:${locationId}`)?.demand;
    const history = demand ?? new Float64Array(window.days).fill(Number.NaN);
    const series = await this.seriesInput(actor, { product, locationId, window, horizon, histories });
    const stored = await forecastsRepository.latest(this.tx.sql, actor.accountId, {
      productId: product.id,
      locationId,
    });
    // A stored forecast made before an event applying to the SKU changed does not reflect it.
    const current =
      stored &&
      (await currentForecasts(this.tx.sql, actor.accountId, { stored: [stored], catalogue: [product] }))[0];
    let source: 'stored' | 'computed';
    let forecast: Pick<
      StoredForecast,
      'model' | 'params' | 'demandClass' | 'degenerate' | 'backtest' | 'dispersion' | 'levelVariance'
    > & {
      asOf: string;
      mean: ArrayLike<number>;
      quantiles: { level: number; values: ArrayLike<number> }[];
    };
    if (current && current.asOf === asOf && current.horizon >= horizon) {
      source = 'stored';
      forecast = current;
    } else {
      source = 'computed';
      const pooled = await forecastsRepository.latestPooled(this.tx.sql, actor.accountId, asOf);
      const f = forecastSeries(series, {
        window,
        horizon,
        quantileLevels: LEVELS,
        ...(pooled ? { pooled } : {}),
      });
      forecast = { ...f, asOf, backtest: f.backtest ?? null };
    }
    const overridden = await this.withOverrides(actor, { product, locationId, asOf, forecast });
    const historyDays = Math.min(window.days, options.historyDays ?? 365);
    const dates = historyDates(window);
    return {
      sku,
      location: options.location ?? null,
      asOf,
      source,
      model: forecast.model,
      params: forecast.params,
      demandClass: forecast.demandClass,
      degenerate: forecast.degenerate,
      backtest: forecast.backtest,
      history: dates.slice(-historyDays).map((date, i) => {
        const v = history[window.days - historyDays + i]!;
        return { date, units: Number.isNaN(v) ? null : v, censored: Number.isNaN(v) };
      }),
      forecast: toPoints(overridden, asOf, horizon),
      overrides: [...(overridden.overrides ?? [])],
      priceChanges: priceChangesOf(series, { window, horizon }),
    };
  }

  /**
   * The seller's overrides applied after the forecast (docs/forecasting.md Overrides); at one location
   * a replacement is its share of the SKU's demand by the latest stored forecasts of its locations.
   */
  private async withOverrides(
    actor: Actor,
    a: {
      product: ProductRecord;
      locationId: number | null;
      asOf: string;
      forecast: {
        mean: ArrayLike<number>;
        quantiles: { level: number; values: ArrayLike<number> }[];
        dispersion: number;
        levelVariance: number;
      };
    },
  ): Promise<DemandForecast> {
    const f: DemandForecast = {
      model: '',
      params: {},
      demandClass: 'none',
      degenerate: null,
      mean: Float64Array.from(a.forecast.mean),
      quantiles: a.forecast.quantiles.map((q) => ({ level: q.level, values: Float64Array.from(q.values) })),
      dispersion: a.forecast.dispersion,
      levelVariance: a.forecast.levelVariance,
    };
    const own = overridesOf(
      await overridesRepository.forProduct(this.tx.sql, actor.accountId, a.product),
      a.product,
    );
    if (own.length === 0) return f;
    let share = 1;
    if (a.locationId !== null) {
      const others = (await forecastsRepository.latestOfProduct(this.tx.sql, actor.accountId, a.product.id))
        .filter((s) => s.locationId !== null && s.locationId !== a.locationId)
        .flatMap((s) => rebaseForecast(s, { asOf: a.asOf })?.mean ?? []);
      share = demandShare(f.mean, [f.mean, ...others], { asOf: a.asOf, overrides: own });
    }
    return applyForecastOverrides(f, own, { asOf: a.asOf, share });
  }

  /** The catalogue input of one SKU's series (at a location or over all) and its index there (−1: no history). */
  private async seriesInput(
    actor: Actor,
    a: {
      product: ProductRecord;
      locationId: number | null;
      window: HistoryWindow;
      horizon: number;
      histories: ItemHistories;
    },
  ): Promise<{ input: CatalogueInput; index: number }> {
    const { input, keys } = await catalogueInput(this.tx.sql, actor.accountId, {
      window: a.window,
      horizon: a.horizon,
      products: [a.product],
      histories: a.histories,
    });
    const index = keys.findIndex((k) => k.productId === a.product.id && k.locationId === a.locationId);
    return { input, index };
  }

  /**
   * Accuracy of stored forecasts once actuals arrived, against the seasonal-naive baseline
   * (`forecastAccuracy`).
   */
  async accuracy(actor: Actor, options: { windowDays?: number; sinceDays?: number } = {}): Promise<Accuracy> {
    requirePermission(actor, 'read');
    // it reads only stored forecasts, the ledger and the catalogue, all under the planning version
    const query = { ...options, asOf: todayUtc() };
    return this.accuracies.get(actor.accountId, keyOf(actor.accountId, 'accuracy', query), () =>
      forecastAccuracy(this.tx.sql, actor.accountId, query),
    );
  }
}
