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

  it('reads shipments dated before any recorded stock (imported history) as sold from stock it did not see', () => {
    // A count of 10 arrives on day 4, after history shipments of 2 (day 0) and 3 (day 2): the ledger
    // implies 5 units on hand from the start, so day 1 is a zero-demand day, not a stock-out; day 3
    // (after the last of those units left, before the count) is out of stock.
    const { demand, onHandEnd, censoredDays } = buildDailyDemand(
      [
        { day: 0, unitsSold: 2, onHandDelta: -2, unitsArrived: 0 },
        { day: 2, unitsSold: 3, onHandDelta: -3, unitsArrived: 0 },
        { day: 4, unitsSold: 0, onHandDelta: 10, unitsArrived: 10 },
      ],
      { days: 5, openingOnHand: 0 },
    );
    expect([...demand]).toEqual([2, 0, 3, Number.NaN, 0]);
    expect([...onHandEnd]).toEqual([3, 3, 0, 0, 10]);
    expect(censoredDays).toBe(1);
  });

  it('keeps a sales history sellable from the first sale through its last day, and censors after it', () => {
    // Recorded demand only (no stock movements): day 0 before the first sale is pre-launch; days 2–3
    // without sales are zeros up to the history's end (day 3); day 4 is after it and nothing is stocked.
    const { demand } = buildDailyDemand(
      [
        { day: 1, unitsSold: 4, onHandDelta: 0, unitsArrived: 0 },
        { day: 3, unitsSold: 1, onHandDelta: 0, unitsArrived: 0 },
      ],
      { days: 5, openingOnHand: 0, recordedUntil: 3 },
    );
    expect([...demand]).toEqual([Number.NaN, 4, 0, 1, Number.NaN]);
  });
});

describe('partial days (docs/forecasting.md "History and censoring")', () => {
  it("reads a day that sold out part-way at its open hours' rate, censors one that sold out early", () => {
    // 10 on hand. Day 0: 4 sold, still 6 left (a full day). Day 1: the last 6 sold by 18:00 (0.75 of the
    // day) → 6 ÷ 0.75 = 8. Day 2: nothing to sell. Day 3: 5 arrive and sell out by 06:00 (0.25) → censored.
    const { demand, censoredDays, imputedDays } = buildDailyDemand(
      [
        { day: 0, unitsSold: 4, onHandDelta: -4, unitsArrived: 0, lastOutflowAt: 0.9 },
        { day: 1, unitsSold: 6, onHandDelta: -6, unitsArrived: 0, lastOutflowAt: 0.75 },
        { day: 3, unitsSold: 5, onHandDelta: 0, unitsArrived: 5, lastOutflowAt: 0.25 },
      ],
      { days: 4, openingOnHand: 10 },
    );
    expect([...demand]).toEqual([4, 8, Number.NaN, Number.NaN]);
    expect(censoredDays).toBe(2);
    expect(imputedDays).toBe(1);
  });

  it('keeps the sales of a sold-out day whose time is unknown (midnight: a date without a time)', () => {
    const { demand } = buildDailyDemand(
      [{ day: 0, unitsSold: 3, onHandDelta: -3, unitsArrived: 0, lastOutflowAt: 0 }],
      { days: 1, openingOnHand: 3 },
    );
    expect([...demand]).toEqual([3]);
  });
});

describe('sumHistories', () => {
  it("adds locations' uncensored demand: a location out of stock adds its recent level, not 0", () => {
    // a sells 1, 3 (level 2), then is out of stock on days 2–3; b sells 5 a day.
    const a = Float64Array.of(1, 3, Number.NaN, Number.NaN);
    const b = Float64Array.of(5, 5, 5, Number.NaN);
    expect([...sumHistories([a, b], 4)]).toEqual([6, 8, 7, Number.NaN]);
  });

  it('adds nothing for a location not seen for more than 56 days, or never seen', () => {
    const days = 60;
    const a = new Float64Array(days).fill(Number.NaN);
    a[0] = 4;
    const b = new Float64Array(days).fill(1);
    const c = new Float64Array(days).fill(Number.NaN);
    const sum = sumHistories([a, b, c], days);
    expect(sum[56]).toBe(5);
    expect(sum[57]).toBe(1);
    expect(sum[0]).toBe(5);
  });
});
