/**
 * Multi-echelon restock planning (docs/formulas.md Restock): from the gathered inputs — stock, forecasts,
 * supplier terms and lead times, seller settings — the recommendation for every SKU × location.
 * Direct supply buys for each location from the supplier; via a warehouse hub, fulfilment centres are
 * replenished from the hub (sharing its stock by demand when short) and the hub buys for the whole
 * echelon. Pure: the caller loads the inputs and applies the answer.
 */
import { parseIsoDate } from '../dates/dates';
import type { FeeSchedules } from '../fees/unit-fees';
import type { DemandForecast } from '../forecasting/types';
import { splitByDemand } from './distribution';
import { sumForecasts } from './echelon-forecast';
import type { LearnedLeadTime } from './lead-time';
import { DEFAULT_LEAD_TIME_DAYS } from './missing-inputs';
import { supplierReviewPeriods } from './supplier-review';
import type { SupplierCostTerms } from './costs';
import type { RestockStock } from './restock';
import type { PlanLine, PlanLocation, PlanProduct, PlanSetting, PlanSupplier, PlanTerm } from './plan-line';
import { cutLine, recommendLine } from './plan-line';
import { withLocalPosition } from './hub-line';
import type { OrderSizeSummary } from './lumpy-demand';
import type { RouteLeadTime } from './route-lead-time';
import { routeKey, routeLeadTime, supplierLeadTime } from './route-lead-time';
export { supplierLeadTime } from './route-lead-time';

export const SUPPLY_MODES = ['direct', 'via_warehouse', 'bulk_warehouse'] as const;
export type SupplyMode = (typeof SUPPLY_MODES)[number];

/** Planning rules of the network (docs/formulas.md Restock). */
export const NETWORK_PLAN_RULES = {
  /** Lead time assumed for a SKU without a supplier (± 15%, learnLeadTime's prior spread; docs/formulas.md Missing inputs). */
  defaultLeadDays: DEFAULT_LEAD_TIME_DAYS,
  /** Days of daily forecast the plan works with. */
  forecastHorizon: 120,
  /** Hub → FC leg when the SKU has no supplier (ground + check-in). */
  defaultLegDays: 10,
  /** Spread of the hub → FC leg, as a share of its days. */
  legSdShare: 0.2,
  /** FCs fed from a bulk warehouse hold at most this many days of supply. */
  bulkFcMaxCoverDays: 60,
  /** A bulk warehouse reviews (buys) this often. */
  bulkHubReviewDays: 30,
  /** The hub keeps at least this many days of echelon cover after arrival. */
  hubMinCoverDays: 28,
} as const;

/** A forecast and whether it was stored (current) or computed for this plan. */
export interface SourcedForecast {
  f: DemandForecast;
  source: 'stored' | 'computed';
}

/** A forecast as stored: daily means from `asOf`, with the fitted model. */
export interface StoredForecastFacts {
  asOf: string;
  model: string;
  params: DemandForecast['params'];
  demandClass: string;
  degenerate: string | null;
  mean: readonly number[];
  dispersion: number;
  levelVariance: number;
}

/** How old (days) and how short (days left) a stored forecast may be and still be used. */
const STORED_FORECAST = { maxAgeDays: 14, minDaysLeft: 28 } as const;

