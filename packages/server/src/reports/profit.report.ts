import { toPounds } from '@stockwise/domain/catalog/dimensions';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import type { FeeSchedule } from '@stockwise/domain/fees/fee-schedule';
import { fulfilmentFee, storageRate } from '@stockwise/domain/fees/fee-schedule';
import { feeSizeTier } from '@stockwise/domain/fees/unit-fees';
import { nextAssessmentDay } from '@stockwise/domain/health/age';
import type { ProfitInputs } from '@stockwise/domain/reports/profit';
import { ZERO_PROFIT, addProfit, profitLine } from '@stockwise/domain/reports/profit';
import type { ProfitRow } from '@stockwise/db/reports/profit.repository';
import { profitRepository } from '@stockwise/db/reports/profit.repository';
import type { Transactor } from '../platform/transactor';
import { REPORT_COLUMNS } from './report-columns';
import type { Page, ReportContext, ReportDefinition, SkuRange } from './report-context';
import { analytic, orNull, r2, r3, scopeOf, storageTypeOfTier } from './report-context';
import type { ReportRow } from './report-writers';

/** Assessment days of the aged-inventory surcharge counted in a profit period (a year and a month at most). */
const MAX_ASSESSMENTS = 13;

/**
 * Aged surcharge per SKU on each assessment day in [from, to), from the ledger as it stood on that day:
 * the layers then open at Amazon's locations, aged by their arrival at Amazon.
 */
async function agedSurcharges(
  tx: Transactor,
  ctx: ReportContext,
  range: SkuRange,
): Promise<Map<string, number>> {
  const { from, to } = ctx.params;
  const assessments: string[] = [];
  const day = (after: number) => nextAssessmentDay(after, ctx.schedule.agedSurchargeDay);
  for (let d = day(parseIsoDate(from)); d < parseIsoDate(to); d = day(d + 1)) assessments.push(isoDate(d));
  const rows = await analytic(tx, (sql) =>
    profitRepository.surchargesOnDays(sql, ctx.actor.accountId, {
      days: assessments.slice(-MAX_ASSESSMENTS),
      brackets: ctx.schedule.agedSurcharge,
      ...scopeOf(range),
    }),
  );
  const surcharge = new Map<string, number>();
  for (const r of rows) surcharge.set(r.sku, (surcharge.get(r.sku) ?? 0) + r.amount);
  return surcharge;
}

/** Storage fees of the Amazon unit-days in each month of the period, at that month's rate. */
function storageFees(schedule: FeeSchedule, r: ProfitRow): number {
  const storageType = storageTypeOfTier(r.sizeTier);
  let storage = 0;
  for (const [month, unitDays] of Object.entries(r.unitDaysByMonth)) {
    const [y = 0, m = 1] = month.split('-').map(Number);
    const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
    storage +=
      (unitDays / daysInMonth) * (r.cubicFeet ?? 0) * storageRate(schedule, { storageType, month: m });
  }
  return storage;
}

/**
 * A SKU's revenue and costs over the period. Amazon's item fees: what its settlement reports charged when
 * the SKU has settled fees in the period (docs/formulas.md "Settlement report"), else the fee table's
 * referral and fulfilment estimate; refunds and reimbursements only from settlements.
 */
function profitInputs(schedule: FeeSchedule, r: ProfitRow, agedSurcharge: number): ProfitInputs {
  const weightLb = r.weight === null ? 1 : toPounds(r.weight, r.weightUnit as 'lb');
  const settled = r.settled.fee !== null;
  return {
    unitsSold: r.unitsSold,
    revenue: r.revenue,
    cogs: r.cogs,
    referralFees: settled ? 0 : r.amazonRevenue * schedule.referralRate,
    fulfilmentFees: settled
      ? 0
      : r.amazonUnits * fulfilmentFee(schedule, { sizeTier: feeSizeTier(r.sizeTier), weightLb }),
    settledFees: -(r.settled.fee ?? 0),
    refunds: -(r.settled.refund ?? 0),
    reimbursements: r.settled.reimbursement ?? 0,
    storageFees: storageFees(schedule, r),
    agedSurcharge,
    inboundShipping: r.amazonReceivedUnits * (r.cubicFeet ?? 0) * schedule.inboundPerCubicFoot,
    otherVariableCost: r.unitsSold * schedule.otherVariablePerUnit,
  };
}

const hasSettlement = (r: ProfitRow) =>
  r.settled.fee !== null || r.settled.refund !== null || r.settled.reimbursement !== null;

function profitRow(r: ProfitRow, inputs: ProfitInputs): ReportRow {
  const p = profitLine(inputs);
  return {
    sku: r.sku,
    asin: r.asin,
    'product-name': r.title,
    'units-sold': p.unitsSold,
    revenue: r2(p.revenue),
    cogs: r2(p.cogs),
    'referral-fees': r2(p.referralFees),
    'fulfillment-fees': r2(p.fulfilmentFees),
    'storage-fees': r2(p.storageFees),
    'aged-inventory-surcharge': r2(p.agedSurcharge),
    'inbound-shipping': r2(p.inboundShipping),
    'other-variable-cost': r2(p.otherVariableCost),
    'settled-fees': r2(p.settledFees),
    refunds: r2(p.refunds),
    reimbursements: r2(p.reimbursements),
    profit: r2(p.profit),
    margin: orNull(p.margin, r3),
    roi: orNull(p.roi, r3),
    'storage-fees-percent-of-revenue': orNull(p.storageFeePercentOfRevenue, r2),
  };
}

/** The profit report: per SKU sold or stored in the period, with the page's totals as its summary. */
async function profitPage(tx: Transactor, ctx: ReportContext, range: SkuRange): Promise<Page> {
  const { from, to } = ctx.params;
  const rows = await analytic(tx, (sql) =>
    profitRepository.page(sql, ctx.actor.accountId, {
      from,
      to,
      currency: ctx.schedule.currency,
      ...scopeOf(range),
    }),
  );
  const surcharge = await agedSurcharges(tx, ctx, range);
  let total: ProfitInputs = ZERO_PROFIT;
  const out: ReportRow[] = [];
  for (const r of rows) {
    const inputs = profitInputs(ctx.schedule, r, surcharge.get(r.sku) ?? 0);
    total = addProfit(total, inputs);
    if (r.unitsSold === 0 && inputs.storageFees === 0 && !hasSettlement(r)) continue;
    out.push(profitRow(r, inputs));
  }
  const t = profitLine(total);
  return {
    rows: out,
    summary: {
      unitsSold: t.unitsSold,
      revenue: r2(t.revenue),
      cogs: r2(t.cogs),
      fees: r2(t.referralFees + t.fulfilmentFees + t.settledFees),
      refunds: r2(t.refunds),
      reimbursements: r2(t.reimbursements),
      storageFees: r2(t.storageFees + t.agedSurcharge),
      profit: r2(t.profit),
      margin: t.margin ?? 0,
      storageFeePercentOfRevenue: t.storageFeePercentOfRevenue ?? 0,
    },
  };
}

export const profitReport = (tx: Transactor): ReportDefinition => ({
  scope: 'amazon',
  columns: () => [...REPORT_COLUMNS.profit],
  page: (ctx, range) => profitPage(tx, ctx, range),
});
