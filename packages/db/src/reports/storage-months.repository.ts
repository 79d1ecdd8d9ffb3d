import { columnArrays } from '../bulk';
import type { Sql } from '../database';
import { amazonLocationsSql, locationScopeSql } from '../health/product-scope';
import { bracketAmountSql, bracketUnitsColumn, openLayersSql } from './layer-sums';
import type { StorageRow } from './storage.repository';
import { LOCATION_COLUMNS, PRODUCT_COLUMNS, averageOnHandSql } from './storage.repository';

/** Months since year 0 of 'YYYY-MM'. */
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

/** One month of the storage report: its 'YYYY-MM' and the day it is taken on (the days before it count). */
export interface StorageMonthParam {
  month: string;
  asOf: string;
}

/** One surcharge bracket of the table pricing a location in a month (its index in `months`). */
export interface MonthBracketParam {
  month: number;
  locationId: number;
  /** The month's assessment day in the table pricing the location, 'YYYY-MM-DD'. */
  assessment: string;
  minDays: number;
  maxDays: number | null;
  perCubicFoot: number;
  perUnit: number;
}

/** A storage report row of one of the months asked for (its index in `months`) with its aged surcharge. */
export interface StorageMonthRow extends StorageRow {
  month: number;
  surcharge: number;
}

/**
 * The storage report's rows of several months (consecutive, in order) in one statement, in month, SKU × location order: each
 * balance row's average daily on hand over the month's days before its `asOf`, and the aged surcharge of
 * today's open layers aged to the month's assessment day at its location (`brackets`, the tables' rates) —
 * what `storageRepository.statement` reads for one month, for every month at once.
 */
