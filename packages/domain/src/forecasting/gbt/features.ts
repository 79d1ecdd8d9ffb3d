/**
 * Features of the catalogue-wide model (docs/forecasting.md, "Catalogue-wide model"). A row is one
 * series, one forecast origin o and one step h: it describes the target day d = o + h only through
 * what is known at o — levels and shapes of the days before o, the calendar and prices of d — so one
 * model forecasts every step directly and never reads a day on or after its origin.
 */
import type { CatalogueCalendar, CatalogueSeries } from '../catalogue-factors';

export const GBT_FEATURES = [
  'step',
  'weekday',
  'event',
  'eventNextDay',
  'payDay',
  'priceToUsual',
  'priceToLast',
  'level',
  'last7ToLevel',
  'last91ToLevel',
  'last364ToLevel',
  'weekdayToLevel',
  'lastYearShape',
  'daysSinceSale',
  'age',
  'category',
  'department',
  'location',
] as const;

/** A catalogue's series, indexed for O(1) window means. */
export interface FeatureContext {
  /** History length: the first forecast day's index. */
  readonly days: number;
  readonly series: readonly CatalogueSeries[];
  readonly histories: readonly Float64Array[];
  /** Per series: prefix sums of observed demand and of observed days (length days + 1). */
  readonly sum: readonly Float64Array[];
  readonly count: readonly Int32Array[];
  /** Per series: prefix sums of listed prices and listed days, when the series has prices. */
  readonly priceSum: readonly (Float64Array | null)[];
  readonly priceCount: readonly (Int32Array | null)[];
  readonly firstSale: Int32Array;
  readonly codes: {
    readonly category: Int32Array;
    readonly department: Int32Array;
    readonly location: Int32Array;
  };
  readonly calendar: CatalogueCalendar;
  /** Per region: the event of each calendar day as a code (0 = none). */
  readonly eventCodes: ReadonlyMap<string, Int32Array>;
}

function codesOf(values: readonly string[]): Int32Array {
  const order = new Map([...new Set(values)].sort().map((v, k) => [v, k]));
  return Int32Array.from(values, (v) => order.get(v)!);
}

function prefix(values: Float64Array, days: number): { sum: Float64Array; count: Int32Array } {
  const sum = new Float64Array(days + 1);
  const count = new Int32Array(days + 1);
  for (let t = 0; t < days; t++) {
    const v = values[t]!;
    const seen = !Number.isNaN(v);
    sum[t + 1] = sum[t]! + (seen ? v : 0);
    count[t + 1] = count[t]! + (seen ? 1 : 0);
  }
  return { sum, count };
}

export function featureContext(input: {
  readonly series: readonly CatalogueSeries[];
  /** Censored histories (NaN = unknown demand), one per series. */
  readonly histories: readonly Float64Array[];
  readonly calendar: CatalogueCalendar;
}): FeatureContext {
  const { series, histories, calendar } = input;
  const days = histories[0]?.length ?? 0;
  const demand = histories.map((h) => prefix(h, days));
  const prices = series.map((s) => (s.prices ? prefix(s.prices, days) : null));
  const names = [...new Set(Object.values(calendar.events ?? {}).flat())].filter((e) => e !== '').sort();
  const code = new Map(names.map((e, k) => [e, k + 1]));
  const eventCodes = new Map(
    Object.entries(calendar.events ?? {}).map(([region, list]) => [
      region,
      Int32Array.from(list, (e) => code.get(e) ?? 0),
    ]),
  );
  return {
    days,
    series,
    histories,
    sum: demand.map((d) => d.sum),
    count: demand.map((d) => d.count),
    priceSum: prices.map((p) => p?.sum ?? null),
    priceCount: prices.map((p) => p?.count ?? null),
    firstSale: Int32Array.from(histories, (h) => {
      const k = h.findIndex((v) => v > 0);
      return k < 0 ? days : k;
    }),
    codes: {
      category: codesOf(series.map((s) => s.category)),
      department: codesOf(series.map((s) => s.department ?? s.category)),
      location: codesOf(series.map((s) => s.location)),
    },
    calendar,
    eventCodes,
  };
}

