import { strandedRepository } from '@stockwise/db/reports/stranded.repository';
import type { Transactor } from '../platform/transactor';
import { REPORT_COLUMNS } from './report-columns';
import type { Page, ReportContext, ReportDefinition, SkuRange } from './report-context';
import { itemCells, monthlyStorageFee, pageAges, r2, scopeOf } from './report-context';
import type { ReportRow } from './report-writers';

/** The stranded report: stock on hand or inbound at each location of a SKU whose listing is not active. */
async function strandedPage(tx: Transactor, ctx: ReportContext, range: SkuRange): Promise<Page> {
  const [ages, status] = await Promise.all([
    pageAges(tx, ctx, scopeOf(range)),
    strandedRepository.listingStatuses(tx.sql, ctx.actor.accountId, range),
  ]);
  const rows: ReportRow[] = [];
  for (const a of ages) {
    const s = status.get(a.sku) ?? 'active';
    if (s === 'active' || a.onHand + a.inbound <= 0) continue;
    rows.push({
      ...itemCells(ctx, a),
      location: a.location,
      'status-primary': s === 'error' ? 'Listing error' : 'Inactive',
      'stranded-reason': s === 'error' ? 'Listing has an error' : 'No active listing',
      'primary-action': s === 'error' ? 'Fix listing' : 'Relist',
      'fulfillable-qty': a.onHand - a.reserved,
      'unfulfillable-qty': a.unfulfillable,
      'reserved-quantity': a.reserved,
      'inbound-shipped': a.inbound,
      'your-price': a.price,
      'estimated-monthly-storage-fee': r2(await monthlyStorageFee(ctx, { ...a, units: a.onHand })),
    });
  }
  return { rows };
}

export const strandedReport = (tx: Transactor): ReportDefinition => ({
  scope: 'location',
  columns: () => [...REPORT_COLUMNS.stranded],
  page: (ctx, range) => strandedPage(tx, ctx, range),
});