export async function storageMonthRows(
  sql: Sql,
  accountId: number,
  q: {
    months: readonly StorageMonthParam[];
    brackets: readonly MonthBracketParam[];
    locationIds?: readonly number[] | undefined;
  },
): Promise<StorageMonthRow[]> {
  if (q.months.length === 0) return [];
  q.months.forEach((m, i) => {
    const previous = q.months[i - 1];
    if (previous !== undefined && monthIndex(m.month) !== monthIndex(previous.month) + 1)
      throw new RangeError(`storage months must follow one another: ${previous.month} then ${m.month}`);
  });
  const params: unknown[] = [
    accountId,
    q.months.map((m) => `${m.month}-01`),
    q.months.map((m) => m.asOf),
    // the day the layers' ages are taken on; a month's age is that plus the days to its assessment day
    q.months[0]!.asOf,
    ...columnArrays(q.brackets, [
      'month',
      'locationId',
      'assessment',
      'minDays',
      'maxDays',
      'perCubicFoot',
      'perUnit',
    ]),
  ];
  const scope = locationScopeSql(params, q.locationIds);
  const amazon = amazonLocationsSql(params);
  const layers = openLayersSql('$4', {
    amazon: 'SELECT id FROM amz',
    where: 'x.account_id = $1 AND x.location_id IN (SELECT id FROM scope)',
  });
  const units = bracketUnitsColumn(0);
  const amount = bracketAmountSql(
    { perCuft: 'bu.per_cuft', perUnit: 'bu.per_unit' },
    0,
    'bu',
    'coalesce(p.cubic_feet, 0)',
  );
  const rows = await sql.query<Record<string, unknown>>(
    `WITH scope AS MATERIALIZED (SELECT x.id FROM (${scope}) AS x(id)), amz AS MATERIALIZED (${amazon}),
     mo AS MATERIALIZED (
       SELECT (t.i - 1)::int AS m, t.s AS start, GREATEST(0, LEAST((t.s + interval '1 month')::date, t.a) - t.s) AS n
       FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS t(s, a, i)
     ),
     -- each movement in the month it falls in (the last month's for any after it), read once
     mv AS (
       SELECT x.product_id, x.location_id, x.day, x.delta,
         LEAST(date_trunc('month', x.day)::date, (SELECT max(start) FROM mo)) AS month
       FROM (
         SELECT y.product_id, y.location_id, (y.occurred_at AT TIME ZONE 'UTC')::date AS day, y.on_hand_delta AS delta
         FROM stock_movements y
         WHERE y.account_id = $1 AND y.occurred_at >= ((SELECT min(start) FROM mo)::timestamp AT TIME ZONE 'UTC')
           AND y.location_id IN (SELECT id FROM scope)
       ) x
       OFFSET 0
     ),
     -- per SKU × location × month: its change, and Σ delta × (days − day) over the month's days before its asOf
     bk AS MATERIALIZED (
       SELECT mo.m, mo.start, mv.product_id, mv.location_id, sum(mv.delta) AS total,
         coalesce(sum(mv.delta * (mo.n - (mv.day - mo.start))) FILTER (WHERE mv.day - mo.start < mo.n), 0) AS weighted
       FROM mv JOIN mo ON mo.start = mv.month
       GROUP BY mo.m, mo.start, mv.product_id, mv.location_id
     ),
     -- per month: the change since its first day (its own and every later month's) and its weighted sum
     agg AS MATERIALIZED (
       SELECT mo.m, bk.product_id, bk.location_id, sum(bk.total)::bigint AS since_start,
         coalesce(sum(bk.weighted) FILTER (WHERE bk.m = mo.m), 0)::bigint AS weighted
       FROM mo JOIN bk ON bk.start >= mo.start
       GROUP BY mo.m, bk.product_id, bk.location_id
     ),
     lay AS MATERIALIZED (${layers}),
     br AS (
       SELECT t.* FROM unnest($5::int[], $6::int[], $7::date[], $8::int[], $9::int[], $10::numeric[], $11::numeric[])
         WITH ORDINALITY AS t(m, location_id, assessment, min_days, max_days, per_cuft, per_unit, k)
     ),
     bu AS (
       SELECT br.m, lay.product_id, lay.location_id, br.k, br.per_cuft, br.per_unit, sum(lay.q)::int AS ${units}
       FROM lay JOIN br ON br.location_id = lay.location_id
       CROSS JOIN LATERAL (SELECT lay.age + (br.assessment - $4::date) AS age) a
       WHERE a.age >= br.min_days AND (br.max_days IS NULL OR a.age <= br.max_days)
       GROUP BY br.m, lay.product_id, lay.location_id, br.k, br.per_cuft, br.per_unit
     ),
     sur AS (
       SELECT bu.m, bu.product_id, bu.location_id, sum(${amount}) AS surcharge
       FROM bu JOIN products p ON p.id = bu.product_id GROUP BY bu.m, bu.product_id, bu.location_id
     )
     SELECT mo.m AS month, ${PRODUCT_COLUMNS}, ${LOCATION_COLUMNS},
       CASE WHEN mo.n = 0 THEN s.on_hand ELSE ${averageOnHandSql('mo.n')} END AS "averageOnHand",
       coalesce(sur.surcharge, 0) AS surcharge
     FROM products p JOIN stock_balances s ON s.product_id = p.id AND s.account_id = $1
     JOIN locations l ON l.id = s.location_id CROSS JOIN mo
     LEFT JOIN agg ON agg.m = mo.m AND agg.product_id = s.product_id AND agg.location_id = s.location_id
     LEFT JOIN sur ON sur.m = mo.m AND sur.product_id = s.product_id AND sur.location_id = s.location_id
     WHERE p.account_id = $1 AND s.location_id IN (SELECT id FROM scope)
       AND (s.on_hand > 0 OR s.inbound > 0 OR agg.since_start IS NOT NULL)
     ORDER BY mo.m, p.sku, l.code`,
    params,
  );
  return rows.map((r) => ({
    ...(r as unknown as StorageRow),
    month: Number(r['month']),
    surcharge: Number(r['surcharge']),
  }));
}
