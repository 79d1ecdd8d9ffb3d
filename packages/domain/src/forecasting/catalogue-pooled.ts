/**
 * The pooled part of a catalogue forecast as data (docs/forecasting.md, "Catalogue forecast"): the
 * pooled effects of the forecast origin and of each backtest origin, each category's profile and
 * yearly ratios, keyed by what they are (a location, a department, a weekday, an event, a category)
 * rather than by a catalogue's indices. Stored with a forecast run, it lets the forecast of one SKU
 * use the catalogue's effects instead of "pooling" over that SKU alone: `planCatalogue` given it
 * fits nothing, and the SKU's forecast is its line of the catalogue's.
 */
import type { EffectFactor } from './pooled-effects';
import type { FallbackProfile } from './types';
import type { YearlyRatios } from './yearly';

/** Per factor name, per level label (`EffectFactor.labels`), the fitted multiplier. */
export type KeyedEffects = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface CataloguePooled {
  /** Days of history the catalogue had: stored origins are relative to it. */
  readonly days: number;
  readonly effects: KeyedEffects;
  /** Each backtest origin (`offset` days from the end of the history) and the effects fitted before it. */
  readonly atOrigins: readonly { readonly offset: number; readonly effects: KeyedEffects }[];
  readonly profiles: Readonly<Record<string, FallbackProfile>>;
  /** Per category: origins as offsets from the end of the history, and their ratios. */
  readonly yearly: Readonly<
    Record<string, { readonly offsets: readonly number[]; readonly ratios: readonly (readonly number[])[] }>
  >;
}

/** What `pooledOf` reads of a plan. */
interface PooledPart {
  readonly days: number;
  readonly factors: readonly EffectFactor[];
  readonly effects: readonly Float64Array[];
  readonly atOrigins: readonly { readonly origin: number; readonly effects: readonly Float64Array[] }[];
  readonly profiles: ReadonlyMap<string, FallbackProfile>;
  readonly yearly: ReadonlyMap<string, YearlyRatios>;
}

function keyed(factors: readonly EffectFactor[], effects: readonly Float64Array[]): KeyedEffects {
  return Object.fromEntries(
    factors.map((f, i) => {
      const values: Record<string, number> = {};
      (f.labels ?? []).forEach((label, c) => {
        const v = effects[i]![c]!;
        if (v !== 1) values[label] = v;
      });
      return [f.name, values];
    }),
  );
}

/** A plan's pooled part as plain data (JSON-safe: every number finite). */
export function pooledOf(plan: PooledPart): CataloguePooled {
  return {
    days: plan.days,
    effects: keyed(plan.factors, plan.effects),
    atOrigins: plan.atOrigins.map((o) => ({
      offset: o.origin - plan.days,
      effects: keyed(plan.factors, o.effects),
    })),
    profiles: Object.fromEntries(plan.profiles),
    yearly: Object.fromEntries(
      [...plan.yearly].map(([category, y]) => [
        category,
        { offsets: Array.from(y.origins, (o) => o - plan.days), ratios: y.ratios.map((r) => [...r]) },
      ]),
    ),
  };
}

/** Stored effects for another catalogue's factors: a level the stored catalogue did not fit is 1. */
export function effectsFor(factors: readonly EffectFactor[], stored: KeyedEffects): Float64Array[] {
  return factors.map((f) => {
    const values = stored[f.name] ?? {};
    return Float64Array.from({ length: f.levels }, (_, c) => values[f.labels?.[c] ?? ''] ?? 1);
  });
}

/**
 * The stored pooled part at a history of `days` days: origins placed from its end. Yearly ratios shorter
 * than `horizon` (a run's horizon, a plan's longer one) repeat their last day, as a twin does past them.
 */
export function restorePooled(
  stored: CataloguePooled,
  factors: readonly EffectFactor[],
  at: { readonly days: number; readonly horizon: number },
): Omit<PooledPart, 'days' | 'factors'> {
  const { days } = at;
  const padded = (r: readonly number[]): Float64Array =>
    Float64Array.from(
      { length: Math.max(r.length, at.horizon) },
      (_, h) => r[Math.min(h, r.length - 1)] ?? 1,
    );
  return {
    effects: effectsFor(factors, stored.effects),
    atOrigins:
      factors.length === 0
        ? []
        : stored.atOrigins.map((o) => ({ origin: days + o.offset, effects: effectsFor(factors, o.effects) })),
    profiles: new Map(Object.entries(stored.profiles)),
    yearly: new Map(
      Object.entries(stored.yearly).map(([category, y]) => [
        category,
        {
          origins: Int32Array.from(y.offsets, (o) => days + o),
          ratios: y.ratios.map(padded),
        },
      ]),
    ),
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const numbers = (x: unknown): boolean => Array.isArray(x) && x.every(finite);
const keyedEffects = (x: unknown): boolean =>
  isRecord(x) && Object.values(x).every((f) => isRecord(f) && Object.values(f).every(finite));

/** A stored pooled part read back (a jsonb value), or undefined when it is not one. */
export function asCataloguePooled(value: unknown): CataloguePooled | undefined {
  if (!isRecord(value) || !finite(value['days']) || !keyedEffects(value['effects'])) return undefined;
  const { atOrigins, profiles, yearly } = value;
  if (!Array.isArray(atOrigins) || !isRecord(profiles) || !isRecord(yearly)) return undefined;
  const ok =
    atOrigins.every((o) => isRecord(o) && finite(o['offset']) && keyedEffects(o['effects'])) &&
    Object.values(profiles).every(
      (p) => isRecord(p) && finite(p['dailyMean']) && (p['weekly'] === undefined || numbers(p['weekly'])),
    ) &&
    Object.values(yearly).every(
      (y) =>
        isRecord(y) &&
        numbers(y['offsets']) &&
        Array.isArray(y['ratios']) &&
        y['ratios'].length === (y['offsets'] as unknown[]).length &&
        y['ratios'].every((r) => numbers(r) && (r as unknown[]).length > 0),
    );
  return ok ? (value as unknown as CataloguePooled) : undefined;
}
