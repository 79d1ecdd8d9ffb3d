import { backtestOrigins, scoreWindows, type BacktestWindow } from './backtest';
import {
  candidateLabel,
  fitCandidate,
  memoised,
  pooledCandidate,
  withYearly,
  type CandidateModel,
} from './candidates';
import { classifyDemand } from './classify-demand';
import { countQuantiles } from './count-quantiles';
import { degenerateForecast, degenerateReason, summariseHistory } from './degenerate';
import { estimateDispersion } from './dispersion';
import { SPAN_CALIBRATION_RULES, type SpanCheck } from './span-calibration';
import { profileMean, youngProfileWeight } from './young';
import type { DemandForecast, ForecastOptions, ModelName } from './types';

export const DEFAULT_QUANTILE_LEVELS: readonly number[] = [0.5, 0.8, 0.9, 0.95, 0.99];

/**
 * Default candidates. Given `yearly` ratios (a category with more than a year of history), each also
 * has a yearly twin, and the backtest chooses (docs/forecasting.md, "Yearly seasonality").
 */
export const DEFAULT_MODELS: readonly ModelName[] = [
  'seasonal-naive',
  'ses',
  'holt-damped',
  'ses-weekly',
  'holt-damped-weekly',
  'croston',
  'sba',
  'tsb',
];

/** Backtest: up to 4 origins two weeks apart, each forecasting up to 28 days. */
export const BACKTEST = { origins: 4, step: 14, maxHorizon: 28 };

function assertOptions(options: ForecastOptions): void {
  if (!Number.isInteger(options.horizon) || options.horizon < 1)
    throw new RangeError('horizon must be an integer ≥ 1');
  const m = options.seasonLength ?? 7;
  if (!Number.isInteger(m) || m < 1) throw new RangeError('seasonLength must be an integer ≥ 1');
  for (const l of options.quantileLevels ?? []) {
    if (!(l > 0 && l < 1)) throw new RangeError(`quantile level ${l} is not in (0, 1)`);
  }
}

/**
 * Daily demand forecast with quantiles for one SKU (docs/forecasting.md).
 *
 * 1. Degenerate histories follow the single rule of `degenerateForecast` (tagged in `degenerate`).
 * 2. Days before the first sale are pre-launch and dropped; NaN days are censored (stock-outs) and
 *    are skipped by every model, never read as zero.
 * 3. Known multiplicative effects (`regressors.multiplier`) are divided out before fitting and
 *    multiplied back onto the forecast.
 * 4. Candidates (seasonal naive; ETS level / damped trend, with or without additive weekly
 *    seasonality, Hyndman et al. 2008; Croston 1972; SBA, Syntetos–Boylan 2005; TSB,
 *    Teunter–Syntetos–Babai 2011), and with `yearly` ratios each one's yearly twin, are compared by
 *    MSE in a rolling-origin backtest; the best is kept, or the best three are averaged with
 *    `selection: 'combine'`.
 * 5. Quantiles are negative binomial around the mean with dispersion and level variance estimated
 *    from the backtest errors (see `estimateDispersion`); they are ordered, integer and ≥ 0.
 *
 * @example
 * const f = forecastDemand(history, { horizon: 28 });
 * leadTimeDemandQuantiles(f, { days: 10, levels: [0.95] });
 */
