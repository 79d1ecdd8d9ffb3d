/**
 * The pooled effect factors of a catalogue forecast (docs/forecasting.md, "Pooled effects"): which
 * days of which series share a multiplicative effect. Estimation is `fitPooledEffects`.
 */
import { inScope } from './event-scope';
import { priceEventMultiplier } from './planned-prices';
import type { EffectFactor } from './pooled-effects';

/** One series of a catalogue: a SKU at a location (or over the network). */
export interface CatalogueSeries {
  /** The SKU (seller events scoped to a list of SKUs match it). */
  readonly sku: string;
  /** Daily demand before the first forecast day; NaN = censored (stock-out, unknown). */
  readonly history: Float64Array;
  readonly category: string;
  /** A finer product group (M5 department); defaults to the category. */
  readonly department?: string;
  /** The location (store, warehouse) or a network key: weekday and pay-day shapes pool per location. */
  readonly location: string;
  /** Key of the calendar the series follows (marketplace or state). */
  readonly region: string;
  /** Sale price per day over history and horizon; NaN = not listed (those days are censored). */
  readonly prices?: Float64Array;
  /** Price elasticity of demand (`estimatePriceResponse`) for planned price changes; default the prior. */
  readonly elasticity?: number;
}

/** Calendar over history and horizon (index 0 = first history day). */
export interface CatalogueCalendar {
  /** Day of the week per day, 0…6 (any fixed convention). */
  readonly weekday: ArrayLike<number>;
  /** Per region: the name of the holiday or retail event on each day ('' = none). */
  readonly events?: Readonly<Record<string, readonly string[]>>;
  /** Per region: 1 on pay days / benefit days (M5's SNAP), else 0. */
  readonly payDays?: Readonly<Record<string, ArrayLike<number>>>;
}

/** What a seller event applies to. */
export type EventScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'category'; readonly category: string }
  | { readonly kind: 'skus'; readonly skus: readonly string[] };

/** A seller-entered event or promotion over days [from, to) (indices as in the calendar). */
export interface CatalogueEvent {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly scope: EventScope;
  /**
   * Known multiplier of demand (1.5 = +50%), or null to learn it from earlier days of the same name
   * (an event with a price factor is never learned: its price response is its effect).
   */
  readonly lift: number | null;
  /** Planned price ÷ current price over the event (0.8 = 20% off), or null/absent: no price change. */
  readonly priceFactor?: number | null;
}

/** Which pooled effects a catalogue forecast estimates. */
export interface EffectChoice {
  /** Weekday × location × department. */
  readonly weekdayGroup: boolean;
  /** Weekday × series (shrunk hard): one weekly shape per series. */
  readonly weekdaySeries: boolean;
  /** Calendar event × category, and learned seller events × category. */
  readonly events: boolean;
  /** Pay day × location × department. */
  readonly payDays: boolean;
  /** Price relative to the regular price (4 bins) × department. */
  readonly price: boolean;
}

/**
 * Kept by ablation on M5 origin 1913 (WRMSSE, lower is better; all effects on: 0.6877): without
 * pay days 0.766, without events 0.703, without the pooled weekday shape 0.698. The per-series
 * weekday effect (0.6849 without it) and the price bins (0.6873 without them) did not help, so they
 * are off. Pay days per location × department beat per region × department (0.6691 vs 0.6798);
 * events per department instead of per category did not help (0.6700). Re-checked on the validation
 * origins 1885, 1857 and 1829 (decision 50): mean 0.6868 with the price bins on (as with them off),
 * 0.6882 with the per-series weekday effect on.
 */
export const DEFAULT_EFFECTS: EffectChoice = {
  weekdayGroup: true,
  weekdaySeries: false,
  events: true,
  payDays: true,
  price: false,
};

export const NO_EFFECTS: EffectChoice = {
  weekdayGroup: false,
  weekdaySeries: false,
  events: false,
  payDays: false,
  price: false,
};

const indexer = (values: Iterable<string>): { of: (v: string) => number; size: number; list: string[] } => {
  const map = new Map<string, number>();
  for (const v of values) if (!map.has(v)) map.set(v, map.size);
  return { of: (v) => map.get(v) ?? -1, size: map.size, list: [...map.keys()] };
};

/** Every combination of the lists' values, first list slowest: the labels of a product of levels. */
const labelsOf = (...lists: readonly (readonly string[])[]): string[] =>
  lists.reduce<string[]>(
    (out, list) => out.flatMap((a) => list.map((b) => (a === '' ? b : `${a}|${b}`))),
    [''],
  );
const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'];

/**
 * Price bin of each day: the regular price is the highest of the last 13 weeks (same weekday);
 * bins of price / regular: < 0.8, < 0.9, < 0.97, and above the 13-week low by 5% (a price rise);
 * −1 = regular or not listed.
 */