/** A stored forecast re-based to start at `asOf` (or undefined when too old or too short). */
export function rebaseForecast(
  stored: StoredForecastFacts | undefined,
  options: { asOf: string },
): DemandForecast | undefined {
  if (!stored) return undefined;
  const offset = parseIsoDate(options.asOf) - parseIsoDate(stored.asOf);
  if (
    offset < 0 ||
    offset > STORED_FORECAST.maxAgeDays ||
    stored.mean.length - offset < STORED_FORECAST.minDaysLeft
  )
    return undefined;
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

/** No demand known: a flat zero forecast over the planning horizon. */
export function zeroForecast(): DemandForecast {
  return {
    model: 'none',
    params: {},
    demandClass: 'none',
    degenerate: 'no-data',
    mean: new Float64Array(NETWORK_PLAN_RULES.forecastHorizon),
    quantiles: [],
    dispersion: 1,
    levelVariance: 0,
  };
}

export { sumForecasts };

export interface NetworkPlanInput<P extends PlanProduct, L extends PlanLocation> {
  /** First planning day. */
  asOf: string;
  /** Requested supply mode (undefined: the default, `resolveSupplyMode`); without a hub every mode plans direct. */
  mode: SupplyMode | undefined;
  /** Replenishable products to plan. */
  products: readonly P[];
  /** Active locations; the first warehouse (else 3PL) is the hub. */
  locations: readonly L[];
  /** Location ids each product is stocked or forecast at. */
  itemsOf: ReadonlyMap<number, ReadonlySet<number>>;
  /** Stock by `productId:locationId`. */
  stock: ReadonlyMap<string, RestockStock>;
  /** Forecasts by `productId:locationId`. */
  forecasts: ReadonlyMap<string, SourcedForecast>;
  /** The supplier terms a product is bought on (its first term). */
  terms: ReadonlyMap<number, PlanTerm>;
  suppliers: ReadonlyMap<number, PlanSupplier>;
  /** Observed lead times (days, ordered → first received) by supplier id. */
  observedLeadDays: ReadonlyMap<number, readonly number[]>;
  settings: ReadonlyMap<number, PlanSetting>;
  /** The seller's fee table in force on `asOf`, per marketplace (docs/formulas.md Restock). */
  feeSchedules: FeeSchedules;
  /** The account's ordering and shipping terms (docs/formulas.md Replenishment costs). */
  costDefaults?: Partial<SupplierCostTerms> | undefined;
  /** Order sizes by `productId:locationId` (docs/formulas.md Lumpy demand). */
  orderSizes?: ReadonlyMap<string, OrderSizeSummary> | undefined;
  /** Observed lead times by `supplierId:locationId`, the route's receipts (`routeLeadTime`). */
  observedRouteLeadDays?: ReadonlyMap<string, readonly number[]> | undefined;
}

/** The network mode an account plans in by default when it has a hub and an Amazon location. */
export const DEFAULT_NETWORK_MODE: SupplyMode = 'via_warehouse';

/**
 * The supply mode actually planned, and the hub it goes through: the first own warehouse, else the
 * first 3PL. Without a requested mode an account with a hub and an `amazon_fba` location plans the
 * network (`DEFAULT_NETWORK_MODE`: hub stock is first sent to Amazon, then the hub buys), any other
 * account `direct`; a requested network mode without a hub plans direct.
 */
export function resolveSupplyMode<L extends PlanLocation>(
  requested: SupplyMode | undefined,
  locations: readonly L[],
): { mode: SupplyMode; hub: L | undefined } {
  const hub = locations.find((l) => l.type === 'warehouse') ?? locations.find((l) => l.type === '3pl');
  if (!hub) return { mode: 'direct', hub };
  if (requested) return { mode: requested, hub };
  const amazon = locations.some((l) => l.type === 'amazon_fba');
  return { mode: amazon ? DEFAULT_NETWORK_MODE : 'direct', hub };
}

interface ProductContext<P extends PlanProduct, L extends PlanLocation> {
  input: NetworkPlanInput<P, L>;
  product: P;
  supplier: PlanSupplier | undefined;
  term: PlanTerm | undefined;
  setting: PlanSetting | undefined;
  lead: LearnedLeadTime & { productionDays: number };
  byId: ReadonlyMap<number, L>;
  mode: SupplyMode;
  /** The supplier's review period (docs/formulas.md Review period); undefined without a supplier. */
  reviewDays: number | undefined;
  /** The lead time of a purchase to a location (`routeLeadTime`), learned once per supplier × route. */
  routeLead: (locationId: number) => RouteLeadTime;
}

function stockAt<P extends PlanProduct, L extends PlanLocation>(
  c: ProductContext<P, L>,
  id: number,
): RestockStock {
  const b = c.input.stock.get(`${c.product.id}:${id}`);
  // No stock record: none on hand, said in the reasoning (docs/formulas.md Missing inputs).
  return {
    onHand: b?.onHand ?? 0,
    reserved: b?.reserved ?? 0,
    inbound: b?.inbound ?? 0,
    counted: b !== undefined,
  };
}

function forecastAt<P extends PlanProduct, L extends PlanLocation>(
  c: ProductContext<P, L>,
  id: number,
  zero: DemandForecast,
): SourcedForecast {
  return c.input.forecasts.get(`${c.product.id}:${id}`) ?? { f: zero, source: 'computed' };
}

/** A purchase from the supplier for one location's own stock. */
function directLine<P extends PlanProduct, L extends PlanLocation>(
  c: ProductContext<P, L>,
  id: number,
  zero: DemandForecast,
): PlanLine<P, L> {
  return recommendLine({
    product: c.product,
    supplier: c.supplier,
    term: c.term,
    setting: c.setting,
    location: c.byId.get(id)!,
    action: 'purchase',
    source: c.supplier?.code ?? null,
    stock: stockAt(c, id),
    forecast: forecastAt(c, id, zero),
    lead: c.routeLead(id),
    asOf: c.input.asOf,
    feeSchedules: c.input.feeSchedules,
    reviewDays: c.reviewDays,
    orderSizes: c.input.orderSizes?.get(`${c.product.id}:${id}`),
  });
}

/**
 * Via a hub: other warehouses buy direct; FCs are replenished from the hub over the ground + check-in
 * leg (shared by demand when the hub has less than they want); the hub buys for its own stock and
 * everything downstream, over the lead time up to its door.
 */
function echelonLines<P extends PlanProduct, L extends PlanLocation>(
  c: ProductContext<P, L>,
  hub: L,
  locIds: readonly number[],
  zero: DemandForecast,
): PlanLine<P, L>[] {
  const R = NETWORK_PLAN_RULES;
  const { supplier, mode, lead } = c;
  const fcs = locIds.filter((id) => id !== hub.id && c.byId.get(id)!.type === 'amazon_fba');
  const others = locIds.filter((id) => id !== hub.id && c.byId.get(id)!.type !== 'amazon_fba');
  const lines = others.map((id) => directLine(c, id, zero));
  const legDays = supplier ? Math.max(1, supplier.groundDays + supplier.checkInDays) : R.defaultLegDays;
  const leg = {
    meanDays: legDays,
    sdDays: legDays * R.legSdShare,
    observations: 0,
    statedDays: legDays,
    source: 'stated' as const,
    productionDays: 0,
  };
  const base = {
    product: c.product,
    supplier,
    term: c.term,
    setting: c.setting,
    asOf: c.input.asOf,
    feeSchedules: c.input.feeSchedules,
  };
  const fcLines = fcs.map((id) =>
    recommendLine({
      ...base,
      location: c.byId.get(id)!,
      action: 'transfer',
      source: hub.code,
      stock: stockAt(c, id),
      forecast: forecastAt(c, id, zero),
      lead: leg,
      maxCover: mode === 'bulk_warehouse' ? R.bulkFcMaxCoverDays : undefined,
    }),
  );
  shareHubStock(fcLines, hub, stockAt(c, hub.id));
  lines.push(...fcLines);
  const echelonIds = [hub.id, ...fcs];
  const echelonStock = echelonIds
    .map((id) => stockAt(c, id))
    .reduce((a, b) => ({
      onHand: a.onHand + b.onHand,
      reserved: a.reserved + b.reserved,
      inbound: a.inbound + b.inbound,
    }));
  const share =
    lead.statedDays > 0 ? Math.max(0, lead.statedDays - (supplier?.checkInDays ?? 0)) / lead.statedDays : 1;
  const hubLead = { ...lead, meanDays: lead.meanDays * share, sdDays: lead.sdDays * share };
  const echelonForecasts = echelonIds.map((id) => forecastAt(c, id, zero));
  const hubLine = recommendLine({
    ...base,
    location: hub,
    action: 'purchase',
    source: supplier?.code ?? null,
    stock: echelonStock,
    forecast: {
      f: sumForecasts(echelonForecasts.map((f) => f.f)),
      source: echelonForecasts.every((f) => f.source === 'stored') ? 'stored' : 'computed',
    },
    lead: hubLead,
    reviewDays: mode === 'bulk_warehouse' ? R.bulkHubReviewDays : c.reviewDays,
    minCover: R.hubMinCoverDays,
  });
  lines.push(
    withLocalPosition(hubLine, {
      ...base,
      stock: stockAt(c, hub.id),
      forecast: forecastAt(c, hub.id, zero),
      lead: hubLead,
      fcLines,
    }),
  );
  return lines;
}

/** Not enough at the hub for the FCs: share what there is by where demand comes from. */
function shareHubStock<P extends PlanProduct, L extends PlanLocation>(
  fcLines: PlanLine<P, L>[],
  hub: L,
  hubStock: RestockStock,
): void {
  const hubAvailable = Math.max(0, hubStock.onHand - hubStock.reserved);
  const wanted = fcLines.reduce((s, r) => s + r.rec.recommendedQuantity, 0);
  if (wanted <= hubAvailable) return;
  const split = splitByDemand(hubAvailable, {
    casePack: 1,
    demand: Object.fromEntries(
      fcLines.map((r) => [r.location.code, r.rec.recommendedQuantity > 0 ? r.rec.dailyDemand || 1e-6 : 0]),
    ),
  });
  for (const r of fcLines)
    cutLine(
      r,
      Math.min(r.rec.recommendedQuantity, split[r.location.code] ?? 0),
      `Only ${hubAvailable} available at ${hub.code} for ${wanted} wanted by the FCs: shared by demand.`,
    );
}

/**
 * The plan before capacity: per product (in order) its lines — direct: one purchase per location it is
 * stocked or forecast at (else the first FBA location, else the first); via a hub: see `echelonLines`.
 */
export function planNetwork<P extends PlanProduct, L extends PlanLocation>(
  input: NetworkPlanInput<P, L>,
): { mode: SupplyMode; lines: PlanLine<P, L>[] } {
  const { mode, linesOf } = networkPlanner(input);
  return { mode, lines: input.products.flatMap((p) => linesOf(p)) };
}

/** planNetwork a product at a time (each one's lines depend on the input only), to yield in between. */
export function networkPlanner<P extends PlanProduct, L extends PlanLocation>(
  input: NetworkPlanInput<P, L>,
): { mode: SupplyMode; linesOf: (product: P) => PlanLine<P, L>[] } {
  const { mode, hub } = resolveSupplyMode(input.mode, input.locations);
  const byId = new Map(input.locations.map((l) => [l.id, l]));
  const defaultLocation = input.locations.find((l) => l.type === 'amazon_fba') ?? input.locations[0];
  const zero = zeroForecast();
  const reviews = supplierReviewPeriods(input);
  // Lead times are learned once per supplier and per supplier × route, not once per SKU: a supplier of
  // thousands of SKUs has thousands of receipts, which every line would otherwise read again (and carry
  // a copy of, docs/decisions.md 58).
  const supplierLeads = new Map<number | undefined, LearnedLeadTime & { productionDays: number }>();
  const supplierLead = (supplier: PlanSupplier | undefined) => {
    let lead = supplierLeads.get(supplier?.id);
    if (!lead) {
      lead = supplierLeadTime(supplier, supplier ? (input.observedLeadDays.get(supplier.id) ?? []) : []);
      supplierLeads.set(supplier?.id, lead);
    }
    return lead;
  };
  const routeLeads = new Map<string, RouteLeadTime>();
  const routeLead = (supplier: PlanSupplier | undefined, locationId: number) => {
    const key = supplier ? routeKey(supplier.id, locationId) : `none:${String(locationId)}`;
    let lead = routeLeads.get(key);
    if (!lead) {
      lead = routeLeadTime(supplierLead(supplier), {
        hasSupplier: supplier !== undefined,
        routeObservedDays: supplier && input.observedRouteLeadDays?.get(key),
      });
      routeLeads.set(key, lead);
    }
    return lead;
  };
  const linesOf = (product: P): PlanLine<P, L>[] => {
    const term = input.terms.get(product.id);
    const supplier = term ? input.suppliers.get(term.supplierId) : undefined;
    const c: ProductContext<P, L> = {
      input,
      product,
      supplier,
      term,
      setting: input.settings.get(product.id),
      lead: supplierLead(supplier),
      byId,
      mode,
      reviewDays: supplier ? reviews.get(supplier.id)?.reviewDays : undefined,
      routeLead: (locationId) => routeLead(supplier, locationId),
    };
    let locIds = [...(input.itemsOf.get(product.id) ?? [])].filter((id) => byId.has(id));
    if (locIds.length === 0 && defaultLocation) locIds = [defaultLocation.id];
    if (mode !== 'direct' && hub) return echelonLines(c, hub, locIds, zero);
    return locIds.map((id) => directLine(c, id, zero));
  };
  return { mode, linesOf };
}
