import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { DomainError } from '@stockwise/domain/errors';
import { convertedTotal } from '@stockwise/domain/reports/money';
import { networkOf } from '@stockwise/domain/ledger/network';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import { reportScopeRepository } from '@stockwise/db/reports/report-statement';
import type { ReportKind } from './reports.schema';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { keyOf, PlanningVersionCache } from '../platform/versioned-cache';
import type { FeesService } from '../fees/fees.service';
import type { PlanningService } from '../replenishment/planning.service';
import { DEFAULT_MARKETPLACE } from '../fees/fees.service';
import { todayIso } from '../health/health.service';
import { excessReport } from './excess.report';
import { inventoryAgeReport } from './inventory-age.report';
import { inventoryReport } from './inventory.report';
import { profitReport } from './profit.report';
import type { ReportContext, ReportDefinition, ReportParams, ReportScope } from './report-context';
import { contextsByMarketplace } from './report-context';
import { pagedRows } from './report-stream';
import type { RowSource } from './report-writers';
import { storageReport, storageSummary } from './storage.report';
import { storageMonths } from './storage-overview';
import { conversionTable } from './conversion';
import { strandedReport } from './stranded.report';

export type { ReportParams } from './report-context';

/** The longest profit period, in days (two years). */
const MAX_PERIOD_DAYS = 731;

/**
 * The seller's reports, each as columns + rows a page of SKUs at a time: JSON pages for the API and
 * the dashboard, and whole-catalogue CSV/XLSX downloads streamed with flat memory.
 */
type StorageOverview = Awaited<ReturnType<ReportsService['computeStorageOverview']>>;
type ReportPage = Awaited<ReturnType<ReportsService['computePage']>>;

/**
 * The reports whose pages read only what the account's planning version covers (the ledger and what
 * derives from it, products, locations, fee tables, settlement amounts; docs/decisions.md 30; the excess
 * report's positions and clearance advice are the planning position's, docs/decisions.md 34): kept per
 * version, and across restarts, instead of recomputed on every visit.
 */
const VERSIONED_PAGES: ReadonlySet<ReportKind> = new Set(['profit', 'inventory-age', 'excess']);

export class ReportsService {
  private readonly definitions: Record<ReportKind, ReportDefinition>;
  /** Storage overviews per planning version: shared, read by callers, never changed. */
  private readonly storageOverviews: PlanningVersionCache<StorageOverview>;
  /** Pages of the `VERSIONED_PAGES` reports per planning version: shared, read by callers, never changed. */
  private readonly pages: PlanningVersionCache<ReportPage>;

  constructor(
    private readonly tx: Transactor,
    private readonly fees: FeesService,
    /** The process's planning service (its cached position and clearance advice): the excess report's. */
    planning: PlanningService,
  ) {
    this.storageOverviews = new PlanningVersionCache(tx, { persistAs: 'storage-overview' });
    this.pages = new PlanningVersionCache(tx, { persistAs: 'report-page' });
    this.definitions = {
      inventory: inventoryReport(tx),
      'inventory-age': inventoryAgeReport(tx),
      excess: excessReport(tx, planning),
      stranded: strandedReport(tx),
      storage: storageReport(tx),
      profit: profitReport(tx),
    };
  }

  /** Resolves defaults: as of today, the month of asOf, the 30 days before asOf. */
  params(q: {
    asOf?: string | undefined;
    month?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    location?: string | undefined;
    convertTo?: string | undefined;
    rates?: string | undefined;
  }): ReportParams {
    const asOf = q.asOf ?? todayIso();
    const to = q.to ?? asOf;
    const from = q.from ?? isoDate(parseIsoDate(to) - 30);
    if (parseIsoDate(from) >= parseIsoDate(to))
      throw new DomainError('VALIDATION_FAILED', 'from must be before to', { field: 'from' });
    if (parseIsoDate(to) - parseIsoDate(from) > MAX_PERIOD_DAYS)
      throw new DomainError('VALIDATION_FAILED', 'a profit period is at most two years', { field: 'from' });
    return {
      asOf,
      month: q.month ?? asOf.slice(0, 7),
      from,
      to,
      location: q.location,
      conversion: conversionTable(q),
    };
  }

  private async context(actor: Actor, kind: ReportKind, params: ReportParams): Promise<ReportContext> {
    requirePermission(actor, 'read');
    return this.contextIn(actor, params, await this.scope(actor, kind, params.location));
  }

  /** The context of a report on `params` over `scope`: the fee tables in force on its date. */
  private async contextIn(actor: Actor, params: ReportParams, scope: ReportScope): Promise<ReportContext> {
    const fees = this.fees.resolver(actor, params.asOf);
    // One marketplace in scope (one Amazon store, or ?location=): its table; several: the default's.
    const markets = new Set(scope.locations.flatMap((l) => (l.marketplace === null ? [] : [l.marketplace])));
    const [only] = markets;
    return {
      actor,
      params,
      scope,
      fees,
      schedule: await fees(markets.size === 1 && only !== undefined ? only : DEFAULT_MARKETPLACE),
    };
  }

