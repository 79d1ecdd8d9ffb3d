import type { FallbackProfile } from './types';

/**
 * A category's demand profile for SKUs with too little history of their own: the average over the
 * category's SKUs of their mean daily demand in the last `recentDays` observed days, and the
 * category's weekday shape (mean 1), rotated so index 0 is the weekday of the first forecast day.
 * Censored (NaN) days are skipped. Returns undefined when no SKU of the category has data.
 */
export function categoryProfile(
  histories: readonly Float64Array[],
  options: { recentDays?: number; firstForecastWeekday: number; historyEndWeekday: number },
): FallbackProfile | undefined {
  const recent = options.recentDays ?? 56;
  const means: number[] = [];
  const weekdaySum = new Float64Array(7);
  const weekdayCount = new Float64Array(7);
  for (const h of histories) {
    let sum = 0;
    let count = 0;
    for (let t = h.length - 1; t >= 0 && count < recent; t--) {
      const v = h[t]!;
      if (Number.isNaN(v)) continue;
      sum += v;
      count++;
      // Weekday of day t, counting back from the last history day's weekday.
      const weekday = (((options.historyEndWeekday - (h.length - 1 - t)) % 7) + 7) % 7;
      weekdaySum[weekday] = weekdaySum[weekday]! + v;
      weekdayCount[weekday] = weekdayCount[weekday]! + 1;
    }
    if (count > 0) means.push(sum / count);
  }
  if (means.length === 0) return undefined;
  const dailyMean = means.reduce((a, b) => a + b, 0) / means.length;
  const perWeekday = Array.from({ length: 7 }, (_, d) =>
    weekdayCount[d]! > 0 ? weekdaySum[d]! / weekdayCount[d]! : 0,
  );
  const overall = perWeekday.reduce((a, b) => a + b, 0) / 7;
  const weekly = Array.from({ length: 7 }, (_, i) => {
    const d = (options.firstForecastWeekday + i) % 7;
    return overall > 0 ? perWeekday[d]! / overall : 1;
  });
  return { dailyMean, weekly };
}
