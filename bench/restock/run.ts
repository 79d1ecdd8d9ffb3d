/**
 * bench:restock — does the restock plan keep stock better with less money tied up?
 *
 * Replays the 2,147 real M5 series (../shared/data/m5, read in place) day by day over the last 365
 * days of history (d_1577…d_1941), lost sales, ordering at the end of each day:
 *   - stockwise: `recommendRestock` from what it knew that day (forecast re-fitted weekly on the 728
 *     days before, rebased daily; review period 1 day; service level from economics; 90-day cap);
 *   - four_week_rule: whenever cover (on hand + on order, in days of trailing-28-day average
 *     demand) falls below lead time + 7 days, order 28 days of that average ("keep 4 weeks");
 *   - perfect_foresight: knows future demand and each order's lead time (the physical limit).
 * Variants: lead time 14 days; random lead times 10–30 days (uniform per order; planners assume
 * mean 20, sd 6.06; the same draws for every policy).
 * Assumptions (documented): unit cost = 40% of price (lost margin = 60% of price); 0.1 cubic foot per
 * unit (a typical boxed grocery/household item); storage at the US standard rates of docs/formulas.md ($0.78 per
 * cu ft per month Jan–Sep, $2.40 Oct–Dec); capital at 25%/year of cost; every policy starts with 28
 * days of trailing demand on hand and nothing on order.
 * Prints one JSON line per variant × policy, then one for a 30,000 SKU × 3 location plan.
 * Flags: --series N (first N series), --no-scale, --only-scale, --service-level X (a seller setting
 * instead of economics).
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { askWorker, startTsxWorker } from '../tsx-worker';
import { isoDate, parseIsoDate } from '../../packages/domain/src/dates/dates';
import { storagePerCubicFootDay } from '../../packages/domain/src/fees/unit-fees';
import { US_2024_FEES } from '../../packages/domain/src/fees/us-2024.fixture';
import { readCalendar, readPrices, readSales } from '../m5/load';
import { planAtScale } from './scale';
import type { Totals } from './simulate';
import { POLICIES, emptyTotals } from './simulate';
import type { RestockWorkerInput, RestockWorkerOutput } from './worker';

const SIM_DAYS = 365;
const HISTORY_DAYS = 728;
const CUBIC_FEET = 0.1;
const COST_SHARE = 0.4;
const BATCH = 60;
const D1 = '2011-01-29';

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

  const batches: RestockWorkerInput[] = [];
  for (let first = 0; first < n; first += BATCH) {
    const count = Math.min(BATCH, n - first);
    const demand = new Float64Array(count * days);
    const history = new Float64Array(count * days);
    const price = new Float64Array(count * days);
    for (let k = 0; k < count; k++) {
      const s = first + k;
      const raw = prices[s]!.subarray(from, end);
      const filled = fillPrices(raw);
      for (let t = 0; t < days; t++) {
        const onSale = !Number.isNaN(raw[t]!);
        const y = sales.sales[s]![from + t]!;
        demand[k * days + t] = onSale ? y : 0;
        history[k * days + t] = onSale ? y : NaN;
        price[k * days + t] = filled[t]!;
      }
    }
    batches.push({
      count,
      days,
      start: HISTORY_DAYS,
      epochDay0,
      demand,
      history,
      price,
      storageRate,
      cubicFeet: CUBIC_FEET,
      costShare: COST_SHARE,
      seeds: Uint32Array.from({ length: count }, (_, k) => 1_000_003 * (first + k + 1)),
      historyDays: HISTORY_DAYS,
      serviceLevel: arg('service-level') === undefined ? undefined : Number(arg('service-level')),
    });
  }
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

  printPolicyResults(outputs, { series: n, simWallMs });
  const summary = {
    loadMs: round(loadedMs, 0),
    simulationWallMs: round(simWallMs, 0),
    forecastCpuMs: round(
      outputs.reduce((a, o) => a + o.forecastMs, 0),
      0,
    ),
  };
  if (process.argv.includes('--no-scale')) {
    console.log(JSON.stringify({ bench: 'restock', ...summary }));
    return;
  }
  const scale = await planAtScale({ skus: 30_000, locations: 3, sales });
  console.log(
    JSON.stringify({
      bench: 'restock-plan-scale',
      ...scale,
      ...summary,
      totalWallMs: round(performance.now() - started, 0),
    }),
  );
}

/** One JSON line per variant × policy: fill rate, inventory, costs, orders and the policy's share of the wall time. */
function printPolicyResults(
  outputs: readonly RestockWorkerOutput[],
  run: { series: number; simWallMs: number },
): void {
  const { series: n, simWallMs } = run;
  for (const variant of ['fixed14', 'random10to30'] as const) {
    const cpu = POLICIES.reduce((s, p) => s + outputs.reduce((a, o) => a + o.ms[variant][p], 0), 0);
    for (const policy of POLICIES) {
      const t: Totals = emptyTotals();
      for (const o of outputs)
        for (const k of Object.keys(t) as (keyof Totals)[]) t[k] += o.totals[variant][policy][k];
      const policyCpu = outputs.reduce((a, o) => a + o.ms[variant][policy], 0);
      const holding = t.capitalCost + t.storageCost;
      console.log(
        JSON.stringify({
          bench: 'restock',
          variant,
          policy,
          ...(policy === 'stockwise' ? { serviceLevel: arg('service-level') ?? 'economics' } : {}),
          series: n,
          days: SIM_DAYS,
          fillRate: round(t.sold / t.demand, 4),
          avgDaysOfInventory: round(t.onHandDays / t.demand, 2),
          avgUnitsOnHand: round(t.onHandDays / SIM_DAYS, 0),
          avgExcessUnits: round(t.excessDays / SIM_DAYS, 0),
          totalCost: round(holding + t.lostMargin, 0),
          holdingCost: round(t.capitalCost, 0),
          storageCost: round(t.storageCost, 0),
          lostMargin: round(t.lostMargin, 0),
          orders: t.orders,
          // Wall time of this policy: its share of the simulation's CPU time, scaled to the run's wall time.
          wallMs: round((simWallMs * policyCpu) / Math.max(1, cpu), 0),
        }),
      );
    }
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

await main();
