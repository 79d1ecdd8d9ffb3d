import { describe, expect, it } from 'vitest';
import { categoryProfile } from './category-profile';

describe('categoryProfile', () => {
  it('averages the SKUs mean daily demand and skips censored days', () => {
    const a = new Float64Array([2, 2, Number.NaN, 2]);
    const b = new Float64Array([4, 4, 4, 4]);
    const p = categoryProfile([a, b], { firstForecastWeekday: 0, historyEndWeekday: 6 });
    expect(p?.dailyMean).toBe(3);
    expect(p?.weekly).toHaveLength(7);
    for (const w of p?.weekly ?? []) expect(Number.isFinite(w)).toBe(true);
  });

  it('finds the weekday shape and rotates it to the first forecast day', () => {
    // Two weeks ending on a Saturday (6); Mondays (1) sell 8, other days 1.
    const h = new Float64Array(14).map((_, t) => ((((6 - (13 - t)) % 7) + 7) % 7 === 1 ? 8 : 1));
    const p = categoryProfile([h], { firstForecastWeekday: 0, historyEndWeekday: 6 })!;
    // Forecast starts on Sunday (0): index 1 is Monday, the peak.
    expect(p.weekly![1]).toBeCloseTo(8 / (14 / 7), 6);
    expect(p.weekly![0]).toBeCloseTo(1 / 2, 6);
  });

  it('returns undefined when the category has no observed days', () => {
    expect(
      categoryProfile([new Float64Array([Number.NaN])], { firstForecastWeekday: 0, historyEndWeekday: 0 }),
    ).toBeUndefined();
  });
});
