/**
 * Replays demo events into on-hand balances per SKU × location — the ledger invariant of docs/vocabulary.md
 * (a balance is the sum of its movements). Seeders and tests use it to check a demo seller before
 * loading it; it reports the first movement that would take a balance below zero.
 */
import type { DemoEvent } from './types';

export interface ReplayResult {
  /** Sellable on-hand, keyed `${sku}@${location}`. */
  onHand: Map<string, number>;
  /** Unsellable returns, same keys. */
  unfulfillable: Map<string, number>;
  /** Index into the events of the first movement that drove a balance negative, or null. */
  firstNegative: number | null;
}

export function stockKey(sku: string, location: string): string {
  return `${sku}@${location}`;
}

export function replayStock(events: readonly DemoEvent[]): ReplayResult {
  const onHand = new Map<string, number>();
  const unfulfillable = new Map<string, number>();
  let firstNegative: number | null = null;
  const add = (map: Map<string, number>, key: string, quantity: number): number => {
    const next = (map.get(key) ?? 0) + quantity;
    map.set(key, next);
    return next;
  };
  events.forEach((event, index) => {
    const moves: [string, number][] = [];
    switch (event.kind) {
      case 'receipt':
        moves.push([stockKey(event.sku, event.location), event.quantity]);
        break;
      case 'sale':
        moves.push([stockKey(event.sku, event.location), -event.quantity]);
        break;
      case 'transfer':
        moves.push(
          [stockKey(event.sku, event.from), -event.quantity],
          [stockKey(event.sku, event.to), event.quantity],
        );
        break;
      case 'return':
        if (event.sellable) moves.push([stockKey(event.sku, event.location), event.quantity]);
        else add(unfulfillable, stockKey(event.sku, event.location), event.quantity);
        break;
      case 'adjustment':
        moves.push([stockKey(event.sku, event.location), event.quantity]);
        break;
    }
    for (const [key, quantity] of moves) {
      if (add(onHand, key, quantity) < 0 && firstNegative === null) firstNegative = index;
    }
  });
  return { onHand, unfulfillable, firstNegative };
}
