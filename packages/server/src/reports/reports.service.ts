import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import type { SizeTier, StorageType } from '@stockwise/domain/catalog/dimensions';
import { sortedSidesInches, storageTypeOf, toPounds } from '@stockwise/domain/catalog/dimensions';
import { DomainError } from '@stockwise/domain/errors';
import type { FeeSchedule } from '@stockwise/domain/fees/fee-schedule';
import {
  capacityOverageFee,
  fulfilmentFee,
  storageRate,
  utilizationRatioWeeks,
  utilizationSurchargeRate,
} from '@stockwise/domain/fees/fee-schedule';
import { AGE_BUCKETS } from '@stockwise/domain/health/age';
import { adviseClearance, estimateElasticity } from '@stockwise/domain/health/clearance';
import { daysOfSupply, excessInbound, sellThrough } from '@stockwise/domain/health/factors';
import type { ProfitInputs } from '@stockwise/domain/reports/profit';
import { ZERO_PROFIT, addProfit, profitLine } from '@stockwise/domain/reports/profit';
import type { SkuFactorRow } from '@stockwise/db/health/health.repository';
import type { ProductScope } from '@stockwise/db/health/health.repository';
import { healthRepository, useReportSettings } from '@stockwise/db/health/health.repository';
import type { AgeRow, SkuAgeRow, StorageRow } from '@stockwise/db/reports/reports.repository';
import { reportStatements, reportsRepository } from '@stockwise/db/reports/reports.repository';
import type { ReportKind } from './reports.schema';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Sql } from '@stockwise/db/database';
import type { Transactor } from '../platform/transactor';
import { alignedCursorPages } from '../platform/cursor';
import type { FeesService } from '../fees/fees.service';
import { DEFAULT_MARKETPLACE } from '../fees/fees.service';
import { todayIso } from '../health/health.service';
import type { ReportRow, RowSource } from './report-writers';

export interface ReportParams {
  asOf: string;
  /** storage: 'YYYY-MM'. */
  month: string;
  /** profit: [from, to). */
  from: string;
  to: string;
}

interface Page {
  rows: ReportRow[];
  summary?: Record<string, number>;
}

/** A page of SKUs: after `after` (exclusive) through `through`, in SKU order — a key range, not a list. */
interface SkuRange {
  after: string | undefined;
  through: string;
  /** How many SKUs the range holds. */
  count: number;
}

const scopeOf = (range: SkuRange): ProductScope => ({
  after: range.after,
  through: range.through,
  limit: range.count,
});

interface ReportDefinition {
  columns: (ctx: Context) => string[];
  page: (ctx: Context, range: SkuRange) => Promise<Page>;
  /** Catalogue-level figures added to the JSON form (not per page). */
  summary?: (ctx: Context) => Promise<Record<string, unknown>>;
  /** The whole report as one statement read through a cursor (downloads), instead of `page` after `page`. */
  stream?: (ctx: Context) => AsyncGenerator<ReportRow[]>;
}