export function priceBins(price: Float64Array, days: number): Int16Array {
  const out = new Int16Array(days).fill(-1);
  const lookback = 91;
  for (let t = 0; t < days; t++) {
    const p = price[t] ?? NaN;
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

/** The factors of `choice` for every series over `days` days (history + horizon). */
export function catalogueFactors(options: {
  readonly series: readonly CatalogueSeries[];
  readonly calendar: CatalogueCalendar;
  readonly events: readonly CatalogueEvent[];
  readonly days: number;
  readonly choice: EffectChoice;
}): EffectFactor[] {
  const { series, calendar, days, choice } = options;
  const dept = indexer(series.map((s) => s.department ?? s.category));
  const cat = indexer(series.map((s) => s.category));
  const location = indexer(series.map((s) => s.location));
  const calendarEvents = indexer(
    Object.values(calendar.events ?? {}).flatMap((names) => names.filter((e) => e !== '')),
  );
  const learned = options.events.filter((e) => e.lift === null && e.priceFactor == null);
  const learnedNames = indexer(learned.map((e) => e.name));
  const groupOf = (s: CatalogueSeries): number =>
    location.of(s.location) * dept.size + dept.of(s.department ?? s.category);
  const factors: EffectFactor[] = [];
  const make = (
    name: string,
    labels: readonly string[],
    code: (s: number, t: number) => number,
    prior?: number,
  ) => {
    const codes = series.map((_, s) => {
      const c = new Int16Array(days);
      for (let t = 0; t < days; t++) c[t] = code(s, t);
      return c;
    });
    const levels = Math.max(1, labels.length);
    factors.push({ name, levels, labels, codes, ...(prior !== undefined ? { prior } : {}) });
  };
  const weekday = (t: number): number => calendar.weekday[t] ?? 0;
  if (choice.weekdayGroup) {
    make('weekday×location×department', labelsOf(location.list, dept.list, WEEKDAYS), (s, t) => {
      return groupOf(series[s]!) * 7 + weekday(t);
    });
  }
  if (choice.weekdaySeries) {
    const keys = series.map((s) => `${s.sku}@${s.location}`);
    make('weekday×series', labelsOf(keys, WEEKDAYS), (s, t) => s * 7 + weekday(t), 30);
  }
  if (choice.events && calendarEvents.size > 0) {
    make('event×category', labelsOf(calendarEvents.list, cat.list), (s, t) => {
      const e = calendar.events?.[series[s]!.region]?.[t] ?? '';
      return e === '' ? -1 : calendarEvents.of(e) * cat.size + cat.of(series[s]!.category);
    });
  }
  if (choice.events && learned.length > 0) {
    const codes = series.map((s) => {
      const c = new Int16Array(days).fill(-1);
      for (const e of learned) {
        if (!inScope(e, s)) continue;
        const code = learnedNames.of(e.name) * cat.size + cat.of(s.category);
        for (let t = Math.max(0, e.from); t < Math.min(days, e.to); t++) c[t] = code;
      }
      return c;
    });
    const labels = labelsOf(learnedNames.list, cat.list);
    factors.push({ name: 'seller-event×category', levels: labels.length, labels, codes });
  }
  if (choice.payDays && calendar.payDays) {
    const payDays = calendar.payDays;
    make('payday×location×department', labelsOf(location.list, dept.list), (s, t) =>
      payDays[series[s]!.region]?.[t] === 1 ? groupOf(series[s]!) : -1,
    );
  }
  if (choice.price && series.some((s) => s.prices)) {
    const bins = series.map((s) => (s.prices ? priceBins(s.prices, days) : new Int16Array(days).fill(-1)));
    make('price-ratio×department', labelsOf(dept.list, ['0', '1', '2', '3']), (s, t) => {
      const b = bins[s]![t]!;
      return b < 0 ? -1 : dept.of(series[s]!.department ?? series[s]!.category) * 4 + b;
    });
  }
  return factors;
}

/**
 * Per series, the product of the known lifts of seller events and of the price response to their
 * planned price changes (`priceEventMultiplier`) over days [0, days).
 */
export function knownLifts(options: {
  readonly series: CatalogueSeries;
  readonly events: readonly CatalogueEvent[];
  readonly days: number;
}): Float64Array | undefined {
  let out: Float64Array | undefined;
  for (const e of options.events) {
    if (!inScope(e, options.series)) continue;
    const lift = (e.lift !== null && e.lift > 0 ? e.lift : 1) * priceEventMultiplier(e, options.series);
    if (lift === 1) continue;
    out ??= new Float64Array(options.days).fill(1);
    for (let t = Math.max(0, e.from); t < Math.min(options.days, e.to); t++) out[t] = out[t]! * lift;
  }
  return out;
}
