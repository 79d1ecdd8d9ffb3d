import type { DemandForecast } from '@stockwise/domain/forecasting/types';
import { DomainError } from '@stockwise/domain/errors';
import { forecastDemand } from '@stockwise/domain/forecasting/forecast-demand';
import { binOverflows, capacityBins, fitToCapacity } from '@stockwise/domain/replenishment/capacity-fit';
import type { SourcedForecast } from '@stockwise/domain/replenishment/network-plan';
import {
  NETWORK_PLAN_RULES,
  planNetwork,
  rebaseForecast,
} from '@stockwise/domain/replenishment/network-plan';
import type { PlanLine } from '@stockwise/domain/replenishment/plan-line';
import { compareByUrgency, planTotals } from '@stockwise/domain/replenishment/plan-summary';
import type { StoredForecast } from '@stockwise/db/forecasting/forecasts.repository';
import { forecastsRepository } from '@stockwise/db/forecasting/forecasts.repository';
import type { LocationRecord } from '@stockwise/db/catalog/locations.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type {
  PlanningBalance,
  ReplenishmentSettings,
} from '@stockwise/db/replenishment/replenishment.repository';
import { replenishmentRepository } from '@stockwise/db/replenishment/replenishment.repository';
import type { SupplierProductRecord } from '@stockwise/db/replenishment/suppliers.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import type { Sql } from '@stockwise/db/database';
import { historyWindow, loadDemandHistories } from '../forecasting/demand-histories';
import { todayUtc } from '../forecasting/forecast.service';
import type { RestockItemDto, RestockPlanDto, RestockSettings, SupplyMode } from './restock.schema';
import type { Actor } from '../accounts/actor';
import { FeesService } from '../fees/fees.service';
import { auditTrail, requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { loadLpSolver } from './highs-solver';
import { observedLeadTimes } from './suppliers.service';

export interface RestockPlanQuery {
  location?: string | undefined;
  supplier?: string | undefined;
  sku?: string | undefined;
  alert?: 'out_of_stock' | 'reorder_now' | 'reorder_soon' | 'any' | undefined;
  mode?: SupplyMode | undefined;
  onlyOrders?: boolean | undefined;
  limit?: number | undefined;
  /** First planning day; default today (UTC). */
  asOf?: string | undefined;
}

const DEFAULT_LIMIT = 5000;

/**
 * Restock recommendations per SKU × location (docs/formulas.md), fitted to storage capacity: this
 * service loads the inputs, `planNetwork` and `fitToCapacity` (domain) decide.
 */
export class RestockService {
  constructor(private readonly tx: Transactor) {}

  async plan(actor: Actor, q: RestockPlanQuery = {}): Promise<RestockPlanDto> {
    requirePermission(actor, 'read');
    const sql = this.tx.sql;
    const accountId = actor.accountId;
    const asOf = q.asOf ?? todayUtc();
    const locations = (await locationsRepository.listAll(sql, accountId)).filter((l) => l.active);
    const locationFilter = q.location ? locations.find((l) => l.code === q.location) : undefined;
    if (q.location && !locationFilter)
      throw new DomainError('UNKNOWN_LOCATION', `unknown location ${q.location}`, { field: 'location' });
    const suppliers = new Map((await suppliersRepository.list(sql, accountId)).map((s) => [s.id, s]));
    if (q.supplier && ![...suppliers.values()].some((s) => s.code === q.supplier))
      throw new DomainError('NOT_FOUND', `unknown supplier ${q.supplier}`, { field: 'supplier' });
    const catalogue = await productsRepository.listAll(sql, accountId);
    const products = catalogue.filter((p) => p.replenishable && (!q.sku || p.sku === q.sku));
    if (q.sku && products.length === 0)
      throw new DomainError('UNKNOWN_SKU', `unknown or not replenishable SKU ${q.sku}`, { field: 'sku' });

    const balances = await replenishmentRepository.balances(sql, accountId);
    const stored = await forecastsRepository.latestAll(sql, accountId);
    const itemsOf = new Map<number, Set<number>>();
    const addItem = (p: number, l: number) => itemsOf.set(p, (itemsOf.get(p) ?? new Set()).add(l));
    for (const b of balances) addItem(b.productId, b.locationId);
    for (const f of stored) if (f.locationId !== null) addItem(f.productId, f.locationId);
    const terms = new Map<number, SupplierProductRecord>();
    for (const t of await suppliersRepository.listAllProducts(sql, accountId))
      if (!terms.has(t.productId)) terms.set(t.productId, t);
    const { mode, lines } = planNetwork({
      asOf,
      mode: q.mode,
      products,
      locations,
      itemsOf,
      stock: new Map(balances.map((b) => [`${b.productId}:${b.locationId}`, b])),
      forecasts: await this.forecasts(sql, accountId, { asOf, products, itemsOf, stored }),
      terms,
      suppliers,
      observedLeadDays: await observedLeadTimes(sql, accountId),
      settings: new Map(
        (await replenishmentRepository.settings(sql, accountId)).map((s) => [s.productId, s]),
      ),
      feeSchedules: await new FeesService(this.tx).schedulesOn(
        actor,
        asOf,
        locations.map((l) => l.marketplace),
      ),
    });
    const bins = capacityBins({ lines, locations, stock: latestBalances(balances), catalogue });
    const solve = bins.some(binOverflows) ? await loadLpSolver() : undefined;
    const capacity = fitToCapacity(bins, { solve });

    let items = lines.map((r) => toDto(r, mode));
    if (locationFilter) items = items.filter((i) => i.location === locationFilter.code);
    if (q.supplier) items = items.filter((i) => i.supplier === q.supplier);
    if (q.alert) items = items.filter((i) => (q.alert === 'any' ? i.alert !== null : i.alert === q.alert));
    if (q.onlyOrders) items = items.filter((i) => i.recommendedQuantity > 0);
    items = items.sort(compareByUrgency).slice(0, q.limit ?? DEFAULT_LIMIT);
    return {
      asOf,
      mode,
      items,
      capacity: locationFilter ? capacity.filter((c) => c.location === locationFilter.code) : capacity,
      totals: planTotals(items),
    };
  }

  /** Forecasts per SKU × location: stored when current, else computed from the ledger once for all that need it. */
  private async forecasts(
    sql: Sql,
    accountId: number,
    a: {
      asOf: string;
      products: readonly ProductRecord[];
      itemsOf: ReadonlyMap<number, ReadonlySet<number>>;
      stored: readonly StoredForecast[];
    },
  ): Promise<Map<string, SourcedForecast>> {
    const stored = new Map(a.stored.map((f) => [`${f.productId}:${f.locationId ?? 'all'}`, f]));
    const forecasts = new Map<string, SourcedForecast>();
    const missing: string[] = [];
    for (const p of a.products) {
      for (const l of a.itemsOf.get(p.id) ?? []) {
        const f = rebaseForecast(stored.get(`${p.id}:${l}`), { asOf: a.asOf });
        if (f) forecasts.set(`${p.id}:${l}`, { f, source: 'stored' });
        else missing.push(`${p.id}:${l}`);
      }
    }
    if (missing.length === 0) return forecasts;
    const histories = await loadDemandHistories(
      sql,
      accountId,
      historyWindow(a.asOf),
      a.products.length === 1 ? a.products[0]!.id : undefined,
    );
    for (const key of missing) {
      const h = histories.byItem.get(key)?.demand ?? new Float64Array(0);
      const f: DemandForecast = forecastDemand(h, {
        horizon: NETWORK_PLAN_RULES.forecastHorizon,
        quantileLevels: [0.5],
      });
      forecasts.set(key, { f, source: 'computed' });
    }
    return forecasts;
  }

  async updateSettings(
    actor: Actor,
    sku: string,
    patch: RestockSettings,
  ): Promise<RestockSettings & { sku: string }> {
    requirePermission(actor, 'catalog:write');
    return this.tx.run(async (sql) => {
      const product = await productsRepository.findBySku(sql, actor.accountId, sku);
      if (!product) throw new DomainError('UNKNOWN_SKU', `unknown SKU ${sku}`, { field: 'sku' });
      const existing = (await replenishmentRepository.settings(sql, actor.accountId)).find(
        (s) => s.productId === product.id,
      );
      const next: ReplenishmentSettings = {
        productId: product.id,
        serviceLevel:
          patch.serviceLevel !== undefined ? patch.serviceLevel : (existing?.serviceLevel ?? null),
        reviewDays: patch.reviewDays !== undefined ? patch.reviewDays : (existing?.reviewDays ?? null),
        minCoverDays:
          patch.minCoverDays !== undefined ? patch.minCoverDays : (existing?.minCoverDays ?? null),
        maxCoverDays:
          patch.maxCoverDays !== undefined ? patch.maxCoverDays : (existing?.maxCoverDays ?? null),
        allowExcess: patch.allowExcess ?? existing?.allowExcess ?? false,
      };
      if (next.minCoverDays !== null && next.maxCoverDays !== null && next.minCoverDays > next.maxCoverDays) {
        throw new DomainError('VALIDATION_FAILED', 'minCoverDays must not exceed maxCoverDays', {
          field: 'minCoverDays',
        });
      }
      await replenishmentRepository.upsertSettings(sql, actor.accountId, next);
      const { productId: _id, ...dto } = next;
      await auditTrail(sql, actor).record('restock.settings', ['product', sku], existing ?? null, dto);
      return { sku, ...dto };
    });
  }
}

/** One balance per SKU × location (the last one read wins, as keyed lookups do). */
function latestBalances(balances: readonly PlanningBalance[]): PlanningBalance[] {
  return [...new Map(balances.map((b) => [`${b.productId}:${b.locationId}`, b])).values()];
}

function toDto(r: PlanLine<ProductRecord, LocationRecord>, mode: SupplyMode): RestockItemDto {
  const rec = r.rec;
  return {
    sku: r.product.sku,
    title: r.product.title,
    location: r.location.code,
    locationType: r.location.type,
    action: r.action,
    source: r.source,
    supplier: r.supplier?.code ?? null,
    mode,
    onHand: r.stock.onHand,
    available: r.stock.onHand - r.stock.reserved,
    inbound: r.stock.inbound,
    dailyDemand: rec.dailyDemand,
    daysOfSupply: rec.daysOfSupply,
    leadTimeDays: rec.leadTimeDays,
    serviceLevel: rec.serviceLevel,
    safetyStock: rec.safetyStock,
    reorderPoint: rec.reorderPoint,
    orderUpTo: rec.orderUpTo,
    recommendedQuantity: rec.recommendedQuantity,
    unconstrainedQuantity: r.unconstrained,
    casePack: rec.reasoning.casePack,
    moq: rec.reasoning.moq,
    unitCost: rec.unitCost,
    estimatedCost: rec.estimatedCost,
    orderByDate: rec.orderByDate,
    shipDate: rec.shipDate,
    arrivalDate: rec.arrivalDate,
    alert: rec.alert,
    excess: rec.excess,
    reasoning: {
      ...rec.reasoning,
      forecast: r.forecastSource,
      leadTimeSource:
        r.lead.source === 'stated'
          ? `stated (${r.lead.statedDays} days)`
          : `${r.lead.source} from ${r.lead.observations} receipts (stated ${r.lead.statedDays})`,
      capacity: r.capacity,
    },
  };
}
