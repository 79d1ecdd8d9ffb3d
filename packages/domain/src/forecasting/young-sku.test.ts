import { describe, expect, it } from 'vitest';
import { forecastDemand } from './forecast-demand';
import { leadTimeDemandQuantiles } from './lead-time-demand';

/** A SKU stocked `days` days ago (censored before), selling a fixed pseudo-random 1–4 a day. */
function young(days: number): Float64Array {
  const sales = [2, 3, 1, 4, 2, 2, 3, 1, 2, 4, 3, 2, 1, 3, 2, 2, 4, 1, 3, 2, 2, 3, 1, 2, 3, 2, 4, 2];
  return Float64Array.from({ length: 200 }, (_, t) =>
    t < 200 - days ? NaN : sales[(t - (200 - days)) % sales.length]!,
  );
}

describe('young SKUs', () => {
  it('blend with the category profile without a jump in the intervals when the history reaches 7 days, nor when the blend fades out by 56', () => {
    const fallbackProfile = { dailyMean: 6, weekly: [1, 1, 1, 1, 1, 1, 1] };
    const sums = Array.from({ length: 60 }, (_, i) => {
      const f = forecastDemand(young(i + 3), { horizon: 28, fallbackProfile });
      const [q50, q95] = leadTimeDemandQuantiles(f, { days: 28, levels: [0.5, 0.95] });
      return { days: i + 3, mean: f.mean.reduce((a, b) => a + b, 0), q50: q50!.value, q95: q95!.value };
    });
    for (let i = 1; i < sums.length; i++) {
      const [a, b] = [sums[i - 1]!, sums[i]!];
      expect(Math.abs(b.q95 / a.q95 - 1), `${String(a.days)} → ${String(b.days)} days`).toBeLessThan(0.15);
      expect(Math.abs(b.mean / a.mean - 1), `${String(a.days)} → ${String(b.days)} days`).toBeLessThan(0.15);
    }
    // The profile (6 a day) still pulls a young SKU selling ~2.4 a day up, less as its history grows.
    expect(sums[4]!.mean / 28).toBeGreaterThan(3);
    expect(sums[21]!.mean / 28).toBeLessThan(sums[4]!.mean / 28);
    expect(sums[59]!.mean / 28).toBeLessThan(2.8);
  });

  it('without a category profile, the intervals do not jump at 7 days either (the mean of a few days is no surer than a model)', () => {
    const at = (days: number) => {
      const f = forecastDemand(young(days), { horizon: 28 });
      const [q95] = leadTimeDemandQuantiles(f, { days: 28, levels: [0.95] });
      const daily = f.quantiles.find((q) => q.level === 0.95)!.values;
      return { sum: q95!.value, daily: daily.reduce((a, b) => a + b, 0) / daily.length, model: f.model };
    };
    const [six, seven] = [at(6), at(7)];
    expect(six.model).toBe('mean');
    expect(seven.model).not.toBe('mean');
    expect(Math.abs(seven.sum / six.sum - 1)).toBeLessThan(0.15);
    expect(Math.abs(seven.daily / six.daily - 1)).toBeLessThan(0.25);
  });
});
