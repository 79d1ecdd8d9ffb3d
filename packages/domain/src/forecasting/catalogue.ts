/**
 * The one forecasting entry point (docs/forecasting.md): a whole catalogue, or one SKU, from its
 * histories, prices, calendar and the seller's events. The nightly run, the on-demand forecast and
 * `bench:m5` all call it.
 */
import { backtestOriginsBefore } from './backtest';
import { restorePooled, type CataloguePooled } from './catalogue-pooled';
import { categoryProfile } from './category-profile';
import {
  DEFAULT_EFFECTS,
  catalogueFactors,
  knownLifts,
  type CatalogueCalendar,
  type CatalogueEvent,
  type CatalogueSeries,
  type EffectChoice,
} from './catalogue-factors';
import { BACKTEST, forecastDemand } from './forecast-demand';
import {
  catalogueGbtForecast,
  fitCatalogueGbt,
  type CatalogueGbt,
  type CatalogueGbtOptions,
} from './gbt/catalogue-gbt';
import { SPAN_CALIBRATION } from './lead-time-demand';
import { fitPooledEffects, pooledMultiplier, type EffectFactor } from './pooled-effects';
import { fitSpanCalibration, type CatalogueSpanCalibration, type SpanCheck } from './span-calibration';
import type {
  DemandForecast,
  FallbackProfile,
  ForecastOptions,
  OriginMultipliers,
  PooledForecast,
} from './types';
import { gatedYearlyAt, type YearlyRatios } from './yearly';

export interface CatalogueInput {
  /** Every history has the same length: the days before the first forecast day. */
  readonly series: readonly CatalogueSeries[];
  /** Covers history and horizon. */
  readonly calendar: CatalogueCalendar;
  readonly events?: readonly CatalogueEvent[];
}

/**
 * The catalogue's model choice: the best three candidates by honest backtest, averaged. With every
 * backtest refitted before its origin, on M5 (origin 1913) this scored WRMSSE 0.6737 against 0.6813
 * for the single best (docs/forecasting.md).
 */
export const CATALOGUE_SELECTION = 'combine' as const;

export interface CatalogueOptions extends Omit<ForecastOptions, 'regressors' | 'fallbackProfile' | 'yearly'> {
  /** @default DEFAULT_EFFECTS */
  readonly effects?: EffectChoice;
  /** Shrinkage pseudo-count of the pooled effects. @default 20 */
  readonly prior?: number;
  /** The pooled effects are fitted on the last `fitDays` days of history. @default 1092 */
  readonly fitDays?: number;
  /**
   * The catalogue-wide model (`fitCatalogueGbt`) as one more candidate per series, or false for
   * per-series models only. Off by default: on M5 origin 1913 it did not lower WRMSSE (0.6738 with
   * it, 0.6737 without) and its two fits cost ~7 s of CPU (docs/forecasting.md). @default false
   */
  readonly gbt?: CatalogueGbtOptions | false;
  /**
   * Yearly seasonality pooled by category (`yearlyRatios`): every candidate of a series whose category
   * has more than a year of history gets a yearly twin, chosen by the backtest. @default true
   */
  readonly yearly?: boolean;
}

/** The pooled part of a catalogue forecast, fitted once; each series is then forecast on its own. */
export interface CataloguePlan {
  readonly days: number;
  readonly horizon: number;
  readonly histories: readonly Float64Array[];
  readonly factors: readonly EffectFactor[];
  readonly effects: readonly Float64Array[];
  /**
   * The pooled effects as they were known at each backtest origin (history indices): refitted on the
   * days before it, so a backtest never sees the days it forecasts. Empty without pooled effects.
   */
  readonly atOrigins: readonly { readonly origin: number; readonly effects: readonly Float64Array[] }[];
  readonly series: readonly CatalogueSeries[];
  readonly events: readonly CatalogueEvent[];
  readonly profiles: ReadonlyMap<string, FallbackProfile>;
  /** Per category, when it has more than a year of history. */
  readonly yearly: ReadonlyMap<string, YearlyRatios>;
  readonly gbt: CatalogueGbt | null;
}

