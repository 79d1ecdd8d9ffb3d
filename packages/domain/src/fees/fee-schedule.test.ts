import { describe, expect, it } from 'vitest';
import { cubicFeet } from '../catalog/dimensions';
import {
  agedBracketOf,
  agedSurcharge,
  capacityOverageFee,
  cents,
  averageUnitsOnHand,
  feeEstimate,
  fulfilmentFee,
  inboundFee,
  mcfFee,
  missingFeeTables,
  monthlyStorageFee,
  referralFee,
  utilizationRatioWeeks,
  utilizationSurchargeRate,
} from './fee-schedule';
import { US_2024_FEES as us } from './us-2024.fixture';
import { noFeeTable } from './unit-fees';

describe('storage fees (docs/formulas.md, US from 2024)', () => {
  it('a 12×10×8 in product is 0.5556 cu ft and pays $0.43 in March, $1.33 in November (standard size)', () => {
    const volume = cubicFeet({ length: 12, width: 10, height: 8, unit: 'in' });
    expect(volume).toBeCloseTo(0.5556, 4);
    // 0.5556 × $0.78 = $0.4333; 0.5556 × $2.40 = $1.3333
    expect(
      cents(monthlyStorageFee(us, { cubicFeet: volume, units: 1, storageType: 'standard', month: 3 })),
    ).toBe(0.43);
    expect(
      cents(monthlyStorageFee(us, { cubicFeet: volume, units: 1, storageType: 'standard', month: 11 })),
    ).toBe(1.33);
  });

  it('oversize pays $0.56 / $1.40 per cu ft', () => {
    expect(monthlyStorageFee(us, { cubicFeet: 2, units: 3, storageType: 'oversize', month: 1 })).toBeCloseTo(
      3.36,
      10,
    );
    expect(monthlyStorageFee(us, { cubicFeet: 2, units: 3, storageType: 'oversize', month: 12 })).toBeCloseTo(
      8.4,
      10,
    );
  });

  it('aged surcharge brackets: 200 days → $0.50/cu ft; 365+ → greater of $6.90/cu ft or $0.15/unit', () => {
    expect(agedBracketOf(us, 180)).toBeUndefined();
    expect(agedBracketOf(us, 200)?.perCubicFoot).toBe(0.5);
    expect(agedSurcharge(us, { ageDays: 200, cubicFeet: 1, units: 2 })).toBe(1);
    expect(agedSurcharge(us, { ageDays: 240, cubicFeet: 1, units: 1 })).toBe(1);
    expect(agedSurcharge(us, { ageDays: 241, cubicFeet: 1, units: 1 })).toBe(1.5);
    expect(agedSurcharge(us, { ageDays: 365, cubicFeet: 1, units: 1 })).toBe(4.2);
    // 0.01 cu ft × 6.90 = $0.069 < $0.15 → $0.15 per unit; 1 cu ft → $6.90
    expect(agedSurcharge(us, { ageDays: 400, cubicFeet: 0.01, units: 10 })).toBeCloseTo(1.5, 10);
    expect(agedSurcharge(us, { ageDays: 366, cubicFeet: 1, units: 1 })).toBe(6.9);
  });

  it('capacity overage is $10 per cu ft over the limit; none without a limit', () => {
    expect(capacityOverageFee(us, { usedCubicFeet: 120.5, limitCubicFeet: 100 })).toBe(205);
    expect(capacityOverageFee(us, { usedCubicFeet: 80, limitCubicFeet: 100 })).toBe(0);
    expect(capacityOverageFee(us, { usedCubicFeet: 80, limitCubicFeet: null })).toBe(0);
  });

  it('utilisation surcharge from the ratio of stored to shipped volume in weeks', () => {
    // 1,000 cu ft stored, 20 cu ft shipped a day → 50 days = 7.1 weeks: no surcharge
    expect(utilizationRatioWeeks({ averageDailyVolume: 1000, averageDailyShippedVolume: 20 })).toBeCloseTo(
      7.142857,
      5,
    );
    expect(utilizationSurchargeRate(us, 7.1)).toBe(0);
    expect(utilizationSurchargeRate(us, 30)).toBe(0.76);
    expect(utilizationSurchargeRate(us, 60)).toBe(1.88);
    expect(utilizationRatioWeeks({ averageDailyVolume: 5, averageDailyShippedVolume: 0 })).toBeNull();
    expect(utilizationSurchargeRate(us, null)).toBe(0);
  });

  it('fulfilment fee by size tier and weight', () => {
    expect(fulfilmentFee(us, { sizeTier: 'small_standard', weightLb: 0.2 })).toBe(3.06);
    expect(fulfilmentFee(us, { sizeTier: 'large_standard', weightLb: 1.5 })).toBe(5.12);
    // 4.2 lb: $6.46 + 2 × $0.32 (each started lb above 3)
    expect(fulfilmentFee(us, { sizeTier: 'large_standard', weightLb: 4.2 })).toBeCloseTo(7.1, 10);
  });
});

