/**
 * M5 benchmark: `npm run bench:m5 -- --origin 1913 --out out.csv [--quantiles FILE] [--sum-quantiles FILE]
 * [--replicate K] [--selection select|combine]
 * [--factors weekdayGroup,weekdaySeries,events,snap,price|none] [--gbt on] [--yearly off]`.
 * Forecasts the 28 days after the origin from d_1…d_origin with the domain engine on both cores,
 * writes `id,F1…F28`, and prints one JSON line (WRMSSE vs seasonal naive when the truth is known).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { askWorker, startTsxWorker } from '../tsx-worker';
import {
  CATALOGUE_SELECTION,
  catalogueSpanCalibration,
  planCatalogue,
  prepareSeries,
  type CatalogueOptions,
  type CataloguePlan,
} from '../../packages/domain/src/forecasting/catalogue';
import { seasonalNaive } from '../../packages/domain/src/forecasting/seasonal-naive';
import type { ModelName } from '../../packages/domain/src/forecasting/types';
import { effectChoice, m5Input } from './inputs';
import { readCalendar, readLevel12Dollars, readPrices, readSales, type SalesTable } from './load';
import type { WorkerInput, WorkerOutput } from './worker';
import { wrmsseScorer } from './wrmsse';
import {
  OUTPUT_LEVELS,
  quantileCoverage,
  plannedSumQuantiles,
  sumQuantiles,
  writeQuantiles,
  writeSumQuantiles,
  type SeriesForecast,
} from './quantiles';

const HORIZON = 28;
/** 0.05 for the lower end of the 90% interval, then the output levels. */
const LEVELS = [0.05, ...OUTPUT_LEVELS];
const BATCH = 600;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// The whole benchmark takes minutes: asking how to run it must not start it.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`npm run bench:m5 -- --origin 1913 --out out.csv [--quantiles FILE] [--sum-quantiles FILE]
  [--replicate K] [--selection select|combine]
  [--factors weekdayGroup,weekdaySeries,events,snap,price|none] [--gbt on] [--yearly off]
