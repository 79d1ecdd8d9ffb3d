import { marketplaceCurrency } from '@stockwise/domain/channels/amazon/marketplaces';
import { toPounds } from '@stockwise/domain/catalog/dimensions';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import type { FeeSchedule } from '@stockwise/domain/fees/fee-schedule';
import {
  averageUnitsOnHand,
  inboundFee,
  missingFeeTables,
  monthlyStorageFee,
  referralFee,
} from '@stockwise/domain/fees/fee-schedule';
import { feeSizeTier, mcfTableName, saleFees, saleFulfilmentFee } from '@stockwise/domain/fees/unit-fees';
import { nextAssessmentDay } from '@stockwise/domain/health/age';
import type { CurrencyProfitInputs, CurrencyProfitLine } from '@stockwise/domain/reports/profit';
import {
  ZERO_PROFIT,
  lineEstimate,
  profitByCurrency,
  convertedProfitTotal,
  profitTotalsByCurrency,
} from '@stockwise/domain/reports/profit';
import type { ProfitRow } from '@stockwise/db/reports/profit.repository';
import { profitRepository } from '@stockwise/db/reports/profit.repository';
import type { Transactor } from '../platform/transactor';
import { REPORT_COLUMNS } from './report-columns';
import type { Page, ReportContext, ReportDefinition, SkuRange } from './report-context';
import {
  analytic,
  contextsByMarketplace,
  monthNumber,
  orNull,
  r2,
  r3,
  scopeIds,
  scopeOf,
  storageTypeOfTier,
} from './report-context';
import { skuRanges } from './report-stream';
import type { ReportRow } from './report-writers';

/** Assessment days of the aged-inventory surcharge counted in a profit period (a year and a month at most). */
const MAX_ASSESSMENTS = 13;

/** The fee table pricing each location's units: its marketplace's for Amazon's, the report's otherwise. */
interface Pricing {
  byMarketplace: ReportContext[];
  of: (locationId: number) => FeeSchedule;
}

async function pricing(ctx: ReportContext): Promise<Pricing> {
  const byMarketplace = await contextsByMarketplace(ctx);
  const schedules = new Map(byMarketplace.flatMap((c) => scopeIds(c).map((id) => [id, c.schedule] as const)));
  return { byMarketplace, of: (id) => schedules.get(id) ?? ctx.schedule };
}

/** The amounts of a fee table's estimates: in its currency, naming it when it is the stand-in of none. */
const estimate = (schedule: FeeSchedule, amounts: Partial<CurrencyProfitInputs>): CurrencyProfitInputs => ({
  ...ZERO_PROFIT,
  ...amounts,
  currency: schedule.currency,
  withoutFeeTable: missingFeeTables(schedule),
});

/** A fulfilment fee estimate; `noMcfTable`: the fee is owed but the table has no MCF rate (unknown, named). */
const fulfilment = (
  schedule: FeeSchedule,
  fulfilmentFees: number,
  noMcfTable: boolean,
  amounts: Partial<CurrencyProfitInputs>,
): CurrencyProfitInputs => {
  const part = estimate(schedule, { ...amounts, fulfilmentFees });
  return noMcfTable ? { ...part, withoutFeeTable: [mcfTableName(schedule.marketplace)] } : part;
};

/**
 * Aged surcharge per SKU on each assessment day in [from, to), from the ledger as it stood on that day:
 * the layers then open at one marketplace's Amazon locations, aged by their arrival at Amazon, with that
 * marketplace's brackets and assessment day.
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
      locationIds: scopeIds(ctx),
      ...scopeOf(range),
    }),
  );
  const surcharge = new Map<string, number>();
  for (const r of rows) surcharge.set(r.sku, (surcharge.get(r.sku) ?? 0) + r.amount);
  return surcharge;
}

/** Storage fees of unit-days in one month ('YYYY-MM'), at that month's rate of `schedule`. */
const storageFee = (schedule: FeeSchedule, r: ProfitRow, u: { month: string; unitDays: number }) =>
  monthlyStorageFee(schedule, {
    cubicFeet: r.cubicFeet ?? 0,
    units: averageUnitsOnHand(u.month, u.unitDays),
    storageType: storageTypeOfTier(r.sizeTier),
    month: monthNumber(u.month),
  });

