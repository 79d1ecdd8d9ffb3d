import { storageRate } from '@stockwise/domain/fees/fee-schedule';
import { parseIsoDate } from '@stockwise/domain/dates/dates';
import { AGE_WARNING_DAYS, nextAssessmentDay } from '@stockwise/domain/health/age';
import { networkOf } from '@stockwise/domain/ledger/network';
import type { SkuFactorRow } from '@stockwise/db/health/factor-inputs';
import type { AgeRow, SkuAgeRow } from '@stockwise/db/reports/inventory-age.repository';
import { inventoryAgeRepository } from '@stockwise/db/reports/inventory-age.repository';
import type { ApproachingThreshold } from '@stockwise/db/reports/layer-sums';
import type { Transactor } from '../platform/transactor';
import { ageColumns, bracketAmountColumn, bracketUnitsColumn, bucketColumns } from './report-columns';
import type { Page, ReportContext, ReportDefinition, SkuRange } from './report-context';
import {
  daysOfSupplyOf,
  itemCells,
  nextMonth,
  orNull,
  pageAgesAndFactors,
  sellThroughOf,
  r2,
  r3,
  scopeIds,
  storageTypeOfTier,
} from './report-context';
import { prefetchFees, statementPages } from './report-stream';
import type { ReportRow } from './report-writers';

/** Age rows (SKU × location) merged per SKU; surcharges only where Amazon charges them (its locations). */
export function mergeAge(rows: readonly AgeRow[]): SkuAgeRow[] {
  const bySku = new Map<string, AgeRow[]>();
  for (const r of rows) {
    const list = bySku.get(r.sku);
    if (list) list.push(r);
    else bySku.set(r.sku, [r]);
  }
  return [...bySku.values()].flatMap((list) => {
    const [first] = list;
    if (!first) return [];
    const amazon = list.filter((r) => networkOf(r.locationType) === 'amazon');
    const sum = (f: (r: AgeRow) => number, of = list) => of.reduce((s, r) => s + f(r), 0);
    return [
      {
        row: first,
        onHand: sum((r) => r.onHand),
        reserved: sum((r) => r.reserved),
        inbound: sum((r) => r.inbound),
        unfulfillable: sum((r) => r.unfulfillable),
        buckets: first.buckets.map((_, i) => sum((r) => r.buckets[i] ?? 0)),
        amazonOnHand: sum((r) => r.onHand, amazon),
        bracketUnits: first.bracketUnits.map((_, i) => sum((r) => r.bracketUnits[i] ?? 0, amazon)),
        bracketAmounts: first.bracketAmounts.map((_, i) => sum((r) => r.bracketAmounts[i] ?? 0, amazon)),
        approaching: list.flatMap((r) => r.approaching),
        marketplace: amazon[0]?.marketplace ?? null,
      },
    ];
  });
}

/** The soonest threshold units reach, as the report's alert text. */
function ageAlert(approaching: readonly ApproachingThreshold[]): string | null {
  const [first] = [...approaching].sort((a, b) => a.daysUntil - b.daysUntil);
  if (!first) return null;
  return `${String(first.units)} units reach ${String(first.threshold)} days in ${String(first.daysUntil)} days`;
}

/** Inventory-age rows: one per SKU (its locations merged), with its factor inputs (`bySku`). */
async function ageRows(
  ctx: ReportContext,
  ages: readonly SkuAgeRow[],
  bySku: ReadonlyMap<string, SkuFactorRow>,
): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (const m of ages) {
    const f = bySku.get(m.row.sku);
    const storageType = storageTypeOfTier(m.row.sizeTier);
    const schedule = await ctx.fees(m.marketplace);
    const cuft = m.row.cubicFeet ?? 0;
    const row: ReportRow = {
      ...itemCells(ctx, m.row),
      available: m.onHand - m.reserved,
      'inbound-quantity': m.inbound,
      'reserved-quantity': m.reserved,
      'unfulfillable-quantity': m.unfulfillable,
      currency: schedule.currency,
      'your-price': m.row.price,
      'units-shipped-t7': f?.unitsShipped7 ?? 0,
      'units-shipped-t30': f?.unitsShipped30 ?? 0,
      'units-shipped-t60': f?.unitsShipped60 ?? 0,
      'units-shipped-t90': f?.unitsShipped90 ?? 0,
      'sell-through': f ? sellThroughOf(f) : null,
      'item-volume': m.row.cubicFeet,
      'volume-unit-measurement': 'cubic feet',
      'storage-type': storageType,
      'storage-volume': r3(cuft * m.onHand),
      marketplace: m.marketplace,
      'days-of-supply': f ? orNull(daysOfSupplyOf(f), Math.round) : null,
      'estimated-excess-quantity': f?.excessUnits ?? 0,
      'estimated-storage-cost-next-month': r2(
        cuft * m.amazonOnHand * storageRate(schedule, { storageType, month: nextMonth(ctx.params.asOf) }),
      ),
      alert: ageAlert(m.approaching),
    };
    bucketColumns(ctx.scope.network).forEach((key, i) => (row[key] = m.buckets[i] ?? 0));
    if (ctx.scope.network === 'amazon') {
      ctx.schedule.agedSurcharge.forEach((b, i) => {
        row[bracketUnitsColumn(b)] = m.bracketUnits[i] ?? 0;
        row[bracketAmountColumn(b)] = r2(m.bracketAmounts[i] ?? 0);
      });
    } else delete row['estimated-storage-cost-next-month'];
    rows.push(row);
  }
  return rows;
}

async function agePage(tx: Transactor, ctx: ReportContext, range: SkuRange): Promise<Page> {
  const { ages, factors } = await pageAgesAndFactors(tx, ctx, range);
  return { rows: await ageRows(ctx, mergeAge(ages), factors) };
}

/** The whole report: factor inputs and open layers of every SKU (one row per SKU), read side by side a page at a time. */
async function* ageStream(tx: Transactor, ctx: ReportContext): AsyncGenerator<ReportRow[]> {
  await prefetchFees(tx, ctx);
  const day = parseIsoDate(ctx.params.asOf);
  const statement = inventoryAgeRepository.statement(ctx.actor.accountId, {
    asOf: ctx.params.asOf,
    brackets: ctx.schedule.agedSurcharge,
    warnDays: AGE_WARNING_DAYS,
    locationIds: scopeIds(ctx),
    // the surcharge estimate is for the next assessment day, at the age the units will have then
    bracketDaysAhead: nextAssessmentDay(day, ctx.schedule.agedSurchargeDay) - day,
  });
  for await (const rows of statementPages(tx, statement)) {
    yield await ageRows(
      ctx,
      rows.map((r) => r.age),
      new Map(rows.map((r) => [r.factors.sku, r.factors])),
    );
  }
}

export const inventoryAgeReport = (tx: Transactor): ReportDefinition => ({
  scope: 'location',
  columns: (ctx) => ageColumns(ctx.schedule, ctx.scope.network),
  page: (ctx, range) => agePage(tx, ctx, range),
  stream: (ctx) => ageStream(tx, ctx),
});
