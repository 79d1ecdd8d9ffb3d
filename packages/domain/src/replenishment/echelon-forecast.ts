/** A hub's echelon demand: its FCs' forecasts (and its own) summed into one (docs/decisions.md 14). Pure. */
import type { DemandForecast } from '../forecasting/types';

/**
 * Echelon demand: the sum of several locations' forecasts, with the mean-weighted dispersion and
 * mean-weighted level standard error (squared back to a variance).
 */
export function sumForecasts(list: readonly DemandForecast[]): DemandForecast {
  const H = Math.max(0, ...list.map((f) => f.mean.length));
  // One location's notes and calibration stand for all: a SKU's overrides apply to each location alike,
  // and the account has one calibration, whose band the sum's own rate picks (decision 40).
  const noted = list.find((f) => f.overrides !== undefined)?.overrides;
  const priced = list.find((f) => f.priceChanges !== undefined)?.priceChanges;
  const spanCalibration = list.find((f) => f.spanCalibration !== undefined)?.spanCalibration;
  const mean = new Float64Array(H);
  let total = 0;
  let disp = 0;
  let lv = 0;
  for (const f of list) {
    const s = f.mean.reduce((a, b) => a + b, 0);
    for (let t = 0; t < H; t++) mean[t] = mean[t]! + (f.mean[Math.min(t, f.mean.length - 1)] ?? 0);
    total += s;
    disp += f.dispersion * s;
    lv += Math.sqrt(f.levelVariance) * s;
  }
  return {
    model: 'echelon-sum',
    params: {},
    demandClass: 'smooth',
    degenerate: null,
    mean,
    quantiles: [],
    dispersion: total > 0 ? disp / total : 1,
    levelVariance: total > 0 ? (lv / total) ** 2 : 0,
    ...(noted ? { overrides: noted } : {}),
    ...(priced ? { priceChanges: priced } : {}),
    ...(spanCalibration ? { spanCalibration } : {}),
  };
}
