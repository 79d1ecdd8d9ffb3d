/**
 * Unit economics behind a restock decision (docs/formulas.md Restock): what a lost sale costs (margin)
 * against what an extra unit costs to carry (capital + storage). Fees and storage rates come from the
 * seller's dated fee table (`unitFees`, `storagePerCubicFootDay` in ../fees/unit-fees.ts), passed in.
 */
export interface HoldingCostOptions {
  unitCost: number;
  /** Cubic feet per unit (0 when unknown). */
  cubicFeet: number;
  /** Storage fee per cubic foot per day (see storagePerCubicFootDay in ../fees/unit-fees.ts). */
  storagePerCubicFootDay: number;
  /** Cost of capital per year as a share of unit cost. @default 0.25 */
  capitalRatePerYear?: number;
}

/** Cost of carrying one unit for one day: capital (25%/yr of cost) plus storage. */
export function holdingCostPerUnitDay(options: HoldingCostOptions): number {
  const capital = ((options.capitalRatePerYear ?? 0.25) * options.unitCost) / 365;
  return capital + options.cubicFeet * options.storagePerCubicFootDay;
}

export const MIN_SERVICE_LEVEL = 0.5;
/**
 * The highest service level, economic or set by the seller: above it the count quantiles of a
 * forecast run into their tails, where one more unit buys almost nothing (docs/formulas.md Restock).
 * No lower cap is chosen on test data: the critical ratio decides.
 */
export const MAX_SERVICE_LEVEL = 0.999;
/** Without price (so without a margin) the service level is this default, said so in the reasoning. */
export const DEFAULT_SERVICE_LEVEL = 0.95;
/**
 * A SKU with a price but no unit cost is costed at this share of its price for the holding cost and
 * the margin (docs/formulas.md Missing inputs); the reasoning says what 30% or 70% would give.
 */
export const MISSING_COST_SHARE_OF_PRICE = 0.5;

export interface ServiceLevelChoice {
  serviceLevel: number;
  source: 'setting' | 'economics' | 'default';
  /** Margin lost per unit short (price − unit cost − fees). */
  lostMarginPerUnit: number | null;
  /** Cost of one unit too many: holding cost per day × the days it is carried. */
  excessCostPerUnit: number | null;
  criticalRatio: number | null;
}

/**
 * Service level from economics: the newsvendor critical ratio u / (u + o), where u is the margin a
 * stock-out loses per unit and o the cost of carrying one unit too many over `coverDays`. Clamped to
 * [0.5, 0.999]: below 0.5 a seller would rather be out of stock half the time, which no seller means.
 * A seller's own setting wins; without price or cost, or when a unit loses money after fees, the
 * default is 0.95 (`DEFAULT_SERVICE_LEVEL`).
 * @example price 20, cost 5, fees 5, holding 0.01/day over 120 days → 10 / (10 + 1.2) = 0.8929
 */
export function chooseServiceLevel(options: {
  setting?: number | null;
  price: number | null;
  unitCost: number | null;
  feesPerUnit: number;
  holdingPerUnitDay: number;
  coverDays: number;
  defaultLevel?: number;
}): ServiceLevelChoice {
  const clamp = (x: number) => Math.min(MAX_SERVICE_LEVEL, Math.max(MIN_SERVICE_LEVEL, x));
  const haveEconomics = options.price !== null && options.unitCost !== null && options.price > 0;
  const u = haveEconomics ? Math.max(0, options.price! - options.unitCost! - options.feesPerUnit) : null;
  const o = haveEconomics ? options.holdingPerUnitDay * Math.max(1, options.coverDays) : null;
  // A unit that loses money has no economic level (u = 0 would give the floor and quietly shrink the
  // order): it is planned at the default level and then held back as unprofitable, or bought at that
  // level when the seller buys despite the loss (docs/formulas.md Held back).
  const ratio = u !== null && o !== null && u > 0 ? u / (u + o) : null;
  if (options.setting !== undefined && options.setting !== null && Number.isFinite(options.setting)) {
    return {
      serviceLevel: clamp(options.setting),
      source: 'setting',
      lostMarginPerUnit: u,
      excessCostPerUnit: o,
      criticalRatio: ratio,
    };
  }
  if (ratio === null) {
    return {
      serviceLevel: options.defaultLevel ?? DEFAULT_SERVICE_LEVEL,
      source: 'default',
      lostMarginPerUnit: u,
      excessCostPerUnit: o,
      criticalRatio: null,
    };
  }
  return {
    serviceLevel: clamp(ratio),
    source: 'economics',
    lostMarginPerUnit: u,
    excessCostPerUnit: o,
    criticalRatio: ratio,
  };
}
