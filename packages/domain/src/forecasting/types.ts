/** Types shared by the forecasting engine (docs/forecasting.md). All series are daily unless stated. */
import type { CatalogueSpanCalibration, SpanCheck } from './span-calibration';
import type { YearlyRatios } from './yearly';

/** Demand pattern class of Syntetos, Boylan & Croston (2005): ADI cut-off 1.32, CV² cut-off 0.49. */
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'none';

/**
 * Why a history could not be modelled. `null` means a model was fitted.
 * See `degenerateForecast` for the one rule that handles all of these.
 */
export type DegenerateReason = 'empty' | 'all-zero' | 'constant' | 'short' | 'no-data';

/** Names of the candidate models the engine can choose from. */
export type ModelName =
  | 'seasonal-naive'
  | 'ses'
  | 'holt-damped'
  | 'ses-weekly'
  | 'holt-damped-weekly'
  | 'croston'
  | 'sba'
  | 'tsb'
  | 'gbt';

/** A demand profile borrowed from similar SKUs (e.g. the category) for new or degenerate SKUs. */
export interface FallbackProfile {
  /** Average daily demand of comparable SKUs. */
  readonly dailyMean: number;
  /**
   * Multiplicative day-of-season shape (mean 1). `weekly[i]` applies to forecast days i, i + m, i + 2m…
   * (m = its length), so the caller rotates it to the weekday of the first forecast day.
   */
  readonly weekly?: readonly number[];
}

/** Optional known drivers of demand. */
export interface DemandRegressors {
  /**
   * Known multiplicative effect per day (events, SNAP days, price relative to the regular price…),
   * length `history.length + horizon`, values > 0 (1 = no effect). Typically from `pooledEffectMultipliers`.
   * The model is fitted to `history / multiplier` and its forecast is multiplied back.
   */
  readonly multiplier?: Float64Array;
  /**
   * The part of `multiplier` the seller stated (events' known lifts, planned price changes), same
   * length: a degenerate history (constant, short, new) has no model to carry `multiplier`, so its
   * forecast is multiplied by these over the horizon — the seller's plans hold for every SKU.
   */
  readonly knownLifts?: Float64Array;
  /**
   * The multiplier as it was known at each backtest origin (history indices): effects estimated on the
   * days before that origin only, each covering at least origin + the backtest horizon. A backtest
   * origin listed here fits its models to `history / multipliers[k]` and scales their forecast by it,
   * so data after the origin never reaches it (docs/forecasting.md, "Choice per SKU"); an origin not
   * listed uses `multiplier` (right when it is known in advance, e.g. a seller's stated lifts).
   */
  readonly atOrigins?: OriginMultipliers;
}

/** Per backtest origin, the multiplier known at it (`DemandRegressors.atOrigins`). */
export interface OriginMultipliers {
  readonly origins: Int32Array;
  readonly multipliers: readonly Float64Array[];
}

/**
 * Forecasts of one series by a model fitted across the catalogue (`catalogueGbtForecast`), on the
 * demand scale: from each backtest origin by a model fitted before it, and from the first forecast day.
 */
export interface PooledForecast {
  readonly name: ModelName;
  /** Backtest origins (history indices); `backtest[k]` forecasts from `origins[k]`. */
  readonly origins: Int32Array;
  readonly backtest: readonly Float64Array[];
  /** From the first forecast day, `horizon` days. */
  readonly forecast: Float64Array;
}

export interface ForecastOptions {
  /** Number of days to forecast (≥ 1). */
  readonly horizon: number;
  /** @default [0.5, 0.8, 0.9, 0.95, 0.99] */
  readonly quantileLevels?: readonly number[];
  /** @default 7 */
  readonly seasonLength?: number;
  readonly regressors?: DemandRegressors;
  readonly fallbackProfile?: FallbackProfile;
  /** A catalogue-wide model's forecasts, one more candidate of the backtest. */
  readonly pooled?: PooledForecast;
  /**
   * Yearly ratios of the series' category (`yearlyRatios`, origins as indices of `history`): every
   * candidate gets a yearly twin, chosen or not by the backtest.
   */
  readonly yearly?: YearlyRatios;
  /**
   * Restrict the candidate models (e.g. for speed or tests). Default: all models that fit the data.
   */
  readonly candidates?: readonly ModelName[];
  /**
   * 'select' keeps the best backtested model; 'combine' averages the best three (equal weights).
   * @default 'select'
   */
  readonly selection?: 'select' | 'combine';
  /**
   * Rolling-origin backtest: `origins` forecast origins `step` days apart, the last one
   * `min(horizon, 28)` days before the end. @default { origins: 4, step: 14 }
   */
  readonly backtest?: { readonly origins: number; readonly step: number };
}

export interface QuantileSeries {
  readonly level: number;
  readonly values: Float64Array;
}

/**
 * Count-data predictive distribution around `mean`: variance = `dispersion`·μ + `levelVariance`·μ²
 * (negative binomial when above μ, Poisson otherwise). `levelVariance` is a shared, fully
 * autocorrelated relative level error, so it adds up across days of a lead time.
 */
export interface DemandForecast {
  readonly model: string;
  readonly params: Record<string, number>;
  readonly demandClass: DemandClass;
  readonly degenerate: DegenerateReason | null;
  readonly mean: Float64Array;
  readonly quantiles: QuantileSeries[];
  readonly dispersion: number;
  readonly levelVariance: number;
  readonly backtest?: { readonly wape: number; readonly bias: number };
  /** The seller's overrides applied to it (`applyForecastOverrides`, docs/forecasting.md Overrides). */
  readonly overrides?: readonly AppliedOverride[];
  /** The planned price changes it includes (`priceChangeNotes`, docs/forecasting.md Price response). */
  readonly priceChanges?: readonly PriceChangeNote[];
  /** The honest checks of its span sums at its latest two backtest origins (`SpanCheck`, decision 36). */
  readonly spanChecks?: readonly SpanCheck[];
  /** The catalogue's calibration of span sums (`fitSpanCalibration`), used by `leadTimeDemandQuantiles`. */
  readonly spanCalibration?: CatalogueSpanCalibration;
}

/** A planned price change a forecast includes, as its reader sees it (dates inclusive): said in the restock reasoning. */
export interface PriceChangeNote {
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly priceFactor: number;
  readonly elasticity: number;
  /** priceFactor^elasticity: the forecast over those days is multiplied by it. */
  readonly demandMultiplier: number;
}

/** What a seller's override changed in one forecast: said in the restock reasoning and drawn on the chart. */
export interface AppliedOverride {
  readonly scope: 'sku' | 'category';
  readonly mode: 'scale' | 'replace';
  readonly value: number;
  readonly startsOn: string;
  readonly endsOn: string;
  /** Forecast days it decided. */
  readonly days: number;
}
