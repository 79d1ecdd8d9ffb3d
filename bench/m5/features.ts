/**
 * Builds the pooled effect factors for the M5 series (calendar, SNAP, price relative to the
 * regular price) and the censoring mask. Pure array work over loaded data; estimation is in domain.
 */
import type { EffectFactor } from '../../packages/domain/src/forecasting/pooled-effects';
import type { Calendar, SalesTable } from './load';

const indexer = (values: readonly string[]): { of: (v: string) => number; size: number } => {
  const map = new Map<string, number>();
  for (const v of values) if (!map.has(v)) map.set(v, map.size);
  return { of: (v) => map.get(v)!, size: map.size };
};

export interface FactorChoice {
  readonly weekdayGroup: boolean;
  readonly weekdaySeries: boolean;
  readonly events: boolean;
  readonly snap: boolean;
  readonly price: boolean;
}

export const ALL_FACTORS: FactorChoice = {
  weekdayGroup: true,
  weekdaySeries: true,
  events: true,
  snap: true,
  price: true,
};

/**
 * Kept by ablation on origin 1913 (WRMSSE, lower is better; all factors on: 0.6877): without SNAP
 * 0.766, without events 0.703, without the pooled weekday shape 0.698. The per-series weekday
 * factor (0.6849 without it) and the price-ratio bins (0.6873 without them) did not help, so they
 * are off. SNAP per store × dept beat SNAP per state × dept (0.6691 vs 0.6798); events per dept
 * instead of per category did not help (0.6700).
 */
export const DEFAULT_FACTORS: FactorChoice = {
  weekdayGroup: true,
  weekdaySeries: false,
  events: true,
  snap: true,
  price: false,
};

/** Regular price = highest price of the last 13 weeks; bins of price / regular, −1 = regular. */
function priceBins(price: Float64Array, days: number): Int16Array {
  const out = new Int16Array(days).fill(-1);
  const lookback = 91;
  for (let t = 0; t < days; t++) {
    const p = price[t]!;
    if (Number.isNaN(p)) continue;
    let max = p;
    let min = p;
    for (let k = Math.max(0, t - lookback); k < t; k += 7) {
      const q = price[k]!;
      if (Number.isNaN(q)) continue;
      if (q > max) max = q;
      if (q < min) min = q;
    }
    const r = p / max;
    out[t] = r < 0.8 ? 0 : r < 0.9 ? 1 : r < 0.97 ? 2 : p > 1.05 * min ? 3 : -1;
  }
  return out;
}

export function buildFactors(options: {
  readonly sales: SalesTable;
  readonly calendar: Calendar;
  readonly prices: readonly Float64Array[];
  /** Days covered by codes (history + horizon). */
  readonly days: number;
  readonly choice?: FactorChoice;
}): EffectFactor[] {
  const { sales, calendar, prices, days } = options;
  const choice = options.choice ?? ALL_FACTORS;
  const n = sales.ids.length;
  const dept = indexer(sales.dept);
  const cat = indexer(sales.cat);
  const store = indexer(sales.store);
  const events = indexer(calendar.event.filter((e) => e !== ''));
  const factors: EffectFactor[] = [];
  const make = (
    name: string,
    levels: number,
    code: (s: number, t: number) => number,
    prior?: number,
  ): void => {
    const codes = Array.from({ length: n }, (_, s) => {
      const c = new Int16Array(days);
      for (let t = 0; t < days; t++) c[t] = code(s, t);
      return c;
    });
    factors.push({ name, levels, codes, ...(prior !== undefined ? { prior } : {}) });
  };
  if (choice.weekdayGroup) {
    make(
      'weekday×store×dept',
      store.size * dept.size * 7,
      (s, t) => (store.of(sales.store[s]!) * dept.size + dept.of(sales.dept[s]!)) * 7 + calendar.wday[t]!,
    );
  }
  if (choice.weekdaySeries) make('weekday×series', n * 7, (s, t) => s * 7 + calendar.wday[t]!, 30);
  if (choice.events) {
    make('event×cat', Math.max(1, events.size * cat.size), (s, t) => {
      const e = calendar.event[t]!;
      return e === '' ? -1 : events.of(e) * cat.size + cat.of(sales.cat[s]!);
    });
  }
  if (choice.snap) {
    make('snap×store×dept', store.size * dept.size, (s, t) =>
      calendar.snap[sales.state[s]!]![t] === 1
        ? store.of(sales.store[s]!) * dept.size + dept.of(sales.dept[s]!)
        : -1,
    );
  }
  if (choice.price) {
    const bins = prices.map((p) => priceBins(p, days));
    make('price-ratio×dept', dept.size * 4, (s, t) => {
      const b = bins[s]![t]!;
      return b < 0 ? -1 : dept.of(sales.dept[s]!) * 4 + b;
    });
  }
  return factors;
}

/** History with days off sale (no price) marked NaN: unknown demand, not zero demand. */
export function censorHistory(sales: Float64Array, price: Float64Array, origin: number): Float64Array {
  const y = sales.slice(0, origin);
  for (let t = 0; t < origin; t++) if (Number.isNaN(price[t]!)) y[t] = NaN;
  return y;
}
