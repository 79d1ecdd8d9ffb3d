import { AGE_BUCKETS, AGE_WARNING_THRESHOLDS } from '@stockwise/domain/health/age';
import type { Sql } from '../database';
import type { FactorRowSql, SkuFactorRow } from '../health/factor-inputs';
import { factorCtes, mapFactorRow } from '../health/factor-inputs';
import type { ProductScope } from '../health/product-scope';
import {
  SCOPED_BALANCES_SQL,
  amazonLocationsSql,
  locationScopeSql,
  productScopeSql,
} from '../health/product-scope';
import type { ApproachingThreshold, BracketParam } from './layer-sums';
import {
  approachingOf,
  bracketAmountColumn,
  bracketAmountSql,
  bracketUnitsColumn,
  bracketsOf,
  bucketColumn,
  bucketsOf,
  layerSums,
  openLayersSql,
  warnDaysColumn,
  warnUnitsColumn,
} from './layer-sums';
import type { ProductAtLocation, ReportStatement } from './report-statement';
import { sameRows } from './report-statement';

/** The inventory age of a SKU at a location. */
export interface AgeRow extends ProductAtLocation {
  price: number | null;
  reserved: number;
  unfulfillable: number;
  /** Units per age bucket, in domain/health/age.ts AGE_BUCKETS order. */
  buckets: number[];
  /** Units and estimated surcharge per bracket, in the schedule's bracket order. */
  bracketUnits: number[];
  bracketAmounts: number[];
  /** Units reaching each warning threshold within the warning window, and the soonest day. */
  approaching: ApproachingThreshold[];
  /** The oldest open layer's receipt (the seller's age) and arrival at the location's network. */
  oldestReceivedAt: Date | null;
  oldestArrivedAt: Date | null;
}

/** A SKU's inventory age over its locations (what the inventory-age report shows per SKU). */
export interface SkuAgeRow {
  row: {
    sku: string;
    fnsku: string | null;
    asin: string | null;
    title: string;
    price: number | null;
    sizeTier: string | null;
    cubicFeet: number | null;
  };
  onHand: number;
  reserved: number;
  inbound: number;
  unfulfillable: number;
  /** Units per age bucket over all locations, in AGE_BUCKETS order. */
  buckets: number[];
  /** Units on hand, and units and estimated surcharge per bracket, at Amazon locations (where surcharges apply). */
  amazonOnHand: number;
  bracketUnits: number[];
  bracketAmounts: number[];
  /** Units reaching an age threshold within the warning window (the soonest first). */
  approaching: ApproachingThreshold[];
  /** The marketplace of its first Amazon location. */
  marketplace: string | null;
}

interface AgeQuery {
  asOf: string;
  brackets: readonly BracketParam[];
  warnDays: number;
  /** The locations the report covers (its scope; Amazon's by default); ages are each location's network's. */
  locationIds?: readonly number[] | undefined;
  /** Price the surcharge brackets at the age the units will have this many days after `asOf` (the next assessment day). */
  bracketDaysAhead?: number | undefined;
}

type AgePageSqlRow = {
  id: number;
  sku: string;
  title: string;
  asin: string | null;
  fnsku: string | null;
  price: number | null;
  cubic_feet: number | null;
  size_tier: string | null;
  location: string;
  location_type: string;
  marketplace: string | null;
  on_hand: number;
  reserved: number;
  inbound: number;
  unfulfillable: number;
  oldest: Date | null;
  oldest_arrived: Date | null;
} & Record<string, unknown>;

type AgeSkuSqlRow = {
  item_on_hand: number | null;
  item_reserved: number;
  item_inbound: number;
  item_unfulfillable: number;
  amazon_on_hand: number;
  marketplace: string | null;
  alert_units: number | null;
  alert_threshold: number | null;
  alert_days: number | null;
} & Record<string, unknown>;

const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The locations in scope, Amazon's locations and the layer sums (warning days at `$3`), parameters appended in that order. */
function scopedLayerSums(params: unknown[], q: AgeQuery) {
  return {
    scoped: locationScopeSql(params, q.locationIds),
    amazon: amazonLocationsSql(params),
    sums: layerSums(params, {
      brackets: q.brackets,
      warnDays: '$3',
      bracketDaysAhead: q.bracketDaysAhead ?? 0,
    }),
  };
}

/**
 * Per SKU × location with stock, for a page of SKUs: units per age bucket, per surcharge bracket (and
 * its amount) and reaching each threshold within `warnDays`, and the oldest layer — from its open layers
 * (one range of age_layers_open, never the whole account's), in one pass.
 */
