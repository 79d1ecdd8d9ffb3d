import type { SizeTier, StorageType } from '@stockwise/domain/catalog/dimensions';
import { storageTypeOf } from '@stockwise/domain/catalog/dimensions';
import { CAPACITY_PROJECTION_DAYS } from '@stockwise/domain/fees/fee-schedule';
import type { Sql } from '../database';
import type { ProductScope } from '../health/product-scope';
import {
  SCOPED_BALANCES_SQL,
  amazonLocationsSql,
  locationScopeSql,
  movementRangesSql,
  productScopeSql,
} from '../health/product-scope';
import type { BracketParam } from './layer-sums';
import type { ProductAtLocation } from './report-statement';
import { bracketAmountSql, layerSums, openLayersSql } from './layer-sums';
import type { ReportStatement } from './report-statement';
import { sameRows } from './report-statement';

/** Volume and average daily on hand of a SKU at a location (the basis of the monthly storage fee). */
export interface StorageRow extends ProductAtLocation {
  length: number | null;
  width: number | null;
  height: number | null;
  dimensionUnit: string;
  weight: number | null;
  weightUnit: string;
  /** Average daily on hand over the days of the month before `asOf` (on hand now if none). */
  averageOnHand: number;
}

export interface CapacityRow {
  location: string;
  marketplace: string | null;
  locationType: string;
  storageType: StorageType;
  limits: Record<string, number>;
  usedCubicFeet: number;
  /** Projected volume at the end of the next two periods (CAPACITY_PROJECTION_DAYS): on hand + inbound − forecast demand. */
  projected30: number;
  projected60: number;
}

interface StorageQuery {
  /** 'YYYY-MM'. */
  month: string;
  asOf: string;
  /** The locations the report covers (Amazon's by default). */
  locationIds?: readonly number[] | undefined;
}

/** The product's columns of a StorageRow, named as its fields. */
export const PRODUCT_COLUMNS = `p.id AS "productId", p.sku, p.title, p.asin, p.fnsku, p.length, p.width, p.height,
  p.dimension_unit AS "dimensionUnit", p.weight, p.weight_unit AS "weightUnit", p.cubic_feet AS "cubicFeet", p.size_tier AS "sizeTier"`;
/** The location's and balance's columns of a StorageRow (alias l and s), named as its fields. */
export const LOCATION_COLUMNS = `l.code AS location, l.type AS "locationType", l.marketplace, s.on_hand AS "onHand", s.inbound`;

/**
 * The month's days before `asOf` ($2 = the month's first day, $3 = asOf), and per SKU × location from its
 * `movements` (product_id, location_id, day from $2, delta): the change since the month began and
 * Σ delta × (days − day), from which `averageOnHandSql` rebuilds the average daily on hand.
 */
const monthMovementSums = (movements: string) => `
  span AS (SELECT GREATEST(0, LEAST(($2::date + interval '1 month')::date, $3::date) - $2::date) AS n),
  agg AS MATERIALIZED (
    SELECT m.product_id, m.location_id, sum(m.delta) AS since_start,
      coalesce(sum(m.delta * (span.n - m.day)) FILTER (WHERE m.day < span.n), 0) AS weighted
    FROM (${movements}) m CROSS JOIN span GROUP BY m.product_id, m.location_id
  )`;

/** Average daily on hand over `days` days from today's balance (alias s) and its movement sums (alias agg). */
export const averageOnHandSql = (days: string) =>
  `GREATEST(0, (s.on_hand - coalesce(agg.since_start, 0)) + coalesce(agg.weighted, 0)::float8 / ${days})`;

const monthAverageSql = `CASE WHEN span.n = 0 THEN s.on_hand ELSE ${averageOnHandSql('span.n')} END AS "averageOnHand"`;

/** Days since the month's first day ($2) of the movements aliased `alias`. */
const monthDay = (alias: string) => `((${alias}.occurred_at AT TIME ZONE 'UTC')::date - $2::date)`;