/** What one series' forecast needs: its (censored) history, effect multipliers and fallback profile. */
export interface PreparedSeries {
  readonly history: Float64Array;
  /** history.length + horizon multipliers (1 = no effect). */
  readonly multiplier: Float64Array;
  /** The seller's known lifts within `multiplier` (`knownLifts`), when any event applies. */
  readonly knownLifts?: Float64Array;
  /** The multiplier as known at each backtest origin (`CataloguePlan.atOrigins`). */
  readonly atOrigins?: OriginMultipliers;
  readonly fallbackProfile?: FallbackProfile;
  readonly pooled?: PooledForecast;
  readonly yearly?: YearlyRatios;
}

/** Days with a price series but no price are not listed: unknown demand, not zero demand. */
function censorUnlisted(s: CatalogueSeries): Float64Array {
  const y = s.history.slice();
  if (s.prices) for (let t = 0; t < y.length; t++) if (Number.isNaN(s.prices[t] ?? 0)) y[t] = NaN;
  return y;
}

function assertInput(input: CatalogueInput, horizon: number): number {
  const days = input.series[0]?.history.length ?? 0;
  for (const s of input.series) {
    if (s.history.length !== days) throw new RangeError('every history must have the same length');
  }
  if (input.calendar.weekday.length < days + horizon) {
    throw new RangeError('the calendar must cover history and horizon');
  }
  return days;
}

/**
 * Fits the pooled effects of a catalogue (`fitPooledEffects` over the factors of `options.effects`)
 * and each category's profile for SKUs too new to have a history (`categoryProfile`). Given the
 * pooled part of a catalogue (`stored`, from `pooledOf` on the whole catalogue's plan), fits nothing
 * and uses it: a series then gets the same forecast as in that catalogue.
 */
export function planCatalogue(
  input: CatalogueInput,
  options: CatalogueOptions,
  stored?: CataloguePooled,
): CataloguePlan {
  const horizon = options.horizon;
  const days = assertInput(input, horizon);
  const histories = input.series.map(censorUnlisted);
  const events = input.events ?? [];
  const factors = catalogueFactors({
    series: input.series,
    calendar: input.calendar,
    events,
    days: days + horizon,
    choice: options.effects ?? DEFAULT_EFFECTS,
  });
  if (stored) {
    // The catalogue's pooled part, fitted on the whole catalogue (a forecast run's): nothing is fitted.
    const pooled = restorePooled(stored, factors, { days, horizon });
    return { days, horizon, histories, factors, series: input.series, events, gbt: null, ...pooled };
  }
  const backtest = { ...(options.backtest ?? BACKTEST), horizon: Math.min(horizon, BACKTEST.maxHorizon) };
  const fit = (to: number): Float64Array[] =>
    fitPooledEffects({
      series: histories,
      factors,
      from: Math.max(0, to - (options.fitDays ?? 1092)),
      to,
      prior: options.prior ?? 20,
    });
  const effects = fit(days);
  // Honest backtests (docs/forecasting.md, "Choice per SKU"): each backtest origin's effects are
  // refitted on the days before it.
  const atOrigins =
    factors.length === 0
      ? []
      : backtestOriginsBefore(days, backtest).map((origin) => ({ origin, effects: fit(origin) }));
  const byCategory = new Map<string, Float64Array[]>();
  input.series.forEach((s, i) => {
    // Appended in place: a copy per series made this quadratic in a category's size.
    const list = byCategory.get(s.category) ?? [];
    if (list.length === 0) byCategory.set(s.category, list);
    list.push(histories[i]!);
  });
  const profiles = new Map<string, FallbackProfile>();
  for (const [category, list] of byCategory) {
    const profile = categoryProfile(list, {
      firstForecastWeekday: input.calendar.weekday[days] ?? 0,
      historyEndWeekday: input.calendar.weekday[days - 1] ?? 0,
    });
    if (profile) profiles.set(category, profile);
  }
  const gbtOptions = options.gbt ?? false;
  const yearly =
    options.yearly === false
      ? new Map<string, YearlyRatios>()
      : categoryYearly({
          series: input.series,
          histories,
          factors,
          fits: [{ origin: days, effects }, ...atOrigins],
          days,
          horizon,
          backtest,
        });
  const gbt =
    gbtOptions === false ? null : fitCatalogueGbt({ ...input, histories, horizon, backtest }, gbtOptions);
  return {
    days,
    horizon,
    histories,
    factors,
    effects,
    atOrigins,
    series: input.series,
    events,
    profiles,
    yearly,
    gbt,
  };
}

