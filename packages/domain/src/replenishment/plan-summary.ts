/**
 * How a restock plan is read: the most urgent lines first (out of stock, reorder now, reorder soon,
 * then by order-by date), and its totals (lines to order, units, cost, alerts by kind).
 */
import type { RestockAlert } from './restock';

/** What ordering and totals need of a plan item. */
export interface PlanItemFacts {
  sku: string;
  location: string;
  alert: RestockAlert | null;
  orderByDate: string | null;
  recommendedQuantity: number;
  estimatedCost: number | null;
}

const URGENCY: Record<RestockAlert, number> = { out_of_stock: 0, reorder_now: 1, reorder_soon: 2 };
const NO_ALERT = 3;
/** Sorts after every real date: lines with nothing to order by come last. */
const NO_DATE = '9999';

/** Most urgent first: alert severity, then order-by date, then SKU and location. */
export function compareByUrgency(a: PlanItemFacts, b: PlanItemFacts): number {
  return (
    (a.alert ? URGENCY[a.alert] : NO_ALERT) - (b.alert ? URGENCY[b.alert] : NO_ALERT) ||
    (a.orderByDate ?? NO_DATE).localeCompare(b.orderByDate ?? NO_DATE) ||
    a.sku.localeCompare(b.sku) ||
    a.location.localeCompare(b.location)
  );
}

export interface PlanTotals {
  /** Lines with something to order. */
  lines: number;
  units: number;
  estimatedCost: number;
  alerts: Record<string, number>;
}

export function planTotals(items: readonly PlanItemFacts[]): PlanTotals {
  const alerts: Record<string, number> = {};
  for (const i of items) if (i.alert) alerts[i.alert] = (alerts[i.alert] ?? 0) + 1;
  return {
    lines: items.filter((i) => i.recommendedQuantity > 0).length,
    units: items.reduce((s, i) => s + i.recommendedQuantity, 0),
    estimatedCost: Math.round(items.reduce((s, i) => s + (i.estimatedCost ?? 0), 0) * 100) / 100,
    alerts,
  };
}
