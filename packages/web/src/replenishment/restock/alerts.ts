import type { RestockAlert, RestockRecommendation } from '../../api/types';
import { lineKey } from '../purchasing.hooks';

export const ALERT_COLORS: Record<RestockAlert, string> = {
  out_of_stock: 'red',
  reorder_now: 'orange',
  reorder_soon: 'yellow',
};

/**
 * Planning positions per alert, counted from the plan's rows: a SKU × location is counted once even
 * when the plan gives it two lines (a transfer and a purchase), so the counts are the positions'
 * own (the alert is the position's, docs/formulas.md), the same figures the overview shows.
 */
export function alertCounts(rows: readonly RestockRecommendation[]): Map<RestockAlert, number> {
  const seen = new Map<RestockAlert, Set<string>>();
  for (const rec of rows) {
    if (!rec.alert) continue;
    const keys = seen.get(rec.alert) ?? new Set<string>();
    keys.add(lineKey(rec.sku, rec.location));
    seen.set(rec.alert, keys);
  }
  return new Map([...seen].map(([alert, keys]) => [alert, keys.size]));
}
