import { describe, expect, it } from 'vitest';
import { ageBucketLabel } from '../src/health/age-buckets';
import { translator } from '../src/i18n/translate';
import { ageBucketsOf, mainValue } from '../src/overview/summary';

describe('overview summary helpers', () => {
  it('takes the age buckets from the server, in its order, each named by its days', () => {
    const buckets = ageBucketsOf({
      ageBuckets: [
        { key: 'inv-age-0-to-90-days', minDays: 0, maxDays: 90, units: 6, cubicFeet: 3 },
        { key: 'inv-age-91-to-180-days', minDays: 91, maxDays: 180, units: 0, cubicFeet: 0 },
        { key: 'inv-age-181-to-270-days', minDays: 181, maxDays: 270, units: 4, cubicFeet: 2 },
        { key: 'inv-age-271-to-365-days', minDays: 271, maxDays: 365, units: 0, cubicFeet: 0 },
        { key: 'inv-age-365-plus-days', minDays: 366, maxDays: null, units: 1, cubicFeet: 0 },
      ],
    });
    expect(buckets.map(({ id, units, cubicFeet }) => ({ id, units, cubicFeet }))).toEqual([
      { id: 'd0_90', units: 6, cubicFeet: 3 },
      { id: 'd91_180', units: 0, cubicFeet: 0 },
      { id: 'd181_270', units: 4, cubicFeet: 2 },
      { id: 'd271_365', units: 0, cubicFeet: 0 },
      { id: 'd365plus', units: 1, cubicFeet: 0 },
    ]);
  });

  it('labels a bucket by the dictionary’s name for its days, or by the days when the dictionary has none', () => {
    const t = translator('en');
    expect(ageBucketLabel(t, { minDays: 91, maxDays: 180 })).toBe('91–180 days');
    expect(ageBucketLabel(t, { minDays: 366, maxDays: null })).toBe('Over 365 days');
    expect(ageBucketLabel(t, { minDays: 31, maxDays: 60 })).toBe('31–60');
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
