/**
 * bench:restock span calibration worker: for each series of a batch and each weekly forecast, the
 * forecast's planning figures over spans of SPAN_DAYS days from the origin (mean, dispersion, level
 * variance) beside the demand that came, in the half the whole span lies in.
 */
import { parentPort } from 'node:worker_threads';
import { leadTimeDemandMean } from '../../packages/domain/src/forecasting/lead-time-demand';
import type { WeeklyForecastInput } from './forecasts';
import { weeklyForecasts } from './forecasts';

/** Spans measured: the reorder point's lead times and protection periods L + R of the replay. */
export const SPAN_DAYS = [7, 14, 21, 28, 35, 42, 56, 70] as const;
/** Fields of one record, in order. */
export const SPAN_FIELDS = ['half', 'days', 'mean', 'dispersion', 'levelVariance', 'actual'] as const;

export interface SpanWorkerInput extends WeeklyForecastInput {
  /** First day (index) of the second half. */
  half: number;
}

/** Records of SPAN_FIELDS.length numbers each; spans straddling the halves or off sale are left out. */
export function spanRecords(input: SpanWorkerInput): Float64Array {
  const all = weeklyForecasts(input);
  const out: number[] = [];
  for (let i = 0; i < input.count; i++) {
    const history = input.history.subarray(i * input.days, (i + 1) * input.days);
    all[i]!.forEach((f, k) => {
      const o = input.start + 7 * k;
      for (const d of SPAN_DAYS) {
        if (o + d > input.days) continue;
        const half = o + d <= input.half ? 0 : o >= input.half ? 1 : -1;
        if (half < 0) continue;
        let actual = 0;
        for (let t = o; t < o + d; t++) actual += history[t]!;
        if (Number.isNaN(actual)) continue;
        out.push(half, d, leadTimeDemandMean(f, { days: d }), f.dispersion, f.levelVariance, actual);
      }
    });
  }
  return Float64Array.from(out);
}

parentPort?.on('message', (input: SpanWorkerInput) => {
  parentPort!.postMessage(spanRecords(input));
});
