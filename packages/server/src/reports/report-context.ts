import type { SizeTier, StorageType } from '@stockwise/domain/catalog/dimensions';
import { storageTypeOf } from '@stockwise/domain/catalog/dimensions';
import type { FeeSchedule } from '@stockwise/domain/fees/fee-schedule';
import type { Network } from '@stockwise/domain/ledger/network';
import { monthlyStorageFee as storageFeeOfMonth } from '@stockwise/domain/fees/fee-schedule';
import { parseIsoDate } from '@stockwise/domain/dates/dates';
import { AGE_WARNING_DAYS, nextAssessmentDay } from '@stockwise/domain/health/age';
import { daysOfSupply, sellThrough } from '@stockwise/domain/health/factors';
import type { Sql } from '@stockwise/db/database';
import type { SkuFactorRow } from '@stockwise/db/health/factor-inputs';
import { healthRepository } from '@stockwise/db/health/health.repository';
import type { ProductScope } from '@stockwise/db/health/product-scope';
import { useReportSettings } from '@stockwise/db/health/product-scope';
import type { AgeRow } from '@stockwise/db/reports/inventory-age.repository';
import { inventoryAgeRepository } from '@stockwise/db/reports/inventory-age.repository';
import type { Actor } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import type { ReportRow } from './report-writers';
import type { ConversionTable } from '@stockwise/domain/reports/money';

export interface ReportParams {
  asOf: string;
  /** storage: 'YYYY-MM'. */
  month: string;
  /** profit: [from, to). */
  from: string;
  to: string;
  /** inventory-age, storage, stranded, excess: one location's code (default: Amazon's locations). */
  location?: string | undefined;
  /** profit: the seller's conversion table, for totals in one currency beside the per-currency ones. */
  conversion?: ConversionTable | undefined;
}

/**
 * The locations a report counts (docs/formulas.md#amazons-scope): Amazon's by default, or the one asked
 * for; `network` null when it spans both (the inventory report).
 */
export interface ReportScope {
  network: Network | null;
  locations: { id: number; code: string; marketplace: string | null }[];
}

/**
 * The report's locations by the fee table that prices them (docs/fees.md, Selection): one context per
 * marketplace, with that marketplace's schedule and only its locations — the aged surcharge's brackets
 * and assessment day are the table's.
 */
export async function contextsByMarketplace(ctx: ReportContext): Promise<ReportContext[]> {
  const groups = new Map<string | null, ReportScope['locations']>();
  for (const l of ctx.scope.locations) groups.set(l.marketplace, [...(groups.get(l.marketplace) ?? []), l]);
  const out: ReportContext[] = [];
  for (const [marketplace, locations] of groups)
    out.push({ ...ctx, schedule: await ctx.fees(marketplace), scope: { ...ctx.scope, locations } });
  return out;
}

export interface Page {
  rows: ReportRow[];
  summary?: Record<string, unknown>;
}

/** A page of SKUs: after `after` (exclusive) through `through`, in SKU order — a key range, not a list. */
export interface SkuRange {
  after: string | undefined;
  through: string;
  /** How many SKUs the range holds. */
  count: number;
}

export const scopeOf = (range: SkuRange): ProductScope => ({
  after: range.after,
  through: range.through,
  limit: range.count,
});

/** What a report is made of: its columns, a page of SKUs, and optionally a summary and a whole-catalogue stream. */
export interface ReportDefinition {
  /**
   * Which locations it counts: `amazon` (Amazon's, fixed), `location` (Amazon's, or the one `?location=`
   * names) or `all` (every location, each row saying which).
   */
  scope: 'amazon' | 'location' | 'all';
  columns: (ctx: ReportContext) => string[];
  page: (ctx: ReportContext, range: SkuRange) => Promise<Page>;
  /**
   * Catalogue-level figures added to the first JSON page (not per page). `whole` is that first page when
   * it holds every SKU: figures of the whole report may be taken from it rather than read again.
   */
  summary?: (ctx: ReportContext, whole?: Page) => Promise<Record<string, unknown>>;
  /** The whole report as one statement read through a cursor (downloads), instead of `page` after `page`. */
  stream?: (ctx: ReportContext) => AsyncGenerator<ReportRow[]>;
}

