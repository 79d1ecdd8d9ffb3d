import { describe, expect, it } from 'vitest';
import type { FeeSchedule } from '../fees/fee-schedule';
import { storagePerCubicFootDay } from '../fees/unit-fees';
import { US_2024_FEES as us } from '../fees/us-2024.fixture';
import {
  carryDays,
  chooseServiceLevel,
  firstAgedCharge,
  holdingCostPerUnitDay,
  normalCdf,
  overageCost,
  strandedCarryDays,
} from './economics';
import type { PlanLocation, PlanProduct } from './plan-line';
import { recommendLine } from './plan-line';
import { MUG_PRODUCT, flatForecast, restockInput } from './plan.fixture';
import { recommendRestock } from './restock';

describe('economics', () => {
  it('service level is the critical ratio of lost margin vs carrying cost', () => {
    // u = 20 − 5 − 5 = 10; o = 0.01/day × 120 days = 1.2; 10 / 11.2 = 0.892857
    const s = chooseServiceLevel({
      price: 20,
      unitCost: 5,
      feesPerUnit: 5,
      holdingPerUnitDay: 0.01,
      coverDays: 120,
    });
    expect(s.source).toBe('economics');
    expect(s.serviceLevel).toBeCloseTo(0.892857, 5);
    // 10 / 10.3 = 0.9709: the economic level itself, no cap chosen on test data.
    expect(
      chooseServiceLevel({ price: 20, unitCost: 5, feesPerUnit: 5, holdingPerUnitDay: 0.01, coverDays: 30 }),
    ).toMatchObject({ serviceLevel: expect.closeTo(0.970874, 5) as number, source: 'economics' });
    // Thin margin: u = 1, o = 0.05 × 28 = 1.4 → 0.4167, clamped to the 0.5 floor.
    expect(
      chooseServiceLevel({ price: 10, unitCost: 6, feesPerUnit: 3, holdingPerUnitDay: 0.05, coverDays: 28 })
        .serviceLevel,
    ).toBe(0.5);
    // A loss after fees (10 − 8 − 3 < 0) has no economic level: the default, held back as unprofitable.
    expect(
      chooseServiceLevel({ price: 10, unitCost: 8, feesPerUnit: 3, holdingPerUnitDay: 0.05, coverDays: 28 }),
    ).toMatchObject({ serviceLevel: 0.95, source: 'default', criticalRatio: null, lostMarginPerUnit: 0 });
    // u = 1, o = 0.02 × 28 = 0.56 → 1 / 1.56 = 0.641026
    expect(
      chooseServiceLevel({ price: 10, unitCost: 6, feesPerUnit: 3, holdingPerUnitDay: 0.02, coverDays: 28 })
        .serviceLevel,
    ).toBeCloseTo(0.641026, 5);
    expect(
      chooseServiceLevel({
        setting: 0.9,
        price: 20,
        unitCost: 5,
        feesPerUnit: 5,
        holdingPerUnitDay: 0.01,
        coverDays: 30,
      }),
    ).toMatchObject({ serviceLevel: 0.9, source: 'setting' });
    expect(
      chooseServiceLevel({
        price: null,
        unitCost: 5,
        feesPerUnit: 0,
        holdingPerUnitDay: 0.01,
        coverDays: 30,
      }),
    ).toMatchObject({ serviceLevel: 0.95, source: 'default' });
  });

  it('an extra unit is carried until the next order: the review period, or the wait for a sale', () => {
    // R / (1 − e^(−dR)): 10 a day reviewed weekly reorders at every review → 7 days.
    expect(carryDays({ reviewDays: 7, dailyDemand: 10 })).toBeCloseTo(7, 9);
    // 0.02 a day: a sale in a week has chance 1 − e^(−0.14) = 0.130642 → 7 / 0.130642 = 53.58 days.
    expect(carryDays({ reviewDays: 7, dailyDemand: 0.02 })).toBeCloseTo(53.58, 2);
    // No demand (or NaN) never sells: a year, the cap.
    expect(carryDays({ reviewDays: 7, dailyDemand: 0 })).toBe(365);
    expect(carryDays({ reviewDays: Number.NaN, dailyDemand: Number.NaN })).toBe(365);
  });

  it('a top unit outlasts the reviews at which the forecast level fell by more than the cycle sold', () => {
    // Standard normal table (Abramowitz & Stegun 26.1): Φ(0) = 0.5, Φ(−1) = 0.158655, Φ(1.96) = 0.975002.
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975002, 6);
    // R 21, 21 units sold over the review, S 84, level sd 25 %: the level falls by more than 21/84 = 25 %
    // with chance Φ(−0.25/0.25) = Φ(−1) = 0.158655, so the unit is carried 21 / 0.841345 = 24.96 days.
    const r = strandedCarryDays({ reviewDays: 21, reviewDemand: 21, level: 84, levelSd: 0.25 });
    expect(r.strandedChance).toBeCloseTo(0.158655, 6);
    expect(r.days).toBeCloseTo(24.96, 2);
    // A wider level spread strands it more often: sd 50 % → Φ(−0.5) = 0.308538 → 21 / 0.691462 = 30.37.
    expect(strandedCarryDays({ reviewDays: 21, reviewDemand: 21, level: 84, levelSd: 0.5 }).days).toBeCloseTo(
      30.37,
      2,
    );
    // No level spread (a Poisson forecast), no demand over the review or no level: the review period.
    for (const missing of [{ levelSd: 0 }, { reviewDemand: 0 }, { level: Number.NaN }])
      expect(
        strandedCarryDays({ reviewDays: 21, reviewDemand: 21, level: 84, levelSd: 0.25, ...missing }),
      ).toEqual({ days: 21, strandedChance: 0 });
  });

  it('the excess cost adds the aged surcharge for each month carried past the first bracket', () => {
    // US 2024: from 181 days, $0.50 per cubic foot → $0.25 a month for half a cubic foot.
    const aged = firstAgedCharge(us, 0.5);
    expect(aged).toEqual({ fromDays: 181, perUnitMonth: 0.25 });
    // 0.01 × 240 = 2.40; 240 − 181 = 59 days → months 181–210 and 211–240: 2 × 0.25 → 2.90.
    expect(overageCost({ holdingPerUnitDay: 0.01, days: 240, aged })).toBeCloseTo(2.9, 9);
    expect(overageCost({ holdingPerUnitDay: 0.01, days: 180, aged })).toBeCloseTo(1.8, 9);
  });

  it('a slow mover gets a lower service level than a fast one with the same unit economics', () => {
    // u = 20 − 5 − 5 = 10; h = 5 × 0.25 / 365 + 0.1 × 0.78 × 12 / 365 = 0.0059890 per day.
    const h = (5 * 0.25) / 365 + (0.1 * 0.78 * 12) / 365;
    const fast = recommendRestock(restockInput({ forecast: flatForecast(2) }), { reviewDays: 7 });
    // Both carry an extra unit over one review cycle, 7 days: α_R = 10 / (10 + 7h) = 0.995825
    // (docs/decisions.md 37). The fast mover's lead time (10 days, 20 expected) almost never exhausts
    // its level, so it plans at α_R.
    expect(fast.reasoning.carryDays).toBe(7);
    expect(fast.serviceLevel).toBeCloseTo(10 / (10 + 7 * h), 4);
    const slow = recommendRestock(restockInput({ forecast: flatForecast(0.02) }), { reviewDays: 7 });
    // 0.02 a day, Poisson: 0.2 expected over the lead time, 0.34 over the protection period.
    // S = 1: P(D_P ≤ 1) = e^(−0.34) × 1.34 = 0.95377 < α_R × P(D_L ≤ 1) = 0.995825 × 0.98248 = 0.97838;
    // S = 2: 0.99491 ≥ 0.995825 × 0.99885 = 0.99468, the level.
    expect(slow.reasoning.carryDays).toBe(7);
    expect(slow.orderUpTo).toBe(2);
    expect(slow.serviceLevel).toBeCloseTo(0.9947, 4);
    expect(slow.serviceLevel).toBeLessThan(fast.serviceLevel);
  });

  it('holding = 25%/yr of cost + cubic feet × the fee table storage rate per day (docs/formulas.md)', () => {
    // March 2025 at Amazon, standard: $0.78 ÷ 31 days = 0.0251613 per cu ft per day.
    const march = storagePerCubicFootDay(us, {
      storageType: 'standard',
      amazon: true,
      from: '2025-03-01',
      days: 30,
    });
    expect(march).toBeCloseTo(0.78 / 31, 9);
    // 5 × 0.25 / 365 = 0.0034247 + 0.5 cu ft × 0.0251613 = 0.0125806 → 0.0160053
    expect(holdingCostPerUnitDay({ unitCost: 5, cubicFeet: 0.5, storagePerCubicFootDay: march })).toBeCloseTo(
      0.0160053,
      6,
    );
  });
});