function agePageSql(params: unknown[], q: AgeQuery & ProductScope): string {
  const where = productScopeSql(params, q);
  const { scoped, amazon, sums } = scopedLayerSums(params, q);
  const amounts = sums.brackets.map(
    (b, i) => `${bracketAmountSql(b, i, 'k', 's.cuft')} AS ${bracketAmountColumn(i)}`,
  );
  return `WITH prod AS MATERIALIZED (
       SELECT p.id, p.sku, p.title, p.asin, p.fnsku, p.price, p.cubic_feet, p.size_tier FROM products p WHERE p.account_id = $1 ${where}
     ),
     amz AS MATERIALIZED (${amazon}),
     items AS MATERIALIZED (
       SELECT s.*, coalesce(prod.cubic_feet, 0) AS cuft
       FROM (${SCOPED_BALANCES_SQL}) s JOIN prod ON prod.id = s.product_id
       WHERE (s.on_hand > 0 OR s.inbound > 0 OR s.unfulfillable > 0) AND s.location_id IN (${scoped})
     )
     SELECT prod.id, prod.sku, prod.title, prod.asin, prod.fnsku, prod.price, prod.cubic_feet, prod.size_tier,
       l.code AS location, l.type AS location_type, l.marketplace, s.on_hand, s.reserved, s.inbound, s.unfulfillable,
       k.*${amounts.map((a) => `, ${a}`).join('')}
     FROM prod JOIN items s ON s.product_id = prod.id
     JOIN locations l ON l.id = s.location_id
     CROSS JOIN LATERAL (
       SELECT ${sums.columns}
       FROM (${openLayersSql('$2', {
         amazon: 'SELECT id FROM amz',
         where: 'x.product_id = s.product_id AND x.location_id = s.location_id AND x.account_id = $1',
       })}) lay
     ) k
     ORDER BY prod.sku, l.code`;
}

/**
 * Two statements over every product in SKU order: its factor inputs, and its locations' layers summed per
 * SKU (buckets over all locations, brackets at Amazon's, the soonest threshold — earliest day, then
 * location code, then threshold).
 */
function ageStatementSql(accountId: number, q: AgeQuery) {
  const factorParams: unknown[] = [accountId, q.asOf];
  const factors = `WITH ${factorCtes(factorParams, {}, '', {
    locations: locationScopeSql(factorParams, q.locationIds),
  })} SELECT * FROM sku_excess ORDER BY sku`;
  const params: unknown[] = [accountId, q.asOf, q.warnDays];
  const { scoped, amazon, sums } = scopedLayerSums(params, q);
  const buckets = indexes(AGE_BUCKETS.length).map(bucketColumn);
  const units = q.brackets.map((_, i) => bracketUnitsColumn(i));
  const warnings = indexes(AGE_WARNING_THRESHOLDS.length);
  const soonest = warnings.map((i) => `k.${warnDaysColumn(i)}`).join(', ');
  // the soonest threshold reached (its day is set exactly when units reach it), the lower one on a tie
  const atSoonest = (column: (i: number) => string) =>
    `CASE a.days ${warnings.map((i) => `WHEN k.${warnDaysColumn(i)} THEN ${column(i)}`).join(' ')} END`;
  const thresholds = params.length;
  AGE_WARNING_THRESHOLDS.forEach((t) => params.push(t));
  const layers = `WITH
    amz AS MATERIALIZED (${amazon}),
    scope AS MATERIALIZED (SELECT x.id FROM (${scoped}) AS x(id)),
    lay AS (
      SELECT product_id, location_id, ${sums.columns}
      FROM (${openLayersSql('$2', {
        amazon: 'SELECT id FROM amz',
        where: 'x.account_id = $1 AND x.location_id IN (SELECT id FROM scope)',
      })}) x
      GROUP BY product_id, location_id),
    items AS (
      SELECT b.product_id, l.code, l.id IN (SELECT id FROM amz) AS amazon, l.marketplace, b.on_hand, b.reserved, b.inbound, b.unfulfillable,
        ${[...buckets, ...units].map((c) => `k.${c}`).join(', ')},
        ${atSoonest((i) => `k.${warnUnitsColumn(i)}`)} AS alert_units,
        ${atSoonest((i) => `$${String(thresholds + i + 1)}::int`)} AS alert_threshold,
        a.days AS alert_days
      FROM stock_balances b JOIN locations l ON l.id = b.location_id
      LEFT JOIN lay k ON k.product_id = b.product_id AND k.location_id = b.location_id
      CROSS JOIN LATERAL (SELECT LEAST(${soonest}) AS days) a
      WHERE b.account_id = $1 AND (b.on_hand > 0 OR b.inbound > 0 OR b.unfulfillable > 0)
        AND b.location_id IN (SELECT id FROM scope)
    ),
    per_sku AS (
      SELECT product_id, sum(on_hand)::int AS item_on_hand, sum(reserved)::int AS item_reserved, sum(inbound)::int AS item_inbound,
        sum(unfulfillable)::int AS item_unfulfillable,
        ${buckets.map((c) => `coalesce(sum(${c}), 0)::int AS ${c}`).join(', ')},
        coalesce(sum(on_hand) FILTER (WHERE amazon), 0)::int AS amazon_on_hand,
        ${units.map((c) => `coalesce(sum(${c}) FILTER (WHERE amazon), 0)::int AS ${c}`).join(', ')},
        (array_agg(marketplace ORDER BY code) FILTER (WHERE amazon))[1] AS marketplace,
        ${['alert_units', 'alert_threshold', 'alert_days'].map((c) => `(array_agg(${c} ORDER BY alert_days, code, alert_threshold) FILTER (WHERE alert_units IS NOT NULL))[1] AS ${c}`).join(', ')}
      FROM items GROUP BY product_id
    )
    SELECT p.sku, k.*, ${sums.brackets.map((b, i) => `${bracketAmountSql(b, i, 'k', 'coalesce(p.cubic_feet, 0)')} AS ${bracketAmountColumn(i)}`).join(', ')}
    FROM products p LEFT JOIN per_sku k ON k.product_id = p.id
    WHERE p.account_id = $1
    ORDER BY p.sku`;
  return [
    { text: factors, params: factorParams },
    { text: layers, params },
  ];
}

