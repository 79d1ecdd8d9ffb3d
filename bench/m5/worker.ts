/** Forecast worker: runs the domain's per-series stage on batches of prepared series (one worker per core). */
import { parentPort } from 'node:worker_threads';
import {
  forecastPrepared,
  type CatalogueOptions,
  type PreparedSeries,
} from '../../packages/domain/src/forecasting/catalogue';
import type { SpanCheck } from '../../packages/domain/src/forecasting/span-calibration';

export interface WorkerInput {
  readonly options: CatalogueOptions;
  readonly series: readonly PreparedSeries[];
}

export interface WorkerOutput {
  /** count × horizon for the mean, then one block per level. */
  readonly mean: Float64Array;
  readonly quantiles: Float64Array[];
  readonly models: string[];
  /** Per series: the error model used for lead-time sums. */
  readonly dispersion: Float64Array;
  readonly levelVariance: Float64Array;
  /** Per series: its honest span check, for the catalogue's span calibration. */
  readonly spanChecks: (readonly SpanCheck[])[];
}

export function runSlice(input: WorkerInput): WorkerOutput {
  const { options, series } = input;
  const count = series.length;
  const horizon = options.horizon;
  const levels = options.quantileLevels ?? [];
  const mean = new Float64Array(count * horizon);
  const quantiles = levels.map(() => new Float64Array(count * horizon));
  const models: string[] = [];
  const dispersion = new Float64Array(count);
  const levelVariance = new Float64Array(count);
  const spanChecks: (readonly SpanCheck[])[] = [];
  series.forEach((prepared, i) => {
    const f = forecastPrepared(prepared, options);
    mean.set(f.mean, i * horizon);
    f.quantiles.forEach((q, k) => {
      quantiles[k]!.set(q.values, i * horizon);
    });
    models.push(f.degenerate ?? f.model);
    dispersion[i] = f.dispersion;
    levelVariance[i] = f.levelVariance;
    spanChecks.push(f.spanChecks ?? []);
  });
  return { mean, quantiles, models, dispersion, levelVariance, spanChecks };
}

// Persistent worker: one batch per message, so replicated runs reuse the loaded module.
const port = parentPort;
if (port) {
  port.on('message', (input: WorkerInput) => {
    const out = runSlice(input);
    port.postMessage(out, [
      out.mean.buffer as ArrayBuffer,
      ...out.quantiles.map((q) => q.buffer as ArrayBuffer),
    ]);
  });
}