const flat = flatForecast;

/** The fixture's mug at a cubic foot and a pound. */
const MUG: PlanProduct = { ...MUG_PRODUCT, cubicFeet: 1, weight: 16, weightUnit: 'oz' };
const FBA: PlanLocation = {
  id: 10,
  code: 'FBA1',
  type: 'amazon_fba',
  marketplace: 'US',
  capacityCubicFeet: {},
};
const WH: PlanLocation = { id: 20, code: 'WH1', type: 'warehouse', marketplace: null, capacityCubicFeet: {} };

/** One line planned on 2026-03-02 with `leadDays` of lead time at `location` under `schedule`. */
function line(schedule: FeeSchedule, leadDays: number, location: PlanLocation = FBA) {
  return recommendLine({
    product: MUG,
    location,
    action: 'purchase',
    source: 'ACME',
    supplier: undefined,
    term: undefined,
    setting: undefined,
    stock: { onHand: 0, reserved: 0, inbound: 0 },
    forecast: { f: flat(2), source: 'stored' },
    lead: {
      meanDays: leadDays,
      sdDays: 0,
      observations: 0,
      statedDays: leadDays,
      source: 'stated',
      productionDays: 0,
    },
    asOf: '2026-03-02',
    feeSchedules: { byMarketplace: new Map([['US', schedule]]), fallback: schedule },
  });
}