  /**
   * The locations a report counts (docs/formulas.md#amazons-scope): Amazon's by default, the one named
   * by `location` where the report takes one, every location for the inventory report.
   */
  private async scope(actor: Actor, kind: ReportKind, location: string | undefined): Promise<ReportScope> {
    const def = this.definitions[kind];
    const all = await locationsRepository.listAll(this.tx.sql, actor.accountId);
    const ref = (l: { id: number; code: string; marketplace: string | null }) => ({
      id: l.id,
      code: l.code,
      marketplace: l.marketplace,
    });
    if (location !== undefined) {
      if (def.scope !== 'location')
        throw new DomainError('VALIDATION_FAILED', `the ${kind} report does not take a location`, {
          field: 'location',
        });
      const found = all.find((l) => l.code === location);
      if (!found)
        throw new DomainError('UNKNOWN_LOCATION', `unknown location ${location}`, { field: 'location' });
      return { network: networkOf(found.type), locations: [ref(found)] };
    }
    if (def.scope === 'all') return { network: null, locations: all.map(ref) };
    return { network: 'amazon', locations: all.filter((l) => networkOf(l.type) === 'amazon').map(ref) };
  }

  async columns(actor: Actor, kind: ReportKind, params: ReportParams): Promise<string[]> {
    return this.definitions[kind].columns(await this.context(actor, kind, params));
  }

  /** One JSON page (by SKU) with the report's columns and, on the first page, catalogue-level figures. */
  async page(
    actor: Actor,
    kind: ReportKind,
    q: { params: ReportParams; limit: number; cursor?: string | undefined },
  ): Promise<ReportPage> {
    if (!VERSIONED_PAGES.has(kind)) return this.computePage(actor, kind, q);
    requirePermission(actor, 'read');
    // Every resolved parameter is in the key: the day asked (today by default), the period, the page.
    const key = keyOf(actor.accountId, `page:${kind}`, { ...q.params, limit: q.limit, cursor: q.cursor });
    return this.pages.get(actor.accountId, key, () => this.computePage(actor, kind, q));
  }

  private async computePage(
    actor: Actor,
    kind: ReportKind,
    q: { params: ReportParams; limit: number; cursor?: string | undefined },
  ) {
    const ctx = await this.context(actor, kind, q.params);
    const def = this.definitions[kind];
    const skus = await reportScopeRepository.skus(this.tx.sql, actor.accountId, {
      after: q.cursor,
      limit: q.limit + 1,
    });
    const pageSkus = skus.slice(0, q.limit);
    const through = pageSkus[pageSkus.length - 1];
    const page =
      through !== undefined
        ? await def.page(ctx, { after: q.cursor, through, count: pageSkus.length })
        : { rows: [] };
    const more = skus.length > q.limit;
    const summary =
      q.cursor === undefined && def.summary ? await def.summary(ctx, more ? undefined : page) : {};
    return {
      kind,
      asOf: q.params.asOf,
      currency: ctx.schedule.currency,
      scope: { network: ctx.scope.network, locations: ctx.scope.locations.map((l) => l.code) },
      columns: def.columns(ctx),
      rows: page.rows,
      summary: { ...summary, ...page.summary },
      nextCursor: more ? (through ?? null) : null,
    };
  }

  /** Every row: the report's whole-catalogue statement, else page after page (downloads, e-mail, the benchmark). */
  async stream(
    actor: Actor,
    kind: ReportKind,
    params: ReportParams,
  ): Promise<{ columns: string[]; rows: RowSource }> {
    const ctx = await this.context(actor, kind, params);
    const def = this.definitions[kind];
    return { columns: def.columns(ctx), rows: def.stream ? def.stream(ctx) : pagedRows(this.tx, ctx, def) };
  }

  /**
   * The storage and capacity page: fees by storage type and currency month by month (this month,
   * `months` − 1 before it, and next month), totals per currency, and the storage report's capacity figures (utilisation against the
   * limits this month and the next two, the overage fee at risk).
   */
  async storageOverview(
    actor: Actor,
    q: {
      asOf?: string | undefined;
      months: number;
      convertTo?: string | undefined;
      rates?: string | undefined;
    },
  ) {
    requirePermission(actor, 'read');
    const table = conversionTable(q);
    // It reads the ledger, products, locations, fee tables and forecasts, all under the planning
    // version: an unchanged account is priced once per day asked, not on every visit (today is in the
    // key too: the capacity projection counts from it). The seller's rates only convert its totals.
    const query = { asOf: this.params({ asOf: q.asOf }).asOf, months: q.months };
    const overview = await this.storageOverviews.get(
      actor.accountId,
      keyOf(actor.accountId, 'storageOverview', { ...query, today: todayIso() }),
      () => this.computeStorageOverview(actor, query),
    );
    if (table === undefined) return overview;
    const fields = ['storageFee', 'agedSurcharge'] as const;
    return {
      ...overview,
      months: overview.months.map((m) => ({
        ...m,
        converted: { ...convertedTotal(m.totals, fields, fields, table), rates: table.rates },
      })),
    };
  }

  private async computeStorageOverview(actor: Actor, q: { asOf: string; months: number }) {
    const params = this.params({ asOf: q.asOf });
    const ctx = await this.context(actor, 'storage', params);
    const summary = await storageSummary(this.tx, ctx);
    // the currencies of the tables pricing the scope's locations: each figure is given in each of them;
    // a marketplace without a table is named instead (its fees are unknown, not 0)
    const schedules = (await contextsByMarketplace(ctx)).map((c) => c.schedule);
    const priced = schedules.filter((s) => !s.noTable);
    return {
      asOf: params.asOf,
      currencies: [...new Set(priced.map((s) => s.currency))].sort(),
      withoutFeeTable: [...new Set(schedules.filter((s) => s.noTable).map((s) => s.marketplace))].sort(),
      months: await storageMonths(this.tx, ctx, (p) => this.contextIn(actor, p, ctx.scope), {
        asOf: params.asOf,
        months: q.months,
      }),
      summary,
    };
  }
}
