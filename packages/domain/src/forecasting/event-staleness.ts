/**
 * Which stored forecasts reflect the seller's events (docs/forecasting.md, "Calendar and events"): a
 * forecast of a SKU is made stale only by a change (create, edit, delete) of an event whose scope
 * takes in that SKU, made after the forecast's inputs were read. A SKU's forecast depends only on the
 * events in its scope (`inScope`; the pooled effects are per category, learned lifts per name ×
 * category), so a change elsewhere leaves it current.
 */
import type { ForecastEventScope } from './events';

/** One change of a seller's event, with the scope it had: an edit is two, the old scope and the new. */
export interface EventChange {
  readonly changedAt: Date;
  readonly scope: ForecastEventScope;
  /** The category, when scope is 'category'. */
  readonly category: string | null;
  /** The SKUs, when scope is 'skus'. */
  readonly skus: readonly string[];
}

/** What a SKU's forecast is matched on: the same fields `inScope` reads. */
export interface ScopedSku {
  readonly sku: string;
  readonly category: string | null;
}

/**
 * When the events that apply to each SKU last changed (null: never), indexed once so a catalogue is
 * checked in one pass whatever the number of changes. Matches as `inScope`: every SKU, the SKU's
 * category, or the SKU in the list.
 */
export function eventsChangedFor(changes: readonly EventChange[]): (sku: ScopedSku) => Date | null {
  let all: Date | null = null;
  const byCategory = new Map<string, Date>();
  const bySku = new Map<string, Date>();
  const later = (a: Date | null | undefined, b: Date): Date => (a && a.getTime() >= b.getTime() ? a : b);
  for (const c of changes) {
    if (c.scope === 'all') all = later(all, c.changedAt);
    else if (c.scope === 'category' && c.category !== null)
      byCategory.set(c.category, later(byCategory.get(c.category), c.changedAt));
    else for (const sku of c.skus) bySku.set(sku, later(bySku.get(sku), c.changedAt));
  }
  return (s) => {
    const dates = [all, s.category === null ? undefined : byCategory.get(s.category), bySku.get(s.sku)];
    return dates.reduce<Date | null>((max, d) => (d ? later(max, d) : max), null);
  };
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
