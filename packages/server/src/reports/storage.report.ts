import { sortedSidesInches, toPounds } from '@stockwise/domain/catalog/dimensions';
import {
  UTILIZATION_WINDOW_DAYS,
  capacityOverageFee,
  feeEstimate,
  monthlyStorageFee,
  storageRate,
  utilizationRatioWeeks,
  utilizationSurchargeRate,
} from '@stockwise/domain/fees/fee-schedule';
import type { FeeSchedule } from '@stockwise/domain/fees/fee-schedule';
import type { StorageRow } from '@stockwise/db/reports/storage.repository';
import { storageRepository } from '@stockwise/db/reports/storage.repository';
import type { Transactor } from '../platform/transactor';
import { REPORT_COLUMNS } from './report-columns';
import type { Page, ReportContext, ReportDefinition, SkuRange } from './report-context';
import {
  analytic,
  contextsByMarketplace,
  monthNumber,
  orNull,
  pageAges,
  r2,
  r3,
  scopeIds,
  scopeOf,
  storageTypeOfTier,
} from './report-context';
import { prefetchFees, statementPages } from './report-stream';
import type { ReportRow } from './report-writers';

/** The account's storage utilisation ratio and surcharge rate, computed once per report. */
export function utilization(tx: Transactor, ctx: ReportContext) {
  utilizations(tx, [ctx]);
  return ctx.utilization!;
}

/**
 * `utilization` of each context not yet holding one, in one statement for them all (the storage
 * overview's months, each as of its own day): flat in the number of months.
 */
export function utilizations(tx: Transactor, contexts: readonly ReportContext[]): void {
  const open = contexts.filter((c) => c.utilization === undefined);
  if (open.length === 0) return;
  const asOfs = [...new Set(open.map((c) => c.params.asOf))];
  const read = analytic(tx, (sql) =>
    storageRepository.utilizations(sql, open[0]!.actor.accountId, { asOfs, days: UTILIZATION_WINDOW_DAYS }),
  );
  for (const ctx of open)
    ctx.utilization = read.then((all) => {
      const u = all[asOfs.indexOf(ctx.params.asOf)]!;
      const ratio = utilizationRatioWeeks(u);
      return { ...u, ratio, surchargeRate: utilizationSurchargeRate(ctx.schedule, ratio) };
    });
}

/** The aged-inventory surcharge's assessment day in the report's month. */
export const assessmentDay = (ctx: ReportContext) =>
  `${ctx.params.month}-${String(ctx.schedule.agedSurchargeDay).padStart(2, '0')}`;

/** Sides in inches, longest first, when the product has all three. */
function sidesOf(r: StorageRow) {
  if (r.length === null || r.width === null || r.height === null) return null;
  const unit = r.dimensionUnit === 'cm' ? 'cm' : 'in';
  return sortedSidesInches({ length: r.length, width: r.width, height: r.height, unit });
}

/**
 * A storage row's fees in its table's currency for `month`: the base rate plus the utilisation surcharge
 * over its volume, and its aged surcharge (`surcharge`), both only at Amazon's fulfilment centres; left
 * empty, not 0, where no table prices its marketplace (docs/fees.md).
 */
export function storageRowFees(
  r: Pick<StorageRow, 'locationType' | 'sizeTier' | 'cubicFeet' | 'averageOnHand'>,
  schedule: FeeSchedule,
  q: { month: string; surchargeRate: number; surcharge: number },
) {
  const amazon = r.locationType === 'amazon_fba';
  const storageType = storageTypeOfTier(r.sizeTier);
  const month = monthNumber(q.month);
  // only Amazon's fulfilment centres charge these; there a marketplace without a table leaves them unknown
  const atAmazon = (amount: () => number) => (amazon ? feeEstimate(schedule, amount()) : 0);
  const fee = () =>
    monthlyStorageFee(schedule, {
      cubicFeet: r.cubicFeet ?? 0,
      units: r.averageOnHand,
      storageType,
      month,
      utilizationRate: q.surchargeRate,
    });
  return {
    amazon,
    storageType,
    volume: (r.cubicFeet ?? 0) * r.averageOnHand,
    currency: schedule.currency,
    baseRate: atAmazon(() => storageRate(schedule, { storageType, month })),
    utilizationRate: atAmazon(() => q.surchargeRate),
    storageFee: atAmazon(() => r2(fee())),
    agedSurcharge: atAmazon(() => r2(q.surcharge)),
  };
}

