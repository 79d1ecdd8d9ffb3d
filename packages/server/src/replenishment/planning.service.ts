import { salesHistoryRepository } from '@stockwise/db/sales/sales-history.repository';
import { DomainError } from '@stockwise/domain/errors';
import type { CapacitySummary } from '@stockwise/domain/replenishment/capacity-fit';
import { binOverflows, capacityBins, fitToCapacity } from '@stockwise/domain/replenishment/capacity-fit';
import type {
  NetworkPlanInput,
  SourcedForecast,
  SupplyMode,
} from '@stockwise/domain/replenishment/network-plan';
import { resolveSupplyMode } from '@stockwise/domain/replenishment/network-plan';
import { overflowToHub } from '@stockwise/domain/replenishment/capacity-overflow';
import type { ClearanceAdvice } from '@stockwise/domain/health/clearance';
import type { PriceResponse } from '@stockwise/domain/forecasting/price-response';
import { clearanceApplies, positionClearance } from '@stockwise/domain/replenishment/position-clearance';
import { priceResponses } from '../forecasting/price-responses';
import { FeesService } from '../fees/fees.service';
import type { PlanLine } from '@stockwise/domain/replenishment/plan-line';
import type { PlanningPosition } from '@stockwise/domain/replenishment/position';
import { positionKey } from '@stockwise/domain/replenishment/position';
import { applyHolds, explainHeldBack } from '@stockwise/domain/replenishment/plan-holds';
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
import { currentForecasts } from '../forecasting/current-forecasts';
import { todayUtc } from '../forecasting/forecast.service';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { loadLpSolver } from './highs-solver';
import { planInSlices } from './plan-in-slices';
import { planningForecasts } from './planning-forecasts';
import { observedLeadTimesByRoute } from './suppliers.service';
import type { OrderSizeSummary } from '@stockwise/domain/replenishment/lumpy-demand';
import {
  LUMPY_SIZES_KEPT,
  ORDER_SIZE_WINDOW_DAYS,
  readsOrderSizes,
} from '@stockwise/domain/replenishment/lumpy-demand';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';

export interface PlanningQuery {
  /** First planning day; default today (UTC). */
  asOf?: string | undefined;
  /** Supply mode; default the network mode for an account with a hub and Amazon, else direct. */
  mode?: SupplyMode | undefined;
  /** Plan one SKU only (its figures are the same as in the whole plan). */
  sku?: string | undefined;
}

export type NetworkPlanLine = PlanLine<ProductRecord, LocationRecord>;

/** What the position and the plan are computed from, read in bulk; never changed once read. */
export interface PlanningInputs {
  input: NetworkPlanInput<ProductRecord, LocationRecord>;
  balances: PlanningBalance[];
  catalogue: ProductRecord[];
  settings: Awaited<ReturnType<typeof replenishmentRepository.settings>>;
  /** Products flagged non-stock. */
  nonStock: ReadonlySet<number>;
}

/**
 * The lines `planNetwork` makes (before holds and the capacity fit, which change quantities only) with
 * the inputs they were planned from: shared and never changed once made (the plan changes copies).
 */