export function forecastDemand(history: Float64Array, options: ForecastOptions): DemandForecast {
  assertOptions(options);
  const m = options.seasonLength ?? 7;
  const horizon = options.horizon;
  const levels = options.quantileLevels ?? DEFAULT_QUANTILE_LEVELS;
  const multiplier = options.regressors?.multiplier;
  if (multiplier !== undefined && multiplier.length < history.length + horizon) {
    throw new RangeError('regressors.multiplier must cover history and horizon');
  }
  const reason = degenerateReason(history, m);
  if (reason !== null) {
    return degenerateForecast(history, {
      reason,
      horizon,
      seasonLength: m,
      quantileLevels: levels,
      ...(options.fallbackProfile ? { fallbackProfile: options.fallbackProfile } : {}),
      ...(options.regressors?.knownLifts
        ? { lifts: options.regressors.knownLifts.subarray(history.length, history.length + horizon) }
        : {}),
    });
  }
  const start = summariseHistory(history).firstSale;
  const n = history.length - start;
  const mult = multiplierOf(multiplier, start);
  const raw = history.subarray(start);
  const y = adjusted(raw, mult, n);

  const demandClass = classifyDemand(raw).demandClass;
  const btHorizon = Math.min(horizon, BACKTEST.maxHorizon);
  const bt = options.backtest ?? BACKTEST;
  const origins = backtestOrigins(n, {
    horizon: btHorizon,
    origins: bt.origins,
    step: bt.step,
    minTrain: 2 * m,
  });
  // Seasonal models need three seasons besides the backtest.
  const names = (options.candidates ?? DEFAULT_MODELS).filter((name) =>
    name === 'gbt' ? false : !name.includes('weekly') || n >= 3 * m + btHorizon,
  );
  const { models, backtestOf, multAt } = candidates(options, { raw, y, start, origins, names, by: mult });
  const windowsOf = (forecastAt: (end: number, h: number) => Float64Array): BacktestWindow[] =>
    origins.map((end) => {
      const f = forecastAt(end, btHorizon);
      const by = multAt(end);
      for (let h = 0; h < btHorizon; h++) f[h] = Math.max(0, f[h]! * by(end + h));
      return { end, actual: raw.subarray(end, end + btHorizon), forecast: f };
    });
  const scored = models
    .map((model, index) => ({ model, index, windows: windowsOf((e, h) => backtestOf(index, e, h)) }))
    .map((r) => ({ ...r, score: scoreWindows(r.windows) }))
    // Stable sort: on a tie the plain model (listed first) beats its yearly twin.
    .sort((a, b) => a.score.mse - b.score.mse);

  const fallbackName: ModelName = demandClass === 'intermittent' || demandClass === 'lumpy' ? 'sba' : 'ses';
  const top =
    origins.length === 0
      ? [scored.find((r) => r.model.name === fallbackName) ?? scored[0]!]
      : options.selection === 'combine'
        ? scored.slice(0, 3)
        : scored.slice(0, 1);
  const combined = (end: number, h: number, backtest: boolean): Float64Array => {
    const out = new Float64Array(h);
    for (const r of top) {
      const f = backtest ? backtestOf(r.index, end, h) : r.model.forecastAt(end, h);
      for (let i = 0; i < h; i++) out[i] = out[i]! + f[i]! / top.length;
    }
    return out;
  };
  const windows = top.length === 1 ? top[0]!.windows : windowsOf((e, h) => combined(e, h, true));
  const spanChecks = [0, 1]
    .map((k) => honestSpanCheck(scored, top.length, k))
    .filter((c): c is SpanCheck => c !== undefined);
  const score = scoreWindows(windows);
  const errors = estimateDispersion(windows);

  const mean = combined(n, horizon, false);
  // A young SKU goes on blending with its category's profile, with the level uncertainty of the
  // degenerate rule, so neither the mean nor the intervals jump when a model takes over. The blend
  // is on the adjusted scale: known effects (a seller's lift, the pooled weekday shape, which then
  // replaces the profile's own) apply to all of it.
  const profile = options.fallbackProfile;
  const weight =
    profile && Number.isFinite(profile.dailyMean) && profile.dailyMean >= 0
      ? youngProfileWeight(summariseHistory(history).observedSinceFirstSale, m)
      : 0;
  if (profile && weight > 0) {
    const shaped = multiplier === undefined ? profile : { dailyMean: profile.dailyMean };
    for (let h = 0; h < horizon; h++) mean[h] = (1 - weight) * mean[h]! + weight * profileMean(shaped, h);
  }
  for (let h = 0; h < horizon; h++) mean[h] = Math.max(0, mean[h]! * mult(n + h));
  const levelVariance = Math.max(errors.levelVariance, 0.5 * weight);
  const { dispersion } = errors;
  const quantiles = levels.map((level) => ({ level, values: new Float64Array(horizon) }));
  for (let h = 0; h < horizon; h++) {
    const mu = mean[h]!;
    const q = countQuantiles(mu, dispersion * mu + levelVariance * mu * mu, levels);
    quantiles.forEach((qs, i) => (qs.values[h] = q[i]!));
  }
  const params: Record<string, number> = top.length === 1 ? { ...top[0]!.model.params } : {};
  return {
    model: top.map((r) => candidateLabel(r.model)).join('+'),
    params,
    demandClass,
    degenerate: null,
    mean,
    quantiles,
    dispersion,
    levelVariance,
    ...(origins.length > 0 ? { backtest: { wape: score.wape, bias: score.bias } } : {}),
    ...(spanChecks.length > 0 ? { spanChecks } : {}),
  };
}

/** Day t after the first sale (`start`) of a known multiplier: 1 where absent or not a positive number. */
function multiplierOf(values: Float64Array | undefined, start: number): (t: number) => number {
  return (t) => {
    const v = values?.[start + t] ?? 1;
    return v > 0 && Number.isFinite(v) ? v : 1;
  };
}

