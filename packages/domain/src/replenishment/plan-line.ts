/**
 * One line of a restock plan: the recommendation for a SKU at a location (a purchase from the supplier
 * or a transfer from the hub) with the costs and fees of that location (docs/formulas.md Restock,
 * Storage fees). Lines are later lowered — by hub stock or capacity — with `cutLine`, which says why.
 */
import type { SizeTier, StorageType, WeightUnit } from '../catalog/dimensions';
import { storageTypeOf } from '../catalog/dimensions';
import { isoDate, parseIsoDate } from '../dates/dates';
import type { FeeSchedules, UnitMargin } from '../fees/unit-fees';
import {
  feeScheduleFor,
  feeWeightLb,
  storagePerCubicFootDay,
  unitFees,
  unitMarginAfterFees,
} from '../fees/unit-fees';
import type { DemandForecast } from '../forecasting/types';
import type { SupplierCostTerms } from './costs';
import type { AgedCharge } from './economics';
import { firstAgedCharge } from './economics';
import type { HeldBack } from './held-back';
import type { LearnedLeadTime, LeadTimeStages } from './lead-time';
import { leadTimeDistribution } from './lead-time-distribution';
import type { PlanningPosition } from './position';
import { planningPosition } from './position';
import type { RestockRecommendation, RestockStock } from './restock';
import { recommendRestock } from './restock';
import type { OrderSizeSummary } from './lumpy-demand';
import { unitCostFor } from './rounding';

export interface PlanProduct {
  id: number;
  sku: string;
  price: number | null;
  unitCost: number | null;
  casePack: number;
  sizeTier: string | null;
  cubicFeet: number | null;
  /** Shipping weight for the fulfilment fee (1 lb when unknown, docs/formulas.md Restock). */
  weight?: number | null;
  weightUnit?: WeightUnit;
}

export interface PlanLocation {
  id: number;
  code: string;
  type: string;
  marketplace: string | null;
  capacityCubicFeet: Record<string, number>;
}

export interface PlanSupplier extends LeadTimeStages {
  id: number;
  code: string;
  /** Ordering and shipping terms (null fields: the account's, else the defaults; docs/formulas.md Replenishment costs). */
  costs?: Partial<SupplierCostTerms>;
}

/** A supplier's terms for one product. */
export interface PlanTerm {
  supplierId: number;
  unitCost: number | null;
  priceBreaks: readonly { minQuantity: number; unitCost: number }[];
  moq: number;
  casePack: number | null;
}

/** The seller's restock settings for a product (null = the plan's default). */
export interface PlanSetting {
  serviceLevel: number | null;
  reviewDays: number | null;
  minCoverDays: number | null;
  maxCoverDays: number | null;
  allowExcess: boolean;
}

/** How a line fared in the capacity fit of its location × storage type. */
export interface LineCapacity {
  storageType: string;
  unconstrainedQuantity: number;
  cutQuantity: number;
  profitPerCubicFoot: number;
}

export interface PlanLine<P extends PlanProduct = PlanProduct, L extends PlanLocation = PlanLocation> {
  product: P;
  location: L;
  action: 'purchase' | 'transfer';
  /** Supplier code (purchase) or hub code (transfer). */
  source: string | null;
  supplier: PlanSupplier | undefined;
  term: PlanTerm | undefined;
  /** The seller's settings for the product, if any. */
  setting: PlanSetting | undefined;
  stock: RestockStock;
  forecast: DemandForecast;
  forecastSource: 'stored' | 'computed';
  lead: LearnedLeadTime & { productionDays: number };
  rec: RestockRecommendation;
  /** The quantity before hub stock or capacity cut it. */
  unconstrained: number;
  capacity: LineCapacity | null;
  /** Price − unit cost − fees, at least 0: what a unit of space earns. */
  profitPerUnit: number;
  /** Price − unit cost − fees per unit, negative when a sale loses money; null without price or cost. */
  marginPerUnit: number | null;
  storageType: StorageType;
  /** The local planning position of this SKU × location (a hub's own stock and demand, never the echelon's). */
  position: PlanningPosition;
  /** Why the quantity is below what the position asks for (docs/formulas.md Held back); null when it is not. */
  heldBack: HeldBack | null;
  /** A hub purchase's echelon figures (the hub's stock and demand plus its FCs'); null on other lines. */
  echelon: EchelonFigures | null;
}

