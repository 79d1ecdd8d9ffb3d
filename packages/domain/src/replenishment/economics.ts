/**
 * Unit economics behind a restock decision (docs/formulas.md Restock): what a lost sale costs (margin)
 * against what an extra unit costs to carry (capital + storage). Fees and storage rates come from the
 * seller's dated fee table (`unitFees`, `storagePerCubicFootDay` in ../fees/unit-fees.ts), passed in.
 */
import type { FeeSchedule } from '../fees/fee-schedule';
import { agedSurcharge } from '../fees/fee-schedule';

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

/** The longest an extra unit is counted as carried: a year, past which the aged surcharge rules. */
export const MAX_CARRY_DAYS = 365;

/**
 * Expected days one unit above need is carried (docs/formulas.md Restock, overage cost): the mean time
 * between replenishments of a SKU reviewed every R days whose sales arrive as a Poisson stream of d a
 * day, R / (1 − e^(−d·R)) — an order is placed only at a review after a sale. About R for a fast mover,
 * about 1/d for a slow one (a unit too many waits for the sale that would have triggered the next
 * order). At most `MAX_CARRY_DAYS`, which is also the answer without demand.
 * @example carryDays({ reviewDays: 7, dailyDemand: 10 }) // 7
 * @example carryDays({ reviewDays: 7, dailyDemand: 0.02 }) // 7 / (1 − e^(−0.14)) = 53.5
 */
export function carryDays(a: { reviewDays: number; dailyDemand: number }): number {
  const R = Math.max(1, Number.isFinite(a.reviewDays) ? a.reviewDays : 1);
  const d = Number.isFinite(a.dailyDemand) ? Math.max(0, a.dailyDemand) : 0;
  const reorderChance = -Math.expm1(-d * R);
  return reorderChance > 0 ? Math.min(MAX_CARRY_DAYS, R / reorderChance) : MAX_CARRY_DAYS;
}

/** Standard normal cdf (Zelen & Severo's erfc approximation, Abramowitz & Stegun 26.2.17, |error| < 7.5e-8). */
export function normalCdf(z: number): number {
  if (!Number.isFinite(z)) return z > 0 ? 1 : 0;
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const poly =
    t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = Math.exp(-0.5 * z * z) * 0.3989422804014327 * poly;
  return z >= 0 ? 1 - tail : tail;
}

/**
 * Days the top unit of an order-up-to level S is carried when its cycle does not sell it, under a
 * forecast whose level moves between reviews (docs/formulas.md Restock, per review cycle). The next
 * review orders up to a new level; the unit would have been bought anyway unless that level fell below
 * the position the cycle left, i.e. by more than the cycle's demand μ_R. With the level's relative
 * standard deviation s over the review, that chance is q = Φ(−(μ_R / S) / s), and the same again at
 * each review after, so the unit is carried R / (1 − q) days on average — under 2R, as q < ½; R without
 * a level spread, without demand over the review or without a level.
 * @example strandedCarryDays({ reviewDays: 21, reviewDemand: 21, level: 84, levelSd: 0.25 }) // q = Φ(−1) = 0.1587 → 24.96
 */
export function strandedCarryDays(a: {
  reviewDays: number;
  reviewDemand: number;
  level: number;
  levelSd: number;
}): { days: number; strandedChance: number } {
  const R = Math.max(1, Number.isFinite(a.reviewDays) ? a.reviewDays : 1);
  const ok = (x: number) => Number.isFinite(x) && x > 0;
  if (!ok(a.reviewDemand) || !ok(a.level) || !ok(a.levelSd)) return { days: R, strandedChance: 0 };
  const q = normalCdf(-a.reviewDemand / a.level / a.levelSd);
  return { days: R / (1 - q), strandedChance: q };
}

/** The aged surcharge a unit pays from `fromDays` of age on: per unit per month (Amazon only). */
export interface AgedCharge {
  fromDays: number;
  perUnitMonth: number;
}

/** The fee table's first aged-surcharge bracket as a charge per unit per month; null without one. */
export function firstAgedCharge(
  schedule: Pick<FeeSchedule, 'agedSurcharge'>,
  cubicFeet: number,
): AgedCharge | null {
  const first = [...schedule.agedSurcharge].sort((a, b) => a.minDays - b.minDays)[0];
  if (!first) return null;
  const perUnitMonth = agedSurcharge(schedule, { ageDays: first.minDays, cubicFeet, units: 1 });
  return { fromDays: first.minDays, perUnitMonth };
}

/**
 * Cost of one unit too many (the newsvendor overage o): holding per day over the days it is carried,
 * plus the aged surcharge for each month it would be carried past the first bracket.
 * @example overageCost({ holdingPerUnitDay: 0.01, days: 240, aged: { fromDays: 181, perUnitMonth: 0.05 } }) // 2.4 + 2 × 0.05 = 2.5
 */
export function overageCost(a: {
  holdingPerUnitDay: number;
  days: number;
  aged?: AgedCharge | null;
}): number {
  const holding = Math.max(0, a.holdingPerUnitDay) * Math.max(1, a.days);
  const aged = a.aged;
  if (!aged || !(a.days >= aged.fromDays)) return holding;
  return holding + (Math.floor((a.days - aged.fromDays) / 30) + 1) * Math.max(0, aged.perUnitMonth);
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
  /** Cost of one unit too many: holding cost per day × the days it is carried (+ aged surcharge). */
  excessCostPerUnit: number | null;
  /** The days an extra unit is expected to be carried (`carryDays`). */
  carryDays: number;
  criticalRatio: number | null;
}

/**
 * Service level from economics: the newsvendor critical ratio u / (u + o), where u is the margin a
 * stock-out loses per unit and o the cost of carrying one unit too many over `coverDays` (the expected
 * carry, `carryDays`, or a seller's longer minimum cover), with the aged surcharge when that carry
 * crosses its first bracket (`overageCost`). Clamped to
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
  aged?: AgedCharge | null;
  defaultLevel?: number;
}): ServiceLevelChoice {
  const clamp = (x: number) => Math.min(MAX_SERVICE_LEVEL, Math.max(MIN_SERVICE_LEVEL, x));
  const haveEconomics = options.price !== null && options.unitCost !== null && options.price > 0;
  const u = haveEconomics ? Math.max(0, options.price! - options.unitCost! - options.feesPerUnit) : null;
  const days = Math.max(1, options.coverDays);
  const o = haveEconomics
    ? overageCost({ holdingPerUnitDay: options.holdingPerUnitDay, days, aged: options.aged })
    : null;
  // A unit that loses money has no economic level (u = 0 would give the floor and quietly shrink the
  // order): it is planned at the default level and then held back as unprofitable, or bought at that
  // level when the seller buys despite the loss (docs/formulas.md Held back).
  const ratio = u !== null && o !== null && u > 0 ? u / (u + o) : null;
  const figures = { lostMarginPerUnit: u, excessCostPerUnit: o, carryDays: days };
  if (options.setting !== undefined && options.setting !== null && Number.isFinite(options.setting)) {
    return { serviceLevel: clamp(options.setting), source: 'setting', ...figures, criticalRatio: ratio };
  }
  if (ratio === null) {
    const serviceLevel = options.defaultLevel ?? DEFAULT_SERVICE_LEVEL;
    return { serviceLevel, source: 'default', ...figures, criticalRatio: null };
  }
  return { serviceLevel: clamp(ratio), source: 'economics', ...figures, criticalRatio: ratio };
}
