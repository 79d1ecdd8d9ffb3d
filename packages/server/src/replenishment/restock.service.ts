import { parseIsoDate } from '@stockwise/domain/dates/dates';
import type { SizeTier } from '@stockwise/domain/catalog/dimensions';
import { storageTypeOf } from '@stockwise/domain/catalog/dimensions';
import { DomainError } from '@stockwise/domain/errors';
import { forecastDemand } from '@stockwise/domain/forecasting/forecast-demand';
import type { DemandForecast } from '@stockwise/domain/forecasting/types';
import type { CapacityItem } from '@stockwise/domain/replenishment/capacity';
import { planWithinCapacity } from '@stockwise/domain/replenishment/capacity';
import { splitByDemand } from '@stockwise/domain/replenishment/distribution';
import {
  estimateUnitFees,
  storageFeeSchedule,
  storageRatePerCubicFootDay,
} from '@stockwise/domain/replenishment/economics';
import type { LearnedLeadTime } from '@stockwise/domain/replenishment/lead-time';
import { learnLeadTime } from '@stockwise/domain/replenishment/lead-time';
import type { RestockRecommendation } from '@stockwise/domain/replenishment/restock';
import { recommendRestock } from '@stockwise/domain/replenishment/restock';
import { unitCostFor } from '@stockwise/domain/replenishment/rounding';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
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
import type { SupplierProductRecord, SupplierRecord } from '@stockwise/db/replenishment/suppliers.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import { historyWindow, loadDemandHistories } from '../forecasting/demand-histories';
import { todayUtc } from '../forecasting/forecast.service';
import type {
  CapacitySummaryDto,
  RestockItemDto,
  RestockPlanDto,
  RestockSettings,
  SupplyMode,
} from './restock.schema';
import type { Actor } from '../accounts/actor';
import { auditActor, requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { loadLpSolver } from './highs-solver';
import { observedLeadTimes, statedDays } from './suppliers.service';

/** Lead time assumed for a SKU without a supplier: 30 days, ± 15%. */
const DEFAULT_LEAD_DAYS = 30;
const FORECAST_HORIZON = 120;

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

interface Row {
  product: ProductRecord;
  location: LocationRecord;
  action: 'purchase' | 'transfer';
  source: string | null;
  supplier: SupplierRecord | undefined;
  term: SupplierProductRecord | undefined;
  stock: { onHand: number; reserved: number; inbound: number };
  forecast: DemandForecast;
  forecastSource: 'stored' | 'computed';
  lead: LearnedLeadTime & { productionDays: number };
  rec: RestockRecommendation;
  unconstrained: number;
  capacity: RestockItemDto['reasoning']['capacity'];
  profitPerUnit: number;
  storageType: 'standard' | 'oversize';
}

const SEVERITY: Record<string, number> = { out_of_stock: 0, reorder_now: 1, reorder_soon: 2 };
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A stored forecast re-based to start at `asOf` (or undefined when too old or too short). */
function rebase(stored: StoredForecast | undefined, asOf: string): DemandForecast | undefined {
  if (!stored) return undefined;
  const offset = parseIsoDate(asOf) - parseIsoDate(stored.asOf);
  if (offset < 0 || offset > 14 || stored.mean.length - offset < 28) return undefined;
  return {
    model: stored.model,
    params: stored.params,
    demandClass: stored.demandClass as DemandForecast['demandClass'],
    degenerate: stored.degenerate as DemandForecast['degenerate'],
    mean: Float64Array.from(stored.mean.slice(offset)),
    quantiles: [],
    dispersion: stored.dispersion,
    levelVariance: stored.levelVariance,
  };
}

/** Echelon demand: the sum of several locations' forecasts (mean-weighted dispersion and level error). */
function sumForecasts(list: readonly DemandForecast[]): DemandForecast {
  const H = Math.max(0, ...list.map((f) => f.mean.length));
  const mean = new Float64Array(H);
  let total = 0;
  let disp = 0;
  let lv = 0;
  for (const f of list) {
    const s = f.mean.reduce((a, b) => a + b, 0);
    for (let t = 0; t < H; t++) mean[t] = mean[t]! + (f.mean[Math.min(t, f.mean.length - 1)] ?? 0);
    total += s;
    disp += f.dispersion * s;
    lv += Math.sqrt(f.levelVariance) * s;
  }
  return {
    model: 'echelon-sum',
    params: {},
    demandClass: 'smooth',
    degenerate: null,
    mean,
    quantiles: [],
    dispersion: total > 0 ? disp / total : 1,
    levelVariance: total > 0 ? (lv / total) ** 2 : 0,
  };
}

/** Restock recommendations per SKU × location (docs/formulas.md), fitted to storage capacity. */
export class RestockService {
  constructor(private readonly tx: Transactor) {}

  async plan(actor: Actor, q: RestockPlanQuery = {}): Promise<RestockPlanDto> {
    requirePermission(actor, 'read');
    const sql = this.tx.sql;
    const accountId = actor.accountId;
    const asOf = q.asOf ?? todayUtc();
    const locations = (await locationsRepository.listAll(this.tx.sql, actor.accountId)).filter(
      (l) => l.active,
    );
    const locationFilter = q.location ? locations.find((l) => l.code === q.location) : undefined;
    if (q.location && !locationFilter)
      throw new DomainError('UNKNOWN_LOCATION', `unknown location ${q.location}`, { field: 'location' });
    const suppliers = new Map((await suppliersRepository.list(sql, accountId)).map((s) => [s.id, s]));
    if (q.supplier && ![...suppliers.values()].some((s) => s.code === q.supplier))
      throw new DomainError('NOT_FOUND', `unknown supplier ${q.supplier}`, { field: 'supplier' });
    const catalogue = await productsRepository.listAll(this.tx.sql, actor.accountId);
    const products = catalogue.filter((p) => p.replenishable && (!q.sku || p.sku === q.sku));
    if (q.sku && products.length === 0)
      throw new DomainError('UNKNOWN_SKU', `unknown or not replenishable SKU ${q.sku}`, { field: 'sku' });

    const balances = new Map<string, PlanningBalance>();
    const itemsOf = new Map<number, Set<number>>();
    const addItem = (p: number, l: number) => itemsOf.set(p, (itemsOf.get(p) ?? new Set()).add(l));
    for (const b of await replenishmentRepository.balances(sql, accountId)) {
      balances.set(`${b.productId}:${b.locationId}`, b);
      addItem(b.productId, b.locationId);
    }
    const stored = new Map<string, StoredForecast>();
    for (const f of await forecastsRepository.latestAll(sql, accountId)) {
      stored.set(`${f.productId}:${f.locationId ?? 'all'}`, f);
      if (f.locationId !== null) addItem(f.productId, f.locationId);
    }
    const terms = new Map<number, SupplierProductRecord>();
    for (const t of await suppliersRepository.listAllProducts(sql, accountId))
      if (!terms.has(t.productId)) terms.set(t.productId, t);
    const observed = await observedLeadTimes(sql, accountId);
    const settings = new Map(
      (await replenishmentRepository.settings(sql, accountId)).map((s) => [s.productId, s]),
    );
    const byId = new Map(locations.map((l) => [l.id, l]));
    const hub = locations.find((l) => l.type === 'warehouse');
    const mode: SupplyMode = q.mode && q.mode !== 'direct' && hub ? q.mode : 'direct';
    const defaultLocation = locations.find((l) => l.type === 'amazon_fba') ?? locations[0];

    // Forecasts: stored when current, else computed from the ledger once for all that need it.
    const forecasts = new Map<string, { f: DemandForecast; source: 'stored' | 'computed' }>();
    const missing: { productId: number; locationId: number }[] = [];
    for (const p of products) {
      for (const l of itemsOf.get(p.id) ?? []) {
        const f = rebase(stored.get(`${p.id}:${l}`), asOf);
        if (f) forecasts.set(`${p.id}:${l}`, { f, source: 'stored' });
        else missing.push({ productId: p.id, locationId: l });
      }
    }
    if (missing.length > 0) {
      const window = historyWindow(asOf);
      const histories = await loadDemandHistories(
        sql,
        accountId,
        window,
        products.length === 1 ? products[0]!.id : undefined,
      );
      for (const m of missing) {
        const h = histories.byItem.get(`${m.productId}:${m.locationId}`)?.demand ?? new Float64Array(0);
        forecasts.set(`${m.productId}:${m.locationId}`, {
          f: forecastDemand(h, { horizon: FORECAST_HORIZON, quantileLevels: [0.5] }),
          source: 'computed',
        });
      }
    }
    const zero: DemandForecast = {
      model: 'none',
      params: {},
      demandClass: 'none',
      degenerate: 'no-data',
      mean: new Float64Array(FORECAST_HORIZON),
      quantiles: [],
      dispersion: 1,
      levelVariance: 0,
    };

    const rows: Row[] = [];
    for (const product of products) {
      const term = terms.get(product.id);
      const supplier = term ? suppliers.get(term.supplierId) : undefined;
      const lead = this.leadTime(supplier, observed);
      const setting = settings.get(product.id);
      let locIds = [...(itemsOf.get(product.id) ?? [])].filter((id) => byId.has(id));
      if (locIds.length === 0 && defaultLocation) locIds = [defaultLocation.id];
      const stockAt = (id: number) => {
        const b = balances.get(`${product.id}:${id}`);
        return { onHand: b?.onHand ?? 0, reserved: b?.reserved ?? 0, inbound: b?.inbound ?? 0 };
      };
      const forecastAt = (id: number) =>
        forecasts.get(`${product.id}:${id}`) ?? { f: zero, source: 'computed' as const };
      const base = { product, supplier, term, setting };
      if (mode === 'direct') {
        for (const id of locIds)
          rows.push(
            this.row({
              ...base,
              location: byId.get(id)!,
              action: 'purchase',
              source: supplier?.code ?? null,
              stock: stockAt(id),
              forecast: forecastAt(id),
              lead,
              asOf,
              mode,
            }),
          );
        continue;
      }
      const fcs = locIds.filter((id) => id !== hub!.id && byId.get(id)!.type !== 'warehouse');
      const others = locIds.filter((id) => id !== hub!.id && byId.get(id)!.type === 'warehouse');
      for (const id of others)
        rows.push(
          this.row({
            ...base,
            location: byId.get(id)!,
            action: 'purchase',
            source: supplier?.code ?? null,
            stock: stockAt(id),
            forecast: forecastAt(id),
            lead,
            asOf,
            mode: 'direct',
          }),
        );
      // FCs are replenished from the hub over the ground + check-in leg.
      const legDays = supplier ? Math.max(1, supplier.groundDays + supplier.checkInDays) : 10;
      const leg = {
        meanDays: legDays,
        sdDays: legDays * 0.2,
        observations: 0,
        statedDays: legDays,
        source: 'stated' as const,
        productionDays: 0,
      };
      const fcRows = fcs.map((id) =>
        this.row({
          ...base,
          location: byId.get(id)!,
          action: 'transfer',
          source: hub!.code,
          stock: stockAt(id),
          forecast: forecastAt(id),
          lead: leg,
          asOf,
          mode,
          maxCover: mode === 'bulk_warehouse' ? 60 : undefined,
        }),
      );
      const hubStock = stockAt(hub!.id);
      const hubAvailable = Math.max(0, hubStock.onHand - hubStock.reserved);
      const wanted = fcRows.reduce((s, r) => s + r.rec.recommendedQuantity, 0);
      if (wanted > hubAvailable) {
        // Not enough at the hub: share what there is by where demand comes from.
        const split = splitByDemand(hubAvailable, {
          casePack: 1,
          demand: Object.fromEntries(
            fcRows.map((r) => [
              r.location.code,
              r.rec.recommendedQuantity > 0 ? r.rec.dailyDemand || 1e-6 : 0,
            ]),
          ),
        });
        for (const r of fcRows)
          this.cut(
            r,
            Math.min(r.rec.recommendedQuantity, split[r.location.code] ?? 0),
            `Only ${hubAvailable} available at ${hub!.code} for ${wanted} wanted by the FCs: shared by demand.`,
          );
      }
      rows.push(...fcRows);
      // The hub buys for the whole echelon: its own stock and everything downstream.
      const echelonIds = [hub!.id, ...fcs];
      const echelonStock = echelonIds.map(stockAt).reduce((a, b) => ({
        onHand: a.onHand + b.onHand,
        reserved: a.reserved + b.reserved,
        inbound: a.inbound + b.inbound,
      }));
      const share =
        lead.statedDays > 0
          ? Math.max(0, lead.statedDays - (supplier?.checkInDays ?? 0)) / lead.statedDays
          : 1;
      const hubLead = { ...lead, meanDays: lead.meanDays * share, sdDays: lead.sdDays * share };
      const echelonForecast = {
        f: sumForecasts(echelonIds.map((id) => forecastAt(id).f)),
        source: echelonIds.every((id) => forecastAt(id).source === 'stored')
          ? ('stored' as const)
          : ('computed' as const),
      };
      rows.push(
        this.row({
          ...base,
          location: hub!,
          action: 'purchase',
          source: supplier?.code ?? null,
          stock: echelonStock,
          forecast: echelonForecast,
          lead: hubLead,
          asOf,
          mode,
          reviewDays: mode === 'bulk_warehouse' ? 30 : undefined,
          minCover: 28,
        }),
      );
    }

    const capacity = await this.fitCapacity({ rows, locations, balances, catalogue });

    let items = rows.map((r) => this.toDto(r, mode));
    if (locationFilter) items = items.filter((i) => i.location === locationFilter.code);
    if (q.supplier) items = items.filter((i) => i.supplier === q.supplier);
    if (q.alert) items = items.filter((i) => (q.alert === 'any' ? i.alert !== null : i.alert === q.alert));
    if (q.onlyOrders) items = items.filter((i) => i.recommendedQuantity > 0);
    items.sort(
      (a, b) =>
        (SEVERITY[a.alert ?? ''] ?? 3) - (SEVERITY[b.alert ?? ''] ?? 3) ||
        (a.orderByDate ?? '9999').localeCompare(b.orderByDate ?? '9999') ||
        a.sku.localeCompare(b.sku) ||
        a.location.localeCompare(b.location),
    );
    items = items.slice(0, q.limit ?? 5000);
    const alerts: Record<string, number> = {};
    for (const i of items) if (i.alert) alerts[i.alert] = (alerts[i.alert] ?? 0) + 1;
    return {
      asOf,
      mode,
      items,
      capacity: locationFilter ? capacity.filter((c) => c.location === locationFilter.code) : capacity,
      totals: {
        lines: items.filter((i) => i.recommendedQuantity > 0).length,
        units: items.reduce((s, i) => s + i.recommendedQuantity, 0),
        estimatedCost: round2(items.reduce((s, i) => s + (i.estimatedCost ?? 0), 0)),
        alerts,
      },
    };
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
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'restock.settings',
        entityType: 'product',
        entityId: sku,
        before: existing ?? null,
        after: dto,
      });
      return { sku, ...dto };
    });
  }

  private leadTime(
    supplier: SupplierRecord | undefined,
    observed: Map<number, number[]>,
  ): LearnedLeadTime & { productionDays: number } {
    if (!supplier)
      return { ...learnLeadTime({ statedDays: DEFAULT_LEAD_DAYS, observedDays: [] }), productionDays: 0 };
    return {
      ...learnLeadTime({ statedDays: statedDays(supplier), observedDays: observed.get(supplier.id) ?? [] }),
      productionDays: supplier.productionDays,
    };
  }

  private row(a: {
    product: ProductRecord;
    location: LocationRecord;
    action: 'purchase' | 'transfer';
    source: string | null;
    supplier: SupplierRecord | undefined;
    term: SupplierProductRecord | undefined;
    setting: ReplenishmentSettings | undefined;
    stock: { onHand: number; reserved: number; inbound: number };
    forecast: { f: DemandForecast; source: 'stored' | 'computed' };
    lead: LearnedLeadTime & { productionDays: number };
    asOf: string;
    mode: SupplyMode;
    reviewDays?: number | undefined;
    minCover?: number | undefined;
    maxCover?: number | undefined;
  }): Row {
    const { product, location, term, setting } = a;
    const amazon = location.type === 'amazon_fba';
    const storageType = product.sizeTier ? storageTypeOf(product.sizeTier as SizeTier) : 'standard';
    const storage = amazon
      ? storageRatePerCubicFootDay({
          schedule: storageFeeSchedule({ marketplace: location.marketplace, date: a.asOf }),
          storageType,
          from: a.asOf,
          days: 90,
        })
      : (storageFeeSchedule({ date: a.asOf }).perCubicFootMonth.standard.offPeak * 12) / 365;
    const unitCost = term?.unitCost ?? product.unitCost;
    const fees =
      product.price !== null
        ? estimateUnitFees({ price: product.price, sizeTier: product.sizeTier, amazon })
        : 0;
    const casePack = a.action === 'transfer' ? product.casePack : (term?.casePack ?? product.casePack);
    const rec = recommendRestock(
      {
        asOf: a.asOf,
        forecast: a.forecast.f,
        stock: a.stock,
        leadTime: { meanDays: a.lead.meanDays, sdDays: a.lead.sdDays, productionDays: a.lead.productionDays },
        casePack,
        moq: a.action === 'transfer' ? 0 : (term?.moq ?? 0),
        unitCost,
        priceBreaks: term?.priceBreaks ?? [],
        price: product.price,
        feesPerUnit: fees,
        cubicFeet: product.cubicFeet ?? 0,
        storagePerCubicFootDay: storage,
      },
      {
        reviewDays: setting?.reviewDays ?? a.reviewDays ?? 7,
        serviceLevel: setting?.serviceLevel ?? null,
        minCoverDaysAfterArrival: setting?.minCoverDays ?? a.minCover ?? (amazon ? 28 : 0),
        maxCoverDays: setting?.maxCoverDays ?? a.maxCover ?? 90,
        allowExcess: setting?.allowExcess ?? false,
      },
    );
    if (a.action === 'transfer') {
      rec.estimatedCost = null;
      rec.shipDate = rec.orderByDate;
    }
    return {
      product,
      location,
      action: a.action,
      source: a.source,
      supplier: a.supplier,
      term,
      stock: a.stock,
      forecast: a.forecast.f,
      forecastSource: a.forecast.source,
      lead: a.lead,
      rec,
      unconstrained: rec.recommendedQuantity,
      capacity: null,
      profitPerUnit: Math.max(0, (product.price ?? 0) - (unitCost ?? 0) - fees),
      storageType,
    };
  }

  /** Lowers a row's quantity (capacity or hub stock) and says why. */
  private cut(r: Row, quantity: number, why: string): void {
    if (quantity >= r.rec.recommendedQuantity) return;
    r.rec.recommendedQuantity = quantity;
    const unitCost =
      r.action === 'purchase'
        ? unitCostFor(quantity, {
            unitCost: r.term?.unitCost ?? r.product.unitCost,
            priceBreaks: r.term?.priceBreaks ?? [],
          })
        : null;
    r.rec.unitCost = r.action === 'purchase' ? unitCost : r.rec.unitCost;
    r.rec.estimatedCost = unitCost === null ? null : round2(unitCost * quantity);
    r.rec.reasoning.summary += ` ${why}`;
  }

  private async fitCapacity(a: {
    rows: Row[];
    locations: LocationRecord[];
    balances: Map<string, PlanningBalance>;
    catalogue: readonly ProductRecord[];
  }): Promise<CapacitySummaryDto[]> {
    const volumeOf = new Map<number, { cubicFeet: number; storageType: string }>();
    for (const p of a.catalogue)
      volumeOf.set(p.id, {
        cubicFeet: p.cubicFeet ?? 0,
        storageType: p.sizeTier ? storageTypeOf(p.sizeTier as SizeTier) : 'standard',
      });
    const out: CapacitySummaryDto[] = [];
    for (const location of a.locations) {
      for (const [storageType, limit] of Object.entries(location.capacityCubicFeet)) {
        if (!(typeof limit === 'number' && limit > 0)) continue;
        let used = 0;
        for (const b of a.balances.values()) {
          if (b.locationId !== location.id) continue;
          const v = volumeOf.get(b.productId);
          if (v && v.storageType === storageType) used += (b.onHand + b.inbound) * v.cubicFeet;
        }
        const rows = a.rows.filter(
          (r) =>
            r.location.id === location.id && r.storageType === storageType && r.rec.recommendedQuantity > 0,
        );
        const free = Math.max(0, limit - used);
        const items: CapacityItem[] = rows.map((r, i) => ({
          key: String(i),
          recommendedQuantity: r.rec.recommendedQuantity,
          casePack: r.rec.reasoning.casePack,
          moq: r.rec.reasoning.moq,
          cubicFeetPerUnit: r.product.cubicFeet ?? 0,
          profitPerUnit: r.profitPerUnit,
        }));
        const needed = items.reduce((s, i) => s + i.recommendedQuantity * i.cubicFeetPerUnit, 0);
        const plan = planWithinCapacity({
          items,
          spaceCubicFeet: free,
          ...(needed > free + 1e-9 ? { solve: await loadLpSolver() } : {}),
        });
        const cut: CapacitySummaryDto['cut'] = [];
        plan.items.forEach((p, i) => {
          const r = rows[i]!;
          r.capacity = {
            storageType,
            unconstrainedQuantity: r.unconstrained,
            cutQuantity: p.cutQuantity,
            profitPerCubicFoot: p.profitPerCubicFoot,
          };
          if (p.cutQuantity > 0) {
            cut.push({
              sku: r.product.sku,
              recommendedQuantity: p.recommendedQuantity,
              plannedQuantity: p.plannedQuantity,
              profitPerCubicFoot: p.profitPerCubicFoot,
            });
            this.cut(
              r,
              p.plannedQuantity,
              `Cut by ${p.cutQuantity} to fit ${round2(free)} cu ft of free ${storageType} space at ${location.code}: this SKU earns $${p.profitPerCubicFoot.toFixed(2)} per cubic foot, less than those kept.`,
            );
          }
        });
        cut.sort((x, y) => x.profitPerCubicFoot - y.profitPerCubicFoot);
        out.push({
          location: location.code,
          storageType,
          limitCubicFeet: round2(limit),
          usedCubicFeet: round2(used),
          freeCubicFeet: round2(free),
          recommendedCubicFeet: plan.recommendedCubicFeet,
          plannedCubicFeet: plan.plannedCubicFeet,
          binding: plan.binding,
          method: plan.method,
          cut,
          summary: plan.binding
            ? `${location.code} ${storageType}: the plan needs ${plan.recommendedCubicFeet} cu ft but ${round2(free)} are free (limit ${round2(limit)}, ${round2(used)} on hand or inbound); ${cut.length} SKU(s) cut, least profitable per cubic foot first.`
            : `${location.code} ${storageType}: the plan (${plan.recommendedCubicFeet} cu ft) fits the ${round2(free)} cu ft free.`,
        });
      }
    }
    return out;
  }

  private toDto(r: Row, mode: SupplyMode): RestockItemDto {
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
}
