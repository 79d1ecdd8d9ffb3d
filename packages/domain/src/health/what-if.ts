import { DomainError } from '../errors';
import type { FactorSums, SkuHealthInput } from './factors';
import { IN_STOCK_DAYS, addSums, factorsFromSums, skuFactorSums } from './factors';
import type { IpiModel, IpiProxy } from './ipi';
import { DEFAULT_IPI_MODEL, ipiProxy } from './ipi';

/** A seller's hypothetical action on one SKU. */
export type WhatIfAction =
  /** Remove (or sell off) units now: fewer units on hand, excess and stranded units first. */
  | { kind: 'remove'; sku: string; units: number }
  /** Restock: units arrive and the SKU stays in stock from now on. */
  | { kind: 'restock'; sku: string; units: number }
  /** Fix the listing so the SKU's units are no longer stranded. */
  | { kind: 'fixListing'; sku: string };

export interface WhatIfResult {
  before: IpiProxy;
  after: IpiProxy;
  change: number;
  sumsAfter: FactorSums;
}

/**
 * The proxy after a set of actions. Each action swaps its SKU's contribution to the catalogue sums
 * for the changed one, so only the SKUs acted on need loading. Removed units also leave the 90-day
 * average on hand (the figure once the removal is inside the window), which is why removing stock
 * raises sell-through as well as lowering excess.
 */
export function whatIf(
  base: FactorSums,
  items: ReadonlyMap<string, SkuHealthInput>,
  options: { actions: readonly WhatIfAction[]; model?: IpiModel },
): WhatIfResult {
  const model = options.model ?? DEFAULT_IPI_MODEL;
  const current = new Map(items);
  let sums = base;
  for (const [i, action] of options.actions.entries()) {
    const item = current.get(action.sku);
    if (!item)
      throw new DomainError('UNKNOWN_SKU', `unknown SKU ${action.sku}`, {
        field: `actions.${String(i)}.sku`,
      });
    const next = applyAction(item, action);
    sums = addSums(addSums(sums, skuFactorSums(item), -1), skuFactorSums(next));
    current.set(action.sku, next);
  }
  const before = ipiProxy(factorsFromSums(base), model);
  const after = ipiProxy(factorsFromSums(sums), model);
  return { before, after, change: after.score - before.score, sumsAfter: sums };
}

function applyAction(item: SkuHealthInput, action: WhatIfAction): SkuHealthInput {
  switch (action.kind) {
    case 'remove': {
      const removed = Math.min(Math.max(0, Math.floor(action.units)), Math.max(0, item.onHand));
      return {
        ...item,
        onHand: item.onHand - removed,
        averageOnHand90: Math.max(0, item.averageOnHand90 - removed),
      };
    }
    case 'restock':
      return {
        ...item,
        onHand: item.onHand + Math.max(0, Math.floor(action.units)),
        inStockDays30: IN_STOCK_DAYS,
      };
    case 'fixListing':
      return { ...item, listingStatus: 'active' };
  }
}
