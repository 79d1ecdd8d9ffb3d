/** Forecast worker: runs the domain engine on batches of series (one worker per core). */
import { parentPort } from 'node:worker_threads';
import { forecastDemand } from '../../packages/domain/src/forecasting/forecast-demand';
import type { ForecastOptions, ModelName } from '../../packages/domain/src/forecasting/types';

export interface WorkerInput {
  readonly count: number;
  readonly origin: number;
  readonly horizon: number;
  /** count × origin, NaN = censored. */
  readonly history: Float64Array;
  /** count × (origin + horizon). */
  readonly multiplier: Float64Array;
  readonly levels: readonly number[];
  readonly selection: 'select' | 'combine';
  readonly candidates?: readonly ModelName[];
  readonly backtest?: { readonly origins: number; readonly step: number };
}

export interface WorkerOutput {
  /** count × horizon for the mean, then one block per level. */
  readonly mean: Float64Array;
  readonly quantiles: Float64Array[];
  readonly models: string[];
  /** Per series: the error model used for lead-time sums. */
  readonly dispersion: Float64Array;
  readonly levelVariance: Float64Array;
}

export function runSlice(input: WorkerInput): WorkerOutput {
  const { count, origin, horizon, levels } = input;
  const mean = new Float64Array(count * horizon);
  const quantiles = levels.map(() => new Float64Array(count * horizon));
  const models: string[] = [];
  const dispersion = new Float64Array(count);
  const levelVariance = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const options: ForecastOptions = {
      horizon,
      quantileLevels: levels,
      selection: input.selection,
      ...(input.candidates ? { candidates: input.candidates } : {}),
      ...(input.backtest ? { backtest: input.backtest } : {}),
      regressors: {
        multiplier: input.multiplier.subarray(i * (origin + horizon), (i + 1) * (origin + horizon)),
      },
    };
    const f = forecastDemand(input.history.subarray(i * origin, (i + 1) * origin), options);
    mean.set(f.mean, i * horizon);
    f.quantiles.forEach((q, k) => {
      quantiles[k]!.set(q.values, i * horizon);
    });
    models.push(f.degenerate ?? f.model);
    dispersion[i] = f.dispersion;
    levelVariance[i] = f.levelVariance;
  }
  return { mean, quantiles, models, dispersion, levelVariance };
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
