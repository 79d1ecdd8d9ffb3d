import { DomainError } from '@stockwise/domain/errors';
import { caseVariantGroups } from '@stockwise/domain/imports/sales-history';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import { importsRepository } from '@stockwise/db/imports/imports.repository';
import { salesHistoryRepository } from '@stockwise/db/sales/sales-history.repository';
import type { ImportApplier } from './apply-context';

/** Staged lines added to the daily demand per statement. */
const DEMAND_CHUNK = 5000;
/** Case-variant groups a result lists (all of them are counted). */
const MAX_CASE_GROUPS = 200;

/**
 * A sales history: demand per SKU × location × day, not stock movements (docs/forecasting.md "History
 * and censoring"). Missing SKUs are created (the mapping's createProducts; otherwise staging refused
 * them), non-stock codes flagged and kept out of demand, lines with no price counted and left out, and
 * SKUs that differ only in case flagged.
 */
export const applySalesHistoryImport: ImportApplier = async (ctx) => {
  const { sql, actor, importId } = ctx;
  const accountId = actor.accountId;
  const location = ctx.location
    ? await locationsRepository.findByCode(sql, accountId, ctx.location)
    : (await locationsRepository.listAll(sql, accountId)).find((l) => l.active);
  if (!location)
    throw new DomainError(
      'UNKNOWN_LOCATION',
      ctx.location
        ? `unknown location ${ctx.location}`
        : 'no location to record the sales at: create one first',
      { field: 'location' },
    );
  const summary = await salesHistoryRepository.stagedSummary(sql, importId);
  const productsCreated = await salesHistoryRepository.createProducts(sql, accountId, importId);
  const nonStockProducts = await salesHistoryRepository.markNonStock(sql, accountId, importId);
  const last = await importsRepository.maxStagedLine(sql, importId);
  for (let from = 0; from <= last; from += DEMAND_CHUNK) {
    const to = Math.min(from + DEMAND_CHUNK, last + 1);
    await salesHistoryRepository.addDemand(sql, accountId, { importId, locationId: location.id, from, to });
    ctx.progress(Math.round((summary.lines * (to - from)) / (last + 1)));
  }
  const groups = caseVariantGroups(await salesHistoryRepository.caseCandidates(sql, accountId, importId));
  return {
    location: location.code,
    lines: summary.lines,
    salesLines: summary.sales,
    units: summary.units,
    revenue: Math.round(summary.revenue * 100) / 100,
    currencies: summary.currencies,
    zeroPriceLines: summary.zeroPrice,
    nonStockLines: summary.nonStock,
    cancellationLines: summary.cancellations,
    returnLines: summary.returns,
    productsCreated,
    nonStockProducts,
    caseVariantGroups: groups.length,
    caseVariants: groups.slice(0, MAX_CASE_GROUPS),
  };
};
