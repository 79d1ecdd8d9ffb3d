import type { FallbackProfile } from './types';

/** Observed days since the first sale over which a modelled SKU keeps blending with its category's profile. */
export const YOUNG_DAYS = 56;

/**
 * Weight of the category profile in a young SKU's forecast (docs/forecasting.md, "Degenerate
 * input"): the same credibility weight m/(n + m) as the degenerate rule, so the forecast goes on
 * smoothly when the history reaches one season and a model takes over, tapering linearly to 0 from
 * YOUNG_DAYS/2 to YOUNG_DAYS observed days.
 */
export function youngProfileWeight(observedDays: number, seasonLength: number): number {
  if (observedDays >= YOUNG_DAYS) return 0;
  const half = YOUNG_DAYS / 2;
  const taper = observedDays <= half ? 1 : (YOUNG_DAYS - observedDays) / half;
  return (seasonLength / (observedDays + seasonLength)) * taper;
}

/** The profile's expected demand on forecast day h (its weekly shape repeats; bad shape values read as 1). */
export function profileMean(profile: FallbackProfile, h: number): number {
  const weekly = profile.weekly ?? [];
  const shape = weekly.length > 0 ? weekly[h % weekly.length]! : 1;
  return profile.dailyMean * (Number.isFinite(shape) && shape >= 0 ? shape : 1);
}