interface Context {
  actor: Actor;
  params: ReportParams;
  fees: (marketplace: string | null) => Promise<FeeSchedule>;
  schedule: FeeSchedule;
  /** The account's utilisation ratio, computed once per report. */
  utilization?: Promise<{
    averageDailyVolume: number;
    averageDailyShippedVolume: number;
    ratio: number | null;
    surchargeRate: number;
  }>;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const orNull = (x: number | null, f: (x: number) => number) => (x === null ? null : f(x));
const storageTypeOfTier = (tier: string | null): StorageType =>
  tier ? storageTypeOf(tier as SizeTier) : 'standard';
const monthNumber = (iso: string) => Number(iso.slice(5, 7));
const PAGE = 5000;

/** `quantity-to-be-charged-ais-181-210-days` … `365-plus`, from the schedule's brackets (Amazon's names for the US ones). */
export function bracketLabel(b: { minDays: number; maxDays: number | null }): string {
  return b.maxDays === null ? `${String(b.minDays - 1)}-plus` : `${String(b.minDays)}-${String(b.maxDays)}`;
}

const BUCKET_COLUMNS = AGE_BUCKETS.map((b) => b.key);

/** Report columns; Amazon's names where Seller Central has the same report. */
export const REPORT_COLUMNS = {
  inventory: [
    'snapshot-date',
    'sku',
    'fnsku',
    'asin',
    'product-name',
    'location',
    'location-type',
    'condition',
    'your-price',
    'fulfillable-quantity',
    'reserved-quantity',
    'unsellable-quantity',
    'inbound-quantity',
    'total-quantity',
    'per-unit-volume',
    'total-volume',
    'storage-type',
    'estimated-monthly-storage-fee',
    'days-of-supply',
  ],
  excess: [
    'snapshot-date',
    'sku',
    'fnsku',
    'asin',
    'product-name',
    'condition',
    'available',
    'inbound-quantity',
    'units-shipped-t30',
    'units-shipped-t90',
    'sell-through',
    'days-of-supply',
    'estimated-excess-quantity',
    'estimated-excess-inbound',
    'healthy-inventory-level',
    'your-price',
    'alert',
    'recommended-action',
    'recommended-sales-price',
    'recommended-sale-duration-days',
    'recommended-removal-quantity',
    'estimated-cost-savings-of-recommended-actions',
    'price-elasticity',
    'elasticity-source',
  ],
  stranded: [
    'snapshot-date',
    'sku',
    'fnsku',
    'asin',
    'product-name',
    'condition',
    'location',
    'status-primary',
    'stranded-reason',
    'primary-action',
    'fulfillable-qty',
    'unfulfillable-qty',
    'reserved-quantity',
    'inbound-shipped',
    'your-price',
    'estimated-monthly-storage-fee',
  ],
  storage: [
    'sku',
    'asin',
    'fnsku',
    'product_name',
    'fulfillment_center',
    'country_code',
    'longest_side',
    'median_side',
    'shortest_side',
    'measurement_units',
    'weight',
    'weight_units',
    'item_volume',
    'volume_units',
    'product_size_tier',
    'storage_type',
    'average_quantity_on_hand',
    'estimated_total_item_volume',
    'month_of_charge',
    'storage_utilization_ratio',
    'base_rate',
    'utilization_surcharge_rate',
    'currency',
    'estimated_monthly_storage_fee',
    'estimated_aged_inventory_surcharge',
  ],
  profit: [
    'sku',
    'asin',
    'product-name',
    'units-sold',
    'revenue',
    'cogs',
    'referral-fees',
    'fulfillment-fees',
    'storage-fees',
    'aged-inventory-surcharge',
    'inbound-shipping',
    'other-variable-cost',
    'profit',
    'margin',
    'roi',
    'storage-fees-percent-of-revenue',
  ],
} as const;

export function ageColumns(schedule: FeeSchedule): string[] {
  return [
    'snapshot-date',
    'sku',
    'fnsku',
    'asin',
    'product-name',
    'condition',
    'available',
    'inbound-quantity',
    'reserved-quantity',
    'unfulfillable-quantity',
    ...BUCKET_COLUMNS,
    'currency',
    'your-price',
    'units-shipped-t7',
    'units-shipped-t30',
    'units-shipped-t60',
    'units-shipped-t90',
    'sell-through',
    'item-volume',
    'volume-unit-measurement',
    'storage-type',
    'storage-volume',
    'marketplace',
    'days-of-supply',
    'estimated-excess-quantity',
    'estimated-storage-cost-next-month',
    ...schedule.agedSurcharge.flatMap((b) => [
      `quantity-to-be-charged-ais-${bracketLabel(b)}-days`,
      `estimated-ais-${bracketLabel(b)}-days`,
    ]),
    'alert',
  ];
}

/** The next calendar month after `iso`, 1–12. */
const nextMonth = (iso: string) => (monthNumber(iso) % 12) + 1;

/** Age rows of a page merged per SKU; surcharges only where Amazon charges them (its locations). */
function mergeAge(rows: AgeRow[]) {
  const bySku = new Map<string, { first: AgeRow; rows: AgeRow[] }>();
  for (const r of rows) {
    const e = bySku.get(r.sku);
    if (e) e.rows.push(r);
    else bySku.set(r.sku, { first: r, rows: [r] });
  }
  return [...bySku.values()].map(({ first, rows: list }) => {
    const amazon = list.filter((r) => r.locationType === 'amazon_fba');
    const sum = (f: (r: AgeRow) => number, of = list) => of.reduce((s, r) => s + f(r), 0);
    return {
      row: first,
      locations: list,
      onHand: sum((r) => r.onHand),
      reserved: sum((r) => r.reserved),
      inbound: sum((r) => r.inbound),
      unfulfillable: sum((r) => r.unfulfillable),
      buckets: [0, 1, 2, 3, 4].map((i) => sum((r) => r.buckets[i]!)),
      amazonOnHand: sum((r) => r.onHand, amazon),
      bracketUnits: first.bracketUnits.map((_, i) => sum((r) => r.bracketUnits[i] ?? 0, amazon)),
      bracketAmounts: first.bracketAmounts.map((_, i) => sum((r) => r.bracketAmounts[i] ?? 0, amazon)),
      approaching: list.flatMap((r) => r.approaching),
      marketplace: amazon[0]?.marketplace ?? null,
    };
  });
}

/**
 * The seller's reports, each as columns + rows a page of SKUs at a time: JSON pages for the API and
 * the dashboard, and whole-catalogue CSV/XLSX downloads streamed with flat memory.
 */
export class ReportsService {
  constructor(
    private readonly tx: Transactor,
    private readonly fees: FeesService,
  ) {}

