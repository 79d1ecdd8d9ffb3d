import type { ImportApplier } from './apply-context';
import { reconcileCounts } from './count-reconciliation';

/** A stock count file: on hand per SKU × location set to the counted quantity. */
export const applyStockImport: ImportApplier = async (ctx) => ({
  ...(await reconcileCounts(ctx, {
    batchKind: 'import.stock',
    note: `stock count import ${ctx.importId}`,
    referenceType: 'import',
    count: (d) => ({ location: String(d['location']), counted: Number(d['quantity']) }),
  })),
});
