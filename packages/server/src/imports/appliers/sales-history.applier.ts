import { caseVariantGroups } from '@stockwise/domain/imports/sales-history';
import { salesHistoryRepository } from '@stockwise/db/sales/sales-history.repository';
import type { ImportApplier } from './apply-context';

/** Case-variant groups a result lists (all of them are counted). */
const MAX_CASE_GROUPS = 200;

/**
 * A sales history: demand per SKU × location × day, not stock movements (docs/forecasting.md "History
 * and censoring"). The demand itself is applied in committed chunks before this runs
 * (`applySalesDemandInChunks`); this states what the file held — sales, lines with no price (not
 * sales), non-stock lines, cancellations and returns — and flags SKUs that differ only in case.
 */
export const applySalesHistoryImport: ImportApplier = async (ctx) => {
  const { sql, actor, importId } = ctx;
  const summary = await salesHistoryRepository.stagedSummary(sql, importId);
  const duplicates = await salesHistoryRepository.duplicates(sql, importId);
  const groups = caseVariantGroups(
    await salesHistoryRepository.caseCandidates(sql, actor.accountId, importId),
  );
  ctx.progress(summary.lines);
  return {
    location: ctx.location ?? null,
    lines: summary.lines,
    salesLines: summary.sales,
    units: summary.units,
    revenue: Math.round(summary.revenue * 100) / 100,
    currencies: summary.currencies,
    zeroPriceLines: summary.zeroPrice,
    nonStockLines: summary.nonStock,
    cancellationLines: summary.cancellations,
    returnLines: summary.returns,
    // Lines another file already counted (an overlapping export): in `units` above, not added to demand again.
    duplicateLines: duplicates.lines,
    duplicateUnits: duplicates.units,
    caseVariantGroups: groups.length,
    caseVariants: groups.slice(0, MAX_CASE_GROUPS),
  };
};
