import { AGE_BUCKETS, AGE_WARNING_THRESHOLDS } from '@stockwise/domain/health/age';

/** One surcharge bracket, as the fee schedule holds it. */
export interface BracketParam {
  minDays: number;
  maxDays: number | null;
  perCubicFoot: number;
  perUnit: number;
}

/** Units reaching an age threshold within the warning window, and in how many days the first of them does. */
export interface ApproachingThreshold {
  threshold: number;
  units: number;
  daysUntil: number;
}

/** The columns the layer sums yield, by position in the domain's lists and the schedule's brackets. */
export const bucketColumn = (i: number) => `b${String(i)}`;
export const bracketUnitsColumn = (i: number) => `u${String(i)}`;
export const bracketAmountColumn = (i: number) => `a${String(i)}`;
export const warnUnitsColumn = (i: number) => `w${String(i)}`;
export const warnDaysColumn = (i: number) => `d${String(i)}`;

/** A numeric parameter pushed onto `params`, as its placeholder. */
function param(params: unknown[], value: number | null, type: 'int' | 'numeric'): string {
  params.push(value);
  return `$${String(params.length)}::${type}`;
}

/** `age` (an expression) within [min, max] (no bound where the range has none), the bounds pushed onto `params`. */
function ageWithin(
  params: unknown[],
  range: { minDays: number | null; maxDays: number | null },
  age = 'age',
): string {
  const bounds = [];
  if (range.minDays !== null) bounds.push(`${age} >= ${param(params, range.minDays, 'int')}`);
  if (range.maxDays !== null) bounds.push(`${age} <= ${param(params, range.maxDays, 'int')}`);
  return bounds.length > 0 ? bounds.join(' AND ') : 'true';
}

export interface LayerSums {
  /** The aggregate columns, over rows with `q` (units), `age` (days), `received_at` and `arrived_at`. */
  columns: string;
  /** Each bracket's rates, as placeholders. */
  brackets: { perCuft: string; perUnit: string }[];
}

/**
 * Sums over open FIFO layers (rows with `q`, `age`, `received_at`, `arrived_at`): units per age bucket
 * (domain/health/age.ts AGE_BUCKETS; layers younger than the first bucket count in it, as ageBucketOf
 * does), units per surcharge bracket, and, when `warnDays` is given, units reaching each warning
 * threshold (AGE_WARNING_THRESHOLDS) within that many days with the soonest day; then the oldest receipt
 * (the seller's age) and the oldest arrival at the network. With `bracketDaysAhead`, the brackets take
 * the age the units will have that many days on (the next assessment day), the buckets today's.
 * Every bound and rate is a parameter pushed onto `params`: the rules live in the domain and the fee table.
 */
export function layerSums(
  params: unknown[],
  options: { brackets: readonly BracketParam[]; warnDays: string | null; bracketDaysAhead?: number },
): LayerSums {
  const sum = (filter: string, column: string) =>
    `coalesce(sum(q) FILTER (WHERE ${filter}), 0)::int AS ${column}`;
  // the age report's sums (buckets and warnings); the storage report's surcharge needs only the brackets
  const { warnDays } = options;
  const buckets =
    warnDays === null
      ? []
      : AGE_BUCKETS.map((b, i) => {
          const range = { minDays: i === 0 ? null : b.minDays, maxDays: b.maxDays };
          return sum(ageWithin(params, range), bucketColumn(i));
        });
  // surcharge brackets at the age the units will have on the assessment day, `bracketDaysAhead` days on
  const ahead = options.bracketDaysAhead ?? 0;
  const bracketAge = ahead === 0 ? 'age' : `(age + ${param(params, ahead, 'int')})`;
  const units = options.brackets.map((b, i) => sum(ageWithin(params, b, bracketAge), bracketUnitsColumn(i)));
  const warnings =
    warnDays === null
      ? []
      : AGE_WARNING_THRESHOLDS.map((t, i) => {
          const until = `${param(params, t, 'int')} - age`;
          const within = `${until} BETWEEN 1 AND ${warnDays}`;
          return `${sum(within, warnUnitsColumn(i))}, min(${until}) FILTER (WHERE ${within}) AS ${warnDaysColumn(i)}`;
        });
  const brackets = options.brackets.map((b) => ({
    perCuft: param(params, b.perCubicFoot, 'numeric'),
    perUnit: param(params, b.perUnit, 'numeric'),
  }));
  return {
    columns: [
      ...buckets,
      ...units,
      ...warnings,
      'min(received_at) AS oldest',
      'min(arrived_at) AS oldest_arrived',
    ].join(',\n      '),
    brackets,
  };
}

/**
 * Each bracket's amount: its units (column `u<i>` of `sums`) × GREATEST(per cu ft × volume, per unit) —
 * the same for every layer of a SKU, so only units are summed per layer.
 */
export const bracketAmountSql = (
  bracket: { perCuft: string; perUnit: string },
  i: number,
  sums: string,
  cuft: string,
) =>
  `GREATEST(${bracket.perCuft} * ${cuft}, ${bracket.perUnit}) * coalesce(${sums}.${bracketUnitsColumn(i)}, 0)`;

/**
 * The open layers of the account (or those `where` selects) with their age on `asOf` (placeholder), one
 * row per layer. A layer's age is its network's (docs/vocabulary.md#age-layers-fifo): at Amazon's
 * locations (`amazon`, a subquery of ids) days since its arrival at Amazon, elsewhere the seller's age
 * (days since receipt).
 */
export const openLayersSql = (asOf: string, options: { amazon: string; where?: string }) =>
  `SELECT x.product_id, x.location_id, x.quantity_remaining AS q, x.received_at, x.arrived_at,
      (${asOf}::date - ((CASE WHEN x.location_id IN (${options.amazon}) THEN x.arrived_at ELSE x.received_at END)
        AT TIME ZONE 'UTC')::date) AS age
    FROM age_layers x WHERE ${options.where ?? 'x.account_id = $1'} AND x.quantity_remaining > 0
    OFFSET 0 -- each layer's age computed once, not once per aggregate that reads it
  `;

/** Approaching thresholds from a row of layer sums: those with units, in the domain's threshold order. */
export function approachingOf(row: Record<string, unknown>): ApproachingThreshold[] {
  return AGE_WARNING_THRESHOLDS.map((threshold, i) => ({
    threshold,
    units: Number(row[warnUnitsColumn(i)] ?? 0),
    daysUntil: Number(row[warnDaysColumn(i)] ?? 0),
  })).filter((w) => w.units > 0);
}

/** Units per age bucket from a row of layer sums, in AGE_BUCKETS order. */
export const bucketsOf = (row: Record<string, unknown>): number[] =>
  AGE_BUCKETS.map((_, i) => Number(row[bucketColumn(i)] ?? 0));

/** Units and amounts per bracket from a row, in the schedule's bracket order. */
export const bracketsOf = (row: Record<string, unknown>, brackets: readonly unknown[]) => ({
  bracketUnits: brackets.map((_, i) => Number(row[bracketUnitsColumn(i)] ?? 0)),
  bracketAmounts: brackets.map((_, i) => Number(row[bracketAmountColumn(i)] ?? 0)),
});
