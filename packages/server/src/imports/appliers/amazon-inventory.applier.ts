import type { ImportApplier } from './apply-context';
import { reconcileCounts } from './count-reconciliation';
import { fbaLocation, NO_FBA_LOCATION_TO_RECONCILE } from './fba-location';

/** Amazon's FBA Manage Inventory report: on hand at the Amazon location set to fulfillable + reserved. */
export const applyAmazonInventoryImport: ImportApplier = async (ctx) => {
  const fba = await fbaLocation(ctx.sql, ctx.actor.accountId, {
    location: ctx.location,
    whenNone: NO_FBA_LOCATION_TO_RECONCILE,
  });
  const totals = await reconcileCounts(ctx, {
    batchKind: 'import.fba-reconcile',
    note: `Amazon FBA Manage Inventory report, import ${ctx.importId}: on hand set to what Amazon holds`,
    referenceType: 'amazon-inventory',
    count: (d) => ({ location: fba.code, counted: Number(d['fulfillable']) + Number(d['reserved']) }),
  });
  return { ...totals, location: fba.code };
};
