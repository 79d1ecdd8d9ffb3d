/**
 * bench:restock's data: the last 365 days of the M5 series (after 728 days of history), cut into
 * batches of whole suppliers (store × department) for the workers. Shared by the replay (./run.ts) and
 * the span calibration (./calibrate.ts), so both see the same series, days and halves.
 */
import { mkdirSync } from 'node:fs';
import { isoDate, parseIsoDate } from '../../packages/domain/src/dates/dates';
import { storagePerCubicFootDay } from '../../packages/domain/src/fees/unit-fees';
import { US_2024_FEES } from '../../packages/domain/src/fees/us-2024.fixture';
import type { readSales } from '../m5/load';
import { readCalendar, readPrices } from '../m5/load';
import { cacheFile, forecastCodeHash } from './forecasts';
import type { RestockWorkerInput } from './worker';

export const SIM_DAYS = 365;
export const HISTORY_DAYS = 728;
const CUBIC_FEET = 0.1;
const COST_SHARE = 0.4;
const BATCH = 60;
/** The first half (tuning) is this many of the 365 days. */
export const FIRST_HALF = 182;
const D1 = '2011-01-29';

export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
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

export type Sales = Awaited<ReturnType<typeof readSales>>;

/** Reads the M5 data and cuts the first `--series N` series (all by default) into supplier batches. */
export async function replayBatches(sales: Sales): Promise<{ n: number; batches: RestockWorkerInput[] }> {
  const calendar = readCalendar();
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
  return { n, batches: supplierBatches(n, { sales, prices, from, end, epochDay0, storageRate }) };
}

/** Batches of whole suppliers (store × department), about BATCH series each. */
function supplierBatches(
  n: number,
  a: {
    sales: Sales;
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
  const hash = cacheDir === undefined ? '' : forecastCodeHash();
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
      forecastCache: cacheDir === undefined ? undefined : cacheFile(cacheDir, { series: n, batch: b, hash }),
    };
  });
}