  private readonly definitions: Record<ReportKind, ReportDefinition> = {
    inventory: {
      columns: () => [...REPORT_COLUMNS.inventory],
      page: (ctx, range) => this.inventoryPage(ctx, range),
    },
    'inventory-age': {
      columns: (ctx) => ageColumns(ctx.schedule),
      page: (ctx, range) => this.agePage(ctx, range),
      stream: (ctx) => this.ageStream(ctx),
    },
    excess: { columns: () => [...REPORT_COLUMNS.excess], page: (ctx, range) => this.excessPage(ctx, range) },
    stranded: {
      columns: () => [...REPORT_COLUMNS.stranded],
      page: (ctx, range) => this.strandedPage(ctx, range),
    },
    storage: {
      columns: () => [...REPORT_COLUMNS.storage],
      page: (ctx, range) => this.storagePage(ctx, range),
      summary: (ctx) => this.storageSummary(ctx),
      stream: (ctx) => this.storageStream(ctx),
    },
    profit: { columns: () => [...REPORT_COLUMNS.profit], page: (ctx, range) => this.profitPage(ctx, range) },
  };

  /** Resolves defaults: as of today, the month of asOf, the 30 days before asOf. */
  params(q: {
    asOf?: string | undefined;
    month?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  }): ReportParams {
    const asOf = q.asOf ?? todayIso();
    const to = q.to ?? asOf;
    const from = q.from ?? isoDate(parseIsoDate(to) - 30);
    if (parseIsoDate(from) >= parseIsoDate(to))
      throw new DomainError('VALIDATION_FAILED', 'from must be before to', { field: 'from' });
    if (parseIsoDate(to) - parseIsoDate(from) > 731)
      throw new DomainError('VALIDATION_FAILED', 'a profit period is at most two years', { field: 'from' });
    return { asOf, month: q.month ?? asOf.slice(0, 7), from, to };
  }

  private async context(actor: Actor, params: ReportParams): Promise<Context> {
    requirePermission(actor, 'read');
    const fees = this.fees.resolver(actor, params.asOf);
    return { actor, params, fees, schedule: await fees(DEFAULT_MARKETPLACE) };
  }

  async columns(actor: Actor, kind: ReportKind, params: ReportParams): Promise<string[]> {
    return this.definitions[kind].columns(await this.context(actor, params));
  }

  /** One JSON page (by SKU) with the report's columns and, on the first page, catalogue-level figures. */
  async page(
    actor: Actor,
    kind: ReportKind,
    q: { params: ReportParams; limit: number; cursor?: string | undefined },
  ) {
    const ctx = await this.context(actor, q.params);
    const def = this.definitions[kind];
    const skus = await this.skuPage(actor, { after: q.cursor, limit: q.limit + 1 });
    const pageSkus = skus.slice(0, q.limit);
    const page =
      pageSkus.length > 0
        ? await def.page(ctx, {
            after: q.cursor,
            through: pageSkus[pageSkus.length - 1]!,
            count: pageSkus.length,
          })
        : { rows: [] };
    const summary = q.cursor === undefined && def.summary ? await def.summary(ctx) : {};
    return {
      kind,
      asOf: q.params.asOf,
      columns: def.columns(ctx),
      rows: page.rows,
      summary: { ...summary, ...page.summary },
      nextCursor: skus.length > q.limit ? (pageSkus[pageSkus.length - 1] ?? null) : null,
    };
  }

