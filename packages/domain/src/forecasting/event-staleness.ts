/**
 * Which stored forecasts reflect the seller's events (docs/forecasting.md, "Calendar and events"): a
 * forecast of a SKU is made stale only by a change (create, edit, delete) of an event whose scope
 * takes in that SKU, made after the forecast's inputs were read. A SKU's forecast depends only on the
 * events in its scope (`inScope`; the pooled effects are per category, learned lifts per name ×
 * category), so a change elsewhere leaves it current.
 */
import type { ScopedSku } from './event-scope';
import { scopeKeys, skuScopeKeys } from './event-scope';
import type { ForecastEventScope } from './events';
import { eventScopeOf } from './events';

export type { ScopedSku } from './event-scope';

/** One change of a seller's event, with the scope it had: an edit is two, the old scope and the new. */
export interface EventChange {
  readonly changedAt: Date;
  readonly scope: ForecastEventScope;
  /** The category, when scope is 'category'. */
  readonly category: string | null;
  /** The SKUs, when scope is 'skus'. */
  readonly skus: readonly string[];
}

/**
 * When the events that apply to each SKU last changed (null: never), indexed once so a catalogue is
 * checked in one pass whatever the number of changes: each change is filed under its scope's keys and
 * a SKU looked up under its own, the one form of the scope rule `inScope` matches by (event-scope.ts).
 */
export function eventsChangedFor(changes: readonly EventChange[]): (sku: ScopedSku) => Date | null {
  const latest = new Map<string, Date>();
  const later = (a: Date | null | undefined, b: Date): Date => (a && a.getTime() >= b.getTime() ? a : b);
  for (const c of changes)
    for (const key of scopeKeys(eventScopeOf(c))) latest.set(key, later(latest.get(key), c.changedAt));
  return (s) =>
    skuScopeKeys(s).reduce<Date | null>((max, key) => {
      const d = latest.get(key);
      return d ? later(max, d) : max;
    }, null);
}

/**
 * Whether a stored forecast reflects the seller's events: only when it was made (its inputs read)
 * at or after the events applying to its SKU last changed; otherwise it is computed again.
 */
export const reflectsEvents = (storedAt: Date, eventsChanged: Date | null): boolean =>
  eventsChanged === null || storedAt.getTime() >= eventsChanged.getTime();

/** `reflectsEvents` of each SKU's stored forecast against the changes that apply to that SKU. */
export function reflectsEventChanges(
  changes: readonly EventChange[],
): (stored: { readonly createdAt: Date }, sku: ScopedSku) => boolean {
  const changedFor = eventsChangedFor(changes);
  return (stored, sku) => reflectsEvents(stored.createdAt, changedFor(sku));
}
