import type { SizeTier, StorageType } from '../catalog/dimensions';
import { daysInMonth } from '../dates/dates';

/**
 * A dated, per-marketplace fee schedule (docs/formulas.md: fees change, so they live in a table the seller can
 * edit, never as constants in code). The server stores these as JSON; the US 2024 rates are seeded by
 * migration 0005 and the tests build their own.
 */
export interface FeeSchedule {
  marketplace: string;
  /** First day the schedule applies, 'YYYY-MM-DD'. */
  effectiveFrom: string;
  currency: string;
  /** Monthly storage fee per cubic foot, by storage type, off-peak and peak. */
  storage: Record<StorageType, { offPeak: number; peak: number }>;
  /** Calendar months (1–12) charged at the peak rate. */
  peakMonths: number[];
  /**
   * The seller's own storage cost per cubic foot per month at its warehouses and 3PLs (every non-Amazon
   * location), all year; restock prices holding there with it (docs/formulas.md Restock).
   */
  warehouseStoragePerCubicFootMonth: number;
  /**
   * Aged-inventory surcharge brackets, assessed monthly (on `agedSurchargeDay`). A unit pays the
   * bracket of its age: the greater of `perCubicFoot` × its volume and `perUnit`.
   */
  agedSurcharge: AgedBracket[];
  agedSurchargeDay: number;
  /** Storage utilisation surcharge per cubic foot, by ratio of stored to shipped volume in weeks. */
  utilizationSurcharge: { minWeeks: number; perCubicFoot: number }[];
  /** Per cubic foot over the monthly capacity limit. */
  capacityOveragePerCubicFoot: number;
  /** Share of the sale price (Amazon channel). */
  referralRate: number;
  /** Fulfilment fee per unit by size tier and shipping weight (the first row that fits applies). */
  fulfilment: FulfilmentRate[];
  /**
   * Multi-Channel Fulfilment (another channel's order shipped from an Amazon location), standard
   * shipping speed: fee per unit by size tier, shipping weight and the units in the order (`mcfFee`).
   * Empty: the marketplace has no MCF table, and such sales' fees are unknown (docs/fees.md).
   */
  mcf: McfRate[];
  /** Inbound placement/shipping cost per cubic foot received at an Amazon location. */
  inboundPerCubicFoot: number;
  /** Per unit: removal order, disposal, liquidation processing. */
  removalPerUnit: number;
  disposalPerUnit: number;
  liquidationPerUnit: number;
  /** Share of the sale price a liquidation typically recovers. */
  liquidationRecoveryRate: number;
  /** Any other variable cost per unit sold (payment fees, packaging, ...). */
  otherVariablePerUnit: number;
  /**
   * Set only on the stand-in for a marketplace that has no fee table (`noFeeTable`, docs/fees.md
   * Selection): every rate 0, the marketplace's own currency; its money is unknown, not free.
   */
  noTable?: true;
}

export interface AgedBracket {
  minDays: number;
  /** Inclusive; null = no upper bound. */
  maxDays: number | null;
  perCubicFoot: number;
  perUnit: number;
}

export interface FulfilmentRate {
  sizeTier: SizeTier;
  /** Inclusive upper weight in lb; null = any weight. */
  maxWeightLb: number | null;
  fee: number;
  /** Added per lb above `baseWeightLb` (large bulky, extra large). */
  perLbAbove: number;
  baseWeightLb: number;
}

/**
 * A row of the MCF table: a fulfilment rate for orders of at least `minUnitsInOrder` units (Amazon
 * publishes bands of 1, 2, 3, 4 and 5 or more units; the highest band holds every larger order).
 */
export interface McfRate extends FulfilmentRate {
  minUnitsInOrder: number;
}

/**
 * `warehouseStoragePerCubicFootMonth` of a stored schedule that predates the field: the US standard
 * off-peak rate (docs/formulas.md Storage fees); the seller edits it in the fee table.
 */
export const DEFAULT_WAREHOUSE_STORAGE_PER_CUBIC_FOOT_MONTH = 0.78;

/** Cubic feet in a cubic metre (0.3048 m to the foot). */
export const CUBIC_FEET_PER_CUBIC_METRE = 1 / 0.3048 ** 3;

/**
 * A rate Amazon publishes per cubic metre (EU stores, CA, JP) as the table holds it, per cubic foot, to
 * six decimals (docs/fees.md).
 * @example perCubicFootOfPerCubicMetre(27.82) // 0.787775 (DE standard-size storage, January–September)
 */