  /** Every row, page after page (for downloads, e-mail and the benchmark). */
  async stream(
    actor: Actor,
    kind: ReportKind,
    params: ReportParams,
  ): Promise<{ columns: string[]; rows: RowSource }> {
    const ctx = await this.context(actor, params);
    const def = this.definitions[kind];
    if (def.stream) return { columns: def.columns(ctx), rows: def.stream(ctx) };
    const skuPage = (after: string | undefined) => this.skuPage(actor, { after, limit: PAGE });
    async function* rows(): AsyncGenerator<ReportRow[]> {
      let after: string | undefined;
      for (;;) {
        const skus = await skuPage(after);
        if (skus.length === 0) return;
        const through = skus[skus.length - 1]!;
        yield (await def.page(ctx, { after, through, count: skus.length })).rows;
        if (skus.length < PAGE) return;
        after = through;
      }
    }
    return { columns: def.columns(ctx), rows: rows() };
  }

  /**
   * A statement over a page of SKUs in its own short transaction (or the caller's) with the report
   * settings (no JIT, memory to sort a page); a page's statements run side by side on the pool.
   */
  private analytic<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.tx.run(async (sql) => {
      await useReportSettings(sql);
      return fn(sql);
    });
  }

  private async skuPage(actor: Actor, q: { after?: string | undefined; limit: number }): Promise<string[]> {
    const rows = await this.tx.sql.query<{ sku: string }>(
      `SELECT sku FROM products WHERE account_id = $1 ${q.after !== undefined ? 'AND sku > $3' : ''} ORDER BY sku LIMIT $2`,
      q.after !== undefined ? [actor.accountId, q.limit, q.after] : [actor.accountId, q.limit],
    );
    return rows.map((r) => r.sku);
  }

  private factors(ctx: Context, scope: ProductScope): Promise<SkuFactorRow[]> {
    return this.analytic((sql) =>
      healthRepository.skuFactorsPage(sql, ctx.actor.accountId, { asOf: ctx.params.asOf, ...scope }),
    );
  }

  private ages(ctx: Context, scope: ProductScope, asOf = ctx.params.asOf): Promise<AgeRow[]> {
    return this.analytic((sql) =>
      reportsRepository.agePage(sql, ctx.actor.accountId, {
        asOf,
        brackets: ctx.schedule.agedSurcharge,
        warnDays: 30,
        ...scope,
      }),
    );
  }

  private async monthlyFee(
    ctx: Context,
    r: {
      locationType: string;
      marketplace: string | null;
      cubicFeet: number | null;
      sizeTier: string | null;
      units: number;
      month: number;
    },
  ): Promise<number> {
    if (r.locationType !== 'amazon_fba') return 0;
    const schedule = await ctx.fees(r.marketplace);
    return (
      (r.cubicFeet ?? 0) *
      r.units *
      storageRate(schedule, { storageType: storageTypeOfTier(r.sizeTier), month: r.month })
    );
  }

  private async inventoryPage(ctx: Context, range: SkuRange): Promise<Page> {
    const [ages, factors] = await Promise.all([
      this.ages(ctx, scopeOf(range)),
      this.factors(ctx, scopeOf(range)),
    ]);
    const bySku = new Map(factors.map((f) => [f.sku, f]));
    const rows: ReportRow[] = [];
    for (const a of ages) {
      const f = bySku.get(a.sku);
      const dos = f
        ? daysOfSupply({ available: f.onHand - f.reserved, inbound: f.inbound, dailyDemand: f.dailyDemand })
        : null;
      rows.push({
        'snapshot-date': ctx.params.asOf,
        sku: a.sku,
        fnsku: a.fnsku,
        asin: a.asin,
        'product-name': a.title,
        location: a.location,
        'location-type': a.locationType,
        condition: 'New',
        'your-price': a.price,
        'fulfillable-quantity': a.onHand - a.reserved,
        'reserved-quantity': a.reserved,
        'unsellable-quantity': a.unfulfillable,
        'inbound-quantity': a.inbound,
        'total-quantity': a.onHand + a.unfulfillable,
        'per-unit-volume': a.cubicFeet,
        'total-volume': r3((a.cubicFeet ?? 0) * a.onHand),
        'storage-type': storageTypeOfTier(a.sizeTier),
        'estimated-monthly-storage-fee': r2(
          await this.monthlyFee(ctx, { ...a, units: a.onHand, month: monthNumber(ctx.params.asOf) }),
        ),
        'days-of-supply': orNull(dos, (x) => Math.round(x)),
      });
    }
    return { rows };
  }

