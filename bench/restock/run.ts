/**
 * bench:restock — does the restock plan keep stock better, for less of everything a seller pays?
 *
 * Replays the 2,147 real M5 series (../shared/data/m5, read in place) day by day over the last 365
 * days of history (d_1577…d_1941), lost sales, one supplier per store × department (71 suppliers,
 * whose lines share purchase orders), with the policies of ./policies.ts: Stockwise (the product's
 * `recommendLine` with its defaults at an Amazon location, the review period per supplier from
 * `chooseReviewPeriod`, one `jointOrder`), the 4-week rule, a textbook periodic-review order-up-to
 * baseline (trailing-SD safety stock, the same service target and review days) and perfect foresight.
 * Lead times: 14 days; or 10–30 days uniform per purchase order. The supplier states 14 (or 20);
 * Stockwise learns the rest from the receipts of its own orders, as planning does from the ledger
 * (docs/decisions.md 32); the order-up-to and 4-week baselines assume mean 20, sd 6.06.
 * Costs (./simulate.ts): capital 25%/yr, storage at the fee table's month rate, the aged surcharge and
 * Amazon's low-inventory-level fee, the product's ordering defaults ($20 per order, $0.25 per line),
 * inbound shipping ($0.30 per cubic foot), the margin of a missed sale.
 * Tuned on the first half (182 days), reported on the second (183 days): the order-up-to baseline's
 * trailing window (28, 56 or 91 days); Stockwise runs on the product's defaults, nothing tuned.
 * Assumptions (documented): unit cost = 40% of price (M5 prices taken as net of selling fees, so a
 * lost sale loses 60% of the price); 0.1 cubic foot per unit; every policy starts with 28 days of
 * trailing demand on hand and nothing on order.
 * Prints a table per variant; `--json` prints one JSON object on the last line. Flags: --series N
 * (first N series), --service-level X (a seller setting instead of economics), --scale (also the
 * 30,000 SKU × 3 location plan timing, ./scale.ts), --only-scale, --forecast-cache DIR (reuse the weekly
 * forecasts of an earlier run with the same --series; the files are named by a hash of the forecasting
 * sources, ./forecasts.ts, so forecasts of other code are never reused), --tuning-half (print the first
 * half instead: what anything tunable is chosen on), --both-halves (print the first half's tables too,
 * then the second's), --default-span-calibration (plan as an account with no
 * calibration stored; by default each origin's forecasts carry the calibration fitted, as the nightly
 * run does, on every series' honest checks at that origin, docs/decisions.md 40).
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { catalogueSpanCalibration } from '../../packages/domain/src/forecasting/catalogue';
import type { CatalogueSpanCalibration } from '../../packages/domain/src/forecasting/span-calibration';
import type { DemandForecast } from '../../packages/domain/src/forecasting/types';
import { askWorker, startTsxWorker } from '../tsx-worker';
import { readSales } from '../m5/load';
import { replayBatches } from './batches';
import { planAtScale } from './scale';
import type { Totals } from './simulate';
import { TRAILING_WINDOWS, emptyTotals } from './simulate';
import type { Variant } from './worker';
import { POLICY_KEYS, VARIANTS } from './worker';
import type {
  ForecastBatchOutput,
  RestockWorkerInput,
  RestockWorkerMessage,
  RestockWorkerOutput,
} from './worker';

// The replay takes minutes: asking how to run it must not start it.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`npm run bench:restock -- [--json] [--series N] [--service-level X] [--scale | --only-scale]
  [--forecast-cache DIR] [--tuning-half] [--both-halves] [--default-span-calibration]
Replays the M5 series read from ../shared/data/m5 beside the checkout (STOCKWISE_M5_DIR overrides) under
Stockwise, the 4-week rule, an order-up-to baseline and perfect foresight; prints the second half's table.`);
  process.exit(0);
}

/** `--default-span-calibration`: plan as an account with no calibration stored (the default, decision 19). */
const DEFAULT_CALIBRATION = process.argv.includes('--default-span-calibration');

/** The half whose figures are printed: the second, or the first with `--tuning-half` (for tuning only). */
const REPORTED: 0 | 1 = process.argv.includes('--tuning-half') ? 0 : 1;

/** `--both-halves`: print the first (tuning) half's tables too, before the reported half's. */
const BOTH_HALVES = process.argv.includes('--both-halves');

function startWorker(): Worker {
  return startTsxWorker(new URL('./worker.ts', import.meta.url));
}

function runOn(worker: Worker, input: RestockWorkerInput): Promise<RestockWorkerOutput> {
  return askWorker(worker, { phase: 'replay', input } satisfies RestockWorkerMessage);
}

/**
 * Per weekly origin, the catalogue's span calibration (`catalogueSpanCalibration`, the nightly run's)
 * from every series' honest checks at that origin: backtests that end by the origin, nothing after it.
 */
