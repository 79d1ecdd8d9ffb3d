/**
 * Yearly seasonality pooled by category (docs/forecasting.md, "Yearly seasonality"; decision 31).
 *
 * A year earlier, how did demand on the days around a forecast day compare with the four weeks before
 * the origin? For origin e and forecast day h, year k (364·k days back, so weekdays align) gives
 *   R_k(e, h) = Σ_s mean(y_s on [a + h − 3, a + h + 4)) / Σ_s mean(y_s on [a − 28, a)),  a = e − 364·k,
 * summed over the category's series observed in both windows (a ratio of sums: large sellers weigh
 * most, a series entering or leaving the catalogue does not shift it). The ratio of origin e is
 *   exp(YEARLY_RULES.weight · mean_k ln R_k(e, h))
 * over the years available (up to `years`). Everything it reads lies before e, so a backtest origin's
 * ratio never sees its own test days. A category needs more than a year of history (364 + 28 days
 * before the origin) with sales; a SKU too young for its own year gets its category's shape.
 *
 * Measured on M5 (2,147 series; 160 origins a week apart, 2013–2016, 28-day sums): last year's change
 * per category predicts this year's with a regression slope of 0.45 (0.32 per category × state, 0.27
 * per department × store), and applied in full it forecasts worse than no change; hence the weight ½
 * and the pooling by category.
 */

import { backtestOriginsBefore } from './backtest';

export const YEARLY_RULES = {
  /** Share of last years' log change applied (the regression slope above, rounded). */
  weight: 0.5,
  /** Years averaged, at most. */
  years: 3,
  /** Days before the year-earlier origin that give the level: four weeks. */
  baseDays: 28,
  /** Half-width of the centred week around the year-earlier target day (7 days: no weekday shape). */
  halfWeek: 3,
  /** A series counts in a window when at least half its days were observed. */
  minObservedShare: 0.5,
  /** A year's ratio is clamped to [1/4, 4] before averaging: a sold-out category is no shape. */
  maxRatio: 4,
} as const;

/** Multipliers of (effect-adjusted) demand relative to the level just before each origin. */
export interface YearlyRatios {
  /** Origins as history indices (the first forecast day of each). */
  readonly origins: Int32Array;
  /** `ratios[k][h]`: day origins[k] + h relative to the four weeks before origins[k]. */
  readonly ratios: readonly Float64Array[];
}

/** Running sums of observed values and of observed days, so any window's mean is O(1). */
interface Prefix {
  readonly sum: Float64Array;
  readonly count: Int32Array;
}

function prefix(y: Float64Array, length: number): Prefix {
  const sum = new Float64Array(length + 1);
  const count = new Int32Array(length + 1);
  for (let t = 0; t < length; t++) {
    const v = y[t]!;
    const seen = v === v;
    sum[t + 1] = sum[t]! + (seen ? v : 0);
    count[t + 1] = count[t]! + (seen ? 1 : 0);
  }
  return { sum, count };
}

/** Mean over the observed days of [from, to), or NaN when fewer than half were observed. */
function windowMean(p: Prefix, from: number, to: number): number {
  if (from < 0 || to > p.sum.length - 1 || to <= from) return NaN;
  const n = p.count[to]! - p.count[from]!;
  if (n < YEARLY_RULES.minObservedShare * (to - from) || n === 0) return NaN;
  return (p.sum[to]! - p.sum[from]!) / n;
}

/**
 * The yearly ratios of one group of series (a category) at each origin that has a year with data
 * before it, for `horizon` days; null when none has. Histories are on the scale the models fit (known
 * effects divided out); NaN days are skipped.
 */
export function yearlyRatios(
  histories: readonly Float64Array[],
  options: { readonly origins: readonly number[]; readonly horizon: number },
): YearlyRatios | null {
  const { horizon } = options;
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new RangeError('horizon must be an integer ≥ 1');
  const { weight, years, baseDays, halfWeek, maxRatio } = YEARLY_RULES;
  for (const origin of options.origins) {
    if (!Number.isInteger(origin) || origin < 0)
      throw new RangeError(`origin ${String(origin)} is not a day index`);
  }
  const latest = Math.max(0, ...options.origins);
  // Sums per (origin, year) over the series, one series at a time (a catalogue's prefixes at once
  // would double its memory).
  const cells = options.origins.length * years;
  const num = Array.from({ length: cells }, () => new Float64Array(horizon));
  const den = Array.from({ length: cells }, () => new Float64Array(horizon));
  for (const y of histories) {
    const p = prefix(y, Math.min(y.length, latest));
    options.origins.forEach((origin, o) => {
      for (let k = 1; k <= years; k++) {
        const anchor = origin - 364 * k;
        if (anchor - baseDays < 0) break;
        const base = windowMean(p, anchor - baseDays, anchor);
        if (!(base >= 0)) continue;
        const n = num[o * years + k - 1]!;
        const d = den[o * years + k - 1]!;
        for (let h = 0; h < horizon; h++) {
          // The target week must end before the origin; far days reuse the last one that does.
          const centre = anchor + Math.min(h, 364 * k - halfWeek - 1);
          const target = windowMean(p, centre - halfWeek, centre + halfWeek + 1);
          if (!(target >= 0)) continue;
          n[h] = n[h]! + target;
          d[h] = d[h]! + base;
        }
      }
    });
  }
  const ratios: Float64Array[] = [];
  const kept: number[] = [];
  for (let o = 0; o < options.origins.length; o++) {
    const logSum = new Float64Array(horizon);
    const used = new Int32Array(horizon);
    for (let k = 1; k <= years; k++) {
      const n = num[o * years + k - 1]!;
      const d = den[o * years + k - 1]!;
      for (let h = 0; h < horizon; h++) {
        if (!(d[h]! > 0)) continue;
        const r = Math.min(maxRatio, Math.max(1 / maxRatio, n[h]! / d[h]!));
        logSum[h] = logSum[h]! + Math.log(r);
        used[h] = used[h]! + 1;
      }
    }
    if (used.every((u) => u === 0)) continue;
    kept.push(options.origins[o]!);
    ratios.push(Float64Array.from(logSum, (s, h) => (used[h]! > 0 ? Math.exp((weight * s) / used[h]!) : 1)));
  }
  return kept.length > 0 ? { origins: Int32Array.from(kept), ratios } : null;
}

