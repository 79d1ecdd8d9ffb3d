/**
 * bench:restock — does the restock plan keep stock better, for less of everything a seller pays?
 *
 * Replays the 2,147 real M5 series (../shared/data/m5, read in place) day by day over the last 365
 * days of history (d_1577…d_1941), lost sales, one supplier per store × department (71 suppliers,
 * whose lines share purchase orders), with the policies of ./policies.ts: Stockwise (the product's
 * `recommendLine` with its defaults at an Amazon location, the review period per supplier from
 * `chooseReviewPeriod`, one `jointOrder`), the 4-week rule, a textbook periodic-review order-up-to
 * baseline (trailing-SD safety stock, the same service target and review days) and perfect foresight.
 * Lead times: 14 days; or 10–30 days uniform per purchase order (planners assume mean 20, sd 6.06).
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
 * forecasts of an earlier run with the same --series: for iterating on planning, stale once the
 * forecasting code changes), --tuning-half (print the first half instead: what anything tunable is chosen
 * on).
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { askWorker, startTsxWorker } from '../tsx-worker';
import { isoDate, parseIsoDate } from '../../packages/domain/src/dates/dates';
import { storagePerCubicFootDay } from '../../packages/domain/src/fees/unit-fees';
import { US_2024_FEES } from '../../packages/domain/src/fees/us-2024.fixture';
import { readCalendar, readPrices, readSales } from '../m5/load';
import { planAtScale } from './scale';
import type { Totals } from './simulate';
import { TRAILING_WINDOWS, emptyTotals } from './simulate';
import type { Variant } from './worker';
import { POLICY_KEYS, VARIANTS } from './worker';
import type { RestockWorkerInput, RestockWorkerOutput } from './worker';

const SIM_DAYS = 365;
const HISTORY_DAYS = 728;
const CUBIC_FEET = 0.1;
const COST_SHARE = 0.4;
const BATCH = 60;
/** The first half (tuning) is this many of the 365 days. */
const FIRST_HALF = 182;
const D1 = '2011-01-29';
/** The half whose figures are printed: the second, or the first with `--tuning-half` (for tuning only). */
const REPORTED: 0 | 1 = process.argv.includes('--tuning-half') ? 0 : 1;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function startWorker(): Worker {
  return startTsxWorker(new URL('./worker.ts', import.meta.url));
}

function runOn(worker: Worker, input: RestockWorkerInput): Promise<RestockWorkerOutput> {
  return askWorker(worker, input);
}