/** The first `length` days of `raw` with a multiplier divided out: the scale the models fit. */
function adjusted(raw: Float64Array, by: (t: number) => number, length: number): Float64Array {
  const out = new Float64Array(length);
  for (let t = 0; t < length; t++) out[t] = raw[t]! / by(t);
  return out;
}

/**
 * The candidates of a series fitted on its adjusted history `y` (with their yearly twins and the pooled
 * model), and each one's honest backtest forecast from an origin on the adjusted scale. A backtest origin
 * with its own multiplier (`regressors.atOrigins`: effects estimated before it) gets the same candidates
 * fitted on the days before it adjusted by that multiplier, so nothing after the origin reaches its
 * forecast (docs/forecasting.md, "Choice per SKU").
 */
function candidates(
  options: ForecastOptions,
  s: {
    readonly raw: Float64Array;
    readonly y: Float64Array;
    readonly start: number;
    readonly origins: readonly number[];
    readonly names: readonly ModelName[];
    readonly by: (t: number) => number;
  },
): {
  models: CandidateModel[];
  backtestOf: (index: number, end: number, h: number) => Float64Array;
  multAt: (end: number) => (t: number) => number;
} {
  const { start, origins, y } = s;
  const seasonLength = options.seasonLength ?? 7;
  const horizon = options.horizon;
  const n = y.length;
  const { yearly, pooled } = options;
  const offered = pooled && (options.candidates?.includes(pooled.name) ?? true);
  const candidatesOn = (series: Float64Array, by: (t: number) => number): CandidateModel[] => {
    const list = s.names.map((name) => memoised(fitCandidate(name, series, { seasonLength })));
    if (yearly) {
      const at = { start, origins, n, horizon };
      for (const base of [...list]) {
        const twin = withYearly(base, yearly, at);
        if (twin) list.push(twin);
      }
    }
    const pooledModel = offered ? pooledCandidate(pooled, { start, origins, horizon }, by) : null;
    if (pooledModel) list.push(pooledModel);
    return list;
  };
  const models = candidatesOn(y, s.by);
  const atOrigins = options.regressors?.atOrigins;
  const refitted = new Map<number, { models: CandidateModel[]; by: (t: number) => number }>();
  for (const end of atOrigins ? origins : []) {
    const k = atOrigins!.origins.indexOf(start + end);
    if (k < 0) continue;
    const by = multiplierOf(atOrigins!.multipliers[k], start);
    refitted.set(end, { models: candidatesOn(adjusted(s.raw, by, end), by), by });
  }
  return {
    models,
    backtestOf: (index, end, h) => (refitted.get(end)?.models[index] ?? models[index]!).backtestAt(end, h),
    multAt: (end) => refitted.get(end)?.by ?? s.by,
  };
}

/**
 * The honest check of span sums at backtest origin `at` (0 = the latest; `SpanCheck`): the `count` best
 * candidates by the windows that end by that origin, their mean forecast from it, and the error model of
 * those earlier windows, so neither the choice nor the spread has seen the days it is checked on.
 */
function honestSpanCheck(
  scored: readonly { readonly windows: readonly BacktestWindow[] }[],
  count: number,
  at: number,
): SpanCheck | undefined {
  const latest = scored[0]?.windows[at];
  if (!latest) return undefined;
  const earlier = (w: readonly BacktestWindow[]) => w.filter((x) => x.end + x.actual.length <= latest.end);
  const chosen = scored
    .map((r) => ({ windows: r.windows, mse: scoreWindows(earlier(r.windows)).mse }))
    .filter((r) => earlier(r.windows).length > 0)
    .sort((a, b) => a.mse - b.mse)
    .slice(0, count);
  if (chosen.length === 0) return undefined;
  const average = (k: number): BacktestWindow => {
    const first = chosen[0]!.windows[k]!;
    const forecast = new Float64Array(first.forecast.length);
    for (const r of chosen)
      r.windows[k]!.forecast.forEach((f, i) => (forecast[i] = forecast[i]! + f / chosen.length));
    return { end: first.end, actual: first.actual, forecast };
  };
  const all = chosen[0]!.windows.map((_, k) => average(k));
  const { dispersion, levelVariance } = estimateDispersion(earlier(all));
  const head = all[at]!;
  const spans = SPAN_CALIBRATION_RULES.spans
    .filter((days) => days <= head.actual.length)
    .map((days) => {
      let mean = 0;
      let actual = 0;
      for (let i = 0; i < days; i++) {
        mean += head.forecast[i]!;
        actual += head.actual[i]!;
      }
      return { days, mean, actual };
    })
    .filter((s) => !Number.isNaN(s.actual));
  return spans.length > 0 ? { dispersion, levelVariance, spans } : undefined;
}