  private async agePage(ctx: Context, range: SkuRange): Promise<Page> {
    const [ages, factors] = await Promise.all([
      this.ages(ctx, scopeOf(range)),
      this.factors(ctx, scopeOf(range)),
    ]);
    return { rows: await this.ageRows(ctx, mergeAge(ages), new Map(factors.map((f) => [f.sku, f]))) };
  }

  /**
   * Everything a streamed report looks up besides its statements, looked up before they start: while
   * they run they hold a pooled connection each, and a page waiting for one more could wait forever.
   */
  private async prefetchFees(ctx: Context): Promise<void> {
    const marketplaces = await reportsRepository.marketplaces(this.tx.sql, ctx.actor.accountId);
    await Promise.all([null, ...marketplaces].map((m) => ctx.fees(m)));
  }

  /** The whole inventory-age report: factor inputs and open layers of every SKU (one row per SKU), read side by side a page at a time. */
  private async *ageStream(ctx: Context): AsyncGenerator<ReportRow[]> {
    await this.prefetchFees(ctx);
    const statement = reportStatements.age(ctx.actor.accountId, {
      asOf: ctx.params.asOf,
      brackets: ctx.schedule.agedSurcharge,
      warnDays: 30,
    });
    for await (const pages of alignedCursorPages(this.tx, statement.statements, {
      size: PAGE,
      setup: useReportSettings,
    })) {
      const rows = pages[0]!.flatMap((_, i) => statement.map(pages.map((p) => p[i]!)) ?? []);
      yield await this.ageRows(
        ctx,
        rows.map((r) => r.age),
        new Map(rows.map((r) => [r.factors.sku, r.factors])),
      );
    }
  }

  /** Inventory-age rows: one per SKU (its locations merged), with its factor inputs (`bySku`). */
  private async ageRows(
    ctx: Context,
    ages: SkuAgeRow[],
    bySku: Map<string, SkuFactorRow>,
  ): Promise<ReportRow[]> {
    const brackets = ctx.schedule.agedSurcharge;
    const rows: ReportRow[] = [];
    for (const m of ages) {
      const f = bySku.get(m.row.sku);
      const storageType = storageTypeOfTier(m.row.sizeTier);
      const schedule = await ctx.fees(m.marketplace);
      const cuft = m.row.cubicFeet ?? 0;
      const row: ReportRow = {
        'snapshot-date': ctx.params.asOf,
        sku: m.row.sku,
        fnsku: m.row.fnsku,
        asin: m.row.asin,
        'product-name': m.row.title,
        condition: 'New',
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
        'sell-through': f
          ? orNull(sellThrough({ unitsShipped: f.unitsShipped90, averageOnHand: f.averageOnHand90 }), r2)
          : null,
        'item-volume': m.row.cubicFeet,
        'volume-unit-measurement': 'cubic feet',
        'storage-type': storageType,
        'storage-volume': r3(cuft * m.onHand),
        marketplace: m.marketplace,
        'days-of-supply': f
          ? orNull(
              daysOfSupply({
                available: f.onHand - f.reserved,
                inbound: f.inbound,
                dailyDemand: f.dailyDemand,
              }),
              Math.round,
            )
          : null,
        'estimated-excess-quantity': f?.excessUnits ?? 0,
        'estimated-storage-cost-next-month': r2(
          cuft * m.amazonOnHand * storageRate(schedule, { storageType, month: nextMonth(ctx.params.asOf) }),
        ),
        alert: ageAlert(m.approaching),
      };
      BUCKET_COLUMNS.forEach((key, i) => (row[key] = m.buckets[i] ?? 0));
      brackets.forEach((b, i) => {
        row[`quantity-to-be-charged-ais-${bracketLabel(b)}-days`] = m.bracketUnits[i] ?? 0;
        row[`estimated-ais-${bracketLabel(b)}-days`] = r2(m.bracketAmounts[i] ?? 0);
      });
      rows.push(row);
    }
    return rows;
  }