export function perCubicFootOfPerCubicMetre(perCubicMetre: number): number {
  return Math.round((perCubicMetre / CUBIC_FEET_PER_CUBIC_METRE) * 1e6) / 1e6;
}

/** 1–12. */
export function isPeakMonth(schedule: Pick<FeeSchedule, 'peakMonths'>, month: number): boolean {
  return schedule.peakMonths.includes(month);
}

/** The storage rate per cubic foot for one calendar month (1–12). */
export function storageRate(
  schedule: FeeSchedule,
  options: { storageType: StorageType; month: number },
): number {
  const rates = schedule.storage[options.storageType];
  return isPeakMonth(schedule, options.month) ? rates.peak : rates.offPeak;
}

/**
 * Monthly storage fee of `units` units (the month's average on hand) of `cubicFeet` each at an Amazon
 * fulfilment centre: their volume × (the month's rate for the storage type + the utilisation surcharge
 * per cubic foot, `utilizationRate`, 0 when left out) (docs/formulas.md Storage fees). The one storage
 * fee arithmetic: the storage report and the profit report both price through it.
 * @example monthlyStorageFee(us2024, { cubicFeet: 0.5556, units: 1, storageType: 'standard', month: 3 }) // 0.4333 → $0.43
 */
export function monthlyStorageFee(
  schedule: FeeSchedule,
  options: {
    cubicFeet: number;
    units: number;
    storageType: StorageType;
    month: number;
    utilizationRate?: number | undefined;
  },
): number {
  const volume = Math.max(0, options.cubicFeet) * Math.max(0, options.units);
  return volume * (storageRate(schedule, options) + (options.utilizationRate ?? 0));
}

/**
 * The average units on hand over a month ('YYYY-MM') that held `unitDays` unit-days: a unit stored all
 * month is one, a unit stored 15 days of 30 half a unit (Amazon charges the daily average).
 * @example averageUnitsOnHand('2025-02', 14) // 0.5
 */
export function averageUnitsOnHand(month: string, unitDays: number): number {
  const [year = 1970, m = 1] = month.split('-').map(Number);
  return unitDays / daysInMonth(year, m);
}

/** Referral fee of an Amazon sale: its revenue × the table's referral rate (none on a refund). */
export function referralFee(schedule: Pick<FeeSchedule, 'referralRate'>, revenue: number): number {
  return Math.max(0, revenue) * schedule.referralRate;
}

/** Inbound placement cost of `cubicFeet` received at Amazon: × the table's rate per cubic foot. */
export function inboundFee(schedule: Pick<FeeSchedule, 'inboundPerCubicFoot'>, cubicFeet: number): number {
  return Math.max(0, cubicFeet) * schedule.inboundPerCubicFoot;
}

/**
 * An amount a fee table estimates, or null (unknown, never 0) when the table is the stand-in of a
 * marketplace that has none (`noTable`, docs/fees.md "no fee table").
 */
export function feeEstimate(schedule: Pick<FeeSchedule, 'noTable'>, amount: number): number | null {
  return schedule.noTable ? null : amount;
}

/** The marketplaces whose fee table the estimates of `schedule` lack: its own when it is a stand-in. */
export function missingFeeTables(schedule: Pick<FeeSchedule, 'noTable' | 'marketplace'>): string[] {
  return schedule.noTable ? [schedule.marketplace] : [];
}

/** The surcharge bracket a unit of `ageDays` falls in, or undefined below the first bracket. */
export function agedBracketOf(
  schedule: Pick<FeeSchedule, 'agedSurcharge'>,
  ageDays: number,
): AgedBracket | undefined {
  return schedule.agedSurcharge.find(
    (b) => ageDays >= b.minDays && (b.maxDays === null || ageDays <= b.maxDays),
  );
}

/**
 * One month's aged-inventory surcharge for `units` units aged `ageDays` (0 below the first bracket).
 * @example agedSurcharge(us2024, { ageDays: 200, cubicFeet: 1, units: 1 }) // 0.50 (181–210 bracket)
 */
export function agedSurcharge(
  schedule: Pick<FeeSchedule, 'agedSurcharge'>,
  options: { ageDays: number; cubicFeet: number; units: number },
): number {
  const bracket = agedBracketOf(schedule, options.ageDays);
  if (!bracket) return 0;
  return (
    Math.max(bracket.perCubicFoot * Math.max(0, options.cubicFeet), bracket.perUnit) *
    Math.max(0, options.units)
  );
}

/** Capacity use is projected at the end of the next two 30-day periods (days from today). */
export const CAPACITY_PROJECTION_DAYS = [30, 60] as const;