function originCalibrations(batches: readonly DemandForecast[][][]): (CatalogueSpanCalibration | null)[] {
  const origins = Math.max(0, ...batches.flatMap((b) => b.map((series) => series.length)));
  return Array.from({ length: origins }, (_, k) =>
    catalogueSpanCalibration(batches.flatMap((b) => b.flatMap((series) => series[k]?.spanChecks ?? []))),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const sales = await readSales();
  if (process.argv.includes('--only-scale')) {
    console.log(
      JSON.stringify({
        bench: 'restock-plan-scale',
        ...(await planAtScale({ skus: 30_000, locations: 3, sales })),
      }),
    );
    return;
  }
  const { n, batches } = await replayBatches(sales);
  const loadedMs = performance.now() - started;

  const simStarted = performance.now();
  const pool = Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, startWorker);
  const eachBatch = async <T>(ask: (w: Worker, b: number) => Promise<T>): Promise<T[]> => {
    const out: T[] = [];
    let next = 0;
    await Promise.all(
      pool.map(async (w) => {
        while (next < batches.length) {
          const b = next++;
          out[b] = await ask(w, b);
          if (process.stderr.isTTY) process.stderr.write(`\r${b + 1}/${batches.length} batches`);
        }
      }),
    );
    return out;
  };
  // First every batch's weekly forecasts, then each origin's calibration from all of them, as the
  // nightly run fits it over the catalogue (decision 40); then the replay.
  const made = await eachBatch((w, b) =>
    askWorker<ForecastBatchOutput>(w, {
      phase: 'forecast',
      input: batches[b]!,
    } satisfies RestockWorkerMessage),
  );
  const calibrations = DEFAULT_CALIBRATION ? undefined : originCalibrations(made.map((m) => m.forecasts));
  const outputs = await eachBatch((w, b) =>
    runOn(w, { ...batches[b]!, forecasts: made[b]!.forecasts, calibrations }),
  );
  await Promise.all(pool.map((w) => w.terminate()));
  const simWallMs = performance.now() - simStarted;

  const report = policyReport(outputs, REPORTED);
  if (BOTH_HALVES && REPORTED === 1) for (const v of policyReport(outputs, 0).variants) printTable(v, 0);
  for (const v of report.variants) printTable(v, REPORTED);
  const summary = {
    series: n,
    loadMs: round(loadedMs, 0),
    simulationWallMs: round(simWallMs, 0),
    forecastCpuMs: round(
      made.reduce((a, m) => a + m.forecastMs, 0),
      0,
    ),
  };
  console.log(JSON.stringify({ bench: 'restock', ...summary }));
  if (process.argv.includes('--scale'))
    console.log(
      JSON.stringify({
        bench: 'restock-plan-scale',
        ...(await planAtScale({ skus: 30_000, locations: 3, sales })),
      }),
    );
  if (process.argv.includes('--json')) console.log(JSON.stringify(report));
}

const COSTS = ['holding', 'storage', 'surcharge', 'ordering', 'shipping', 'lostMargin'] as const;
const totalCost = (t: Totals) => COSTS.reduce((s, k) => s + t[k], 0);

/** One policy's figures over a half, as the issue's `--json` names them. */
function figures(t: Totals) {
  return {
    fillRate: round(t.sold / Math.max(1, t.demand), 4),
    avgDaysOfInventory: round(t.onHandDays / Math.max(1, t.demand), 2),
    excessUnits: round(t.excessDays / Math.max(1, t.days), 0),
    orders: t.orders,
    orderLines: t.orderLines,
    totalCost: round(totalCost(t), 0),
    cost: Object.fromEntries(COSTS.map((k) => [k, round(t[k], 0)])) as Record<(typeof COSTS)[number], number>,
  };
}

/**
 * Sums the batches; the order-up-to baseline's window is the one with the lowest first-half total cost
 * (tuned), every figure is the given half's (the second unless asked for the tuning one).
 */
function policyReport(outputs: readonly RestockWorkerOutput[], half: 0 | 1) {
  const sum = (v: Variant, key: string, which: 0 | 1) => {
    const t = emptyTotals();
    for (const o of outputs)
      for (const k of Object.keys(t) as (keyof Totals)[]) t[k] += o.totals[v][key]![which][k];
    return t;
  };
  return {
    variants: VARIANTS.map((v) => {
      const window = [...TRAILING_WINDOWS].sort(
        (a, b) => totalCost(sum(v, `orderUpTo:${a}`, 0)) - totalCost(sum(v, `orderUpTo:${b}`, 0)),
      )[0]!;
      return {
        leadTime: v,
        tuned: { orderUpToTrailingDays: window, stockwise: 'product defaults (nothing tuned)' },
        policies: {
          stockwise: figures(sum(v, 'stockwise', half)),
          fourWeek: figures(sum(v, 'fourWeek', half)),
          orderUpTo: figures(sum(v, `orderUpTo:${window}`, half)),
          perfect: figures(sum(v, 'perfect', half)),
        },
      };
    }),
    cpuMs: Object.fromEntries(
      POLICY_KEYS.map((k) => [
        k,
        round(
          outputs.reduce((a, o) => a + o.ms[k]!, 0),
          0,
        ),
      ]),
    ),
  };
}

function printTable(v: ReturnType<typeof policyReport>['variants'][number], half: 0 | 1): void {
  console.log(
    `\nlead time ${v.leadTime} days — ${half === 0 ? 'FIRST (tuning)' : 'second'} half (order-up-to window ${v.tuned.orderUpToTrailingDays} days, tuned on the first)`,
  );
  const cols = ['policy', 'fill', 'daysInv', 'excess', 'orders', 'lines', 'total', ...COSTS];
  console.log(cols.map((c) => c.padStart(11)).join(''));
  for (const [name, p] of Object.entries(v.policies))
    console.log(
      [
        name,
        p.fillRate.toFixed(4),
        p.avgDaysOfInventory.toFixed(2),
        p.excessUnits,
        p.orders,
        p.orderLines,
        p.totalCost,
        ...COSTS.map((k) => p.cost[k]),
      ]
        .map((c) => String(c).padStart(11))
        .join(''),
    );
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

await main();
