import { importsRepository } from '@stockwise/db/imports/imports.repository';
import type { ImportApplier } from './apply-context';
import { reconcileCounts } from './count-reconciliation';
import { fbaLocation, NO_FBA_LOCATION_TO_RECONCILE } from './fba-location';

/**
 * Amazon's FBA inventory age report: on hand at the Amazon location set to available + total reserved;
 * the age brackets are stored beside, and compared with the ledger's own age layers.
 */
export const applyAmazonInventoryAgeImport: ImportApplier = async (ctx) => {
  const accountId = ctx.actor.accountId;
  const fba = await fbaLocation(ctx.sql, accountId, {
    location: ctx.location,
    whenNone: NO_FBA_LOCATION_TO_RECONCILE,
  });
  let ageRowsStored = 0;
  const snapshots = new Set<string>();
  const totals = await reconcileCounts(ctx, {
    batchKind: 'import.fba-reconcile',
    note: `Amazon FBA inventory age report, import ${ctx.importId}: on hand set to what Amazon holds`,
    referenceType: 'amazon-inventory-age',
    count: (d) => ({ location: fba.code, counted: Number(d['available']) + Number(d['reserved'] ?? 0) }),
    afterBatch: async (rows) => {
      for (const r of rows) snapshots.add(String(r['snapshotDate']));
      ageRowsStored += await importsRepository.storeFbaAges(ctx.sql, accountId, {
        locationId: fba.id,
        importId: ctx.importId,
        rows,
      });
    },
  });
  const ageComparison = await Promise.all(
    [...snapshots].sort().map((day) =>
      importsRepository.compareFbaAges(ctx.sql, accountId, {
        locationId: fba.id,
        snapshotDate: day,
        limit: 100,
      }),
    ),
  );
  return { ...totals, location: fba.code, ageRowsStored, ageComparison };
};