function toSkuAgeRow(f: FactorRowSql, r: AgeSkuSqlRow, brackets: readonly BracketParam[]): SkuAgeRow | null {
  if (r.item_on_hand === null) return null;
  const alert =
    r.alert_units === null || r.alert_threshold === null || r.alert_days === null
      ? []
      : [{ units: r.alert_units, threshold: r.alert_threshold, daysUntil: r.alert_days }];
  return {
    row: {
      sku: f.sku,
      fnsku: f.fnsku,
      asin: f.asin,
      title: f.title,
      price: f.price,
      sizeTier: f.size_tier,
      cubicFeet: f.cubic_feet,
    },
    onHand: r.item_on_hand,
    reserved: r.item_reserved,
    inbound: r.item_inbound,
    unfulfillable: r.item_unfulfillable,
    buckets: bucketsOf(r),
    amazonOnHand: r.amazon_on_hand,
    ...bracketsOf(r, brackets),
    approaching: alert,
    marketplace: r.marketplace,
  };
}

export const inventoryAgeRepository = {
  /**
   * Age buckets, surcharge brackets and approaching thresholds per SKU × location from the open FIFO
   * layers (ages counted to `asOf`), for a page of SKUs. Rows with nothing on hand or inbound are left out.
   */
  async page(sql: Sql, accountId: number, q: AgeQuery & ProductScope): Promise<AgeRow[]> {
    const params: unknown[] = [accountId, q.asOf, q.warnDays];
    const rows = await sql.query<AgePageSqlRow>(agePageSql(params, q), params);
    return rows.map((r) => ({
      productId: r.id,
      sku: r.sku,
      title: r.title,
      asin: r.asin,
      fnsku: r.fnsku,
      price: r.price,
      cubicFeet: r.cubic_feet,
      sizeTier: r.size_tier,
      location: r.location,
      locationType: r.location_type,
      marketplace: r.marketplace,
      onHand: r.on_hand,
      reserved: r.reserved,
      inbound: r.inbound,
      unfulfillable: r.unfulfillable,
      buckets: bucketsOf(r),
      ...bracketsOf(r, q.brackets),
      approaching: approachingOf(r),
      oldestReceivedAt: r.oldest,
      oldestArrivedAt: r.oldest_arrived,
    }));
  },

  /**
   * The whole inventory-age report, one row per SKU with stock: its locations' units per age bucket (ages
   * to `asOf`), its Amazon locations' units and amounts per surcharge bracket, the soonest threshold its
   * units reach within `warnDays`, and its factor inputs. Read through cursors, set-based: the ledger by
   * time and the layers in one pass, where pages of SKUs would read them SKU by SKU.
   */
  statement(accountId: number, q: AgeQuery): ReportStatement<{ age: SkuAgeRow; factors: SkuFactorRow }> {
    return {
      statements: ageStatementSql(accountId, q),
      map: (rows) => {
        sameRows(rows, ['sku']);
        const f = rows[0] as unknown as FactorRowSql;
        const age = toSkuAgeRow(f, rows[1] as AgeSkuSqlRow, q.brackets);
        return age && { age, factors: mapFactorRow(f) };
      },
    };
  },
};