  private async excessPage(ctx: Context, range: SkuRange): Promise<Page> {
    const factors = (await this.factors(ctx, scopeOf(range))).filter((f) => f.excessUnits > 0);
    if (factors.length === 0) return { rows: [] };
    const ages = new Map(
      mergeAge(await this.ages(ctx, { skus: factors.map((f) => f.sku) })).map((m) => [m.row.sku, m]),
    );
    const prices = await reportsRepository.weeklyPrices(this.tx.sql, ctx.actor.accountId, {
      asOf: ctx.params.asOf,
      weeks: 26,
      productIds: factors.map((f) => f.productId),
    });
    const rows: ReportRow[] = [];
    const asOfDay = parseIsoDate(ctx.params.asOf);
    for (const f of factors) {
      const age = ages.get(f.sku);
      const schedule = await ctx.fees(age?.marketplace ?? null);
      const tier = (f.sizeTier ?? 'large_standard') as SizeTier;
      const elasticity = estimateElasticity(prices.get(f.productId) ?? []);
      // The excess units are the newest on hand (FIFO sells the oldest first): their age is that of the
      // youngest layers, so the advice is conservative about surcharges.
      const bucketAges = [45, 135, 225, 318, 400];
      let remaining = f.excessUnits;
      let weighted = 0;
      for (let i = 0; i < 5 && remaining > 0; i++) {
        const take = Math.min(remaining, age?.buckets[i] ?? 0);
        weighted += take * bucketAges[i]!;
        remaining -= take;
      }
      const ageDays = f.excessUnits > 0 ? Math.round((weighted + remaining * 45) / f.excessUnits) : 0;
      const advice = adviseClearance(
        {
          units: f.excessUnits,
          unitsAhead: Math.max(0, f.onHand - f.excessUnits),
          dailyDemand: f.dailyDemand,
          price: f.price ?? 0,
          unitCost: f.unitCost ?? 0,
          cubicFeet: f.cubicFeet ?? 0,
          storageType: storageTypeOfTier(f.sizeTier),
          ageDays,
          fulfilmentFee: fulfilmentFee(schedule, { sizeTier: tier, weightLb: 1 }),
          elasticity,
        },
        { asOfEpochDay: asOfDay, schedule },
      );
      const chosen = advice.chosen;
      const dos = daysOfSupply({
        available: f.onHand - f.reserved,
        inbound: f.inbound,
        dailyDemand: f.dailyDemand,
      });
      rows.push({
        'snapshot-date': ctx.params.asOf,
        sku: f.sku,
        fnsku: f.fnsku,
        asin: f.asin,
        'product-name': f.title,
        condition: 'New',
        available: f.onHand - f.reserved,
        'inbound-quantity': f.inbound,
        'units-shipped-t30': f.unitsShipped30,
        'units-shipped-t90': f.unitsShipped90,
        'sell-through': orNull(
          sellThrough({ unitsShipped: f.unitsShipped90, averageOnHand: f.averageOnHand90 }),
          r2,
        ),
        'days-of-supply': orNull(dos, Math.round),
        'estimated-excess-quantity': f.excessUnits,
        'estimated-excess-inbound': excessInbound({
          onHand: f.onHand,
          inbound: f.inbound,
          dailyDemand: f.dailyDemand,
        }),
        'healthy-inventory-level': Math.floor(90 * f.dailyDemand),
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
      });
    }
    return { rows };
  }

  private async strandedPage(ctx: Context, range: SkuRange): Promise<Page> {
    const ages = await this.ages(ctx, scopeOf(range));
    const products = await this.tx.sql.query<{ sku: string; listing_status: string }>(
      `SELECT sku, listing_status FROM products WHERE account_id = $1 AND sku <= $2 ${range.after !== undefined ? 'AND sku > $3' : ''}`,
      range.after !== undefined
        ? [ctx.actor.accountId, range.through, range.after]
        : [ctx.actor.accountId, range.through],
    );
    const status = new Map(products.map((p) => [p.sku, p.listing_status]));
    const rows: ReportRow[] = [];
    for (const a of ages) {
      const s = status.get(a.sku) ?? 'active';
      if (s === 'active' || a.onHand + a.inbound <= 0) continue;
      rows.push({
        'snapshot-date': ctx.params.asOf,
        sku: a.sku,
        fnsku: a.fnsku,
        asin: a.asin,
        'product-name': a.title,
        condition: 'New',
        location: a.location,
        'status-primary': s === 'error' ? 'Listing error' : 'Inactive',
        'stranded-reason': s === 'error' ? 'Listing has an error' : 'No active listing',
        'primary-action': s === 'error' ? 'Fix listing' : 'Relist',
        'fulfillable-qty': a.onHand - a.reserved,
        'unfulfillable-qty': a.unfulfillable,
        'reserved-quantity': a.reserved,
        'inbound-shipped': a.inbound,
        'your-price': a.price,
        'estimated-monthly-storage-fee': r2(
          await this.monthlyFee(ctx, { ...a, units: a.onHand, month: monthNumber(ctx.params.asOf) }),
        ),
      });
    }
    return { rows };
  }

