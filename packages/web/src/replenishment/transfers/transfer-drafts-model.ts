import type { RestockRecommendation, TransferDraftCreate } from '../../api/types';

/**
 * The ticked transfer lines as one draft per route (from → to), lines in SKU order; lines without a
 * source or a quantity are left out (the plan's own lines, not a new rule).
 */
export function transferDraftBodies(rows: readonly RestockRecommendation[]): TransferDraftCreate[] {
  const routes = new Map<string, TransferDraftCreate>();
  for (const rec of rows) {
    if (rec.action !== 'transfer' || rec.source === null || rec.recommendedQuantity <= 0) continue;
    const key = `${rec.source}\u0001${rec.location}`;
    const draft = routes.get(key) ?? { fromLocation: rec.source, toLocation: rec.location, lines: [] };
    draft.lines.push({ sku: rec.sku, quantity: rec.recommendedQuantity });
    routes.set(key, draft);
  }
  return [...routes.values()]
    .sort((a, b) => a.fromLocation.localeCompare(b.fromLocation) || a.toLocation.localeCompare(b.toLocation))
    .map((d) => ({ ...d, lines: [...d.lines].sort((a, b) => a.sku.localeCompare(b.sku)) }));
}
