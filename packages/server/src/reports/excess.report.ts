import { fulfilmentFee } from '@stockwise/domain/fees/fee-schedule';
import { parseIsoDate } from '@stockwise/domain/dates/dates';
import { AGE_BUCKETS } from '@stockwise/domain/health/age';
import { adviseClearance, estimateElasticity } from '@stockwise/domain/health/clearance';
import { EXCESS_DAYS_OF_SUPPLY, excessInbound } from '@stockwise/domain/health/factors';
import type { SkuFactorRow } from '@stockwise/db/health/factor-inputs';
import { excessRepository } from '@stockwise/db/reports/excess.repository';
import type { SkuAgeRow } from '@stockwise/db/reports/inventory-age.repository';
import type { Transactor } from '../platform/transactor';
import { mergeAge } from './inventory-age.report';
import { REPORT_COLUMNS } from './report-columns';
import type { Page, ReportContext, ReportDefinition, SkuRange } from './report-context';
import {
  feeTierOf,
  itemCells,
  orNull,
  pageAges,
  pageFactors,
  r2,
  scopeOf,
  storageTypeOfTier,
  daysOfSupplyOf,
  sellThroughOf,
} from './report-context';
import type { ReportRow } from './report-writers';

/** Weeks of selling prices a SKU's price elasticity is estimated from. */
const ELASTICITY_WEEKS = 26;

/**
 * The age of a SKU's excess units. They are the newest on hand (FIFO sells the oldest first): their age
 * is that of the youngest buckets, each at its typical age, so the advice is conservative about surcharges.
 */
function excessAgeDays(excessUnits: number, buckets: readonly number[] | undefined): number {
  if (excessUnits <= 0) return 0;
  let remaining = excessUnits;
  let weighted = 0;
  AGE_BUCKETS.forEach((bucket, i) => {
    const take = Math.min(remaining, buckets?.[i] ?? 0);
    weighted += take * bucket.typicalDays;
    remaining -= take;
  });
  return Math.round((weighted + remaining * AGE_BUCKETS[0].typicalDays) / excessUnits);
}

/** One excess row: the SKU's excess units and the clearance action advised for them. */
async function excessRow(
  ctx: ReportContext,
  f: SkuFactorRow,
  age: SkuAgeRow | undefined,
  prices: readonly { price: number; units: number }[],
): Promise<ReportRow> {
  const schedule = await ctx.fees(age?.marketplace ?? null);
  const advice = adviseClearance(
    {
      units: f.excessUnits,
      unitsAhead: Math.max(0, f.onHand - f.excessUnits),
      dailyDemand: f.dailyDemand,
      price: f.price ?? 0,
      unitCost: f.unitCost ?? 0,
      cubicFeet: f.cubicFeet ?? 0,
      storageType: storageTypeOfTier(f.sizeTier),
      ageDays: excessAgeDays(f.excessUnits, age?.buckets),
      fulfilmentFee: fulfilmentFee(schedule, { sizeTier: feeTierOf(f.sizeTier), weightLb: 1 }),
      elasticity: estimateElasticity(prices),
    },
    { asOfEpochDay: parseIsoDate(ctx.params.asOf), schedule },
  );
  const chosen = advice.chosen;
  const dos = daysOfSupplyOf(f);
  return {
    ...itemCells(ctx, f),
    available: f.onHand - f.reserved,
    'inbound-quantity': f.inbound,
    'units-shipped-t30': f.unitsShipped30,
    'units-shipped-t90': f.unitsShipped90,
    'sell-through': sellThroughOf(f),
    'days-of-supply': orNull(dos, Math.round),
    'estimated-excess-quantity': f.excessUnits,
    'estimated-excess-inbound': excessInbound({
      onHand: f.onHand,
      inbound: f.inbound,
      dailyDemand: f.dailyDemand,
    }),
    'healthy-inventory-level': Math.floor(EXCESS_DAYS_OF_SUPPLY * f.dailyDemand),
    'your-price': f.price,
    alert: f.dailyDemand > 0 ? 'excess' : 'no-sales',
    'recommended-action': advice.action,
    'recommended-sales-price':
      chosen.action === 'markdown' || chosen.action === 'promotion' ? (chosen.price ?? null) : null,
    'recommended-sale-duration-days': chosen.durationDays ?? null,
    'recommended-removal-quantity': ['removal', 'liquidation', 'disposal'].includes(advice.action)
      ? f.excessUnits
      : 0,
    'estimated-cost-savings-of-recommended-actions': advice.estimatedSavings,
    'price-elasticity': r2(advice.elasticityUsed),
    'elasticity-source': advice.elasticitySource,
  };
}

/** The excess report: SKUs with units beyond the healthy days of supply, with clearance advice. */
async function excessPage(tx: Transactor, ctx: ReportContext, range: SkuRange): Promise<Page> {
  const factors = (await pageFactors(tx, ctx, scopeOf(range))).filter((f) => f.excessUnits > 0);
  if (factors.length === 0) return { rows: [] };
  const ages = new Map(
    mergeAge(await pageAges(tx, ctx, { skus: factors.map((f) => f.sku) })).map((m) => [m.row.sku, m]),
  );
  const prices = await excessRepository.weeklyPrices(tx.sql, ctx.actor.accountId, {
    asOf: ctx.params.asOf,
    weeks: ELASTICITY_WEEKS,
    productIds: factors.map((f) => f.productId),
  });
  const rows: ReportRow[] = [];
  for (const f of factors) rows.push(await excessRow(ctx, f, ages.get(f.sku), prices.get(f.productId) ?? []));
  return { rows };
}

export const excessReport = (tx: Transactor): ReportDefinition => ({
  scope: 'amazon',
  columns: () => [...REPORT_COLUMNS.excess],
  page: (ctx, range) => excessPage(tx, ctx, range),
});