/** Nearest known price for days the item was not on sale (forward, then backward fill). */
function fillPrices(p: Float64Array): Float64Array {
  const out = p.slice();
  let last = NaN;
  for (let t = 0; t < out.length; t++)
    if (Number.isNaN(out[t]!)) out[t] = last;
    else last = out[t]!;
  let next = NaN;
  for (let t = out.length - 1; t >= 0; t--)
    if (Number.isNaN(out[t]!)) out[t] = next;
    else next = out[t]!;
  for (let t = 0; t < out.length; t++) if (Number.isNaN(out[t]!)) out[t] = 1;
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  const calendar = readCalendar();
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
  const n = Math.min(sales.ids.length, Number(arg('series') ?? sales.ids.length));
  const prices = await readPrices({
    keys: sales.ids.slice(0, n).map((_, i) => `${sales.store[i]!},${sales.item[i]!}`),
    calendar,
  });
  const end = sales.days; // 1941
  const from = end - SIM_DAYS - HISTORY_DAYS;
  const days = end - from;
  const epochDay0 = parseIsoDate(D1) + from;
  const storageRate = Float64Array.from({ length: days }, (_, t) =>
    storagePerCubicFootDay(US_2024_FEES, {
      storageType: 'standard',
      amazon: true,
      from: isoDate(epochDay0 + t),
      days: 1,
    }),
  );
  const loadedMs = performance.now() - started;

  const batches = supplierBatches(n, { sales, prices, from, end, epochDay0, storageRate });
  const simStarted = performance.now();
  const pool = Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, startWorker);
  const outputs: RestockWorkerOutput[] = [];
  let next = 0;
  await Promise.all(
    pool.map(async (w) => {
      while (next < batches.length) {
        const b = next++;
        outputs.push(await runOn(w, batches[b]!));
        if (process.stderr.isTTY) process.stderr.write(`\r${outputs.length}/${batches.length} batches`);
      }
    }),
  );
  await Promise.all(pool.map((w) => w.terminate()));
  const simWallMs = performance.now() - simStarted;

  const report = policyReport(outputs);
  for (const v of report.variants) printTable(v);
  const summary = {
    series: n,
    loadMs: round(loadedMs, 0),
    simulationWallMs: round(simWallMs, 0),
    forecastCpuMs: round(
      outputs.reduce((a, o) => a + o.forecastMs, 0),
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

/** Batches of whole suppliers (store × department), about BATCH series each. */
function supplierBatches(
  n: number,
  a: {
    sales: Awaited<ReturnType<typeof readSales>>;
    prices: Float64Array[];
    from: number;
    end: number;
    epochDay0: number;
    storageRate: Float64Array;
  },
): RestockWorkerInput[] {
  const days = a.end - a.from;
  const bySupplier = new Map<string, number[]>();
  for (let s = 0; s < n; s++) {
    const key = `${a.sales.store[s]!}:${a.sales.dept[s]!}`;
    bySupplier.set(key, [...(bySupplier.get(key) ?? []), s]);
  }
  const batches: number[][][] = [[]];
  for (const series of bySupplier.values()) {
    const last = batches[batches.length - 1]!;
    if (last.flat().length >= BATCH) batches.push([series]);
    else last.push(series);
  }
  let seed = 0;
  const cacheDir = arg('forecast-cache');
  if (cacheDir !== undefined) mkdirSync(cacheDir, { recursive: true });
  return batches.map((groups, b) => {
    const members = groups.flatMap((series, g) => series.map((s) => ({ s, g })));
    const count = members.length;
    const demand = new Float64Array(count * days);
    const history = new Float64Array(count * days);
    const price = new Float64Array(count * days);
    members.forEach(({ s }, k) => {
      const raw = a.prices[s]!.subarray(a.from, a.end);
      const filled = fillPrices(raw);
      for (let t = 0; t < days; t++) {
        const onSale = !Number.isNaN(raw[t]!);
        const y = a.sales.sales[s]![a.from + t]!;
        demand[k * days + t] = onSale ? y : 0;
        history[k * days + t] = onSale ? y : NaN;
        price[k * days + t] = filled[t]!;
      }
    });
    return {
      count,
      days,
      start: HISTORY_DAYS,
      half: HISTORY_DAYS + FIRST_HALF,
      epochDay0: a.epochDay0,
      demand,
      history,
      price,
      groupOf: Int32Array.from(members, (m) => m.g),
      groupSeeds: Uint32Array.from(groups, () => 1_000_003 * ++seed),
      storageRate: a.storageRate,
      cubicFeet: CUBIC_FEET,
      costShare: COST_SHARE,
      historyDays: HISTORY_DAYS,
      serviceLevel: arg('service-level') === undefined ? undefined : Number(arg('service-level')),
      forecastCache: cacheDir === undefined ? undefined : join(cacheDir, `series${n}-batch${b}.v8`),
    };
  });
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
 * (tuned), every figure is the second half's.
 */
function policyReport(outputs: readonly RestockWorkerOutput[]) {
  const sum = (v: Variant, key: string, half: 0 | 1) => {
    const t = emptyTotals();
    for (const o of outputs)
      for (const k of Object.keys(t) as (keyof Totals)[]) t[k] += o.totals[v][key]![half][k];
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
          stockwise: figures(sum(v, 'stockwise', REPORTED)),
          fourWeek: figures(sum(v, 'fourWeek', REPORTED)),
          orderUpTo: figures(sum(v, `orderUpTo:${window}`, REPORTED)),
          perfect: figures(sum(v, 'perfect', REPORTED)),
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

function printTable(v: ReturnType<typeof policyReport>['variants'][number]): void {
  console.log(
    `\nlead time ${v.leadTime} days — ${REPORTED === 0 ? 'FIRST (tuning)' : 'second'} half (order-up-to window ${v.tuned.orderUpToTrailingDays} days, tuned on the first)`,
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
