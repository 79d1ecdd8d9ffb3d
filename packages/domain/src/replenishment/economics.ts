/**
 * Unit economics behind a restock decision (docs/formulas.md): what a lost sale costs (margin) against
 * what an extra unit costs to carry (capital + storage). Fee and storage rates are dated tables per
 * marketplace, passed in or looked up by date — never constants buried in formulas.
 */
import { parseIsoDate } from '../dates/dates';

export type StorageType = 'standard' | 'oversize';

/** Monthly storage fee per cubic foot, by storage type, off-peak (Jan–Sep) and peak (Oct–Dec). */
export interface StorageFeeSchedule {
  readonly marketplace: string;
  /** First day the schedule applies, 'YYYY-MM-DD'. */
  readonly effectiveFrom: string;
  readonly perCubicFootMonth: Readonly<
    Record<StorageType, { readonly offPeak: number; readonly peak: number }>
  >;
  /** 0-based months billed at the peak rate. */
  readonly peakMonths: readonly number[];
}

/** Amazon US monthly storage fees from 2024 (docs/formulas.md). */
export const STORAGE_FEE_SCHEDULES: readonly StorageFeeSchedule[] = [
  {
    marketplace: 'US',
    effectiveFrom: '2024-01-01',
    perCubicFootMonth: { standard: { offPeak: 0.78, peak: 2.4 }, oversize: { offPeak: 0.56, peak: 1.4 } },
    peakMonths: [9, 10, 11],
  },
];

/** The schedule in force on `date` for `marketplace` (falls back to US, the only table shipped). */
export function storageFeeSchedule(options: {
  marketplace?: string | null;
  date: string;
}): StorageFeeSchedule {
  const pick = (m: string) =>
    STORAGE_FEE_SCHEDULES.filter((s) => s.marketplace === m && s.effectiveFrom <= options.date).sort((a, b) =>
      b.effectiveFrom.localeCompare(a.effectiveFrom),
    )[0];
  return pick(options.marketplace ?? 'US') ?? pick('US') ?? STORAGE_FEE_SCHEDULES[0]!;
}

/**
 * Average storage fee per cubic foot per day over `days` days from `from` (peak months cost more).
 * @example Oct 1 + 31 days, standard: 2.40 × 12 / 365 = 0.0789 per cu ft per day
 */
export function storageRatePerCubicFootDay(options: {
  schedule: StorageFeeSchedule;
  storageType: StorageType;
  from: string;
  days: number;
}): number {
  const start = parseIsoDate(options.from);
  const days = Math.max(1, Math.round(options.days));
  const rates = options.schedule.perCubicFootMonth[options.storageType];
  let sum = 0;
  for (let d = 0; d < days; d++) {
    const month = new Date((start + d) * 86_400_000).getUTCMonth();
    sum += options.schedule.peakMonths.includes(month) ? rates.peak : rates.offPeak;
  }
  // A "month" of storage is 365/12 days.
  return (sum / days) * (12 / 365);
}

/** FBA fulfilment fee estimates by size tier (US 2024, typical weight); used only when the catalogue has no fee. */
const FULFILMENT_FEE_ESTIMATE: Record<string, number> = {
  small_standard: 3.22,
  large_standard: 4.75,
  large_bulky: 9.61,
  extra_large: 26.33,
};

/**
 * Per-unit marketplace fees of a sale: referral (15% of price by default) plus, at Amazon, the
 * fulfilment fee of the size tier. A documented estimate; a seller's own fees replace it.
 */
export function estimateUnitFees(options: {
  price: number;
  sizeTier?: string | null;
  amazon: boolean;
  referralRate?: number;
}): number {
  if (!options.amazon) return 0;
  const referral = (options.referralRate ?? 0.15) * options.price;
  const fulfilment =
    FULFILMENT_FEE_ESTIMATE[options.sizeTier ?? 'large_standard'] ??
    FULFILMENT_FEE_ESTIMATE['large_standard']!;
  return Math.round((referral + fulfilment) * 100) / 100;
}

export interface HoldingCostOptions {
  unitCost: number;
  /** Cubic feet per unit (0 when unknown). */
  cubicFeet: number;
  /** Storage fee per cubic foot per day (see storageRatePerCubicFootDay). */
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
 * seller means. A seller's own setting wins (up to 0.999); without price or cost the default is 0.95.
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
  const ratio = u !== null && o !== null ? (u + o > 0 ? u / (u + o) : MIN_SERVICE_LEVEL) : null;
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