  private utilization(ctx: Context) {
    ctx.utilization ??= this.analytic((sql) =>
      reportsRepository.utilization(sql, ctx.actor.accountId, { asOf: ctx.params.asOf }),
    ).then((u) => {
      const ratio = utilizationRatioWeeks(u);
      return { ...u, ratio, surchargeRate: utilizationSurchargeRate(ctx.schedule, ratio) };
    });
    return ctx.utilization;
  }

  private async storagePage(ctx: Context, range: SkuRange): Promise<Page> {
    const month = ctx.params.month;
    const [rows, ages] = await Promise.all([
      this.analytic((sql) =>
        reportsRepository.storagePage(sql, ctx.actor.accountId, {
          month,
          asOf: ctx.params.asOf,
          ...scopeOf(range),
        }),
      ),
      this.ages(ctx, scopeOf(range), this.assessmentDay(ctx)),
    ]);
    const surcharge = new Map(
      ages.map((a) => [`${a.sku}\u0001${a.location}`, a.bracketAmounts.reduce((s, x) => s + x, 0)]),
    );
    return {
      rows: await this.storageRows(ctx, rows, (r) => surcharge.get(`${r.sku}\u0001${r.location}`) ?? 0),
    };
  }

  /** The aged-inventory surcharge's assessment day in the report's month. */
  private assessmentDay(ctx: Context): string {
    return `${ctx.params.month}-${String(ctx.schedule.agedSurchargeDay).padStart(2, '0')}`;
  }

  /** The whole storage report: balances with the month's movements, and the layers' surcharges, read side by side a page at a time. */
  private async *storageStream(ctx: Context): AsyncGenerator<ReportRow[]> {
    await Promise.all([this.utilization(ctx), this.prefetchFees(ctx)]);
    const statement = reportStatements.storage(ctx.actor.accountId, {
      month: ctx.params.month,
      asOf: ctx.params.asOf,
      assessment: this.assessmentDay(ctx),
      brackets: ctx.schedule.agedSurcharge,
    });
    for await (const pages of alignedCursorPages(this.tx, statement.statements, {
      size: PAGE,
      setup: useReportSettings,
    })) {
      const rows = pages[0]!.flatMap((_, i) => statement.map(pages.map((p) => p[i]!)) ?? []);
      const surcharge = new Map(rows.map((r) => [r.storage, r.surcharge]));
      yield await this.storageRows(
        ctx,
        rows.map((r) => r.storage),
        (r) => surcharge.get(r) ?? 0,
      );
    }
  }