export interface PlannedLines {
  inputs: PlanningInputs;
  mode: SupplyMode;
  lines: readonly NetworkPlanLine[];
}

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
    requirePermission(actor, 'read');
    const asOf = q.asOf ?? todayUtc();
    // Positions are fixed before holds and the capacity fit, which change quantities only: skip them.
    return { asOf, positions: (await this.planned(actor, { asOf })).lines.map((l) => l.position) };
  }

  /** The inputs and the lines planned from them (the one place they are planned). */
  protected async planned(actor: Actor, q: PlanningQuery & { asOf: string }): Promise<PlannedLines> {
    const inputs = await this.inputs(actor, q);
    const { mode, lines } = await planInSlices(inputs.input);
    return { inputs, mode, lines };
  }

  /**
   * The clearance advice of every position with excess units at an Amazon location (the excess
   * report's answer, the same restock obeys), with the positions; advice only where it is not `keep`.
   */
  async clearance(
    actor: Actor,
    q: { asOf?: string | undefined } = {},
  ): Promise<{ asOf: string; positions: PlanningPosition[]; advice: Map<string, ClearanceAdvice> }> {
    const { asOf, positions } = await this.position(actor, q);
    const products = await productsRepository.listAll(this.tx.sql, actor.accountId);
    return { asOf, positions, advice: await this.clearanceOf(actor, { asOf, positions, products }) };
  }

  async plan(actor: Actor, q: PlanningQuery = {}): Promise<NetworkPlanResult> {
    requirePermission(actor, 'read');
    const asOf = q.asOf ?? todayUtc();
    const planned = await this.planned(actor, { ...q, asOf });
    const { input, balances, catalogue, settings } = planned.inputs;
    const { mode } = planned;
    // Holds, the hub overflow and the capacity fit change lines: those of a copy (the planned are shared).
    const plannedLines = planned.lines.map(copyLine);
    const overrides = new Map(settings.map((s) => [s.productId, s]));
    const advice = await this.clearanceOf(actor, {
      asOf,
      positions: plannedLines
        .filter((l) => l.rec.recommendedQuantity > 0 && !overrides.get(l.product.id)?.buyDespiteClearance)
        .map((l) => l.position),
      products: input.products,
    });
    applyHolds(plannedLines, {
      clearanceAt: (l) => advice.get(positionKey(l.product.id, l.location.id)),
      overrides,
    });
    // Amazon first: what does not fit there is bought for the hub, whose own limit is fitted after.
    const stock = latestBalances(balances);
    const amazon = input.locations.filter((l) => l.type === 'amazon_fba');
    const rest = input.locations.filter((l) => l.type !== 'amazon_fba');
    const fitAt = async (locations: readonly LocationRecord[], lines: readonly NetworkPlanLine[]) => {
      const bins = capacityBins({ lines, locations, stock, catalogue });
      const solve = bins.some(binOverflows) ? await loadLpSolver() : undefined;
      return fitToCapacity(bins, { solve });
    };
    const atAmazon = await fitAt(amazon, plannedLines);
    const { hub } = resolveSupplyMode(mode, input.locations);
    const lines = overflowToHub(plannedLines, { input, hub });
    const elsewhere = await fitAt(rest, lines);
    explainHeldBack(lines);
    const order = new Map(input.locations.map((l, i) => [l.code, i]));
    const capacity = [...atAmazon, ...elsewhere].sort(
      (a, b) => (order.get(a.location) ?? 0) - (order.get(b.location) ?? 0),
    );
    return { asOf, mode, positions: lines.map((l) => l.position), lines, capacity };
  }

  /**
   * Clearance advice per SKU × location (`positionClearance`) for the given positions, keyed by
   * `positionKey`; only those where it is not `keep` (docs/formulas.md Held back). The excess report
   * reads the same answer.
   */
  async clearanceOf(
    actor: Actor,
    a: { asOf: string; positions: readonly PlanningPosition[]; products: readonly ProductRecord[] },
  ): Promise<Map<string, ClearanceAdvice>> {
    const out = new Map<string, ClearanceAdvice>();
    const candidates = a.positions.filter(clearanceApplies);
    if (candidates.length === 0) return out;
    const byId = new Map(a.products.map((p) => [p.id, p]));
    const locations = new Map(
      (await locationsRepository.listAll(this.tx.sql, actor.accountId)).map((l) => [l.id, l]),
    );
    // The price response pools each candidate's category (docs/forecasting.md Price response).
    const response = await priceResponses(this.tx.sql, actor.accountId, {
      asOf: a.asOf,
      of: candidates.flatMap((p) => byId.get(p.productId) ?? []),
      catalogue: a.products,
    });
    const fees = new FeesService(this.tx).resolver(actor, a.asOf);
    for (const p of candidates) {
      const product = byId.get(p.productId);
      if (!product) continue;
      const advice = positionClearance(p, product, {
        asOf: a.asOf,
        schedule: await fees(locations.get(p.locationId)?.marketplace ?? null),
        elasticity: elasticityOf(response.get(p.productId)),
      });
      if (advice && advice.action !== 'keep') out.set(positionKey(p.productId, p.locationId), advice);
    }
    return out;
  }

  /** The plan's inputs, loaded in bulk (a few statements, whatever the catalogue's size). */
  protected async inputs(actor: Actor, q: PlanningQuery & { asOf: string }): Promise<PlanningInputs> {
    const sql = this.tx.sql;
    const accountId = actor.accountId;
    const asOf = q.asOf;
    const locations = (await locationsRepository.listAll(sql, accountId)).filter((l) => l.active);
    const suppliers = new Map((await suppliersRepository.list(sql, accountId)).map((s) => [s.id, s]));
    const catalogue = await productsRepository.listAll(sql, accountId);
    // Non-stock codes (postage, fees, vouchers) are never planned (docs/forecasting.md "History and censoring").
    const nonStock = await salesHistoryRepository.nonStockProductIds(sql, accountId);
    const products = catalogue.filter(
      (p) => p.replenishable && !nonStock.has(p.id) && (!q.sku || p.sku === q.sku),
    );
    if (q.sku && products.length === 0)
      throw new DomainError('UNKNOWN_SKU', `unknown or not replenishable SKU ${q.sku}`, { field: 'sku' });
    const balances = await replenishmentRepository.balances(sql, accountId);
    const stored = await forecastsRepository.latestAll(sql, accountId);
    const itemsOf = new Map<number, Set<number>>();
    const addItem = (p: number, l: number) => itemsOf.set(p, (itemsOf.get(p) ?? new Set()).add(l));
    for (const b of balances) addItem(b.productId, b.locationId);
    for (const f of stored) if (f.locationId !== null) addItem(f.productId, f.locationId);
    for (const d of await salesHistoryRepository.demandItems(sql, accountId))
      addItem(d.productId, d.locationId);
    const terms = new Map<number, SupplierProductRecord>();
    for (const t of await suppliersRepository.listAllProducts(sql, accountId))
      if (!terms.has(t.productId)) terms.set(t.productId, t);
    const settings = await replenishmentRepository.settings(sql, accountId);
    const forecasts = await planningForecasts(sql, accountId, {
      asOf,
      products,
      itemsOf,
      stored: await currentForecasts(sql, accountId, { stored, catalogue }),
    });
    const leadDays = await observedLeadTimesByRoute(sql, accountId, { asOf });
    const input: NetworkPlanInput<ProductRecord, LocationRecord> = {
      asOf,
      mode: q.mode,
      products,
      locations,
      itemsOf,
      stock: new Map(balances.map((b) => [positionKey(b.productId, b.locationId), b])),
      forecasts,
      terms,
      suppliers,
      observedLeadDays: leadDays.bySupplier,
      observedRouteLeadDays: leadDays.byRoute,
      settings: new Map(settings.map((s) => [s.productId, s])),
      costDefaults: await suppliersRepository.costDefaults(sql, accountId),
      feeSchedules: await new FeesService(this.tx).schedulesOn(
        actor,
        asOf,
        locations.map((l) => l.marketplace),
      ),
      orderSizes: await orderSizesOf(sql, accountId, { asOf, forecasts }),
    };
    return { input, balances, catalogue, settings, nonStock };
  }
}

