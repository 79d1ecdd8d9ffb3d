import { describe, expect, it } from 'vitest';
import { ageBucketsOf, mainValue } from '../src/overview/summary';

describe('overview summary helpers', () => {
  it('matches the server’s age buckets to the dashboard’s by their first day, missing ones as zero', () => {
    const buckets = ageBucketsOf({
      ageBuckets: [
        { key: 'inv-age-0-to-90-days', minDays: 0, maxDays: 90, units: 6, cubicFeet: 3 },
        { key: 'inv-age-181-to-270-days', minDays: 181, maxDays: 270, units: 4, cubicFeet: 2 },
        { key: 'inv-age-365-plus-days', minDays: 366, maxDays: null, units: 1, cubicFeet: 0 },
      ],
    });
    expect(buckets).toEqual([
      { id: 'd0_90', units: 6, cubicFeet: 3 },
      { id: 'd91_180', units: 0, cubicFeet: 0 },
      { id: 'd181_270', units: 4, cubicFeet: 2 },
      { id: 'd271_365', units: 0, cubicFeet: 0 },
      { id: 'd365plus', units: 1, cubicFeet: 0 },
    ]);
  });

  it('shows the value in the currency holding most of the stock, or nothing', () => {
    expect(
      mainValue({
        value: [
          { currency: 'USD', amount: 30 },
          { currency: 'EUR', amount: 9 },
        ],
      }),
    ).toEqual({ currency: 'USD', amount: 30 });
    expect(mainValue({ value: [] })).toBeNull();
  });
});
