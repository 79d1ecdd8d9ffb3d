import { daysInMonth, isoDate, parseIsoDate } from '../dates/dates';
import type { AgedBracket, FeeSchedule } from '../fees/fee-schedule';
import { agedBracketOf, agedSurcharge } from '../fees/fee-schedule';

const MS_PER_DAY = 86_400_000;

/**
 * Amazon's inventory-age buckets (inclusive days) and the column names of its Inventory Age report.
 * `typicalDays` is the age assumed for a unit known only by its bucket (the excess report's clearance advice).
 */
export const AGE_BUCKETS = [
  { key: 'inv-age-0-to-90-days', minDays: 0, maxDays: 90, typicalDays: 45 },
  { key: 'inv-age-91-to-180-days', minDays: 91, maxDays: 180, typicalDays: 135 },
  { key: 'inv-age-181-to-270-days', minDays: 181, maxDays: 270, typicalDays: 225 },
  { key: 'inv-age-271-to-365-days', minDays: 271, maxDays: 365, typicalDays: 318 },
  { key: 'inv-age-365-plus-days', minDays: 366, maxDays: null, typicalDays: 400 },
] as const;
export type AgeBucketKey = (typeof AGE_BUCKETS)[number]['key'];
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** Units this old or older are aged: Amazon's aged-inventory surcharge starts at 181 days (docs/formulas.md). */
export const AGED_FROM_DAYS = 181;

/** Whole days from the layer's receipt (UTC day) to `asOfEpochDay`; never negative. */
export function ageInDays(receivedAt: Date, asOfEpochDay: number): number {
  return Math.max(0, asOfEpochDay - Math.floor(receivedAt.getTime() / MS_PER_DAY));
}

export function ageBucketOf(ageDays: number): AgeBucketKey {
  return ageBucketFor(ageDays).key;
}

/** The bucket of an age in days; younger than the first bucket (received after the date) counts in it. */
export function ageBucketFor(ageDays: number): AgeBucket {
  return (
    AGE_BUCKETS.find((b) => ageDays >= b.minDays && (b.maxDays === null || ageDays <= b.maxDays)) ??
    AGE_BUCKETS[0]
  );
}

export interface AgedUnits {
  receivedAt: Date;
  quantity: number;
}

/**
 * Units per age bucket from open FIFO layers. A transfer carries the layer's received_at, so age
 * survives moving stock between locations.
 * @example ageBuckets([{ receivedAt: new Date('2025-01-01'), quantity: 4 }], parseIsoDate('2025-07-20'))['inv-age-181-to-270-days'] // 4 (200 days)
 */
export function ageBuckets(layers: readonly AgedUnits[], asOfEpochDay: number): Record<AgeBucketKey, number> {
  const out = Object.fromEntries(AGE_BUCKETS.map((b) => [b.key, 0])) as Record<AgeBucketKey, number>;
  for (const l of layers) {
    const key = ageBucketOf(ageInDays(l.receivedAt, asOfEpochDay));
    out[key] += Math.max(0, l.quantity);
  }
  return out;
}

export interface BracketCharge {
  bracket: AgedBracket;
  units: number;
  amount: number;
}

/**
 * The next monthly aged-inventory surcharge if these units are still on hand: each layer pays its
 * age bracket on `asOf` (a unit received 200 days ago is in 181–210 and pays $0.50/cu ft in the US).
 */
export function agedSurchargeEstimate(
  layers: readonly AgedUnits[],
  options: { asOfEpochDay: number; cubicFeet: number; schedule: Pick<FeeSchedule, 'agedSurcharge'> },
): { total: number; byBracket: BracketCharge[] } {
  const byBracket = new Map<AgedBracket, BracketCharge>();
  let total = 0;
  for (const l of layers) {
    const ageDays = ageInDays(l.receivedAt, options.asOfEpochDay);
    const bracket = agedBracketOf(options.schedule, ageDays);
    if (!bracket || l.quantity <= 0) continue;
    const amount = agedSurcharge(options.schedule, {
      ageDays,
      cubicFeet: options.cubicFeet,
      units: l.quantity,
    });
    const entry = byBracket.get(bracket) ?? { bracket, units: 0, amount: 0 };
    entry.units += l.quantity;
    entry.amount += amount;
    byBracket.set(bracket, entry);
    total += amount;
  }
  return { total, byBracket: [...byBracket.values()].sort((a, b) => a.bracket.minDays - b.bracket.minDays) };
}