/** What a hub buys for: its own and its fulfilment centres' stock and demand. */
export interface EchelonFigures {
  available: number;
  inbound: number;
  dailyDemand: number;
  daysOfSupply: number | null;
  alert: RestockRecommendation['alert'];
}

/** What a line is planned from; the optional days replace the defaults when the seller set nothing. */
export interface LineRequest<P extends PlanProduct, L extends PlanLocation> extends Pick<
  PlanLine<P, L>,
  'product' | 'location' | 'action' | 'source' | 'supplier' | 'term' | 'stock' | 'lead'
> {
  setting: PlanSetting | undefined;
  forecast: { f: DemandForecast; source: 'stored' | 'computed' };
  asOf: string;
  /** The seller's fee table in force on `asOf`, per marketplace (storage, referral, fulfilment). */
  feeSchedules: FeeSchedules;
  reviewDays?: number | undefined;
  minCover?: number | undefined;
  maxCover?: number | undefined;
  /** The location's order sizes (docs/formulas.md Lumpy demand); none for transfers and echelon sums. */
  orderSizes?: OrderSizeSummary | undefined;
}

/** Planning defaults of a line when the seller set nothing (docs/formulas.md cover band). */
export const LINE_DEFAULTS = {
  reviewDays: 7,
  /** Days of cover after arrival required at Amazon. */
  amazonMinCoverDays: 28,
  maxCoverDays: 90,
  /** Storage is priced over this many days from the line's arrival (docs/formulas.md Restock). */
  storageDays: 90,
} as const;

/** Storage type of a product (standard without a size tier). */
export const productStorageType = (p: Pick<PlanProduct, 'sizeTier'>): StorageType =>
  p.sizeTier ? storageTypeOf(p.sizeTier as SizeTier) : 'standard';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The fee table's figures for one line: fees per unit sold, the margin after them (`unitMarginAfterFees`,
 * null without price or cost) and the storage cost per cubic foot per day over `LINE_DEFAULTS.storageDays`
 * from the day an order placed now arrives (docs/formulas.md Restock).
 */
function lineFees<P extends PlanProduct, L extends PlanLocation>(
  a: LineRequest<P, L>,
  storageType: StorageType,
  unitCost: number | null,
): {
  feesPerUnit: number;
  margin: UnitMargin | null;
  storagePerCubicFootDay: number;
  agedCharge: AgedCharge | null;
} {
  const { product, location } = a;
  const amazon = location.type === 'amazon_fba';
  const schedule = feeScheduleFor(a.feeSchedules, location.marketplace);
  const arrival = isoDate(parseIsoDate(a.asOf) + Math.max(0, Math.round(a.lead.meanDays)));
  const item = {
    sizeTier: product.sizeTier,
    weightLb: feeWeightLb(product.weight, product.weightUnit),
    cubicFeet: product.cubicFeet ?? 0,
    amazon,
  };
  return {
    feesPerUnit: product.price === null ? 0 : unitFees(schedule, { ...item, price: product.price }).total,
    margin: unitMarginAfterFees(schedule, { ...item, price: product.price, unitCost }),
    storagePerCubicFootDay: storagePerCubicFootDay(schedule, {
      storageType,
      amazon,
      from: arrival,
      days: LINE_DEFAULTS.storageDays,
    }),
    agedCharge: amazon ? firstAgedCharge(schedule, item.cubicFeet) : null,
  };
}

