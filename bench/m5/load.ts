/**
 * Reads the M5 files in place (docs/forecasting.md benchmark data), gunzipping in-stream. I/O lives here,
 * never in the domain package.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** The shared benchmark data sit beside the checkout (`../shared/data/m5`); STOCKWISE_M5_DIR overrides. */
export const M5_DIR = process.env['STOCKWISE_M5_DIR'] ?? join(import.meta.dirname, '../../../shared/data/m5');

export interface SalesTable {
  readonly ids: string[];
  readonly item: string[];
  readonly dept: string[];
  readonly cat: string[];
  readonly store: string[];
  readonly state: string[];
  /** Units per day d_1…d_days, one array per series. */
  readonly sales: Float64Array[];
  readonly days: number;
}

function lines(path: string): AsyncIterable<string> {
  const input = createReadStream(path);
  return createInterface({
    input: path.endsWith('.gz') ? input.pipe(createGunzip()) : input,
    crlfDelay: Infinity,
  });
}

export async function readSales(dir = M5_DIR): Promise<SalesTable> {
  const t: SalesTable = { ids: [], item: [], dept: [], cat: [], store: [], state: [], sales: [], days: 0 };
  let days = 0;
  for await (const line of lines(join(dir, 'sales_train_evaluation_subset2147.csv.gz'))) {
    const p = line.split(',');
    if (days === 0) {
      days = p.length - 6;
      continue;
    }
    t.ids.push(p[0]!);
    t.item.push(p[1]!);
    t.dept.push(p[2]!);
    t.cat.push(p[3]!);
    t.store.push(p[4]!);
    t.state.push(p[5]!);
    const v = new Float64Array(days);
    for (let d = 0; d < days; d++) v[d] = Number(p[6 + d]);
    t.sales.push(v);
  }
  return { ...t, days };
}

export interface Calendar {
  /** Index 0 is d_1. */
  readonly week: Int32Array;
  /** 0 = Saturday … 6 = Friday (M5 wday − 1). */
  readonly wday: Int32Array;
  readonly event: string[];
  readonly snap: Record<string, Uint8Array>;
  readonly days: number;
}

export function readCalendar(dir = M5_DIR): Calendar {
  const rows = readFileSync(join(dir, 'calendar.csv'), 'utf8').trim().split('\n').slice(1);
  const n = rows.length;
  const cal: Calendar = {
    week: new Int32Array(n),
    wday: new Int32Array(n),
    event: [],
    snap: { CA: new Uint8Array(n), TX: new Uint8Array(n), WI: new Uint8Array(n) },
    days: n,
  };
  rows.forEach((row, d) => {
    const p = row.split(',');
    cal.week[d] = Number(p[1]);
    cal.wday[d] = Number(p[3]) - 1;
    cal.event.push(p[7] ?? '');
    cal.snap['CA']![d] = Number(p[11]);
    cal.snap['TX']![d] = Number(p[12]);
    cal.snap['WI']![d] = Number(p[13]);
  });
  return cal;
}

/**
 * Daily sell prices for the given series (NaN when the item was not on sale). Streams the 6.8M-row
 * file and keeps only rows whose store×item is wanted.
 */
export async function readPrices(options: {
  readonly keys: readonly string[];
  readonly calendar: Calendar;
  readonly dir?: string;
}): Promise<Float64Array[]> {
  const index = new Map<string, number>();
  options.keys.forEach((k, i) => index.set(k, i));
  const { calendar } = options;
  // wm_yr_wk → day indices of that week.
  const weekDays = new Map<number, number[]>();
  for (let d = 0; d < calendar.days; d++) {
    const w = calendar.week[d]!;
    const list = weekDays.get(w) ?? [];
    list.push(d);
    weekDays.set(w, list);
  }
  const prices = options.keys.map(() => new Float64Array(calendar.days).fill(NaN));
  const stream = createReadStream(join(options.dir ?? M5_DIR, 'sell_prices.csv.gz')).pipe(createGunzip());
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + chunk.toString('latin1');
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      const c2 = text.indexOf(',', text.indexOf(',', start) + 1);
      const i = index.get(text.slice(start, c2));
      if (i !== undefined) {
        const c3 = text.indexOf(',', c2 + 1);
        const week = Number(text.slice(c2 + 1, c3));
        const price = Number(text.slice(c3 + 1, end));
        const days = weekDays.get(week);
        if (days) for (const d of days) prices[i]![d] = price;
      }
      start = end + 1;
    }
    rest = text.slice(start);
  }
  return prices;
}

/** Organisers' Level-12 dollar sales (d_1914…d_1941) keyed "item|store", to check our price join. */
export async function readLevel12Dollars(dir = M5_DIR): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for await (const line of lines(join(dir, 'weights_evaluation.csv.gz'))) {
    if (!line.startsWith('"Level12"')) continue;
    const p = line.split(',').map((x) => x.replace(/"/g, ''));
    out.set(`${p[1]!}|${p[2]!}`, Number(p[3]));
  }
  return out;
}
