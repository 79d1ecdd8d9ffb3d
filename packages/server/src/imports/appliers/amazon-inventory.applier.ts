import { inventoryReadAt } from '@stockwise/domain/channels/amazon/fba-inventory';
import { amazonStockReadsRepository } from '@stockwise/db/channels/amazon-stock-reads.repository';
import type { ImportApplier } from './apply-context';
import { reconcileCounts } from './count-reconciliation';
import { fbaLocation, NO_FBA_LOCATION_TO_RECONCILE } from './fba-location';

/**
 * Amazon's FBA Manage Inventory report: on hand at the Amazon location set to fulfillable + reserved. The
 * file is a read of Amazon's figures there at `readAt` (default: now), as the sync's summaries are: an FBA
 * order shipped before it is sales history only (docs/decisions.md 47, 53), and its count adjustments are
 * dated then, from the on hand then (decision 59).
 */
export const applyAmazonInventoryImport: ImportApplier = async (ctx) => {
  const readAt = inventoryReadAt(ctx.readAt, new Date());
  const fba = await fbaLocation(ctx.sql, ctx.actor.accountId, {
    location: ctx.location,
    whenNone: NO_FBA_LOCATION_TO_RECONCILE,
  });
  const totals = await reconcileCounts(ctx, {
    batchKind: 'import.fba-reconcile',
    note: `Amazon FBA Manage Inventory report, import ${ctx.importId}: on hand set to what Amazon holds`,
    referenceType: 'amazon-inventory',
    at: readAt,
    count: (d) => ({ location: fba.code, counted: Number(d['fulfillable']) + Number(d['reserved']) }),
  });
  await amazonStockReadsRepository.record(ctx.sql, ctx.actor.accountId, {
    locationId: fba.id,
    readAt,
    importId: ctx.importId,
  });
  return { ...totals, location: fba.code, readAt: readAt.toISOString() };
};
