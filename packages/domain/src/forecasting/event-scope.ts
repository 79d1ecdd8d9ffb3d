import type { CatalogueEvent, EventScope } from './catalogue-factors';

/**
 * The scope rule of seller events, in its one indexed form (docs/forecasting.md, "Calendar and events"):
 * an event is filed under the keys of its scope, a SKU is looked up under its own, and the event applies
 * to the SKU when they share a key — every SKU, the SKU's category, or the SKU in the list. The forecast
 * (`inScope`), the events list (`eventAppliesTo`) and the staleness index (`eventsChangedFor`) all match
 * through these two functions, so none can drift from the others.
 */
const ALL_KEY = 'all';
// a separator no category or SKU holds (the fields refuse control characters), so no key can take another's
const categoryKey = (category: string) => `category\u0000${category}`;
const skuKey = (sku: string) => `sku\u0000${sku}`;

/** The keys an event with this scope is filed under. */
export function scopeKeys(scope: EventScope): string[] {
  switch (scope.kind) {
    case 'all':
      return [ALL_KEY];
    case 'category':
      return [categoryKey(scope.category)];
    case 'skus':
      return scope.skus.map(skuKey);
  }
}

/** What a SKU is matched on; one without a category (null) is in no category's scope. */
export interface ScopedSku {
  readonly sku: string;
  readonly category: string | null;
}

/** The keys a SKU is looked up under: every SKU's, its category's (when it has one), its own. */
export function skuScopeKeys(sku: ScopedSku): string[] {
  const own = skuKey(sku.sku);
  return sku.category === null ? [ALL_KEY, own] : [ALL_KEY, categoryKey(sku.category), own];
}

// An event is matched against every series of a catalogue: its keys are filed once per scope object.
const filed = new WeakMap<EventScope, ReadonlySet<string>>();

/** Whether a seller event applies to a series: they share a scope key. */
export function inScope(event: Pick<CatalogueEvent, 'scope'>, series: ScopedSku): boolean {
  let keys = filed.get(event.scope);
  if (keys === undefined) {
    keys = new Set(scopeKeys(event.scope));
    filed.set(event.scope, keys);
  }
  const has = keys;
  return skuScopeKeys(series).some((k) => has.has(k));
}