/** The clearance advice's elasticity: the price response's, or null (its default) when only the prior. */
function elasticityOf(r: PriceResponse | undefined): number | null {
  return r === undefined || r.source === 'prior' ? null : r.elasticity;
}

/**
 * Order sizes of the SKUs whose forecast finds them sporadic (intermittent or lumpy): the only ones
 * lumpy demand can plan (docs/formulas.md Lumpy demand); one statement for them all.
 */
export async function orderSizesOf(
  sql: Sql,
  accountId: number,
  a: { asOf: string; forecasts: ReadonlyMap<string, SourcedForecast> },
): Promise<Map<string, OrderSizeSummary>> {
  const productIds = new Set<number>();
  for (const [key, { f }] of a.forecasts) if (readsOrderSizes(f)) productIds.add(Number(key.split(':')[0]));
  const to = parseIsoDate(a.asOf);
  return replenishmentRepository.orderSizes(sql, accountId, {
    from: isoDate(to - ORDER_SIZE_WINDOW_DAYS),
    to: a.asOf,
    productIds: [...productIds],
    keepSizes: LUMPY_SIZES_KEPT,
  });
}

/** A line whose quantities, hold and reasoning can be changed without changing the one it copies. */
function copyLine(l: NetworkPlanLine): NetworkPlanLine {
  return { ...l, rec: { ...l.rec, reasoning: { ...l.rec.reasoning } } };
}

/** One balance per SKU × location (the last one read wins, as keyed lookups do). */
function latestBalances(balances: readonly PlanningBalance[]): PlanningBalance[] {
  return [...new Map(balances.map((b) => [`${b.productId}:${b.locationId}`, b])).values()];
}
