import { toPounds } from '@stockwise/domain/catalog/dimensions';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import type { FeeSchedule } from '@stockwise/domain/fees/fee-schedule';
import { fulfilmentFee, storageRate } from '@stockwise/domain/fees/fee-schedule';
import { feeSizeTier } from '@stockwise/domain/fees/unit-fees';
import { nextAssessmentDay } from '@stockwise/domain/health/age';
import type { CurrencyProfitInputs, CurrencyProfitLine } from '@stockwise/domain/reports/profit';
import { ZERO_PROFIT, profitByCurrency, profitTotalsByCurrency } from '@stockwise/domain/reports/profit';
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
 * A SKU's revenue and costs over the period, each in the currency it is paid in
 * (docs/formulas.md, "Profit in several currencies"): revenue and the referral fee (a rate of it) in the
 * sale's, COGS in the product's, the fee table's estimates in the table's, settled amounts in the
 * settlement's. Amazon's item fees: what its settlement reports charged when the SKU has settled fees in
 * that currency in the period (docs/formulas.md "Settlement report"), else the fee table's referral and
 * fulfilment estimate; refunds and reimbursements only from settlements.
 */
function profitParts(schedule: FeeSchedule, r: ProfitRow, agedSurcharge: number): CurrencyProfitInputs[] {
  const weightLb = r.weight === null ? 1 : toPounds(r.weight, r.weightUnit as 'lb');
  const settledFees = (currency: string) => r.settled.some((s) => s.currency === currency && s.fee !== null);
  const units = r.sales.reduce((n, s) => n + s.units, 0);
  const amazonUnits = r.sales.reduce((n, s) => n + s.amazonUnits, 0);
  return [
    ...r.sales.map((s) => ({
      ...ZERO_PROFIT,
      currency: s.currency,
      unitsSold: s.units,
      revenue: s.revenue,
      referralFees: settledFees(s.currency) ? 0 : s.amazonRevenue * schedule.referralRate,
    })),
    { ...ZERO_PROFIT, currency: r.costCurrency, cogs: r.cogs },
    {
      ...ZERO_PROFIT,
      currency: schedule.currency,
      fulfilmentFees: settledFees(schedule.currency)
        ? 0
        : amazonUnits * fulfilmentFee(schedule, { sizeTier: feeSizeTier(r.sizeTier), weightLb }),
      storageFees: storageFees(schedule, r),
      agedSurcharge,
      inboundShipping: r.amazonReceivedUnits * (r.cubicFeet ?? 0) * schedule.inboundPerCubicFoot,
      otherVariableCost: units * schedule.otherVariablePerUnit,
    },
    ...r.settled.map((s) => ({
      ...ZERO_PROFIT,
      currency: s.currency,
      settledFees: -(s.fee ?? 0),
      refunds: -(s.refund ?? 0),
      reimbursements: s.reimbursement ?? 0,
    })),
  ];
}

/** A SKU is listed when it sold, was stored at Amazon or was settled in the period. */
const isListed = (lines: readonly CurrencyProfitLine[]) =>
  lines.some(
    (l) =>
      l.unitsSold > 0 ||
      l.storageFees > 0 ||
      l.settledFees !== 0 ||
      l.refunds !== 0 ||
      l.reimbursements !== 0,
  );

function profitRow(r: ProfitRow, p: CurrencyProfitLine, others: readonly string[]): ReportRow {
  return {
    sku: r.sku,
    asin: r.asin,
    'product-name': r.title,
    currency: p.currency,
    'other-currencies': others.length > 0 ? others.join(' ') : null,
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

/** A page's totals, one per currency: never one sum over currencies. */
function currencyTotal(t: CurrencyProfitLine) {
  return {
    currency: t.currency,
    unitsSold: t.unitsSold,
    revenue: r2(t.revenue),
    cogs: r2(t.cogs),
    fees: r2(t.referralFees + t.fulfilmentFees + t.settledFees),
    refunds: r2(t.refunds),
    reimbursements: r2(t.reimbursements),
    storageFees: r2(t.storageFees + t.agedSurcharge),
    inboundShipping: r2(t.inboundShipping),
    profit: r2(t.profit),
    margin: t.margin,
    roi: t.roi,
    storageFeePercentOfRevenue: t.storageFeePercentOfRevenue,
    mixedCurrencies: t.mixedCurrencies,
  };
}

/**
 * The profit report: a row per SKU and currency sold or stored in the period, with the page's totals
 * per currency as its summary.
 */
async function profitPage(tx: Transactor, ctx: ReportContext, range: SkuRange): Promise<Page> {
  const { from, to } = ctx.params;
  const rows = await analytic(tx, (sql) =>
    profitRepository.page(sql, ctx.actor.accountId, { from, to, ...scopeOf(range) }),
  );
  const surcharge = await agedSurcharges(tx, ctx, range);
  const all: CurrencyProfitLine[] = [];
  const out: ReportRow[] = [];
  for (const r of rows) {
    const lines = profitByCurrency(profitParts(ctx.schedule, r, surcharge.get(r.sku) ?? 0));
    all.push(...lines);
    if (!isListed(lines)) continue;
    for (const l of lines)
      out.push(
        profitRow(
          r,
          l,
          lines.filter((o) => o !== l).map((o) => o.currency),
        ),
      );
  }
  return { rows: out, summary: { totals: profitTotalsByCurrency(all).map(currencyTotal) } };
}

export const profitReport = (tx: Transactor): ReportDefinition => ({
  scope: 'amazon',
  columns: () => [...REPORT_COLUMNS.profit],
  page: (ctx, range) => profitPage(tx, ctx, range),
});