describe('Multi-Channel Fulfilment fee (docs/fees.md, US standard shipping)', () => {
  const mug = { sizeTier: 'large_standard', weightLb: 1 } as const;

  it('per unit by the units in the order: a 1-unit order $5.79, a 3-unit order $3.40 a unit', () => {
    expect(mcfFee(us, { ...mug, unitsInOrder: 1 })).toBe(5.79);
    expect(mcfFee(us, { ...mug, unitsInOrder: 2 })).toBe(3.9);
    expect(mcfFee(us, { ...mug, unitsInOrder: 3 })).toBe(3.4);
    // the 5+ band holds every larger order
    expect(mcfFee(us, { ...mug, unitsInOrder: 5 })).toBe(2.59);
    expect(mcfFee(us, { ...mug, unitsInOrder: 40 })).toBe(2.59);
    // no order size known (0, NaN): a 1-unit order
    expect(mcfFee(us, { ...mug, unitsInOrder: 0 })).toBe(5.79);
    expect(mcfFee(us, { ...mug, unitsInOrder: Number.NaN })).toBe(5.79);
  });

  it('by size tier and weight: above 2 lb, $0.38 for each started lb over the first 2', () => {
    expect(mcfFee(us, { sizeTier: 'small_standard', weightLb: 0.2, unitsInOrder: 1 })).toBe(3.95);
    expect(mcfFee(us, { sizeTier: 'small_standard', weightLb: 0.5, unitsInOrder: 4 })).toBe(2.29);
    expect(mcfFee(us, { sizeTier: 'large_standard', weightLb: 1.5, unitsInOrder: 1 })).toBe(5.95);
    // 5 lb, 1-unit order: $5.95 + 3 × $0.38 = $7.09; 3-unit order: $3.45 + 3 × $0.38 = $4.59 a unit
    expect(mcfFee(us, { sizeTier: 'large_standard', weightLb: 5, unitsInOrder: 1 })).toBeCloseTo(7.09, 10);
    expect(mcfFee(us, { sizeTier: 'large_standard', weightLb: 5, unitsInOrder: 3 })).toBeCloseTo(4.59, 10);
    // 2.2 lb: one started lb over 2
    expect(mcfFee(us, { sizeTier: 'large_standard', weightLb: 2.2, unitsInOrder: 1 })).toBeCloseTo(6.33, 10);
    // large bulky (the page's small oversize), 10 lb in a 2-unit order: $6.80 + 8 × $0.38 = $9.84
    expect(mcfFee(us, { sizeTier: 'large_bulky', weightLb: 10, unitsInOrder: 2 })).toBeCloseTo(9.84, 10);
    // extra-large: one rate for any order size; over 150 lb the special oversize rate above 90 lb
    expect(mcfFee(us, { sizeTier: 'extra_large', weightLb: 60, unitsInOrder: 5 })).toBeCloseTo(
      15.3 + 58 * 0.39,
      10,
    );
    expect(mcfFee(us, { sizeTier: 'extra_large', weightLb: 160, unitsInOrder: 1 })).toBeCloseTo(
      143.3 + 70 * 0.92,
      10,
    );
  });

  it('a table without MCF rates (or without the tier) leaves the fee unknown (null), never 0', () => {
    expect(mcfFee({ mcf: [] }, { ...mug, unitsInOrder: 1 })).toBeNull();
    const smallOnly = { mcf: us.mcf.filter((r) => r.sizeTier === 'small_standard') };
    expect(mcfFee(smallOnly, { ...mug, unitsInOrder: 2 })).toBeNull();
    // a table whose only band starts at 2 units has no rate for a 1-unit order
    const fromTwo = { mcf: us.mcf.filter((r) => r.minUnitsInOrder >= 2) };
    expect(mcfFee(fromTwo, { ...mug, unitsInOrder: 1 })).toBeNull();
    expect(mcfFee(fromTwo, { ...mug, unitsInOrder: 3 })).toBe(3.4);
  });

  it('the rows may come in any order: the lightest weight row that fits applies', () => {
    const reversed = { mcf: [...us.mcf].reverse() };
    for (const weightLb of [0.5, 1, 1.5, 4])
      for (const unitsInOrder of [1, 3, 6])
        expect(mcfFee(reversed, { sizeTier: 'large_standard', weightLb, unitsInOrder })).toBe(
          mcfFee(us, { sizeTier: 'large_standard', weightLb, unitsInOrder }),
        );
  });
});