/**
 * The day Amazon next assesses the aged-inventory surcharge, on or after `asOfEpochDay`: the schedule's
 * day of the month (`agedSurchargeDay`, the 15th in the US), or the month's last day when it has fewer
 * days. Surcharge estimates price units at the age they will have on that day (docs/formulas.md#aged-inventory-surcharge).
 * @example nextAssessmentDay(parseIsoDate('2025-07-16'), 15) // parseIsoDate('2025-08-15')
 */
export function nextAssessmentDay(asOfEpochDay: number, dayOfMonth: number): number {
  const iso = isoDate(asOfEpochDay);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const inMonth = (y: number, m: number) => {
    const last = daysInMonth(y, m);
    const day = Math.min(dayOfMonth, last);
    return parseIsoDate(`${String(y)}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  };
  const thisMonth = inMonth(year, month);
  if (thisMonth >= asOfEpochDay) return thisMonth;
  return month === 12 ? inMonth(year + 1, 1) : inMonth(year, month + 1);
}

/** Age boundaries a seller is warned before: leaving 0–90 days, and entering each surcharge step. */
export const AGE_WARNING_THRESHOLDS = [91, 181, 271, 366] as const;

/** How many days ahead a seller is warned of units reaching an age threshold. */
export const AGE_WARNING_DAYS = 30;

export interface AgeWarning {
  /** The age (days) the units are about to reach. */
  threshold: number;
  units: number;
  /** Days until the first of these units reaches the threshold. */
  daysUntil: number;
  /** Date the first of them reaches it, 'YYYY-MM-DD'. */
  date: string;
  /**
   * Money at stake per month once there: the surcharge of the bracket they enter (for the 91-day
   * warning, the first surcharge bracket they will face at 181 days if still unsold).
   */
  monthlyAtStake: number;
  /** How much more per month than they pay now. */
  monthlyIncrease: number;
}

/**
 * The age at which units reaching `threshold` are charged: the first threshold (91 days) is a heads-up
 * with no surcharge of its own, so it is priced at the schedule's first bracket.
 */
export function surchargeAgeAt(threshold: number, schedule: Pick<FeeSchedule, 'agedSurcharge'>): number {
  return threshold === AGE_WARNING_THRESHOLDS[0]
    ? (schedule.agedSurcharge[0]?.minDays ?? AGED_FROM_DAYS)
    : threshold;
}

/**
 * Early warnings: units that reach an age threshold within `warnDays`, with the money at stake.
 */
export function ageWarnings(
  layers: readonly AgedUnits[],
  options: {
    asOfEpochDay: number;
    cubicFeet: number;
    schedule: Pick<FeeSchedule, 'agedSurcharge'>;
    warnDays?: number;
  },
): AgeWarning[] {
  const warnDays = options.warnDays ?? AGE_WARNING_DAYS;
  const warnings: AgeWarning[] = [];
  for (const threshold of AGE_WARNING_THRESHOLDS) {
    let units = 0;
    let daysUntil = Number.POSITIVE_INFINITY;
    let atStake = 0;
    let now = 0;
    for (const l of layers) {
      if (l.quantity <= 0) continue;
      const age = ageInDays(l.receivedAt, options.asOfEpochDay);
      const until = threshold - age;
      if (until <= 0 || until > warnDays) continue;
      units += l.quantity;
      daysUntil = Math.min(daysUntil, until);
      const chargedAt = surchargeAgeAt(threshold, options.schedule);
      atStake += agedSurcharge(options.schedule, {
        ageDays: chargedAt,
        cubicFeet: options.cubicFeet,
        units: l.quantity,
      });
      now += agedSurcharge(options.schedule, {
        ageDays: age,
        cubicFeet: options.cubicFeet,
        units: l.quantity,
      });
    }
    if (units > 0) {
      warnings.push({
        threshold,
        units,
        daysUntil,
        date: isoDate(options.asOfEpochDay + daysUntil),
        monthlyAtStake: atStake,
        monthlyIncrease: threshold === 91 ? 0 : atStake - now,
      });
    }
  }
  return warnings;
}