/** The statement of the storage report's volumes over every balance row of the scope, in SKU × location order. */
function storageItemsSql(params: unknown[], locationIds: readonly number[] | undefined): string {
  const scope = locationScopeSql(params, locationIds);
  return `WITH scope AS MATERIALIZED (SELECT x.id FROM (${scope}) AS x(id)), ${monthMovementSums(
    `SELECT x.product_id, x.location_id, ${monthDay('x')} AS day, x.on_hand_delta AS delta
     FROM stock_movements x WHERE x.account_id = $1 AND x.occurred_at >= ($2::date::timestamp AT TIME ZONE 'UTC')
       AND x.location_id IN (SELECT id FROM scope)
     OFFSET 0`,
  )}
  SELECT ${PRODUCT_COLUMNS}, ${LOCATION_COLUMNS}, ${monthAverageSql},
    (s.on_hand > 0 OR s.inbound > 0 OR agg.since_start IS NOT NULL) AS included
  FROM products p JOIN stock_balances s ON s.product_id = p.id AND s.account_id = $1
  JOIN locations l ON l.id = s.location_id CROSS JOIN span
  LEFT JOIN agg ON agg.product_id = s.product_id AND agg.location_id = s.location_id
  WHERE p.account_id = $1 AND s.location_id IN (SELECT id FROM scope)
  ORDER BY p.sku, l.code`;
}

/**
 * Each balance row's (of the scope) aged-inventory surcharge (all brackets) of its open layers aged to $2
 * (Amazon's age at Amazon's locations), in SKU × location order.
 */
function surchargeSql(
  params: unknown[],
  q: { brackets: readonly BracketParam[]; locationIds?: readonly number[] | undefined },
): string {
  const scope = locationScopeSql(params, q.locationIds);
  const amazon = amazonLocationsSql(params);
  const sums = layerSums(params, { brackets: q.brackets, warnDays: null });
  const amount = sums.brackets.map((b, i) => bracketAmountSql(b, i, 'k', 'coalesce(p.cubic_feet, 0)'));
  const layers = openLayersSql('$2', {
    amazon: 'SELECT id FROM amz',
    where: 'x.account_id = $1 AND x.location_id IN (SELECT id FROM scope)',
  });
  return `WITH scope AS MATERIALIZED (SELECT x.id FROM (${scope}) AS x(id)), amz AS MATERIALIZED (${amazon}),
    aged AS (SELECT product_id, location_id, ${sums.columns} FROM (${layers}) x GROUP BY product_id, location_id)
    SELECT p.sku, l.code AS location, ${amount.length > 0 ? amount.join(' + ') : '0'} AS surcharge
    FROM products p JOIN stock_balances s ON s.product_id = p.id AND s.account_id = $1
    JOIN locations l ON l.id = s.location_id
    LEFT JOIN aged k ON k.product_id = s.product_id AND k.location_id = s.location_id
    WHERE p.account_id = $1 AND s.location_id IN (SELECT id FROM scope)
    ORDER BY p.sku, l.code`;
}