  private async storageRows(
    ctx: Context,
    rows: StorageRow[],
    surcharge: (r: StorageRow) => number,
  ): Promise<ReportRow[]> {
    const month = ctx.params.month;
    const monthNo = Number(month.slice(5, 7));
    const u = await this.utilization(ctx);
    const out: ReportRow[] = [];
    for (const r of rows) {
      const amazon = r.locationType === 'amazon_fba';
      const schedule = await ctx.fees(r.marketplace);
      const storageType = storageTypeOfTier(r.sizeTier);
      const sides =
        r.length !== null && r.width !== null && r.height !== null
          ? sortedSidesInches({
              length: r.length,
              width: r.width,
              height: r.height,
              unit: r.dimensionUnit === 'cm' ? 'cm' : 'in',
            })
          : null;
      const volume = (r.cubicFeet ?? 0) * r.averageOnHand;
      const base = amazon ? storageRate(schedule, { storageType, month: monthNo }) : 0;
      const util = amazon ? u.surchargeRate : 0;
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
        storage_type: storageType,
        average_quantity_on_hand: r2(r.averageOnHand),
        estimated_total_item_volume: r3(volume),
        month_of_charge: month,
        storage_utilization_ratio: amazon ? orNull(u.ratio, r2) : null,
        base_rate: base,
        utilization_surcharge_rate: util,
        currency: schedule.currency,
        estimated_monthly_storage_fee: r2(volume * (base + util)),
        estimated_aged_inventory_surcharge: amazon ? r2(surcharge(r)) : 0,
      });
    }
    return out;
  }

  private async storageSummary(ctx: Context): Promise<Record<string, unknown>> {
    const util = await this.utilization(ctx);
    const capacity = await reportsRepository.capacity(this.tx.sql, ctx.actor.accountId);
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
      lines.push({ location: c.location, storageType: c.storageType, limitCubicFeet: limit, months });
    }
    return {
      storageUtilizationRatioWeeks: orNull(util.ratio, r2),
      utilizationSurchargeRate: util.surchargeRate,
      averageDailyVolumeCubicFeet: r2(util.averageDailyVolume),
      averageDailyShippedVolumeCubicFeet: r3(util.averageDailyShippedVolume),
      capacity: lines,
    };
  }

  private async profitPage(ctx: Context, range: SkuRange): Promise<Page> {
    const { from, to } = ctx.params;
    const rows = await this.analytic((sql) =>
      reportsRepository.profitPage(sql, ctx.actor.accountId, { from, to, ...scopeOf(range) }),
    );
    const schedule = ctx.schedule;
    // Aged surcharge on each assessment day in the period, from today's layers aged to that day.
    const assessments: string[] = [];
    for (let d = parseIsoDate(from); d < parseIsoDate(to); d++)
      if (Number(isoDate(d).slice(8, 10)) === schedule.agedSurchargeDay) assessments.push(isoDate(d));
    const surcharge = new Map<string, number>();
    for (const day of assessments.slice(-13)) {
      for (const a of await this.ages(ctx, scopeOf(range), day)) {
        if (a.locationType !== 'amazon_fba') continue;
        surcharge.set(a.sku, (surcharge.get(a.sku) ?? 0) + a.bracketAmounts.reduce((s, x) => s + x, 0));
      }
    }
    let total: ProfitInputs = ZERO_PROFIT;
    const out: ReportRow[] = [];
    for (const r of rows) {
      const cuft = r.cubicFeet ?? 0;
      const storageType = storageTypeOfTier(r.sizeTier);
      let storage = 0;
      for (const [month, unitDays] of Object.entries(r.unitDaysByMonth)) {
        const [y, m] = month.split('-').map(Number) as [number, number];
        const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
        storage += (unitDays / daysInMonth) * cuft * storageRate(schedule, { storageType, month: m });
      }
      const weightLb = r.weight === null ? 1 : toPounds(r.weight, r.weightUnit as 'lb');
      const inputs: ProfitInputs = {
        unitsSold: r.unitsSold,
        revenue: r.revenue,
        cogs: r.cogs,
        referralFees: r.amazonRevenue * schedule.referralRate,
        fulfilmentFees:
          r.amazonUnits *
          fulfilmentFee(schedule, { sizeTier: (r.sizeTier ?? 'large_standard') as SizeTier, weightLb }),
        storageFees: storage,
        agedSurcharge: surcharge.get(r.sku) ?? 0,
        inboundShipping: r.amazonReceivedUnits * cuft * schedule.inboundPerCubicFoot,
        otherVariableCost: r.unitsSold * schedule.otherVariablePerUnit,
      };
      total = addProfit(total, inputs);
      if (r.unitsSold === 0 && storage === 0) continue;
      const p = profitLine(inputs);
      out.push({
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
        profit: r2(p.profit),
        margin: orNull(p.margin, r3),
        roi: orNull(p.roi, r3),
        'storage-fees-percent-of-revenue': orNull(p.storageFeePercentOfRevenue, r2),
      });
    }
    const t = profitLine(total);
    return {
      rows: out,
      summary: {
        unitsSold: t.unitsSold,
        revenue: r2(t.revenue),
        cogs: r2(t.cogs),
        fees: r2(t.referralFees + t.fulfilmentFees),
        storageFees: r2(t.storageFees + t.agedSurcharge),
        profit: r2(t.profit),
        margin: t.margin ?? 0,
        storageFeePercentOfRevenue: t.storageFeePercentOfRevenue ?? 0,
      },
    };
  }
}

function ageAlert(approaching: { threshold: number; units: number; daysUntil: number }[]): string | null {
  if (approaching.length === 0) return null;
  const first = [...approaching].sort((a, b) => a.daysUntil - b.daysUntil)[0]!;
  return `${String(first.units)} units reach ${String(first.threshold)} days in ${String(first.daysUntil)} days`;
}
