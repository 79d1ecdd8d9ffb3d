import { describe, expect, it } from 'vitest';
import { buildDailyDemand, sumHistories } from './daily-history';

describe('buildDailyDemand', () => {
  it('censors stock-out days instead of reading them as zero demand', () => {
    // Day 0: 3 on hand, 3 sold → out. Days 1–2: nothing to sell. Day 3: 10 arrive, 4 sold.
    const { demand, onHandEnd, censoredDays } = buildDailyDemand(
      [
        { day: 0, unitsSold: 3, onHandDelta: -3, unitsArrived: 0 },
        { day: 3, unitsSold: 4, onHandDelta: 6, unitsArrived: 10 },
      ],
      { days: 5, openingOnHand: 3 },
    );
    expect([...demand]).toEqual([3, Number.NaN, Number.NaN, 4, 0]);
    expect([...onHandEnd]).toEqual([0, 0, 0, 6, 6]);
    expect(censoredDays).toBe(2);
  });

  it('censors the days before the SKU was first stocked (a new SKU has a short history)', () => {
    const { demand } = buildDailyDemand([{ day: 2, unitsSold: 1, onHandDelta: 4, unitsArrived: 5 }], {
      days: 4,
      openingOnHand: 0,
    });
    expect([...demand]).toEqual([Number.NaN, Number.NaN, 1, 0]);
  });

  it('keeps zero-sale days with stock as real zeros', () => {
    const { demand } = buildDailyDemand([], { days: 3, openingOnHand: 8 });
    expect([...demand]).toEqual([0, 0, 0]);
  });
});

describe('sumHistories', () => {
  it('adds locations day by day and censors only days censored everywhere', () => {
    const a = new Float64Array([1, Number.NaN, Number.NaN]);
    const b = new Float64Array([2, 5, Number.NaN]);
    expect([...sumHistories([a, b], 3)]).toEqual([3, 5, Number.NaN]);
  });
});
