import type { DemandForecast } from '@stockwise/domain/forecasting/types';
import { DomainError } from '@stockwise/domain/errors';
import { forecastDemand } from '@stockwise/domain/forecasting/forecast-demand';
import type { CapacitySummary } from '@stockwise/domain/replenishment/capacity-fit';
import { binOverflows, capacityBins, fitToCapacity } from '@stockwise/domain/replenishment/capacity-fit';
import type { SourcedForecast, SupplyMode } from '@stockwise/domain/replenishment/network-plan';
import {
  NETWORK_PLAN_RULES,
  planNetwork,
  rebaseForecast,
} from '@stockwise/domain/replenishment/network-plan';
import type { PlanLine } from '@stockwise/domain/replenishment/plan-line';
import type { PlanningPosition } from '@stockwise/domain/replenishment/position';
import { applyHolds, explainHeldBack } from '@stockwise/domain/replenishment/plan-holds';
import type { StoredForecast } from '@stockwise/db/forecasting/forecasts.repository';
import { forecastsRepository } from '@stockwise/db/forecasting/forecasts.repository';
import type { LocationRecord } from '@stockwise/db/catalog/locations.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { PlanningBalance } from '@stockwise/db/replenishment/replenishment.repository';
import { replenishmentRepository } from '@stockwise/db/replenishment/replenishment.repository';
import type { SupplierProductRecord } from '@stockwise/db/replenishment/suppliers.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import type { Sql } from '@stockwise/db/database';
import { historyWindow, loadDemandHistories } from '../forecasting/demand-histories';
import { todayUtc } from '../forecasting/forecast.service';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { loadLpSolver } from './highs-solver';
import { observedLeadTimes } from './suppliers.service';

export interface PlanningQuery {
  /** First planning day; default today (UTC). */
  asOf?: string | undefined;
  /** Supply mode; default the network mode for an account with a hub and Amazon, else direct. */
  mode?: SupplyMode | undefined;
  /** Plan one SKU only (its figures are the same as in the whole plan). */
  sku?: string | undefined;
}

export type NetworkPlanLine = PlanLine<ProductRecord, LocationRecord>;

/** The whole plan: one position per SKU × location, the restock lines (one per position), the capacity fit. */
export interface NetworkPlanResult {
  asOf: string;
  mode: SupplyMode;
  positions: PlanningPosition[];
  lines: NetworkPlanLine[];
  capacity: CapacitySummary[];
}

/**
 * The one planning position and the plan built on it (docs/formulas.md Planning position, Restock):
 * loads stock, forecasts, supplier terms, lead times and settings in bulk; `planNetwork`,
 * `fitToCapacity` and `explainHeldBack` (domain) decide. Restock, alerts and the reports read it.
 */
export class PlanningService {
  constructor(private readonly tx: Transactor) {}

  async position(
    actor: Actor,
    q: { asOf?: string | undefined } = {},
  ): Promise<{ asOf: string; positions: PlanningPosition[] }> {
    const { asOf, positions } = await this.plan(actor, { asOf: q.asOf });
    return { asOf, positions };
  }

  async plan(actor: Actor, q: PlanningQuery = {}): Promise<NetworkPlanResult> {
    requirePermission(actor, 'read');
    const sql = this.tx.sql;
    const accountId = actor.accountId;
    const asOf = q.asOf ?? todayUtc();
    const locations = (await locationsRepository.listAll(sql, accountId)).filter((l) => l.active);
    const suppliers = new Map((await suppliersRepository.list(sql, accountId)).map((s) => [s.id, s]));
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
    const settings = await replenishmentRepository.settings(sql, accountId);
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
      settings: new Map(settings.map((s) => [s.productId, s])),
    });
    applyHolds(lines, {
      clearanceAt: () => undefined,
      overrides: new Map(settings.map((s) => [s.productId, s])),
    });
    const bins = capacityBins({ lines, locations, stock: latestBalances(balances), catalogue });
    const solve = bins.some(binOverflows) ? await loadLpSolver() : undefined;
    const capacity = fitToCapacity(bins, { solve });
    explainHeldBack(lines);
    return { asOf, mode, positions: lines.map((l) => l.position), lines, capacity };
  }

  /**
   * Forecasts per SKU × location: stored when current, else computed from the ledger by the same engine
   * once for all that need it (the one fallback, docs/formulas.md Planning position).
   */
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
}

/** One balance per SKU × location (the last one read wins, as keyed lookups do). */
function latestBalances(balances: readonly PlanningBalance[]): PlanningBalance[] {
  return [...new Map(balances.map((b) => [`${b.productId}:${b.locationId}`, b])).values()];
}