export interface ReportContext {
  actor: Actor;
  params: ReportParams;
  scope: ReportScope;
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

export const r2 = (x: number) => Math.round(x * 100) / 100;
export const r3 = (x: number) => Math.round(x * 1000) / 1000;
export const orNull = (x: number | null, f: (x: number) => number) => (x === null ? null : f(x));
export const storageTypeOfTier = (tier: string | null): StorageType =>
  tier ? storageTypeOf(tier as SizeTier) : 'standard';
/** The calendar month of 'YYYY-MM-DD' or 'YYYY-MM', 1–12. */
export const monthNumber = (iso: string) => Number(iso.slice(5, 7));
/** The next calendar month after `iso`, 1–12. */
export const nextMonth = (iso: string) => (monthNumber(iso) % 12) + 1;
/** The cells every item report starts with: the date, the product, and its condition (always new). */
export const itemCells = (
  ctx: ReportContext,
  p: { sku: string; fnsku: string | null; asin: string | null; title: string },
): ReportRow => ({
  'snapshot-date': ctx.params.asOf,
  sku: p.sku,
  fnsku: p.fnsku,
  asin: p.asin,
  'product-name': p.title,
  condition: 'New',
});
/** SKUs per page of a streamed report. */
export const PAGE = 5000;

/**
 * A statement over a page of SKUs in its own short transaction (or the caller's) with the report
 * settings (no JIT, memory to sort a page); a page's statements run side by side on the pool.
 */
export function analytic<T>(tx: Transactor, fn: (sql: Sql) => Promise<T>): Promise<T> {
  return tx.run(async (sql) => {
    await useReportSettings(sql);
    return fn(sql);
  });
}

/** The ids of the report's locations. */
export const scopeIds = (ctx: ReportContext) => ctx.scope.locations.map((l) => l.id);

/** The health factor inputs of a page of SKUs on the report's date, at the report's locations. */
export function pageFactors(
  tx: Transactor,
  ctx: ReportContext,
  scope: ProductScope,
): Promise<SkuFactorRow[]> {
  return analytic(tx, (sql) =>
    healthRepository.skuFactorsPage(sql, ctx.actor.accountId, {
      asOf: ctx.params.asOf,
      locationIds: scopeIds(ctx),
      ...scope,
    }),
  );
}

/**
 * Inventory age per SKU × location (of the report's scope) of a page of SKUs, aged to `asOf` (the report's
 * date by default); the surcharge brackets priced at the age on the next assessment day on or after it
 * (domain/health/age.ts nextAssessmentDay).
 */
export function pageAges(
  tx: Transactor,
  ctx: ReportContext,
  scope: ProductScope,
  asOf = ctx.params.asOf,
): Promise<AgeRow[]> {
  const day = parseIsoDate(asOf);
  return analytic(tx, (sql) =>
    inventoryAgeRepository.page(sql, ctx.actor.accountId, {
      asOf,
      brackets: ctx.schedule.agedSurcharge,
      warnDays: AGE_WARNING_DAYS,
      locationIds: scopeIds(ctx),
      bracketDaysAhead: nextAssessmentDay(day, ctx.schedule.agedSurchargeDay) - day,
      ...scope,
    }),
  );
}

/** Inventory age (SKU × location) and factor inputs (by SKU) of a page of SKUs, read side by side. */
export async function pageAgesAndFactors(
  tx: Transactor,
  ctx: ReportContext,
  range: SkuRange,
): Promise<{ ages: AgeRow[]; factors: Map<string, SkuFactorRow> }> {
  const [ages, factors] = await Promise.all([
    pageAges(tx, ctx, scopeOf(range)),
    pageFactors(tx, ctx, scopeOf(range)),
  ]);
  return { ages, factors: new Map(factors.map((f) => [f.sku, f])) };
}

/** Days of supply from a SKU's factor inputs: available and inbound units over forecast demand. */
export const daysOfSupplyOf = (f: SkuFactorRow) =>
  daysOfSupply({ available: f.onHand - f.reserved, inbound: f.inbound, dailyDemand: f.dailyDemand });

/** 90-day sell-through from a SKU's factor inputs, to cents (null when undefined). */
export const sellThroughOf = (f: SkuFactorRow) =>
  orNull(sellThrough({ unitsShipped: f.unitsShipped90, averageOnHand: f.averageOnHand90 }), r2);

/** This month's storage fee of `units` units at one location (none outside Amazon's). */
export async function monthlyStorageFee(
  ctx: ReportContext,
  r: {
    locationType: string;
    marketplace: string | null;
    cubicFeet: number | null;
    sizeTier: string | null;
    units: number;
  },
): Promise<number> {
  if (r.locationType !== 'amazon_fba') return 0;
  const schedule = await ctx.fees(r.marketplace);
  return storageFeeOfMonth(schedule, {
    cubicFeet: r.cubicFeet ?? 0,
    units: r.units,
    storageType: storageTypeOfTier(r.sizeTier),
    month: monthNumber(ctx.params.asOf),
  });
}
