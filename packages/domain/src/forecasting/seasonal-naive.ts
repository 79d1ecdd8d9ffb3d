/**
 * Seasonal naive forecast (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, §5.2):
 * each future day repeats the last observed day of the same phase m days (or 2m, 3m…) earlier,
 * as R `forecast::snaive`. A censored (NaN) day is replaced by the same phase one season further back;
 * a phase never observed falls back to the last observed value, and to 0 without any observation.
 */
export function seasonalNaive(
  y: Float64Array,
  options: { readonly horizon: number; readonly seasonLength: number; readonly end?: number },
): Float64Array {
  const end = options.end ?? y.length;
  const m = Math.max(1, options.seasonLength);
  let last = 0;
  for (let t = end - 1; t >= 0; t--) {
    if (!Number.isNaN(y[t]!)) {
      last = y[t]!;
      break;
    }
  }
  const phase = new Float64Array(m).fill(NaN);
  for (let j = 0; j < m; j++) {
    for (let t = end - m + j; t >= 0; t -= m) {
      if (!Number.isNaN(y[t]!)) {
        phase[j] = y[t]!;
        break;
      }
    }
  }
  const out = new Float64Array(options.horizon);
  for (let h = 0; h < options.horizon; h++) {
    const v = phase[h % m]!;
    out[h] = Number.isNaN(v) ? last : v;
  }
  return out;
}