/**
 * The category's own backtest of its yearly ratios: at each of `origins` e, the category's demand over
 * [e, e + horizon) against the level of the four weeks before e, with and without the ratios of e.
 * True when the ratios lower the squared error summed over the origins: last year's shape has held
 * lately in this category. The aggregate is where a yearly shape shows; one slow mover's backtest
 * cannot tell it from noise. It reads days up to the last origin + horizon: `gatedYearly` asks it only
 * about origins whose windows end before the origin it decides.
 */
export function yearlyHolds(
  histories: readonly Float64Array[],
  options: { readonly yearly: YearlyRatios; readonly origins: readonly number[]; readonly horizon: number },
): boolean {
  const { yearly, horizon, origins } = options;
  const ratiosOf = origins.map((e) => yearly.ratios[yearly.origins.indexOf(e)]);
  if (origins.length === 0 || ratiosOf.some((r) => r === undefined)) return false;
  const level = origins.map(() => new Float64Array(horizon));
  const actual = origins.map(() => new Float64Array(horizon));
  for (const y of histories) {
    const p = prefix(y, Math.min(y.length, Math.max(...origins)));
    origins.forEach((e, o) => {
      const base = windowMean(p, e - YEARLY_RULES.baseDays, e);
      if (!(base >= 0)) return;
      for (let h = 0; h < horizon && e + h < y.length; h++) {
        const v = y[e + h]!;
        if (v !== v) continue;
        level[o]![h] = level[o]![h]! + base;
        actual[o]![h] = actual[o]![h]! + v;
      }
    });
  }
  let plain = 0;
  let adjusted = 0;
  origins.forEach((_, o) => {
    for (let h = 0; h < horizon; h++) {
      const r = ratiosOf[o]![h] ?? 1;
      plain += (actual[o]![h]! - level[o]![h]!) ** 2;
      adjusted += (actual[o]![h]! - r * level[o]![h]!) ** 2;
    }
  });
  return adjusted < plain;
}

/**
 * The ratios of one origin as the forecast from it uses them (decision 31): the category's yearly ratios
 * at `origin` when `yearlyHolds` at the `backtest.origins` origins preceding it — `backtest.horizon` +
 * k·`backtest.step` days earlier, so their windows end by it; null when that gate fails (no yearly shape
 * there). Everything it depends on lies before `origin`.
 */
export function gatedYearlyAt(
  histories: readonly Float64Array[],
  options: {
    readonly origin: number;
    readonly horizon: number;
    readonly backtest: { readonly origins: number; readonly step: number; readonly horizon: number };
  },
): Float64Array | null {
  const { origin, backtest, horizon } = options;
  const before = backtestOriginsBefore(origin, backtest);
  const all = yearlyRatios(histories, { origins: [origin, ...before], horizon });
  if (!all || !yearlyHolds(histories, { yearly: all, origins: before, horizon: backtest.horizon }))
    return null;
  return all.ratios[all.origins.indexOf(origin)] ?? new Float64Array(horizon).fill(1);
}

/**
 * The ratios the forecast uses: at the forecast origin `days` and at each backtest origin
 * (`backtestOriginsBefore`), `gatedYearlyAt` that origin, else 1. Everything a backtest origin's ratio
 * depends on lies before it, the choice included, so its twin's backtest stays honest. Null when the
 * forecast origin's own gate fails.
 */
export function gatedYearly(
  histories: readonly Float64Array[],
  options: {
    readonly days: number;
    readonly horizon: number;
    readonly backtest: { readonly origins: number; readonly step: number; readonly horizon: number };
  },
): YearlyRatios | null {
  const { days, backtest, horizon } = options;
  const final = gatedYearlyAt(histories, { origin: days, horizon, backtest });
  if (!final) return null;
  const origins = backtestOriginsBefore(days, backtest);
  const ratios = origins.map(
    (origin) => gatedYearlyAt(histories, { origin, horizon, backtest }) ?? new Float64Array(horizon).fill(1),
  );
  return { origins: Int32Array.from([days, ...origins]), ratios: [final, ...ratios] };
}
