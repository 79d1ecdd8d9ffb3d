/**
 * The costs a seller pays for replenishing (docs/formulas.md Replenishment costs): a fixed cost per
 * purchase order and per order line, inbound shipping per unit or per cubic foot, and Amazon's
 * low-inventory-level fee. Holding (capital + storage) is in ./economics.ts, the aged surcharge in
 * ../fees/fee-schedule.ts; the review period that balances ordering against holding is in
 * ./review-period.ts. Pure.
 */

/** A supplier's ordering and shipping terms; null = the account default. */
export interface SupplierCostTerms {
  /** Fixed cost of placing one purchase order (admin, payment, receiving appointment). */
  orderCost: number | null;
  /** Fixed cost per order line (check-in, labelling, one SKU's paperwork). */
  lineCost: number | null;
  /** Inbound shipping per unit. */
  shippingPerUnit: number | null;
  /** Inbound shipping per cubic foot. */
  shippingPerCubicFoot: number | null;
  /** Minimum order value across lines ($); 0 = none. */
  minOrderValue: number | null;
  /** Order value from which shipping is free ($); null = never free. */
  freeFreightValue: number | null;
}

/** The terms in force: every one a number, except a free-freight value that may not exist. */
export interface ResolvedCostTerms {
  orderCost: number;
  lineCost: number;
  shippingPerUnit: number;
  shippingPerCubicFoot: number;
  minOrderValue: number;
  freeFreightValue: number | null;
}

/**
 * The account defaults when neither the supplier nor the account sets a term (docs/formulas.md
 * Replenishment costs): $20 per purchase order, $0.25 per order line, no per-unit shipping and
 * $0.30 per cubic foot of inbound freight (a consolidated LTL rate), no minimum order, never free.
 */
export const COST_DEFAULTS: ResolvedCostTerms = {
  orderCost: 20,
  lineCost: 0.25,
  shippingPerUnit: 0,
  shippingPerCubicFoot: 0.3,
  minOrderValue: 0,
  freeFreightValue: null,
};

/** The supplier's term, else the account's, else `COST_DEFAULTS` (one rule per term). */
export function resolveCostTerms(
  supplier: Partial<SupplierCostTerms> | undefined,
  account: Partial<SupplierCostTerms> | undefined,
): ResolvedCostTerms {
  const pick = (k: keyof SupplierCostTerms): number | null => {
    const v = supplier?.[k] ?? account?.[k] ?? COST_DEFAULTS[k];
    return v === null || Number.isFinite(v) ? v : COST_DEFAULTS[k];
  };
  return {
    orderCost: Math.max(0, pick('orderCost') ?? 0),
    lineCost: Math.max(0, pick('lineCost') ?? 0),
    shippingPerUnit: Math.max(0, pick('shippingPerUnit') ?? 0),
    shippingPerCubicFoot: Math.max(0, pick('shippingPerCubicFoot') ?? 0),
    minOrderValue: Math.max(0, pick('minOrderValue') ?? 0),
    freeFreightValue: pick('freeFreightValue'),
  };
}

/** Inbound shipping of one unit: per unit + cubic feet × per cubic foot. */
export function shippingPerUnit(
  terms: Pick<ResolvedCostTerms, 'shippingPerUnit' | 'shippingPerCubicFoot'>,
  cubicFeet: number,
): number {
  return terms.shippingPerUnit + Math.max(0, cubicFeet) * terms.shippingPerCubicFoot;
}

/** Fixed cost of one purchase order with `lines` lines: order cost + lines × line cost (0 without lines). */
export function orderingCost(
  terms: Pick<ResolvedCostTerms, 'orderCost' | 'lineCost'>,
  lines: number,
): number {
  return lines > 0 ? terms.orderCost + lines * terms.lineCost : 0;
}

/**
 * Amazon's low-inventory-level fee per unit shipped (US, from April 2024; docs/formulas.md Replenishment
 * costs), standard size, by historical days of supply: below 14 days, 14–21, 21–28; none from 28 days.
 */
export const LOW_INVENTORY_FEE = {
  thresholdDays: 28,
  perUnit: [
    { belowDays: 14, fee: 0.32 },
    { belowDays: 21, fee: 0.2 },
    { belowDays: 28, fee: 0.11 },
  ],
  /** A SKU shipping fewer units a week is exempt. */
  exemptBelowUnitsPerWeek: 20,
} as const;

/**
 * The low-inventory-level fee per unit shipped: charged when both the short-term (30-day) and the
 * long-term (90-day) historical days of supply are below 28 days, by the greater of the two; 0 off
 * Amazon, for SKUs shipping fewer than 20 units a week, or when days of supply are unknown.
 * @example lowInventoryLevelFee({ shortTermDays: 10, longTermDays: 18, unitsPerWeek: 40, amazon: true }) // 0.20
 */
export function lowInventoryLevelFee(a: {
  shortTermDays: number | null;
  longTermDays: number | null;
  unitsPerWeek: number;
  amazon: boolean;
}): number {
  if (!a.amazon || a.shortTermDays === null || a.longTermDays === null) return 0;
  if (!(a.unitsPerWeek >= LOW_INVENTORY_FEE.exemptBelowUnitsPerWeek)) return 0;
  const days = Math.max(a.shortTermDays, a.longTermDays);
  if (!(days < LOW_INVENTORY_FEE.thresholdDays)) return 0;
  return LOW_INVENTORY_FEE.perUnit.find((b) => days < b.belowDays)?.fee ?? 0;
}

/**
 * Whether Amazon's 28-day cover floor pays for itself: the fee avoided per day (fee per unit at the
 * days of supply the service level alone leaves × daily demand) against the holding of the extra
 * units the floor adds (docs/formulas.md Replenishment costs). Amazon's days of supply are average
 * stock ÷ sales, and stock runs down over the review period after each arrival, so the days it sees
 * are those left after arrival less half the review period.
 * @example base 30, floor 60, demand over lead 20, 10/day → 1 day of supply: $0.32 × 10 = $3.20/day > 30 × $0.01
 * @example base 400, demand over lead 100, 10/day, review 14 → 30 − 7 = 23 days: $0.11 × 10 = $1.10/day
 */
export function lowInventoryFloorPays(a: {
  base: number;
  floor: number;
  demandOverLead: number;
  dailyDemand: number;
  holdingPerUnitDay: number;
  /** Days between orders (0: stock stays where it arrives). */
  reviewDays?: number;
}): boolean {
  if (!(a.dailyDemand > 0) || a.floor <= a.base) return false;
  const days = Math.max(0, (a.base - a.demandOverLead) / a.dailyDemand - cycleRunDown(a.reviewDays));
  const fee = lowInventoryLevelFee({
    shortTermDays: days,
    longTermDays: days,
    unitsPerWeek: 7 * a.dailyDemand,
    amazon: true,
  });
  return fee * a.dailyDemand > (a.floor - a.base) * a.holdingPerUnitDay;
}

/**
 * Days by which Amazon's average days of supply fall below the days left after an arrival: half the
 * review period over which that stock runs down before the next arrival (docs/formulas.md Cover band).
 * @example cycleRunDown(14) // 7
 */
export function cycleRunDown(reviewDays: number | undefined): number {
  return Number.isFinite(reviewDays) ? Math.max(0, reviewDays!) / 2 : 0;
}
