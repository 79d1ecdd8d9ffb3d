/**
 * Accuracy tracking once actuals arrive. NaN actuals (censored days) are skipped. When total actual
 * demand is 0 the ratio is 0 for a perfect forecast and ±1 otherwise, so results are never NaN.
 */

function ratio(num: number, den: number): number {
  return den > 0 ? num / den : num === 0 ? 0 : Math.sign(num);
}

/** Weighted absolute percentage error Σ|a − f| / Σa. */
export function wape(actual: Float64Array, forecast: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    if (Number.isNaN(a)) continue;
    num += Math.abs(a - (forecast[i] ?? 0));
    den += Math.abs(a);
  }
  return ratio(num, den);
}

/** Relative bias Σ(f − a) / Σa: positive means over-forecasting. */
export function bias(actual: Float64Array, forecast: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    if (Number.isNaN(a)) continue;
    num += (forecast[i] ?? 0) - a;
    den += Math.abs(a);
  }
  return ratio(num, den);
}

/** Share of observed actuals with lower ≤ a ≤ upper (0 when nothing was observed). */
export function intervalCoverage(
  actual: Float64Array,
  interval: { readonly lower: Float64Array; readonly upper: Float64Array },
): number {
  let inside = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    if (Number.isNaN(a)) continue;
    count++;
    if (a >= (interval.lower[i] ?? Infinity) && a <= (interval.upper[i] ?? -Infinity)) inside++;
  }
  return count > 0 ? inside / count : 0;
}
