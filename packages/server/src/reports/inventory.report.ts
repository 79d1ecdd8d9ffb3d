import type { Transactor } from '../platform/transactor';
import { REPORT_COLUMNS } from './report-columns';
import type { Page, ReportContext, ReportDefinition, SkuRange } from './report-context';
import {
  daysOfSupplyOf,
  itemCells,
  monthlyStorageFee,
  orNull,
  pageAgesAndFactors,
  r2,
  r3,
  storageTypeOfTier,
} from './report-context';
import type { ReportRow } from './report-writers';

/** The inventory report: one row per SKU × location, with this month's storage fee and days of supply. */
async function inventoryPage(tx: Transactor, ctx: ReportContext, range: SkuRange): Promise<Page> {
  const { ages, factors } = await pageAgesAndFactors(tx, ctx, range);
  const rows: ReportRow[] = [];
  for (const a of ages) {
    const f = factors.get(a.sku);
    const dos = f ? daysOfSupplyOf(f) : null;
    rows.push({
      ...itemCells(ctx, a),
      location: a.location,
      'location-type': a.locationType,
      'your-price': a.price,
      'fulfillable-quantity': a.onHand - a.reserved,
      'reserved-quantity': a.reserved,
      'unsellable-quantity': a.unfulfillable,
      'inbound-quantity': a.inbound,
      'total-quantity': a.onHand + a.unfulfillable,
      'per-unit-volume': a.cubicFeet,
      'total-volume': r3((a.cubicFeet ?? 0) * a.onHand),
      'storage-type': storageTypeOfTier(a.sizeTier),
      'estimated-monthly-storage-fee': r2(await monthlyStorageFee(ctx, { ...a, units: a.onHand })),
      'days-of-supply': orNull(dos, (x) => Math.round(x)),
    });
  }
  return { rows };
}

export const inventoryReport = (tx: Transactor): ReportDefinition => ({
  scope: 'all',
  columns: () => [...REPORT_COLUMNS.inventory],
  page: (ctx, range) => inventoryPage(tx, ctx, range),
});