/** Volume over the limit × the overage rate; 0 without a limit. */
export function capacityOverageFee(
  schedule: Pick<FeeSchedule, 'capacityOveragePerCubicFoot'>,
  options: { usedCubicFeet: number; limitCubicFeet: number | null },
): number {
  if (options.limitCubicFeet === null) return 0;
  return Math.max(0, options.usedCubicFeet - options.limitCubicFeet) * schedule.capacityOveragePerCubicFoot;
}

/** Amazon measures the storage utilisation ratio over the last 13 weeks. */
export const UTILIZATION_WINDOW_DAYS = 91;

/**
 * Storage utilisation ratio in weeks: average daily stored volume ÷ average daily shipped volume
 * (over UTILIZATION_WINDOW_DAYS). Null when nothing shipped: not measurable (Amazon exempts sellers
 * without sales history, such as new ones), so no utilisation surcharge applies.
 */
export function utilizationRatioWeeks(options: {
  averageDailyVolume: number;
  averageDailyShippedVolume: number;
}): number | null {
  if (options.averageDailyShippedVolume <= 0) return null;
  if (options.averageDailyVolume <= 0) return 0;
  return Math.min(999, options.averageDailyVolume / options.averageDailyShippedVolume / 7);
}

/** The utilisation surcharge rate per cubic foot for a ratio in weeks (0 below the first step). */
export function utilizationSurchargeRate(
  schedule: Pick<FeeSchedule, 'utilizationSurcharge'>,
  ratioWeeks: number | null,
): number {
  let rate = 0;
  if (ratioWeeks === null) return 0;
  for (const step of [...schedule.utilizationSurcharge].sort((a, b) => a.minWeeks - b.minWeeks)) {
    if (ratioWeeks > step.minWeeks) rate = step.perCubicFoot;
  }
  return rate;
}

/** The fee of a rate row for a shipping weight: its fee + its rate per whole lb above its base weight. */
const rateFee = (row: FulfilmentRate, weightLb: number) =>
  row.fee + row.perLbAbove * Math.max(0, Math.ceil(weightLb - row.baseWeightLb));

/** Fulfilment fee per unit for a size tier and shipping weight; 0 when the table has no row for the tier. */
export function fulfilmentFee(
  schedule: Pick<FeeSchedule, 'fulfilment'>,
  options: { sizeTier: SizeTier; weightLb: number },
): number {
  const rows = schedule.fulfilment.filter((r) => r.sizeTier === options.sizeTier);
  const row = rows.find((r) => r.maxWeightLb === null || options.weightLb <= r.maxWeightLb);
  return row ? rateFee(row, options.weightLb) : 0;
}

/**
 * Multi-Channel Fulfilment fee per unit of an order of `unitsInOrder` units (at least 1; an unknown
 * count is a 1-unit order): the size
 * tier's rows of the order's band — the highest `minUnitsInOrder` not above the order's units — and in
 * it the row of the lowest `maxWeightLb` the shipping weight fits (in whatever order the rows are), its
 * fee + `perLbAbove` per whole lb above `baseWeightLb`. Null (unknown, never 0) when the table has no such row: no MCF table for the
 * marketplace, or none for the tier (docs/fees.md).
 * @example mcfFee(us2024, { sizeTier: 'large_standard', weightLb: 1, unitsInOrder: 3 }) // 3.40
 */
export function mcfFee(
  schedule: Pick<FeeSchedule, 'mcf'>,
  options: { sizeTier: SizeTier; weightLb: number; unitsInOrder: number },
): number | null {
  const units = Number.isFinite(options.unitsInOrder) ? Math.max(1, Math.floor(options.unitsInOrder)) : 1;
  const tier = schedule.mcf.filter((r) => r.sizeTier === options.sizeTier && r.minUnitsInOrder <= units);
  const band = Math.max(...tier.map((r) => r.minUnitsInOrder));
  // the lightest weight row the unit fits (rows in any order; no upper weight = the heaviest)
  const fits = tier.filter(
    (r) => r.minUnitsInOrder === band && (r.maxWeightLb === null || options.weightLb <= r.maxWeightLb),
  );
  const upTo = (r: McfRate) => r.maxWeightLb ?? Number.POSITIVE_INFINITY;
  const row = fits.reduce<McfRate | undefined>(
    (best, r) => (best && upTo(best) <= upTo(r) ? best : r),
    undefined,
  );
  return row ? rateFee(row, options.weightLb) : null;
}

/** Rounds money to cents for display (half away from zero). */
export function cents(amount: number): number {
  return Math.round((amount + Number.EPSILON * Math.sign(amount)) * 100) / 100;
}