describe('the reports’ fee arithmetic (storage and profit price through it)', () => {
  it('storage of a month: average units × cu ft × (the month’s rate + the utilisation surcharge)', () => {
    // 3 units × 2 cu ft = 6 cu ft; March standard $0.78 + $0.44 surcharge = $1.22 → 6 × 1.22 = $7.32
    const march = { cubicFeet: 2, units: 3, storageType: 'standard', month: 3 } as const;
    expect(monthlyStorageFee(us, { ...march, utilizationRate: 0.44 })).toBeCloseTo(7.32, 10);
    // November (peak) $2.40, no surcharge: 6 × 2.40 = $14.40
    expect(monthlyStorageFee(us, { ...march, month: 11 })).toBeCloseTo(14.4, 10);
  });

  it('a month’s average on hand from unit-days: 14 unit-days of February 2025 are half a unit', () => {
    expect(averageUnitsOnHand('2025-02', 14)).toBe(0.5);
    // a leap February has 29 days; 31 unit-days of July are one unit all month
    expect(averageUnitsOnHand('2024-02', 29)).toBe(1);
    expect(averageUnitsOnHand('2025-07', 31)).toBe(1);
    // the profit report's storage: 62 unit-days of October at 0.5 cu ft = 2 units × 0.5 × $2.40 = $2.40
    const units = averageUnitsOnHand('2025-10', 62);
    expect(monthlyStorageFee(us, { cubicFeet: 0.5, units, storageType: 'standard', month: 10 })).toBeCloseTo(
      2.4,
      10,
    );
  });

  it('referral: revenue × 15 %; inbound: cu ft received × $0.30', () => {
    expect(referralFee(us, 120)).toBeCloseTo(18, 10);
    expect(referralFee(us, -20)).toBe(0);
    expect(inboundFee(us, 10 * 0.5)).toBeCloseTo(1.5, 10);
  });

  it('an estimate by a marketplace without a fee table is unknown (null), and names it', () => {
    const mx = noFeeTable('MX', '2025-07-01')!;
    expect(feeEstimate(mx, 0)).toBeNull();
    expect(missingFeeTables(mx)).toEqual(['MX']);
    expect(feeEstimate(us, 0)).toBe(0);
    expect(missingFeeTables(us)).toEqual([]);
  });
});
