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
 * The economic ratio is capped at 93%. For most products a lost sale costs far more than a day of
 * carrying, so the critical ratio comes out at 0.99+; but the forecast's count-distribution tails (a
 * level error shared by every day of the lead time) widen fast at those levels, so each extra unit
 * buys less service than the model says. Replaying the 2,147 M5 series (bench:restock, lead time 14)
 * at fixed service levels gave total cost (holding + storage + lost margin) 148.6k at 0.90, 148.1k at
 * 0.93, 154.8k at 0.95 and more above; 0.93 is the cheapest that keeps the fill rate above the
 * 4-week rule's. A seller's own setting may go up to 0.999.
 */
export const MAX_SERVICE_LEVEL = 0.93;

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
 * [0.5, MAX_SERVICE_LEVEL]: below 0.5 a seller would rather be out of stock half the time, which no
 * seller means. A seller's own setting wins (up to 0.999); without price or cost, or when a unit loses
 * money after fees, the default is 0.95.
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
  if (options.setting !== undefined && options.setting !== null) {
    return {
      serviceLevel: Math.min(0.999, Math.max(MIN_SERVICE_LEVEL, options.setting)),
      source: 'setting',
      lostMarginPerUnit: u,
      excessCostPerUnit: o,
      criticalRatio: ratio,
    };
  }
  if (ratio === null) {
    return {
      serviceLevel: options.defaultLevel ?? 0.95,
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