/**
 * Each category's yearly ratios at the backtest origins and the forecast origin, each kept where the
 * category's backtest before it says they held (`gatedYearlyAt`), from its series' histories with the
 * pooled effects divided out (the scale the models fit).
 */
function categoryYearly(input: {
  readonly series: readonly CatalogueSeries[];
  readonly histories: readonly Float64Array[];
  readonly factors: readonly EffectFactor[];
  /** The effects of the forecast origin (first), then of each backtest origin, fitted before it. */
  readonly fits: readonly { readonly origin: number; readonly effects: readonly Float64Array[] }[];
  readonly days: number;
  readonly horizon: number;
  readonly backtest: { readonly origins: number; readonly step: number; readonly horizon: number };
}): Map<string, YearlyRatios> {
  const { days, backtest, horizon } = input;
  // Per category, the histories before `origin` with `effects` divided out; one origin at a time.
  const adjusted = (
    origin: number,
    effects: readonly Float64Array[],
    categories?: ReadonlyMap<string, unknown>,
  ): Map<string, Float64Array[]> => {
    const byCategory = new Map<string, Float64Array[]>();
    input.series.forEach((s, i) => {
      if (categories && !categories.has(s.category)) return;
      const effect = pooledMultiplier({ factors: input.factors, effects, seriesIndex: i, length: origin });
      const history = input.histories[i]!;
      const out = new Float64Array(origin);
      for (let t = 0; t < origin; t++) out[t] = history[t]! / effect[t]!;
      const list = byCategory.get(s.category);
      if (list) list.push(out);
      else byCategory.set(s.category, [out]);
    });
    return byCategory;
  };
  const [final, ...atOrigins] = input.fits;
  const out = new Map<string, { origins: number[]; ratios: Float64Array[] }>();
  for (const [category, list] of adjusted(days, final!.effects)) {
    const ratios = gatedYearlyAt(list, { origin: days, horizon, backtest });
    if (ratios) out.set(category, { origins: [days], ratios: [ratios] });
  }
  for (const origin of out.size > 0 ? backtestOriginsBefore(days, backtest) : []) {
    const effects = atOrigins.find((f) => f.origin === origin)?.effects ?? final!.effects;
    for (const [category, list] of adjusted(origin, effects, out)) {
      const yearly = out.get(category);
      if (!yearly) continue;
      yearly.origins.push(origin);
      yearly.ratios.push(
        gatedYearlyAt(list, { origin, horizon, backtest }) ?? new Float64Array(horizon).fill(1),
      );
    }
  }
  return new Map(
    [...out].map(([category, y]) => [category, { origins: Int32Array.from(y.origins), ratios: y.ratios }]),
  );
}