describe('restock economics read the fee table', () => {
  const capital = (5 * 0.25) / 365; // 0.00342466 per unit per day

  it('storage is priced over 90 days from arrival, month by month, at the table rates', () => {
    // Lead 14 days: arrives 2026-03-16, stored to 2026-06-13, all off-peak at $0.78 a month:
    // 16/31 + 30/30 + 31/31 + 13/30 months = 2.949462 months × 0.78 = 2.300581 ÷ 90 = 0.0255620 per day.
    const short = line(us, 14);
    expect(short.rec.reasoning.holdingCostPerUnitDay).toBeCloseTo(capital + 0.025562, 5);
    // Lead 200 days: arrives 2026-09-18, stored to 2026-12-16: Sep 13 days at 0.78/30, Oct at 2.40,
    // Nov at 2.40, Dec 16 days at 2.40/31 → (0.338 + 4.8 + 1.238710) ÷ 90 = 0.0708523 per day.
    const long = line(us, 200);
    expect(long.rec.reasoning.holdingCostPerUnitDay).toBeCloseTo(capital + 0.0708523, 5);
  });

  it('a fee-table edit changes the holding cost of the lines whose storage window it covers', () => {
    const dearPeak: FeeSchedule = {
      ...us,
      storage: { ...us.storage, standard: { offPeak: 0.78, peak: 4.8 } },
    };
    // The off-peak line (March–June) is unchanged; the peak line doubles its peak part:
    // (0.338 + 9.6 + 2.477419) ÷ 90 = 0.1379491.
    expect(line(dearPeak, 14).rec.reasoning.holdingCostPerUnitDay).toBe(
      line(us, 14).rec.reasoning.holdingCostPerUnitDay,
    );
    expect(line(dearPeak, 200).rec.reasoning.holdingCostPerUnitDay).toBeCloseTo(capital + 0.1379491, 5);
  });

  it('fees per unit are the table referral, fulfilment and inbound at Amazon; the warehouse rate elsewhere', () => {
    // u = 20 − 5 − (3.00 referral + 4.35 fulfilment for 1 lb large standard + 0.30 inbound for 1 cu ft) = 7.35
    expect(line(us, 14).rec.reasoning.lostMarginPerUnit).toBe(7.35);
    const ownRate: FeeSchedule = { ...us, warehouseStoragePerCubicFootMonth: 0.3, otherVariablePerUnit: 0.5 };
    const wh = line(ownRate, 14, WH);
    // Off Amazon only the other variable cost: u = 20 − 5 − 0.5 = 14.5; storage $0.30 a month all year:
    // 2.949462 months × 0.30 ÷ 90 = 0.00983154 per day.
    expect(wh.rec.reasoning.lostMarginPerUnit).toBe(14.5);
    expect(wh.rec.reasoning.holdingCostPerUnitDay).toBeCloseTo(capital + 0.0098315, 5);
  });
});
