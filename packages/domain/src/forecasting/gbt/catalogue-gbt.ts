/**
 * The catalogue-wide model (docs/forecasting.md, "Catalogue-wide model"): one Tweedie GBDT over all
 * series, fitted twice — before the earliest backtest origin (its forecasts at every backtest origin
 * are honest) and on the whole history (the forecast) — and offered to each series' backtest as one
 * more candidate.
 */
import { mulberry32 } from '../../demo/prng';
import type { CatalogueCalendar, CatalogueSeries } from '../catalogue-factors';
import type { PooledForecast } from '../types';
import { fitGbt, gbtMargin, type GbtModel, type GbtOptions } from './boost';
import { GBT_FEATURES, featureContext, rowFeatures, type FeatureContext } from './features';

export interface CatalogueGbtOptions extends GbtOptions {
  /** Days one fitted model forecasts directly; later days repeat its last week. @default 28 */
  readonly steps?: number;
  /** Training origins: the last `origins` origins a week apart before the cut-off. @default 12 */
  readonly origins?: number;
  /** Training rows drawn at most (uniformly, seeded). @default 120000 */
  readonly maxRows?: number;
  /** Fewest series, and fewest days of history, for the model to be fitted. @default 30, 182 */
  readonly minSeries?: number;
  readonly minDays?: number;
}

export interface CatalogueGbt {
  readonly context: FeatureContext;
  /** Fitted on the days before `backtestCutoff`; forecasts from the backtest origins. */
  readonly backtestModel: GbtModel;
  /** Fitted on the whole history; forecasts from the first forecast day. */
  readonly model: GbtModel;
  /** Absolute backtest origins, latest first. */
  readonly backtestOrigins: readonly number[];
  readonly backtestHorizon: number;
  readonly horizon: number;
  readonly steps: number;
}

/** Training origins before `cutoff`: weekly ones just before it, and the same season a year earlier. */
function trainingOrigins(cutoff: number, steps: number, count: number): number[] {
  const recent = Array.from({ length: count }, (_, k) => cutoff - steps - 7 * k);
  const lastYear = [-14, -7, 0, 7, 14].map((j) => cutoff - 364 + j);
  return [...recent, ...lastYear].filter((o) => o >= 28 && o + steps <= cutoff);
}

/** Rows drawn from every (series, training origin, step) with the same chance, for targets before `cutoff`. */
function trainingSet(ctx: FeatureContext, cutoff: number, options: CatalogueGbtOptions) {
  const steps = options.steps ?? 28;
  const origins = trainingOrigins(cutoff, steps, options.origins ?? 12);
  const candidates = ctx.series.length * origins.length * steps;
  const keep = Math.min(1, (options.maxRows ?? 120000) / Math.max(1, candidates));
  const random = mulberry32((options.seed ?? 1) + cutoff);
  const columns = GBT_FEATURES.map(() => [] as number[]);
  const target: number[] = [];
  const base: number[] = [];
  const x = new Float64Array(GBT_FEATURES.length);
  for (let i = 0; i < ctx.series.length; i++) {
    for (const origin of origins) {
      for (let step = 0; step < steps; step++) {
        if (random() >= keep) continue;
        const y = ctx.histories[i]![origin + step]!;
        if (Number.isNaN(y)) continue;
        const margin = rowFeatures(ctx, { series: i, origin, step }, x);
        if (Number.isNaN(margin)) continue;
        x.forEach((v, f) => columns[f]!.push(v));
        target.push(y);
        base.push(margin);
      }
    }
  }
  return {
    columns: columns.map((c) => Float64Array.from(c)),
    target: Float64Array.from(target),
    baseMargin: Float64Array.from(base),
  };
}

/**
 * Fits the catalogue-wide model, or returns null when the catalogue is too small (fewer than
 * `minSeries` series or `minDays` days) to learn from pooled rows.
 */
export function fitCatalogueGbt(
  input: {
    readonly series: readonly CatalogueSeries[];
    readonly histories: readonly Float64Array[];
    readonly calendar: CatalogueCalendar;
    readonly horizon: number;
    /** The backtest of `forecastDemand`: origins `step` days apart, the last `backtestHorizon` before the end. */
    readonly backtest: { readonly origins: number; readonly step: number; readonly horizon: number };
  },
  options: CatalogueGbtOptions = {},
): CatalogueGbt | null {
  const ctx = featureContext(input);
  if (input.series.length < (options.minSeries ?? 30) || ctx.days < (options.minDays ?? 182)) return null;
  const steps = options.steps ?? 28;
  const { backtest } = input;
  const backtestOrigins = Array.from(
    { length: backtest.origins },
    (_, k) => ctx.days - backtest.horizon - k * backtest.step,
  ).filter((o) => o >= 28);
  const cutoff = Math.min(...backtestOrigins, ctx.days);
  return {
    context: ctx,
    backtestModel: fitGbt(trainingSet(ctx, cutoff, options), options),
    model: fitGbt(trainingSet(ctx, ctx.days, options), options),
    backtestOrigins,
    backtestHorizon: backtest.horizon,
    horizon: input.horizon,
    steps,
  };
}

/** `count` days from `origin`: direct forecasts for the model's steps, then its last week repeated. */
function forecastFrom(
  gbt: CatalogueGbt,
  model: GbtModel,
  at: { series: number; origin: number; count: number },
) {
  const out = new Float64Array(at.count);
  const x = new Float64Array(GBT_FEATURES.length);
  for (let h = 0; h < at.count; h++) {
    if (h >= gbt.steps) {
      out[h] = out[h - 7 * Math.ceil((h - gbt.steps + 1) / 7)]!;
      continue;
    }
    const margin = rowFeatures(gbt.context, { series: at.series, origin: at.origin, step: h }, x);
    out[h] = Number.isNaN(margin) ? NaN : Math.exp(margin + gbtMargin(model, x));
  }
  return out;
}

/**
 * Series `index`'s forecasts from every backtest origin (by the model fitted before them) and from the
 * first forecast day, on the demand scale; undefined when the series has too little recent history
 * at some origin (short series keep their own models).
 */
export function catalogueGbtForecast(gbt: CatalogueGbt, index: number): PooledForecast | undefined {
  const days = gbt.context.days;
  const backtest = gbt.backtestOrigins.map((origin) =>
    forecastFrom(gbt, gbt.backtestModel, { series: index, origin, count: gbt.backtestHorizon }),
  );
  const forecast = forecastFrom(gbt, gbt.model, { series: index, origin: days, count: gbt.horizon });
  if ([forecast, ...backtest].some((f) => f.some(Number.isNaN))) return undefined;
  return {
    name: 'gbt',
    origins: Int32Array.from(gbt.backtestOrigins),
    backtest,
    forecast,
  };
}