Reads the M5 files from ../shared/data/m5 beside the checkout (STOCKWISE_M5_DIR overrides). Prints one JSON line: WRMSSE against seasonal naive when the truth is known.`);
  process.exit(0);
}

function startWorker(): Worker {
  return startTsxWorker(new URL('./worker.ts', import.meta.url));
}

/**
 * Moves each series' multipliers (made for this batch, its backtest origins' too) to the worker; the histories are the plan's own,
 * read again by every replicated copy, so they are copied: a moved buffer is detached here, and Node
 * drops a message whose transfer list holds a detached buffer without an error, which hung
 * `--replicate` above 1.
 */
function runBatch(worker: Worker, input: WorkerInput): Promise<WorkerOutput> {
  return askWorker(
    worker,
    input,
    input.series.flatMap((s) => [
      s.multiplier.buffer as ArrayBuffer,
      // Each backtest origin's multiplier (decision 55), made for this batch too: moved, not copied.
      ...(s.atOrigins?.multipliers.map((m) => m.buffer as ArrayBuffer) ?? []),
    ]),
  );
}

interface RunOptions {
  readonly origin: number;
  readonly replicate: number;
  readonly selection?: 'select' | 'combine';
  readonly candidates?: ModelName[];
  readonly backtest?: { origins: number; step: number };
}

function runOptions(): RunOptions {
  const [origins, step] = (arg('backtest') ?? '').split(',').map(Number);
  const backtest =
    origins !== undefined && step !== undefined && origins > 0 && step > 0 ? { origins, step } : undefined;
  const candidates = arg('candidates')?.split(',') as ModelName[] | undefined;
  return {
    origin: Number(arg('origin') ?? 1913),
    replicate: Math.max(1, Number(arg('replicate') ?? 1)),
    ...(arg('selection') === 'combine' || arg('selection') === 'select'
      ? { selection: arg('selection') as 'select' | 'combine' }
      : {}),
    ...(candidates ? { candidates } : {}),
    ...(backtest ? { backtest } : {}),
  };
}

/** What the engine forecast for the first copy of every series, in series order. */
interface Forecasts {
  series: SeriesForecast[];
  models: Record<string, number>;
  workerCount: number;
  /**
   * Per worker, the share of the forecast stage its event loop was busy (`eventLoopUtilization`): below
   * 1, it waited for batches; at 1 with CPU ÷ wall under the worker count, other processes had the cores.
   */
  workerBusy: number[];
}

/** One worker per core (at most 2). */
function startPool(): Worker[] {
  return Array.from({ length: Math.max(1, Math.min(availableParallelism(), 2)) }, startWorker);
}

/**
 * Batches of at most BATCH series go to the pool, which bounds memory for replicated runs; replicated
 * copies tile the same series to test scaling. About eight batches a worker at least, so that the last
 * ones end close together, and each batch is prepared while the workers run the ones before it.
 */
async function forecastAll(input: {
  options: RunOptions;
  plan: CataloguePlan;
  forecastOptions: CatalogueOptions;
  pool: Worker[];
}): Promise<Forecasts> {
  const { options, plan, forecastOptions, pool } = input;
  const n = plan.series.length;
  const total = n * options.replicate;
  const size = Math.min(BATCH, Math.ceil(total / (8 * pool.length)));
  const batches = Math.ceil(total / size);
  const results: WorkerOutput[] = [];
  let next = 0;
  const makeBatch = (b: number): { b: number; input: WorkerInput } => {
    const first = b * size;
    const count = Math.min(size, total - first);
    return {
      b,
      input: {
        options: forecastOptions,
        series: Array.from({ length: count }, (_, k) => prepareSeries(plan, (first + k) % n)),
      },
    };
  };
  let ready: { b: number; input: WorkerInput } | undefined;
  const take = (): { b: number; input: WorkerInput } | undefined => {
    const batch = ready ?? (next < batches ? makeBatch(next++) : undefined);
    ready = undefined;
    return batch;
  };
  const idleFrom = pool.map((w) => w.performance.eventLoopUtilization());
  await Promise.all(
    pool.map(async (worker) => {
      for (let batch = take(); batch; batch = take()) {
        const asked = runBatch(worker, batch.input);
        // The next batch is made while this one runs (posting has already copied or moved its data).
        if (!ready && next < batches) ready = makeBatch(next++);
        const r = await asked;
        // Only the first copy of each series is scored.
        if (batch.b * size < n) results[batch.b] = r;
      }
    }),
  );
  const workerBusy = pool.map(
    (w, k) => +w.performance.eventLoopUtilization(idleFrom[k]).utilization.toFixed(3),
  );
  await Promise.all(pool.map((w) => w.terminate()));
  return { ...collect(results, n), workerCount: pool.length, workerBusy };
}

function collect(results: WorkerOutput[], n: number): Omit<Forecasts, 'workerCount' | 'workerBusy'> {
  const series: SeriesForecast[] = [];
  const models: Record<string, number> = {};
  const slice = (a: Float64Array, k: number) => a.slice(k * HORIZON, (k + 1) * HORIZON);
  for (const r of results) {
    for (let k = 0; k < r.models.length && series.length < n; k++) {
      series.push({
        mean: slice(r.mean, k),
        quantiles: r.quantiles.map((q) => slice(q, k)),
        dispersion: r.dispersion[k]!,
        levelVariance: r.levelVariance[k]!,
        spanChecks: r.spanChecks[k]!,
      });
      // The best candidate of each combination (or the degenerate reason).
      const best = r.models[k]!.split('+')[0]!;
      models[best] = (models[best] ?? 0) + 1;
    }
  }
  return { series, models };
}

function writeForecasts(out: string, ids: readonly string[], forecast: readonly Float64Array[]): void {
  const header = ['id', ...Array.from({ length: HORIZON }, (_, h) => `F${h + 1}`)].join(',');
  const rows = forecast.map((f, i) => [ids[i]!, ...Array.from(f, (v) => +v.toFixed(4))].join(','));
  writeFileSync(out, `${header}\n${rows.join('\n')}\n`);
}

/** Dollar sales of each series over days [from, to) (prices are NaN where the item was not listed). */
function dollarSales(
  sales: SalesTable,
  prices: Float64Array[],
  range: { from: number; to: number },
): Float64Array {
  const dollars = new Float64Array(sales.ids.length);
  for (let i = 0; i < sales.ids.length; i++) {
    for (let t = range.from; t < range.to; t++) {
      const p = prices[i]![t]!;
      if (!Number.isNaN(p)) dollars[i] = dollars[i]! + sales.sales[i]![t]! * p;
    }
  }
  return dollars;
}

/** WRMSSE against seasonal naive and interval coverage, when the 28 days after the origin are known. */
function accuracy(input: {
  sales: SalesTable;
  prices: Float64Array[];
  origin: number;
  forecasts: Forecasts;
  sums: number[][][];
  /** The sums as restock plans them (`plannedSumQuantiles`): on the calibration the run stores (decision 40). */
  plannedSums: number[][][];
}): Record<string, unknown> {
  const { sales, prices, origin, sums } = input;
  const series = input.forecasts.series;
  const n = sales.ids.length;
  const history = sales.sales.map((s) => s.subarray(0, origin));
  const actual = sales.sales.map((s) => s.subarray(origin, origin + HORIZON));
  const dollars = dollarSales(sales, prices, { from: origin - 28, to: origin });
  const hierarchy = {
    item: sales.item,
    dept: sales.dept,
    cat: sales.cat,
    store: sales.store,
    state: sales.state,
  };
  const score = wrmsseScorer({ hierarchy, history, dollars });
  const model = score(
    actual,
    series.map((f) => f.mean),
  );
  const naive = score(
    actual,
    history.map((h) => seasonalNaive(h, { horizon: HORIZON, seasonLength: 7 })),
  );
  const lower = LEVELS.indexOf(0.05);
  const upper = LEVELS.indexOf(0.95);
  let inside = 0;
  for (let i = 0; i < n; i++) {
    for (let h = 0; h < HORIZON; h++) {
      const a = actual[i]![h]!;
      if (a >= series[i]!.quantiles[lower]![h]! && a <= series[i]!.quantiles[upper]![h]!) inside++;
    }
  }
  const coverage = quantileCoverage({ actual, levels: LEVELS, forecasts: series, sums });
  const round = (r: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, +v.toFixed(4)]));
  return {
    wrmsse: +model.wrmsse.toFixed(4),
    snaive_wrmsse: +naive.wrmsse.toFixed(4),
    ratio: +(model.wrmsse / naive.wrmsse).toFixed(4),
    coverage90: +(inside / (n * HORIZON)).toFixed(4),
    quantile_coverage: coverage.daily,
    sum_quantile_coverage: coverage.sums,
    sum_quantile_coverage_as_restock_plans: quantileCoverage({
      actual,
      levels: LEVELS,
      forecasts: series,
      sums: input.plannedSums,
    }).sums,
    levels: round(model.levels),
    snaive_levels: round(naive.levels),
  };
}

/** Data check: our price join must reproduce the organisers' Level-12 dollar sales for d_1914…d_1941. */
async function priceCheck(sales: SalesTable, prices: Float64Array[]): Promise<number | 'missing'> {
  const official = await readLevel12Dollars();
  const dollars = dollarSales(sales, prices, { from: 1913, to: 1941 });
  let maxDiff = 0;
  for (let i = 0; i < sales.ids.length; i++) {
    maxDiff = Math.max(
      maxDiff,
      Math.abs(dollars[i]! - (official.get(`${sales.item[i]!}|${sales.store[i]!}`) ?? NaN)),
    );
  }
  return Number.isNaN(maxDiff) ? 'missing' : +maxDiff.toFixed(4);
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = runOptions();
  const { origin, replicate, selection } = options;
  const out = arg('out');
  const calendar = readCalendar();
  const sales = await readSales();
  const prices = await readPrices({
    keys: sales.ids.map((_, i) => `${sales.store[i]!},${sales.item[i]!}`),
    calendar,
  });
  const loaded = performance.now();
  if (!(origin >= 28 && origin + HORIZON <= calendar.days))
    throw new RangeError(`origin must be in [28, ${calendar.days - HORIZON}]`);
  // Started now, their start-up runs on the second core while this thread fits the pooled part.
  const pool = startPool();
  const n = sales.ids.length;

  const forecastOptions: CatalogueOptions = {
    horizon: HORIZON,
    quantileLevels: LEVELS,
    ...(selection ? { selection } : {}),
    ...(options.candidates ? { candidates: options.candidates } : {}),
    ...(options.backtest ? { backtest: options.backtest } : {}),
    ...(arg('factors') !== undefined ? { effects: effectChoice(arg('factors')) } : {}),
    ...(arg('prior') !== undefined ? { prior: Number(arg('prior')) } : {}),
    ...(arg('gbt') === 'on' ? { gbt: {} } : {}),
    ...(arg('yearly') === 'off' ? { yearly: false } : {}),
  };
  const plan = planCatalogue(m5Input({ sales, calendar, prices, origin }), forecastOptions);
  const pooled = performance.now();

  const forecasts = await forecastAll({ options, plan, forecastOptions, pool });
  if (out !== undefined)
    writeForecasts(
      out,
      sales.ids,
      forecasts.series.map((f) => f.mean),
    );
  const calibrating = performance.now();
  const calibration = catalogueSpanCalibration(forecasts.series.flatMap((f) => f.spanChecks));
  const calibrated = performance.now();
  const sums = sumQuantiles(forecasts.series, calibration);
  const quantilesOut = arg('quantiles');
  if (quantilesOut !== undefined) writeQuantiles(quantilesOut, sales.ids, LEVELS, forecasts.series);
  const sumsOut = arg('sum-quantiles');
  if (sumsOut !== undefined) writeSumQuantiles(sumsOut, sales.ids, sums);

  const report: Record<string, unknown> = { origin, series: n, replicate };
  if (origin + HORIZON <= sales.days)
    Object.assign(
      report,
      accuracy({
        sales,
        prices,
        origin,
        forecasts,
        sums,
        plannedSums: plannedSumQuantiles(forecasts.series, calibration),
      }),
    );
  report['price_check_max_abs_diff'] = await priceCheck(sales, prices);
  report['span_calibration'] = calibration?.map((c) => ({
    days: c.days,
    bands: c.bands.map((b) => [b.below, b.meanScale, b.levelScale]),
  }));
  const seconds = (performance.now() - started) / 1000;
  Object.assign(report, {
    models: forecasts.models,
    selection: selection ?? CATALOGUE_SELECTION,
    wall_seconds: +seconds.toFixed(2),
    load_seconds: +((loaded - started) / 1000).toFixed(2),
    pooled_seconds: +((pooled - loaded) / 1000).toFixed(2),
    calibration_seconds: +((calibrated - calibrating) / 1000).toFixed(2),
    series_per_second: Math.round((n * replicate) / seconds),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    workers: forecasts.workerCount,
    worker_busy: forecasts.workerBusy,
    cpu_seconds: +((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(2),
  });
  console.log(JSON.stringify(report));
}

await main();
