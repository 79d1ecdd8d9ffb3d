/** bench:restock worker: weekly forecasts and the three policies for a batch of series. */
import { parentPort } from 'node:worker_threads';
import { forecastDemand } from '../../packages/domain/src/forecasting/forecast-demand';
import type { DemandForecast } from '../../packages/domain/src/forecasting/types';
import { mulberry32 } from '../../packages/domain/src/demo/prng';
import type { Policy, Totals } from './simulate';
import { POLICIES, emptyTotals, simulate } from './simulate';

export interface RestockWorkerInput {
  count: number;
  /** Days per series in `demand`/`price`/`history` blocks. */
  days: number;
  start: number;
  epochDay0: number;
  /** count × days demand (0 when not on sale). */
  demand: Float64Array;
  /** count × days history for forecasting (NaN when not on sale). */
  history: Float64Array;
  /** count × days price, gaps filled. */
  price: Float64Array;
  storageRate: Float64Array;
  cubicFeet: number;
  costShare: number;
  /** Seeds of the random lead times, per series. */
  seeds: Uint32Array;
  historyDays: number;
  serviceLevel?: number | undefined;
}

export interface RestockWorkerOutput {
  totals: Record<'fixed14' | 'random10to30', Record<Policy, Totals>>;
  /** CPU milliseconds per variant × policy (Stockwise includes its weekly forecasts). */
  ms: Record<'fixed14' | 'random10to30', Record<Policy, number>>;
  forecastMs: number;
}

const add = (a: Totals, b: Totals) => {
  for (const k of Object.keys(a) as (keyof Totals)[]) a[k] += b[k];
};

export function runBatch(input: RestockWorkerInput): RestockWorkerOutput {
  const variants = { fixed14: {} as Record<Policy, Totals>, random10to30: {} as Record<Policy, Totals> };
  const ms = { fixed14: {} as Record<Policy, number>, random10to30: {} as Record<Policy, number> };
  for (const v of ['fixed14', 'random10to30'] as const) {
    for (const p of POLICIES) {
      variants[v][p] = emptyTotals();
      ms[v][p] = 0;
    }
  }
  let forecastMs = 0;
  for (let i = 0; i < input.count; i++) {
    const demand = input.demand.subarray(i * input.days, (i + 1) * input.days);
    const history = input.history.subarray(i * input.days, (i + 1) * input.days);
    const price = input.price.subarray(i * input.days, (i + 1) * input.days);
    const t0 = performance.now();
    const forecasts: DemandForecast[] = [];
    for (let o = input.start; o < input.days; o += 7) {
      forecasts.push(
        forecastDemand(history.slice(Math.max(0, o - input.historyDays), o), {
          horizon: 42,
          quantileLevels: [0.5],
        }),
      );
    }
    forecastMs += performance.now() - t0;
    const r = mulberry32(input.seeds[i]!);
    const randomLead = Int32Array.from({ length: input.days }, () => 10 + Math.floor(r() * 21));
    const base = {
      demand,
      price,
      start: input.start,
      epochDay0: input.epochDay0,
      forecasts,
      cubicFeet: input.cubicFeet,
      storageRate: input.storageRate,
      costShare: input.costShare,
      serviceLevel: input.serviceLevel,
    };
    const forecastShare = (performance.now() - t0) / 2;
    for (const p of POLICIES) {
      let t1 = performance.now();
      add(
        variants.fixed14[p],
        simulate({ ...base, leadTime: () => 14, leadTimeBelief: { meanDays: 14, sdDays: 0 } }, p),
      );
      ms.fixed14[p] += performance.now() - t1 + (p === 'stockwise' ? forecastShare : 0);
      t1 = performance.now();
      // Discrete uniform 10…30: mean 20, sd √((21² − 1)/12) = 6.06.
      add(
        variants.random10to30[p],
        simulate(
          {
            ...base,
            leadTime: (t) => randomLead[t]!,
            leadTimeBelief: { meanDays: 20, sdDays: Math.sqrt((21 * 21 - 1) / 12) },
          },
          p,
        ),
      );
      ms.random10to30[p] += performance.now() - t1 + (p === 'stockwise' ? forecastShare : 0);
    }
  }
  return { totals: variants, ms, forecastMs };
}

parentPort?.on('message', (input: RestockWorkerInput) => {
  parentPort!.postMessage(runBatch(input));
});