export const storageRepository = {
  /**
   * Volume and average daily on hand per SKU × location over the days of `month` before `asOf`
   * (the basis of the monthly storage fee), for a page of SKUs.
   */
  async page(sql: Sql, accountId: number, q: StorageQuery & ProductScope): Promise<StorageRow[]> {
    const params: unknown[] = [accountId, `${q.month}-01`, q.asOf];
    const where = productScopeSql(params, q);
    const scope = locationScopeSql(params, q.locationIds);
    const movements = movementRangesSql(
      `m.product_id, m.location_id, ${monthDay('m')} AS day, m.on_hand_delta AS delta`,
      { since: `($2::date::timestamp AT TIME ZONE 'UTC')`, locations: 'SELECT id FROM scope' },
    );
    return sql.query<StorageRow>(
      `WITH prod AS MATERIALIZED (SELECT p.* FROM products p WHERE p.account_id = $1 ${where}),
       scope AS MATERIALIZED (SELECT x.id FROM (${scope}) AS x(id)),
       items AS MATERIALIZED (SELECT i.* FROM (${SCOPED_BALANCES_SQL}) i WHERE i.location_id IN (SELECT id FROM scope)),
       ${monthMovementSums(movements)}
       SELECT ${PRODUCT_COLUMNS}, ${LOCATION_COLUMNS}, ${monthAverageSql}
       FROM prod p JOIN items s ON s.product_id = p.id
       JOIN locations l ON l.id = s.location_id CROSS JOIN span
       LEFT JOIN agg ON agg.product_id = s.product_id AND agg.location_id = s.location_id
       WHERE s.on_hand > 0 OR s.inbound > 0 OR agg.since_start IS NOT NULL
       ORDER BY p.sku, l.code`,
      params,
    );
  },

  /**
   * The whole storage report as two statements over every balance row in SKU × location order: the
   * volume and average on hand of `month` before `asOf`, and the aged-inventory surcharge (all brackets)
   * of its layers aged to `assessment`.
   */
  statement(
    accountId: number,
    q: StorageQuery & { assessment: string; brackets: readonly BracketParam[] },
  ): ReportStatement<{ storage: StorageRow; surcharge: number }> {
    const params: unknown[] = [accountId, q.assessment];
    const surcharges = surchargeSql(params, q);
    const itemParams: unknown[] = [accountId, `${q.month}-01`, q.asOf];
    const items = storageItemsSql(itemParams, q.locationIds);
    return {
      statements: [
        { text: items, params: itemParams },
        { text: surcharges, params },
      ],
      map: (rows) => {
        sameRows(rows, ['sku', 'location']);
        const [items, surcharge] = rows;
        if (items?.['included'] !== true) return null;
        const { included: _included, ...storage } = items;
        return {
          storage: storage as unknown as StorageRow,
          surcharge: Number(surcharge?.['surcharge'] ?? 0),
        };
      },
    };
  },

  /**
   * Storage utilisation ratio inputs at Amazon locations over the `days` days before each of `asOfs` (in
   * their order): average daily stored volume and average daily shipped volume (cubic feet). One
   * statement for every window: the movements are read once, from the earliest window's first day, and
   * summed once per stretch between two consecutive window edges (every window's first day and its
   * `asOf`); each window then adds up the stretches it covers. Σ delta × (days − day) of a window comes from a stretch's Σ delta and Σ delta × day, so no
   * movement is counted again for each window it falls in (the storage overview's months).
   */
  async utilizations(
    sql: Sql,
    accountId: number,
    q: { asOfs: readonly string[]; days: number },
  ): Promise<{ averageDailyVolume: number; averageDailyShippedVolume: number }[]> {
    if (q.asOfs.length === 0) return [];
    const params: unknown[] = [accountId, q.asOfs, q.days];
    const rows = await sql.query<{ i: number; avg_volume: number | null; shipped_volume: number | null }>(
      `WITH fba AS (${amazonLocationsSql(params)}),
       w AS (SELECT a.i::int AS i, a.as_of, a.as_of - $3::int AS start
               FROM unnest($2::date[]) WITH ORDINALITY AS a(as_of, i)),
       e AS MATERIALIZED (
         SELECT array_agg(d ORDER BY d) AS edges FROM (SELECT start AS d FROM w UNION SELECT as_of FROM w) x
       ),
       stretch AS (
         SELECT b, e.edges[b] AS lo, e.edges[b + 1] AS hi FROM e CROSS JOIN generate_subscripts(e.edges, 1) AS b
       ),
       bal AS (
         SELECT s.product_id, s.location_id, s.on_hand FROM stock_balances s JOIN fba ON fba.id = s.location_id WHERE s.account_id = $1
       ),
       mv AS (
         SELECT m.product_id, m.location_id, (m.occurred_at AT TIME ZONE 'UTC')::date AS on_day, m.on_hand_delta AS delta, m.type
         FROM stock_movements m JOIN fba ON fba.id = m.location_id
         WHERE m.account_id = $1 AND m.occurred_at >= (((SELECT min(start) FROM w))::timestamp AT TIME ZONE 'UTC')
       ),
       -- per stretch × SKU × location: Σ delta, Σ delta × (day − first edge), the units shipped
       sums AS MATERIALIZED (
         SELECT width_bucket(mv.on_day, e.edges) AS b, mv.product_id, mv.location_id, sum(mv.delta) AS total,
           sum(mv.delta * (mv.on_day - e.edges[1])) AS moment,
           coalesce(sum(-mv.delta) FILTER (WHERE mv.type = 'shipment'), 0) AS shipped
         FROM mv CROSS JOIN e GROUP BY 1, mv.product_id, mv.location_id
       ),
       agg AS (
         SELECT w.i, sums.product_id, sums.location_id, sum(sums.total) AS since_start,
           coalesce(sum(sums.total * ($3::int + (w.start - e.edges[1])) - sums.moment)
             FILTER (WHERE stretch.hi <= w.as_of), 0) AS weighted,
           coalesce(sum(sums.shipped) FILTER (WHERE stretch.hi <= w.as_of), 0) AS shipped
         FROM sums JOIN stretch ON stretch.b = sums.b JOIN w ON stretch.lo >= w.start CROSS JOIN e
         GROUP BY w.i, sums.product_id, sums.location_id
       )
       SELECT w.i, sum(${averageOnHandSql('$3::int')} * coalesce(p.cubic_feet, 0)) AS avg_volume,
         sum(coalesce(agg.shipped, 0) * coalesce(p.cubic_feet, 0)) / $3::int::numeric AS shipped_volume
       FROM w CROSS JOIN bal s JOIN products p ON p.id = s.product_id
       LEFT JOIN agg ON agg.i = w.i AND agg.product_id = s.product_id AND agg.location_id = s.location_id
       GROUP BY w.i`,
      params,
    );
    const byWindow = new Map(rows.map((r) => [r.i, r]));
    return q.asOfs.map((_, i) => {
      const row = byWindow.get(i + 1);
      return {
        averageDailyVolume: row?.avg_volume ?? 0,
        averageDailyShippedVolume: row?.shipped_volume ?? 0,
      };
    });
  },
  /**
   * Volume on hand per Amazon location × storage type now (Amazon's capacity limits; docs/formulas.md#amazons-scope),
   * and projected 30 and 60 days out from forecasts:
   * summed per size tier in SQL, the tiers folded into storage types by the domain's rule (storageTypeOf).
   */
  async capacity(sql: Sql, accountId: number): Promise<CapacityRow[]> {
    const params: unknown[] = [accountId, ...CAPACITY_PROJECTION_DAYS];
    const rows = await sql.query<{
      location: string;
      marketplace: string | null;
      location_type: string;
      size_tier: SizeTier | null;
      limits: Record<string, number>;
      used: number;
      p30: number;
      p60: number;
    }>(
      `WITH fc AS (
         SELECT DISTINCT ON (f.product_id, f.location_id) f.product_id, f.location_id,
           (SELECT coalesce(sum(x), 0) FROM unnest(f.mean[(current_date - f.as_of) + 1 : (current_date - f.as_of) + $2::int]) AS x) AS d30,
           (SELECT coalesce(sum(x), 0) FROM unnest(f.mean[(current_date - f.as_of) + 1 : (current_date - f.as_of) + $3::int]) AS x) AS d60
         FROM forecasts f WHERE f.account_id = $1 AND f.location_id IS NOT NULL
         ORDER BY f.product_id, f.location_id, f.as_of DESC, f.id DESC
       )
       SELECT l.code AS location, l.marketplace, l.type AS location_type, p.size_tier, l.capacity_cubic_feet AS limits,
         sum(s.on_hand * coalesce(p.cubic_feet, 0)) AS used,
         sum(GREATEST(0, s.on_hand + s.inbound - coalesce(fc.d30, 0)) * coalesce(p.cubic_feet, 0)) AS p30,
         sum(GREATEST(0, s.on_hand + s.inbound - coalesce(fc.d60, 0)) * coalesce(p.cubic_feet, 0)) AS p60
       FROM stock_balances s JOIN products p ON p.id = s.product_id JOIN locations l ON l.id = s.location_id
       LEFT JOIN fc ON fc.product_id = s.product_id AND fc.location_id = s.location_id
       WHERE s.account_id = $1 AND l.active AND l.id IN (${amazonLocationsSql(params)})
       GROUP BY l.code, l.marketplace, l.type, l.capacity_cubic_feet, p.size_tier
       ORDER BY l.code`,
      params,
    );
    const out = new Map<string, CapacityRow>();
    for (const r of rows) {
      const storageType = r.size_tier === null ? 'standard' : storageTypeOf(r.size_tier);
      const key = `${r.location}\u0001${storageType}`;
      const row = out.get(key) ?? {
        location: r.location,
        marketplace: r.marketplace,
        locationType: r.location_type,
        storageType,
        limits: r.limits,
        usedCubicFeet: 0,
        projected30: 0,
        projected60: 0,
      };
      row.usedCubicFeet += r.used;
      row.projected30 += r.p30;
      row.projected60 += r.p60;
      out.set(key, row);
    }
    // in location order (as the statement returns them), then storage type
    const order = [...new Set(rows.map((r) => r.location))];
    return [...out.values()].sort(
      (a, b) =>
        order.indexOf(a.location) - order.indexOf(b.location) || a.storageType.localeCompare(b.storageType),
    );
  },
};