/**
 * A SKU's revenue and costs over the period, each in the currency it is paid in
 * (docs/formulas.md, "Profit in several currencies"): revenue and the referral fee (a rate of it) in the
 * sale's, COGS in the product's, settled amounts in the settlement's, and the fee estimates of the units
 * at or shipped from each location by that location's fee table, in the table's currency (a marketplace
 * without one: unknown, named); which Amazon fees a sale pays by its channel and location (saleFees: an
 * Amazon order shipped by the seller pays referral, no FBA fulfilment; another channel's order shipped
 * from Amazon the MCF fee of its order's units, unknown and named where the table has no MCF rate). Amazon's item fees: what its settlement reports charged when the SKU has
 * settled fees in that currency in the period (docs/formulas.md "Settlement report"), else the fee
 * table's referral and fulfilment estimate; refunds and reimbursements only from settlements.
 */
function profitParts(
  fees: Pricing,
  r: ProfitRow,
  agedSurcharge: readonly CurrencyProfitInputs[],
): CurrencyProfitInputs[] {
  const weightLb = r.weight === null ? 1 : toPounds(r.weight, r.weightUnit as 'lb');
  const settledFees = (currency: string) => r.settled.some((s) => s.currency === currency && s.fee !== null);
  const tier = feeSizeTier(r.sizeTier);
  return [
    ...r.sales.flatMap((s) => {
      const schedule = fees.of(s.locationId);
      const currency = s.orderCurrency ?? marketplaceCurrency(s.marketplace) ?? r.costCurrency;
      const pays = saleFees(s);
      // the referral fee is a rate of the sale, in its currency; unknown without the marketplace's table
      const referral = pays.referral && !settledFees(currency) && s.revenue > 0;
      // FBA or MCF (another channel's order Amazon shipped, by its order's units); null: no MCF table
      const perUnit = settledFees(schedule.currency)
        ? 0
        : saleFulfilmentFee(schedule, s, { sizeTier: tier, weightLb });
      return [
        {
          ...ZERO_PROFIT,
          currency,
          unitsSold: s.units,
          revenue: s.revenue,
          referralFees: referral ? referralFee(schedule, s.revenue) : 0,
          withoutFeeTable: referral ? missingFeeTables(schedule) : [],
        },
        fulfilment(schedule, s.units * (perUnit ?? 0), perUnit === null && !schedule.noTable, {
          otherVariableCost: s.units * schedule.otherVariablePerUnit,
        }),
      ];
    }),
    { ...ZERO_PROFIT, currency: r.costCurrency, cogs: r.cogs },
    ...r.unitDays
      .filter((u) => u.unitDays > 0)
      .map((u) => {
        const schedule = fees.of(u.locationId);
        return estimate(schedule, { storageFees: storageFee(schedule, r, u) });
      }),
    ...agedSurcharge,
    ...r.amazonReceived
      .filter((u) => u.units > 0)
      .map((u) => {
        const schedule = fees.of(u.locationId);
        return estimate(schedule, {
          inboundShipping: inboundFee(schedule, u.units * (r.cubicFeet ?? 0)),
        });
      }),
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
      l.withoutFeeTable.length > 0 ||
      l.settledFees !== 0 ||
      l.refunds !== 0 ||
      l.reimbursements !== 0,
  );

/** An amount that includes fee estimates, to cents; null (unknown) as the domain's `lineEstimate`. */
const estimated = (p: CurrencyProfitLine, x: number) => orNull(lineEstimate(p, x), r2);

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
    'referral-fees': estimated(p, p.referralFees),
    'fulfillment-fees': estimated(p, p.fulfilmentFees),
    'storage-fees': estimated(p, p.storageFees),
    'aged-inventory-surcharge': estimated(p, p.agedSurcharge),
    'inbound-shipping': estimated(p, p.inboundShipping),
    'other-variable-cost': estimated(p, p.otherVariableCost),
    'settled-fees': r2(p.settledFees),
    refunds: r2(p.refunds),
    reimbursements: r2(p.reimbursements),
    profit: orNull(p.profit, r2),
    margin: orNull(p.margin, r3),
    roi: orNull(p.roi, r3),
    'storage-fees-percent-of-revenue': orNull(p.storageFeePercentOfRevenue, r2),
    'without-fee-table': p.withoutFeeTable.length > 0 ? p.withoutFeeTable.join(' ') : null,
  };
}

