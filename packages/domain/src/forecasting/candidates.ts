import { crostonRate } from './croston';
import { etsFilter, etsForecast } from './ets';
import { fitEts, type FittedEts } from './fit-ets';
import { seasonalNaive } from './seasonal-naive';
import { tsbRate } from './tsb';
import type { ModelName, PooledForecast } from './types';
import { YEARLY_RULES, type YearlyRatios } from './yearly';

/** A candidate fitted on the whole history, and refitted on the data before any backtest origin. */
export interface CandidateModel {
  readonly name: ModelName;
  /** Multiplied by its category's yearly ratios (`withYearly`). */
  readonly yearly?: boolean;
  readonly params: Record<string, number>;
  /** Forecast from `end` with the parameters fitted on all of y (states run on y[0..end)). */
  forecastAt(end: number, horizon: number): Float64Array;
  /**
   * Honest backtest forecast from `end`: parameters and states from y[0..end) only, so data on or
   * after `end` can never change it (docs/forecasting.md, "Choice per SKU").
   */
  backtestAt(end: number, horizon: number): Float64Array;
}

export interface CandidateOptions {
  readonly seasonLength: number;
  /** Days used to fit ETS parameters. @default 252 (36 weeks: on M5 as accurate as 52 or 104 weeks, and faster) */
  readonly fitWindow?: number;
}

const constant = (value: number, horizon: number): Float64Array => new Float64Array(horizon).fill(value);

/**
 * Fits one candidate on the whole (adjusted) history. Models without fitted parameters (seasonal
 * naive, Croston/SBA and TSB at fixed constants) read y[0..end) only, so their backtest forecast is
 * their forecast; ETS models refit their parameters on y[0..end) for a backtest origin. An ETS fit on
 * the whole history runs only when its forecast or parameters are first asked for: a candidate the
 * backtest does not choose never needs it (decision 44).
 */
export function fitCandidate(name: ModelName, y: Float64Array, options: CandidateOptions): CandidateModel {
  const model = fitOnce(name, y, options);
  return {
    name,
    get params() {
      return model.params;
    },
    forecastAt: model.forecastAt,
    backtestAt: model.refits
      ? (end, horizon) => fitOnce(name, y.subarray(0, end), options).forecastAt(end, horizon)
      : model.forecastAt,
  };
}

function fitOnce(
  name: ModelName,
  y: Float64Array,
  options: CandidateOptions,
): Omit<CandidateModel, 'backtestAt'> & { refits?: boolean } {
  const m = options.seasonLength;
  switch (name) {
    case 'seasonal-naive':
      return {
        name,
        params: { seasonLength: m },
        forecastAt: (end, horizon) => seasonalNaive(y, { horizon, seasonLength: m, end }),
      };
    case 'croston':
    case 'sba':
      return {
        name,
        params: { alpha: 0.1 },
        forecastAt: (end, horizon) => constant(crostonRate(y, { alpha: 0.1, variant: name, end }), horizon),
      };
    case 'tsb':
      return {
        name,
        params: { alpha: 0.1, beta: 0.05 },
        forecastAt: (end, horizon) => constant(tsbRate(y, { alpha: 0.1, beta: 0.05, end }), horizon),
      };
    case 'gbt':
      throw new RangeError('gbt is fitted across the catalogue: pass its forecasts as `pooled`');
    case 'ses':
    case 'holt-damped':
    case 'ses-weekly':
    case 'holt-damped-weekly': {
      const trend = name === 'holt-damped' || name === 'holt-damped-weekly';
      const seasonLength = name === 'ses-weekly' || name === 'holt-damped-weekly' ? m : 0;
      let fitted: FittedEts | undefined;
      const fit = (): FittedEts =>
        (fitted ??= fitEts(y, { trend, seasonLength, fitWindow: options.fitWindow ?? 252 }));
      return {
        name,
        get params(): Record<string, number> {
          const { alpha, beta, gamma, phi } = fit().params;
          return trend
            ? seasonLength > 0
              ? { alpha, beta, gamma, phi }
              : { alpha, beta, phi }
            : seasonLength > 0
              ? { alpha, gamma }
              : { alpha };
        },
        refits: true,
        forecastAt: (end, horizon) => {
          const { params, init, from } = fit();
          // Backtest origins lie inside the fit window, so states start where the fit started.
          const run = etsFilter(y, { params, init, trend, from, to: Math.max(end, from) });
          return etsForecast({ state: run.state, phi: params.phi, trend, start: end, horizon });
        },
      };
    }
  }
}

