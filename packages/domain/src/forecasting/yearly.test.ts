import { describe, expect, it } from 'vitest';
import { forecastDemand } from './forecast-demand';
import { yearlyOffsets } from './yearly';

describe('yearlyOffsets', () => {
  it('needs two years (plus four weeks) of history', () => {
    expect(yearlyOffsets(new Float64Array(700), { end: 700, horizon: 7 })).toBeNull();
  });

  it('carries last years’ change from the pre-origin month to the target week', () => {
    // Level 10, and 20 in days 40–59 of every 364-day year: from an origin at day 40 of year 3 the
    // first forecast weeks should be lifted by 10.
    const end = 2 * 364 + 40;
    const y = Float64Array.from({ length: end }, (_, t) => (t % 364 >= 40 && t % 364 < 60 ? 20 : 10));
    const off = yearlyOffsets(y, { end, horizon: 30 })!;
    expect(off[5]).toBeCloseTo(10, 10);
    expect(off[29]).toBeCloseTo(0, 10);
  });

  it('is an opt-in candidate of forecastDemand', () => {
    const y = Float64Array.from({ length: 800 }, (_, t) => 5 + (t % 7) + (t % 364 < 30 ? 5 : 0));
    const f = forecastDemand(y, { horizon: 14, candidates: ['ses-weekly-yearly'] });
    expect(f.model).toBe('ses-weekly-yearly');
    for (const v of f.mean) expect(Number.isFinite(v)).toBe(true);
  });
});