/** Storage rows with the month's fee (base rate plus utilisation surcharge) and the aged-inventory surcharge. */
async function storageRows(
  tx: Transactor,
  ctx: ReportContext,
  rows: readonly StorageRow[],
  surcharge: (r: StorageRow) => number,
): Promise<ReportRow[]> {
  const month = ctx.params.month;
  const u = await utilization(tx, ctx);
  const out: ReportRow[] = [];
  for (const r of rows) {
    const schedule = await ctx.fees(r.marketplace);
    const f = storageRowFees(r, schedule, { month, surchargeRate: u.surchargeRate, surcharge: surcharge(r) });
    const sides = sidesOf(r);
    out.push({
      sku: r.sku,
      asin: r.asin,
      fnsku: r.fnsku,
      product_name: r.title,
      fulfillment_center: r.location,
      country_code: r.marketplace,
      longest_side: sides ? r2(sides[0]) : null,
      median_side: sides ? r2(sides[1]) : null,
      shortest_side: sides ? r2(sides[2]) : null,
      measurement_units: 'inches',
      weight: r.weight === null ? null : r2(toPounds(r.weight, r.weightUnit as 'lb')),
      weight_units: 'pounds',
      item_volume: r.cubicFeet,
      volume_units: 'cubic feet',
      product_size_tier: r.sizeTier,
      storage_type: f.storageType,
      average_quantity_on_hand: r2(r.averageOnHand),
      estimated_total_item_volume: r3(f.volume),
      month_of_charge: month,
      storage_utilization_ratio: f.amazon ? orNull(u.ratio, r2) : null,
      base_rate: f.baseRate,
      utilization_surcharge_rate: f.utilizationRate,
      currency: f.currency,
      estimated_monthly_storage_fee: f.storageFee,
      estimated_aged_inventory_surcharge: f.agedSurcharge,
    });
  }
  return out;
}

async function storagePage(tx: Transactor, ctx: ReportContext, range: SkuRange): Promise<Page> {
  const key = (r: { sku: string; location: string }) => `${r.sku}\u0001${r.location}`;
  const [rows, ...ages] = await Promise.all([
    analytic(tx, (sql) =>
      storageRepository.page(sql, ctx.actor.accountId, {
        month: ctx.params.month,
        asOf: ctx.params.asOf,
        locationIds: scopeIds(ctx),
        ...scopeOf(range),
      }),
    ),
    // each marketplace's locations aged against its own table's brackets and assessment day
    ...(await contextsByMarketplace(ctx)).map((c) => pageAges(tx, c, scopeOf(range), assessmentDay(c))),
  ]);
  const surcharge = new Map(
    ages.flat().map((a) => [key(a), a.bracketAmounts.reduce((s, x) => s + x, 0)] as const),
  );
  return { rows: await storageRows(tx, ctx, rows, (r) => surcharge.get(key(r)) ?? 0) };
}

/**
 * The whole report: balances with the month's movements, and the layers' surcharges, read side by side a
 * page at a time — one statement per marketplace in scope (each with its table's brackets), one after
 * the other, so rows come in SKU order within each marketplace.
 */
async function* storageStream(tx: Transactor, ctx: ReportContext): AsyncGenerator<ReportRow[]> {
  await Promise.all([utilization(tx, ctx), prefetchFees(tx, ctx)]);
  for (const c of await contextsByMarketplace(ctx)) {
    const statement = storageRepository.statement(ctx.actor.accountId, {
      month: c.params.month,
      asOf: c.params.asOf,
      assessment: assessmentDay(c),
      brackets: c.schedule.agedSurcharge,
      locationIds: scopeIds(c),
    });
    for await (const rows of statementPages(tx, statement)) {
      const surcharge = new Map(rows.map((r) => [r.storage, r.surcharge]));
      yield await storageRows(
        tx,
        ctx,
        rows.map((r) => r.storage),
        (r) => surcharge.get(r) ?? 0,
      );
    }
  }
}

/**
 * Catalogue figures: the utilisation ratio, and each location's capacity use now and in the next two months
 * (the overage fee in the currency of the location's table).
 */
export async function storageSummary(tx: Transactor, ctx: ReportContext) {
  const util = await utilization(tx, ctx);
  const capacity = await storageRepository.capacity(tx.sql, ctx.actor.accountId);
  const month = monthNumber(ctx.params.asOf);
  const lines = [];
  for (const c of capacity) {
    const schedule = await ctx.fees(c.marketplace);
    const limit = c.limits[c.storageType] ?? null;
    const months = [c.usedCubicFeet, c.projected30, c.projected60].map((used, i) => ({
      month: ((month - 1 + i) % 12) + 1,
      usedCubicFeet: r2(used),
      utilisation: limit ? r3(used / limit) : null,
      overageFee: r2(capacityOverageFee(schedule, { usedCubicFeet: used, limitCubicFeet: limit })),
    }));
    lines.push({
      location: c.location,
      storageType: c.storageType,
      currency: schedule.currency,
      limitCubicFeet: limit,
      months,
    });
  }
  return {
    storageUtilizationRatioWeeks: orNull(util.ratio, r2),
    utilizationSurchargeRate: util.surchargeRate,
    averageDailyVolumeCubicFeet: r2(util.averageDailyVolume),
    averageDailyShippedVolumeCubicFeet: r3(util.averageDailyShippedVolume),
    capacity: lines,
  };
}

export const storageReport = (tx: Transactor): ReportDefinition => ({
  scope: 'location',
  columns: () => [...REPORT_COLUMNS.storage],
  page: (ctx, range) => storagePage(tx, ctx, range),
  summary: (ctx) => storageSummary(tx, ctx),
  stream: (ctx) => storageStream(tx, ctx),
});
