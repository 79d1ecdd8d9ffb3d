/**
 * Drafting purchase orders from a restock plan: one order per supplier × destination, with a line per
 * SKU the plan says to buy, expected when its slowest line would arrive.
 */
import { DomainError } from '../errors';

/** What drafting needs of a plan item. */
export interface PlannedPurchase {
  action: 'purchase' | 'transfer';
  sku: string;
  location: string;
  supplier: string | null;
  recommendedQuantity: number;
  unitCost: number | null;
  arrivalDate: string;
}

export interface DraftOrder {
  supplier: string;
  location: string;
  lines: { sku: string; quantity: number; unitCost: number | null }[];
  /** The latest arrival of its lines. */
  arrival: string;
}

/**
 * Groups the plan's purchases with a quantity and a supplier (of the `skus` wanted, when given) into
 * one draft per supplier × location, in plan order. Refused when nothing is left to order.
 */
export function draftOrdersFromPlan(
  items: readonly PlannedPurchase[],
  options: { skus?: readonly string[] | undefined } = {},
): DraftOrder[] {
  const wanted = options.skus ? new Set(options.skus) : null;
  const groups = new Map<string, DraftOrder>();
  for (const item of items) {
    if (item.action !== 'purchase' || item.recommendedQuantity <= 0 || !item.supplier) continue;
    if (wanted && !wanted.has(item.sku)) continue;
    const key = `${item.supplier}\u0000${item.location}`;
    const g = groups.get(key) ?? {
      supplier: item.supplier,
      location: item.location,
      lines: [],
      arrival: item.arrivalDate,
    };
    g.lines.push({ sku: item.sku, quantity: item.recommendedQuantity, unitCost: item.unitCost });
    if (item.arrivalDate > g.arrival) g.arrival = item.arrivalDate;
    groups.set(key, g);
  }
  if (groups.size === 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      'no recommendation has a quantity to order from a supplier (SKUs need a supplier with terms)',
      { field: 'fromRecommendations' },
    );
  return [...groups.values()];
}
