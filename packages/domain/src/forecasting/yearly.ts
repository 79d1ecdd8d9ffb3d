/**
 * Yearly seasonal adjustment for daily data, used only with at least two years of history. For each
 * past year k, the change from the 28 days before the origin a year earlier (364·k days, so weekdays
 * align) to the week centred on the target day a year earlier is measured; the forecast offset for
 * day h is the average change over the available years (up to 3). Averaging several years damps
 * one-off events; additive on the (effect-adjusted) scale, as the ETS models are. Cf. the
 * "seasonal difference" idea of seasonal naive applied to level changes (Hyndman & Athanasopoulos,
 * *Forecasting: Principles and Practice*, §5.2).
 */
export function yearlyOffsets(
  y: Float64Array,
  options: { readonly end: number; readonly horizon: number },
): Float64Array | null {
  const { end, horizon } = options;
  const years = Math.min(3, Math.floor((end - 28 - 3) / 364));
  if (years < 2) return null;
  const meanOf = (from: number, to: number): number => {
    let sum = 0;
    let count = 0;
    for (let t = Math.max(0, from); t < Math.min(end, to); t++) {
      const v = y[t]!;
      if (v === v) {
        sum += v;
        count++;
      }
    }
    return count > 0 ? sum / count : NaN;
  };
  const out = new Float64Array(horizon);
  const used = new Float64Array(horizon);
  for (let k = 1; k <= years; k++) {
    const anchor = end - 364 * k;
    const base = meanOf(anchor - 28, anchor);
    if (Number.isNaN(base)) continue;
    for (let h = 0; h < horizon; h++) {
      const target = meanOf(anchor + h - 3, anchor + h + 4);
      if (Number.isNaN(target)) continue;
      out[h] = out[h]! + target - base;
      used[h] = used[h]! + 1;
    }
  }
  for (let h = 0; h < horizon; h++) out[h] = used[h]! > 0 ? out[h]! / used[h]! : 0;
  return out;
}