/** The report's totals, one per currency: never one sum over currencies. */
function currencyTotal(t: CurrencyProfitLine) {
  return {
    currency: t.currency,
    unitsSold: t.unitsSold,
    revenue: r2(t.revenue),
    cogs: r2(t.cogs),
    fees: estimated(t, t.referralFees + t.fulfilmentFees + t.settledFees),
    refunds: r2(t.refunds),
    reimbursements: r2(t.reimbursements),
    storageFees: estimated(t, t.storageFees + t.agedSurcharge),
    inboundShipping: estimated(t, t.inboundShipping),
    profit: orNull(t.profit, r2),
    margin: t.margin,
    roi: t.roi,
    storageFeePercentOfRevenue: t.storageFeePercentOfRevenue,
    mixedCurrencies: t.mixedCurrencies,
    withoutFeeTable: t.withoutFeeTable,
  };
}

/** A page's rows and the profit lines of every SKU in its range (those with costs but no row too). */
interface ProfitPage extends Page {
  lines: CurrencyProfitLine[];
}

const isProfitPage = (page: Page): page is ProfitPage => 'lines' in page;

/** The profit report's rows of a range of SKUs: one per SKU and currency sold or stored in the period. */
async function profitPage(tx: Transactor, ctx: ReportContext, range: SkuRange): Promise<ProfitPage> {
  const { from, to } = ctx.params;
  const rows = await analytic(tx, (sql) =>
    profitRepository.page(sql, ctx.actor.accountId, { from, to, ...scopeOf(range) }),
  );
  const fees = await pricing(ctx);
  // each marketplace's surcharge by its own brackets and assessment day, in its table's currency
  const surcharges = await Promise.all(
    fees.byMarketplace.map(async (c) => ({
      schedule: c.schedule,
      bySku: await agedSurcharges(tx, c, range),
    })),
  );
  const all: CurrencyProfitLine[] = [];
  const out: ReportRow[] = [];
  for (const r of rows) {
    const aged = surcharges.flatMap(({ schedule, bySku }) => {
      const amount = bySku.get(r.sku);
      return amount === undefined ? [] : [estimate(schedule, { agedSurcharge: amount })];
    });
    const lines = profitByCurrency(profitParts(fees, r, aged));
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
  return { rows: out, lines: all };
}

/**
 * The report's totals per currency over every SKU of the period (docs/decisions.md §29), the domain's
 * sums and ratios: from the first page when it holds every SKU, else from the whole catalogue read again
 * range by range (the rows of later pages are not needed for them).
 */
async function profitSummary(tx: Transactor, ctx: ReportContext, whole: Page | undefined) {
  const lines: CurrencyProfitLine[] = [];
  if (whole !== undefined && isProfitPage(whole)) lines.push(...whole.lines);
  else for await (const range of skuRanges(tx, ctx)) lines.push(...(await profitPage(tx, ctx, range)).lines);
  const totals = profitTotalsByCurrency(lines).map(currencyTotal);
  const table = ctx.params.conversion;
  if (table === undefined) return { totals };
  const { total, missingRates } = convertedProfitTotal(lines, table);
  return { totals, converted: { total: total && currencyTotal(total), rates: table.rates, missingRates } };
}

export const profitReport = (tx: Transactor): ReportDefinition => ({
  scope: 'amazon',
  columns: () => [...REPORT_COLUMNS.profit],
  page: (ctx, range) => profitPage(tx, ctx, range),
  summary: (ctx, whole) => profitSummary(tx, ctx, whole),
});
