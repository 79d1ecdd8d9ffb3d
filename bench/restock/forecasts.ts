/**
 * bench:restock's weekly forecasts of a batch, and their optional cache (`--forecast-cache DIR`).
 * A cached file is keyed by a hash of the forecasting code it came from — every source file that
 * `forecastDemand` imports, directly or not — and of the forecast options, so a cache written by older
 * code is never read: it is recomputed under a new name instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { forecastDemand } from '../../packages/domain/src/forecasting/forecast-demand';
import type { DemandForecast } from '../../packages/domain/src/forecasting/types';

/** The options of the weekly forecasts: six weeks ahead, the median only (planning reads mean and spread). */
export const WEEKLY_FORECAST = { horizon: 42, quantileLevels: [0.5] } as const;

const FORECAST_ENTRY = fileURLToPath(
  new URL('../../packages/domain/src/forecasting/forecast-demand.ts', import.meta.url),
);

/** The source files `entry` imports through relative paths, transitively (itself included), sorted. */
export function sourceClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
      const base = resolve(dirname(file), m[1]!);
      const found = [`${base}.ts`, join(base, 'index.ts'), base].find(
        (p) => existsSync(p) && p.endsWith('.ts'),
      );
      if (found !== undefined) visit(found);
    }
  };
  visit(entry);
  return [...seen].sort();
}

/** Hash of the forecasting sources and the weekly forecast options: the cache key of a code version. */
export function forecastCodeHash(): string {
  const h = createHash('sha256');
  for (const file of sourceClosure(FORECAST_ENTRY)) {
    h.update(file.slice(file.indexOf('packages/')));
    h.update(readFileSync(file));
  }
  h.update(JSON.stringify(WEEKLY_FORECAST));
  return h.digest('hex').slice(0, 16);
}

export interface WeeklyForecastInput {
  count: number;
  days: number;
  /** First origin (index); one forecast every 7 days from it while within `days`. */
  start: number;
  historyDays: number;
  /** count × days history (NaN when not on sale). */
  history: Float64Array;
  /** A cache file already named by `forecastCodeHash` (see `cacheFile`). */
  forecastCache?: string | undefined;
}

/** The cache file of batch `batch` of a run over `series` series, under `dir`, for the current code. */
export function cacheFile(dir: string, a: { series: number; batch: number; hash: string }): string {
  return join(dir, `forecasts-${a.hash}-series${a.series}-batch${a.batch}.v8`);
}

/** Weekly forecasts of each series of the batch: forecasts[i][k] made at origin start + 7k. */
export function weeklyForecasts(input: WeeklyForecastInput): DemandForecast[][] {
  const cache = input.forecastCache;
  if (cache !== undefined && existsSync(cache)) {
    const cached = deserialize(readFileSync(cache)) as DemandForecast[][];
    if (cached.length === input.count) return cached;
  }
  const all = Array.from({ length: input.count }, (_, i) => {
    const history = input.history.subarray(i * input.days, (i + 1) * input.days);
    const forecasts: DemandForecast[] = [];
    for (let o = input.start; o < input.days; o += 7)
      forecasts.push(
        forecastDemand(history.slice(Math.max(0, o - input.historyDays), o), {
          horizon: WEEKLY_FORECAST.horizon,
          quantileLevels: [...WEEKLY_FORECAST.quantileLevels],
        }),
      );
    return forecasts;
  });
  if (cache !== undefined) writeFileSync(cache, serialize(all));
  return all;
}
