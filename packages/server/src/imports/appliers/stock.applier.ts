import type { ImportApplier } from './apply-context';
import { reconcileCounts } from './count-reconciliation';

/** Where a stock count file's row counts its SKU, and how many. */
export const stockCount = (d: Record<string, unknown>) => ({
  location: String(d['location']),
  counted: Number(d['quantity']),
});

/** A stock count file: on hand per SKU × location set to the counted quantity. */
export const applyStockImport: ImportApplier = async (ctx) => ({
  ...(await reconcileCounts(ctx, {
    batchKind: 'import.stock',
    note: `stock count import ${ctx.importId}`,
    referenceType: 'import',
    count: stockCount,
  })),
});
