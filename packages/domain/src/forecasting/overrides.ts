/**
 * Forecast overrides (docs/forecasting.md, "Overrides"): the seller scales or replaces the forecast of a
 * SKU or a category over a period. They are applied after the forecast, by `applyForecastOverrides`
 * only, wherever a forecast is read (the forecast endpoint, the planning position and so restock).
 */
import { parseIsoDate } from '../dates/dates';
import { countQuantiles } from './count-quantiles';
import { dayOf, fail } from './events';
import type { AppliedOverride, DemandForecast } from './types';

export type OverrideMode = AppliedOverride['mode'];
export type OverrideScope = AppliedOverride['scope'];

export interface ForecastOverrideFields {
  /** First day, 'YYYY-MM-DD'. */
  readonly startsOn: string;
  /** Last day (inclusive), 'YYYY-MM-DD'. */
  readonly endsOn: string;
  /** `scale`: the forecast × value; `replace`: value units a day for the SKU over all its locations. */
  readonly mode: OverrideMode;
  readonly value: number;
  readonly note: string | null;
}

/** A stored override: whose it is (a SKU or a category) and its order of entry. */
export interface ForecastOverride extends ForecastOverrideFields {
  readonly id: number;
  readonly scope: OverrideScope;
}

/** A period spans at most a year; a scale is a multiplier in [0, 20]; at most 50 periods per SKU or category. */
export const OVERRIDE_LIMITS = {
  maxDays: 366,
  maxScale: 20,
  maxUnitsPerDay: 1_000_000,
  maxCount: 50,
} as const;

/** Checks a set of overrides (field paths `overrides.<i>.<field>`); periods of one set must not overlap. */
export function validateForecastOverrides(list: readonly ForecastOverrideFields[]): ForecastOverrideFields[] {
  if (list.length > OVERRIDE_LIMITS.maxCount)
    fail('overrides', `at most ${String(OVERRIDE_LIMITS.maxCount)} periods`);
  const spans: { start: number; end: number; i: number }[] = [];
  const out = list.map((o, i) => {
    const at = (f: string) => `overrides.${String(i)}.${f}`;
    const start = dayOf(at('startsOn'), o.startsOn);
    const end = dayOf(at('endsOn'), o.endsOn);
    if (end < start) fail(at('endsOn'), 'endsOn must not be before startsOn');
    if (end - start + 1 > OVERRIDE_LIMITS.maxDays)
      fail(at('endsOn'), `a period spans at most ${String(OVERRIDE_LIMITS.maxDays)} days`);
    const max = o.mode === 'scale' ? OVERRIDE_LIMITS.maxScale : OVERRIDE_LIMITS.maxUnitsPerDay;
    if (!(Number.isFinite(o.value) && o.value >= 0 && o.value <= max))
      fail(
        at('value'),
        o.mode === 'scale'
          ? `a scale is a multiplier from 0 to ${String(max)}`
          : `units a day from 0 to ${String(max)}`,
      );
    const clash = spans.find((s) => s.start <= end && start <= s.end);
    if (clash) fail(at('startsOn'), `overlaps period ${String(clash.i)}`);
    spans.push({ start, end, i });
    const note = o.note?.trim() ?? '';
    return { ...o, note: note === '' ? null : note };
  });
  return out;
}

/**
 * The override deciding each day: a SKU's own beats its category's; within a scope the one entered
 * last. Undefined where none applies.
 */
function winnerOn(overrides: readonly ForecastOverride[], day: number): ForecastOverride | undefined {
  let best: ForecastOverride | undefined;
  for (const o of overrides) {
    if (day < parseIsoDate(o.startsOn) || day > parseIsoDate(o.endsOn)) continue;
    const beats =
      !best || (o.scope === 'sku' && best.scope === 'category') || (o.scope === best.scope && o.id > best.id);
    if (beats) best = o;
  }
  return best;
}

/**
 * The forecast with the seller's overrides applied to its days from `asOf`: `scale` multiplies the
 * mean, `replace` sets it to `value × share` (share = this series' part of the SKU's demand, 1 for the
 * SKU over all locations; see `demandShare`). Quantiles of an overridden day are recomputed from the
 * forecast's own error model (variance φ·μ + v·μ², docs/forecasting.md Quantiles). The result lists
 * what was applied (`overrides`); the input is returned unchanged when nothing applies.
 *
 * @example applyForecastOverrides(f, [{ id: 1, scope: 'sku', mode: 'scale', value: 1.5, … }], { asOf: '2026-12-01' })
 */
