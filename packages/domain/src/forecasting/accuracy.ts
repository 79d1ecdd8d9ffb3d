import { dayOfWeek, isoDate, parseIsoDate } from '../dates/dates';

/**
 * Accuracy tracking once actuals arrive. NaN actuals (censored days) are skipped. When total actual
 * demand is 0 the ratio is 0 for a perfect forecast and ±1 otherwise, so results are never NaN.
 */

function ratio(num: number, den: number): number {
  return den > 0 ? num / den : num === 0 ? 0 : Math.sign(num);
}

/** The indices of the observed actuals (censored days, NaN, are skipped). */
function observedDays(actual: Float64Array): number[] {
  const days: number[] = [];
  actual.forEach((a, i) => {
    if (!Number.isNaN(a)) days.push(i);
  });
  return days;
}

/** Σ error(a, f) / Σ|a| over the observed actuals (`ratio` when that total is 0). */
function errorRatio(
  actual: Float64Array,
  forecast: Float64Array,
  error: (a: number, f: number) => number,
): number {
  let num = 0;
  let den = 0;
  for (const i of observedDays(actual)) {
    const a = actual[i]!;
    num += error(a, forecast[i] ?? 0);
    den += Math.abs(a);
  }
  return ratio(num, den);
}

/** Weighted absolute percentage error Σ|a − f| / Σa. */
export function wape(actual: Float64Array, forecast: Float64Array): number {
  return errorRatio(actual, forecast, (a, f) => Math.abs(a - f));
}

/** Relative bias Σ(f − a) / Σa: positive means over-forecasting. */
export function bias(actual: Float64Array, forecast: Float64Array): number {
  return errorRatio(actual, forecast, (a, f) => f - a);
}

/** Share of observed actuals with lower ≤ a ≤ upper (0 when nothing was observed). */
export function intervalCoverage(
  actual: Float64Array,
  interval: { readonly lower: Float64Array; readonly upper: Float64Array },
): number {
  const days = observedDays(actual);
  const inside = days.filter((i) => {
    const a = actual[i]!;
    return a >= (interval.lower[i] ?? Infinity) && a <= (interval.upper[i] ?? -Infinity);
  }).length;
  return days.length > 0 ? inside / days.length : 0;
}

/** The quantile levels whose coverage is tracked (a calibrated forecast covers ≈ its level). */
export const COVERAGE_LEVELS = [0.8, 0.9, 0.95] as const;

/**
 * Running sums of scored forecast days: actual, |error|, error, |error| of the seasonal-naive
 * baseline, observed days, days at or below each quantile.
 */
export interface AccuracyTotals {
  actual: number;
  absError: number;
  baselineAbsError: number;
  error: number;
  observed: number;
  under: number[];
}

export const emptyTotals = (): AccuracyTotals => ({
  actual: 0,
  absError: 0,
  baselineAbsError: 0,
  error: 0,
  observed: 0,
  under: COVERAGE_LEVELS.map(() => 0),
});

/**
 * Adds one forecast's scored days to every totals given (overall, its period, its category…): censored
 * actuals are skipped; a quantile the forecast lacks counts as covering. `baseline` is what the
 * seasonal-naive forecast made at the same origin predicted (`seasonalNaive`, m = 7).
 */
export function addScoredDays(
  totals: readonly AccuracyTotals[],
  a: {
    actual: ArrayLike<number>;
    predicted: ArrayLike<number>;
    baseline: ArrayLike<number>;
    quantiles: readonly { level: number; values: ArrayLike<number> }[];
  },
): void {
  const bounds = COVERAGE_LEVELS.map((l) => a.quantiles.find((q) => Math.abs(q.level - l) < 1e-9)?.values);
  for (let d = 0; d < a.actual.length; d++) {
    const y = a.actual[d]!;
    if (Number.isNaN(y)) continue;
    const f = a.predicted[d] ?? 0;
    for (const t of totals) {
      t.actual += y;
      t.absError += Math.abs(y - f);
      t.baselineAbsError += Math.abs(y - (a.baseline[d] ?? 0));
      t.error += f - y;
      t.observed++;
      bounds.forEach((b, i) => {
        if (y <= (b?.[d] ?? Infinity)) t.under[i] = t.under[i]! + 1;
      });
    }
  }
}

/**
 * WAPE, bias, the seasonal-naive baseline's WAPE and coverage of the totals; null where nothing was
 * sold (WAPE, bias, baseline) or observed (coverage).
 */
export function summariseTotals(t: AccuracyTotals): {
  wape: number | null;
  bias: number | null;
  baselineWape: number | null;
  coverage: { q80: number | null; q90: number | null; q95: number | null };
  observedDays: number;
  actual: number;
} {
  const share = (i: number) => (t.observed > 0 ? t.under[i]! / t.observed : null);
  return {
    wape: t.actual > 0 ? t.absError / t.actual : null,
    bias: t.actual > 0 ? t.error / t.actual : null,
    baselineWape: t.actual > 0 ? t.baselineAbsError / t.actual : null,
    coverage: { q80: share(0), q90: share(1), q95: share(2) },
    observedDays: t.observed,
    actual: t.actual,
  };
}

/** The week a forecast is scored in: the Monday on or before its first day ('YYYY-MM-DD'). */
export function accuracyPeriod(asOf: string): string {
  const day = parseIsoDate(asOf);
  return isoDate(day - ((dayOfWeek(day) + 6) % 7));
}

/** How many SKUs the accuracy report ranks as the ones its forecasts miss most. */
export const WORST_SKUS_RANKED = 10;

/** One SKU's scored forecasts, every origin together. */
export interface SkuTotals {
  readonly sku: string;
  readonly category: string | null;
  forecasts: number;
  readonly totals: AccuracyTotals;
}

/** The totals of a SKU, counting one more forecast scored for it. */
export function skuTotalsFor(
  bySku: Map<string, SkuTotals>,
  sku: string,
  category: string | null,
): AccuracyTotals {
  let entry = bySku.get(sku);
  if (!entry) {
    entry = { sku, category, forecasts: 0, totals: emptyTotals() };
    bySku.set(sku, entry);
  }
  entry.forecasts++;
  return entry.totals;
}

/**
 * The SKUs whose forecasts missed the most units: ranked by Σ|actual − forecast| over all their scored
 * days, which is their WAPE weighted by what they sold, so a best seller missed by 40% ranks above a
 * slow mover missed by 300% on two units (a ranking by WAPE alone puts the slow movers first). Ties by
 * SKU; SKUs missed by nothing are left out. Each with its WAPE beside the seasonal-naive baseline's.
 */
export function worstSkus(skus: Iterable<SkuTotals>, limit: number = WORST_SKUS_RANKED) {
  return [...skus]
    .filter((s) => s.totals.absError > 0)
    .sort((a, b) => b.totals.absError - a.totals.absError || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .slice(0, limit)
    .map(({ sku, category, forecasts, totals }) => {
      const { wape, baselineWape, bias, observedDays } = summariseTotals(totals);
      return {
        sku,
        category,
        forecasts,
        observedDays,
        actual: totals.actual,
        missed: totals.absError,
        wape,
        baselineWape,
        bias,
      };
    });
}
