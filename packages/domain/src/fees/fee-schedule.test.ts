import { describe, expect, it } from 'vitest';
import { cubicFeet } from '../catalog/dimensions';
import {
  agedBracketOf,
  agedSurcharge,
  capacityOverageFee,
  cents,
  fulfilmentFee,
  monthlyStorageFee,
  utilizationRatioWeeks,
  utilizationSurchargeRate,
} from './fee-schedule';
import { US_2024_FEES as us } from './us-2024.fixture';

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