export function applyForecastOverrides(
  f: DemandForecast,
  overrides: readonly ForecastOverride[],
  options: { asOf: string; share?: number },
): DemandForecast {
  if (overrides.length === 0) return f;
  const start = parseIsoDate(options.asOf);
  const share = Math.min(1, Math.max(0, options.share ?? 1));
  const mean = Float64Array.from(f.mean);
  const quantiles = f.quantiles.map((q) => ({ level: q.level, values: Float64Array.from(q.values) }));
  const levels = quantiles.map((q) => q.level);
  const days = new Map<ForecastOverride, number>();
  for (let h = 0; h < mean.length; h++) {
    const o = winnerOn(overrides, start + h);
    if (!o) continue;
    days.set(o, (days.get(o) ?? 0) + 1);
    const mu = o.mode === 'scale' ? mean[h]! * o.value : o.value * share;
    mean[h] = mu;
    if (levels.length === 0) continue;
    const values = countQuantiles(mu, f.dispersion * mu + f.levelVariance * mu * mu, levels);
    for (const [i, q] of quantiles.entries()) q.values[h] = values[i]!;
  }
  if (days.size === 0) return f;
  const applied = [...days].map(([o, n]) => ({
    scope: o.scope,
    mode: o.mode,
    value: o.value,
    startsOn: o.startsOn,
    endsOn: o.endsOn,
    days: n,
  }));
  return { ...f, mean, quantiles, overrides: [...(f.overrides ?? []), ...applied] };
}

/**
 * One series' share of the SKU's demand over the days overrides cover (from `asOf`): its forecast
 * sum over the sum of all the SKU's series; equal parts when none is forecast to sell there.
 */
export function demandShare(
  own: ArrayLike<number>,
  all: readonly ArrayLike<number>[],
  a: { asOf: string; overrides: readonly ForecastOverride[] },
): number {
  const start = parseIsoDate(a.asOf);
  const covered = (h: number) => winnerOn(a.overrides, start + h) !== undefined;
  const sum = (s: ArrayLike<number>) => {
    let t = 0;
    for (let h = 0; h < s.length; h++) if (covered(h)) t += s[h] ?? 0;
    return t;
  };
  const total = all.reduce((t, s) => t + sum(s), 0);
  if (total > 0) return sum(own) / total;
  return all.length > 0 ? 1 / all.length : 1;
}

/**
 * A SKU's overrides applied to the forecasts of each of its locations (the planning position): a
 * replacement is shared among them by their forecast demand over the days it covers (`demandShare`).
 */
export function applyToLocations(
  forecasts: readonly DemandForecast[],
  overrides: readonly ForecastOverride[],
  a: { asOf: string },
): DemandForecast[] {
  if (overrides.length === 0) return [...forecasts];
  const means = forecasts.map((f) => f.mean);
  return forecasts.map((f) =>
    applyForecastOverrides(f, overrides, {
      asOf: a.asOf,
      share: demandShare(f.mean, means, { asOf: a.asOf, overrides }),
    }),
  );
}

/** The overrides of one SKU: its own and its category's. */
export function overridesOf(
  overrides: readonly (ForecastOverride & { sku: string | null; category: string | null })[],
  product: { sku: string; category: string | null },
): ForecastOverride[] {
  return overrides.filter((o) =>
    o.scope === 'sku' ? o.sku === product.sku : product.category !== null && o.category === product.category,
  );
}

/** The reasoning's sentence about the overrides that changed a forecast (none: empty). */
export function describeOverrides(applied: readonly AppliedOverride[]): string {
  if (applied.length === 0) return '';
  const one = (o: AppliedOverride) =>
    `${o.mode === 'scale' ? `×${String(o.value)}` : `${String(o.value)} units/day`} from ${o.startsOn} to ${o.endsOn} (${o.scope === 'sku' ? 'this SKU' : 'its category'})`;
  return `Forecast overridden by you: ${applied.map(one).join('; ')}.`;
}