/** Series `index` of a plan, ready for `forecastPrepared`. */
export function prepareSeries(plan: CataloguePlan, index: number): PreparedSeries {
  const length = plan.days + plan.horizon;
  const multiplier = pooledMultiplier({
    factors: plan.factors,
    effects: plan.effects,
    seriesIndex: index,
    length,
  });
  const series = plan.series[index]!;
  const lifts = knownLifts({ series, events: plan.events, days: length });
  if (lifts) for (let t = 0; t < length; t++) multiplier[t] = multiplier[t]! * lifts[t]!;
  const atOrigins =
    plan.atOrigins.length === 0
      ? undefined
      : {
          origins: Int32Array.from(plan.atOrigins, (f) => f.origin),
          multipliers: plan.atOrigins.map(({ origin, effects }) => {
            const to = origin + Math.min(plan.horizon, BACKTEST.maxHorizon);
            const m = pooledMultiplier({ factors: plan.factors, effects, seriesIndex: index, length: to });
            if (lifts) for (let t = 0; t < to; t++) m[t] = m[t]! * lifts[t]!;
            return m;
          }),
        };
  const profile = plan.profiles.get(series.category);
  const pooled = plan.gbt ? catalogueGbtForecast(plan.gbt, index) : undefined;
  const yearly = plan.yearly.get(series.category);
  return {
    history: plan.histories[index]!,
    multiplier,
    ...(lifts ? { knownLifts: lifts } : {}),
    ...(atOrigins ? { atOrigins } : {}),
    ...(profile ? { fallbackProfile: profile } : {}),
    ...(pooled ? { pooled } : {}),
    ...(yearly ? { yearly } : {}),
  };
}

/** One prepared series through `forecastDemand`, its effects as known multipliers. */
export function forecastPrepared(prepared: PreparedSeries, options: CatalogueOptions): DemandForecast {
  const {
    effects: _effects,
    prior: _prior,
    fitDays: _fitDays,
    gbt: _gbt,
    yearly: _yearly,
    ...rest
  } = options;
  return forecastDemand(prepared.history, {
    selection: CATALOGUE_SELECTION,
    ...rest,
    regressors: {
      multiplier: prepared.multiplier,
      ...(prepared.knownLifts ? { knownLifts: prepared.knownLifts } : {}),
      ...(prepared.atOrigins ? { atOrigins: prepared.atOrigins } : {}),
    },
    ...(prepared.fallbackProfile ? { fallbackProfile: prepared.fallbackProfile } : {}),
    ...(prepared.pooled ? { pooled: prepared.pooled } : {}),
    ...(prepared.yearly ? { yearly: prepared.yearly } : {}),
  });
}

/**
 * Catalogue forecast (docs/forecasting.md): pooled weekday, event, pay-day and price effects
 * estimated across all series (Poisson log-linear, `fitPooledEffects`), seller events with a known
 * lift applied as given, then each series' model chosen by backtest on the history with the
 * effects divided out (`forecastDemand`). Returns one forecast per series, in input order.
 *
 * @example
 * const [f] = forecastCatalogue({ series: [{ sku, history, category, location: 'US', region: 'US' }],
 *   calendar: { weekday } }, { horizon: 28 });
 */
export function forecastCatalogue(input: CatalogueInput, options: CatalogueOptions): DemandForecast[] {
  const plan = planCatalogue(input, options);
  return calibrateCatalogue(input.series.map((_, i) => forecastPrepared(prepareSeries(plan, i), options)));
}

/**
 * The third stage: the catalogue's calibration of span sums from every series' honest span check
 * (`fitSpanCalibration`, decision 36), attached to each forecast for `leadTimeDemandQuantiles`.
 */
export function calibrateCatalogue(forecasts: readonly DemandForecast[]): DemandForecast[] {
  const calibration = catalogueSpanCalibration(forecasts.flatMap((f) => f.spanChecks ?? []));
  return calibration ? forecasts.map((f) => ({ ...f, spanCalibration: calibration })) : [...forecasts];
}

/** The span calibration of a catalogue from its series' span checks, on the default span shape. */
export function catalogueSpanCalibration(
  checks: readonly (SpanCheck | undefined)[],
): CatalogueSpanCalibration | null {
  return fitSpanCalibration(checks, SPAN_CALIBRATION);
}