/** Mean of observed demand over [from, to) clipped to the series' selling life; NaN when none. */
function windowMean(ctx: FeatureContext, i: number, from: number, to: number): number {
  const a = Math.max(from, ctx.firstSale[i]!, 0);
  if (to <= a) return NaN;
  const n = ctx.count[i]![to]! - ctx.count[i]![a]!;
  return n > 0 ? (ctx.sum[i]![to]! - ctx.sum[i]![a]!) / n : NaN;
}

/** Mean demand on the target day's weekday over the four weeks before the origin. */
function weekdayMean(ctx: FeatureContext, i: number, origin: number, day: number): number {
  const y = ctx.histories[i]!;
  let sum = 0;
  let n = 0;
  let t = day - 7 * Math.ceil((day - origin + 1) / 7);
  for (let k = 0; k < 4 && t >= ctx.firstSale[i]!; k++, t -= 7) {
    if (!Number.isNaN(y[t]!)) {
      sum += y[t]!;
      n++;
    }
  }
  return n > 0 ? sum / n : NaN;
}

function daysSinceSale(ctx: FeatureContext, i: number, origin: number): number {
  const y = ctx.histories[i]!;
  let k = 0;
  while (k < 120 && origin - 1 - k >= 0 && !(y[origin - 1 - k]! > 0)) k++;
  return k;
}

/** Smoothing of ratios to the level, so that a level of 0 gives finite ratios. */
const RATIO_FLOOR = 0.05;
/** The base margin is log(level + BASE_FLOOR). */
const BASE_FLOOR = 0.01;

/**
 * Fills `out` (one value per `GBT_FEATURES` entry, NaN = missing) for series `i`, origin `origin` and
 * step `step`, reading days before the origin only, and returns the row's base margin (log of the
 * level: 0.6 × the last 28 days' mean + 0.4 × the last 91 days'), or NaN when the series has fewer
 * than 7 observed days in the 28 before the origin.
 */
export function rowFeatures(
  ctx: FeatureContext,
  row: { readonly series: number; readonly origin: number; readonly step: number },
  out: Float64Array,
): number {
  const { series: i, origin: o, step: h } = row;
  const d = o + h;
  const first = Math.max(o - 28, ctx.firstSale[i]!);
  if (first >= o || ctx.count[i]![o]! - ctx.count[i]![first]! < 7) return NaN;
  const m28 = windowMean(ctx, i, o - 28, o);
  const m91 = windowMean(ctx, i, o - 91, o);
  const level = 0.6 * m28 + 0.4 * (Number.isNaN(m91) ? m28 : m91);
  const ratio = (v: number): number => (v + RATIO_FLOOR) / (level + RATIO_FLOOR);
  const s = ctx.series[i]!;
  const events = ctx.eventCodes.get(s.region);
  const pay = ctx.calendar.payDays?.[s.region];
  const priceAt = (t: number): number => s.prices?.[t] ?? NaN;
  const ps = ctx.priceSum[i];
  const pc = ctx.priceCount[i];
  const from = Math.max(0, o - 364);
  const usual = ps && pc && pc[o]! > pc[from]! ? (ps[o]! - ps[from]!) / (pc[o]! - pc[from]!) : NaN;
  const lastYear = windowMean(ctx, i, d - 367, d - 360);
  const lastYearLevel = windowMean(ctx, i, o - 392, o - 364);
  out[0] = h;
  out[1] = ctx.calendar.weekday[d] ?? NaN;
  out[2] = events?.[d] ?? 0;
  out[3] = events?.[d + 1] ?? 0;
  out[4] = pay?.[d] ?? 0;
  out[5] = priceAt(d) / usual;
  out[6] = priceAt(d) / priceAt(o - 1);
  out[7] = level;
  out[8] = ratio(windowMean(ctx, i, o - 7, o));
  out[9] = ratio(m91);
  out[10] = ratio(windowMean(ctx, i, o - 364, o));
  out[11] = ratio(weekdayMean(ctx, i, o, d));
  out[12] = (lastYear + RATIO_FLOOR) / (lastYearLevel + RATIO_FLOOR);
  out[13] = daysSinceSale(ctx, i, o);
  out[14] = Math.min(o - ctx.firstSale[i]!, 1000);
  out[15] = ctx.codes.category[i]!;
  out[16] = ctx.codes.department[i]!;
  out[17] = ctx.codes.location[i]!;
  return Math.log(level + BASE_FLOOR);
}