/**
 * A catalogue-wide model's forecasts as a candidate on the adjusted scale of `forecastDemand`
 * (`start`: the first sale, `multiplier(t)`: the known effect of adjusted day t). Its backtest
 * forecasts come from a model fitted before the origins, so they are honest; null when they do not
 * cover every backtest origin and the horizon.
 */
export function pooledCandidate(
  pooled: PooledForecast,
  at: { readonly start: number; readonly origins: readonly number[]; readonly horizon: number },
  multiplier: (t: number) => number,
): CandidateModel | null {
  const index = (end: number): number => pooled.origins.indexOf(at.start + end);
  if (pooled.forecast.length < at.horizon || at.origins.some((end) => index(end) < 0)) return null;
  const adjusted = (values: Float64Array, end: number, horizon: number): Float64Array =>
    Float64Array.from({ length: horizon }, (_, h) => values[h]! / multiplier(end + h));
  return {
    name: pooled.name,
    params: {},
    forecastAt: (end, horizon) => adjusted(pooled.forecast, end, horizon),
    backtestAt: (end, horizon) => adjusted(pooled.backtest[index(end)]!, end, horizon),
  };
}

/** How a candidate is named in the stored forecast: `ses-weekly`, or `ses-weekly/yearly` for its yearly twin. */
export function candidateLabel(model: CandidateModel): string {
  return model.yearly ? `${model.name}/yearly` : model.name;
}

/**
 * The yearly twin of a candidate (docs/forecasting.md, "Yearly seasonality"): its forecast from each
 * origin multiplied by the yearly ratios of that origin, which read only days before it, so the twin's
 * backtest stays honest. `start` is the first sale (forecastDemand's day 0 as a history index); null
 * when the ratios do not cover every backtest origin, the forecast origin and the horizon.
 */
export function withYearly(
  base: CandidateModel,
  yearly: YearlyRatios,
  at: {
    readonly start: number;
    readonly origins: readonly number[];
    readonly n: number;
    readonly horizon: number;
  },
): CandidateModel | null {
  const ratiosAt = (end: number): Float64Array | undefined =>
    yearly.ratios[yearly.origins.indexOf(at.start + end)];
  const final = ratiosAt(at.n);
  if (!final || final.length < at.horizon) return null;
  if (at.origins.some((end) => (ratiosAt(end)?.length ?? 0) < Math.min(at.horizon, 28))) return null;
  const times = (f: Float64Array, end: number): Float64Array => {
    const r = ratiosAt(end);
    if (r) for (let h = 0; h < f.length; h++) f[h] = f[h]! * (r[h] ?? r[r.length - 1]!);
    return f;
  };
  return {
    name: base.name,
    yearly: true,
    get params() {
      return { ...base.params, yearlyWeight: YEARLY_RULES.weight };
    },
    forecastAt: (end, horizon) => times(base.forecastAt(end, horizon), end),
    backtestAt: (end, horizon) => times(base.backtestAt(end, horizon), end),
  };
}

/**
 * Caches a candidate's forecasts by origin and horizon (ETS refits per backtest origin are the cost of
 * a forecast); returns copies, since callers scale them in place.
 */
export function memoised(model: CandidateModel): CandidateModel {
  const cache = new Map<string, Float64Array>();
  const remember =
    (kind: string, run: (end: number, horizon: number) => Float64Array) =>
    (end: number, horizon: number): Float64Array => {
      const key = `${kind}:${String(end)}:${String(horizon)}`;
      let f = cache.get(key);
      if (!f) {
        f = run(end, horizon);
        cache.set(key, f);
      }
      return f.slice();
    };
  return {
    name: model.name,
    ...(model.yearly ? { yearly: model.yearly } : {}),
    // A getter, not a copy: reading the parameters may fit the model (`fitCandidate`).
    get params() {
      return model.params;
    },
    forecastAt: remember('f', (end, horizon) => model.forecastAt(end, horizon)),
    backtestAt: remember('b', (end, horizon) => model.backtestAt(end, horizon)),
  };
}
