import { describe, expect, it } from 'vitest';
import { hospitalH7934 as hp } from '../../test/reference/series';
import { seasonalNaive } from './seasonal-naive';

describe('seasonalNaive', () => {
  it('matches R snaive()', () => {
    // R forecast 8.20: snaive(hospital[,"H7934"], h=14)$mean
    const expected = [57, 52, 40, 42, 49, 47, 54, 48, 44, 51, 42, 51, 57, 52];
    expect(Array.from(seasonalNaive(hp, { horizon: 14, seasonLength: 12 }))).toEqual(expected);
  });

  it('looks one more season back over censored days', () => {
    const y = Float64Array.from([1, 2, 3, 4, NaN, 6]);
    expect(Array.from(seasonalNaive(y, { horizon: 3, seasonLength: 3 }))).toEqual([4, 2, 6]);
  });
});