/** A line's cover band in days: the seller's settings, else the line's own, else the defaults. */
export function coverBand(
  location: Pick<PlanLocation, 'type'>,
  setting: PlanSetting | undefined,
  own: { minCover?: number | undefined; maxCover?: number | undefined },
): { minCover: number; maxCover: number; minCoverRule: 'margin' | 'low_inventory_fee' } {
  const amazon = location.type === 'amazon_fba';
  // Amazon's own 28 days stand for its low-inventory-level fee; a seller's or the line's floor is theirs.
  const byFee = amazon && (setting?.minCoverDays ?? own.minCover) === undefined;
  const minCover = Math.max(
    0,
    setting?.minCoverDays ?? own.minCover ?? (amazon ? LINE_DEFAULTS.amazonMinCoverDays : 0),
  );
  return {
    minCover,
    maxCover: Math.max(minCover, setting?.maxCoverDays ?? own.maxCover ?? LINE_DEFAULTS.maxCoverDays),
    minCoverRule: byFee ? 'low_inventory_fee' : 'margin',
  };
}

/**
 * The recommendation for one line (`recommendRestock`) with this location's storage rate and fees;
 * the seller's settings win over the line's own defaults. A transfer has no purchase cost and ships
 * the day it is ordered.
 */
export function recommendLine<P extends PlanProduct, L extends PlanLocation>(
  a: LineRequest<P, L>,
): PlanLine<P, L> {
  const { product, location, term, setting } = a;
  const storageType = productStorageType(product);
  const unitCost = term?.unitCost ?? product.unitCost;
  const {
    feesPerUnit: fees,
    margin,
    storagePerCubicFootDay,
    agedCharge,
  } = lineFees(a, storageType, unitCost);
  const transfer = a.action === 'transfer';
  const { minCover, maxCover, minCoverRule } = coverBand(location, setting, a);
  const rec = recommendRestock(
    {
      asOf: a.asOf,
      forecast: a.forecast.f,
      stock: a.stock,
      leadTime: {
        meanDays: a.lead.meanDays,
        // A purchase without receipts: the spread is the explicit default (15% of the lead time), said in
        // the reasoning; a transfer leg keeps its own stated spread.
        sdDays: a.lead.observations > 0 || transfer ? a.lead.sdDays : null,
        productionDays: a.lead.productionDays,
        // A purchase without a supplier plans on the default lead time (docs/formulas.md Missing inputs).
        assumed: !transfer && a.supplier === undefined,
        // Enough receipts: demand over the lead time mixes over the lead times that came.
        distribution: transfer ? null : leadTimeDistribution(a.lead),
      },
      casePack: transfer ? product.casePack : (term?.casePack ?? product.casePack),
      moq: transfer ? 0 : (term?.moq ?? 0),
      unitCost,
      priceBreaks: term?.priceBreaks ?? [],
      price: product.price,
      feesPerUnit: fees,
      cubicFeet: product.cubicFeet ?? 0,
      storagePerCubicFootDay,
      agedCharge,
      orderSizes: a.orderSizes,
    },
    {
      reviewDays: setting?.reviewDays ?? a.reviewDays ?? LINE_DEFAULTS.reviewDays,
      serviceLevel: setting?.serviceLevel ?? null,
      minCoverDaysAfterArrival: minCover,
      minCoverRule,
      maxCoverDays: maxCover,
      allowExcess: setting?.allowExcess ?? false,
    },
  );
  if (transfer) {
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
    setting,
    stock: a.stock,
    forecast: a.forecast.f,
    forecastSource: a.forecast.source,
    lead: a.lead,
    rec,
    unconstrained: rec.recommendedQuantity,
    capacity: null,
    profitPerUnit: Math.max(0, (product.price ?? 0) - (unitCost ?? 0) - fees),
    marginPerUnit: margin === null ? null : round2(margin.margin),
    storageType,
    position: planningPosition({
      productId: product.id,
      sku: product.sku,
      locationId: location.id,
      location: location.code,
      locationType: location.type,
      asOf: a.asOf,
      stock: a.stock,
      forecast: a.forecast.f,
      demandSource: a.forecast.source,
      local: rec,
      coverLowDays: rec.reasoning.minCoverDaysAfterArrival,
      coverHighDays: rec.reasoning.maxCoverDays,
    }),
    heldBack: null,
    echelon: null,
  };
}

/** Lowers a line's quantity (capacity or hub stock), re-prices a purchase at the new quantity, and says why. */
export function cutLine(r: PlanLine, quantity: number, why: string): void {
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
