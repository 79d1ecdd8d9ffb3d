import type { Sql } from '../database';
import type { FactorRowSql, ProductScope, SkuFactorRow } from '../health/health.repository';
import {
  ITEMS_SQL as scopedItemsSql,
  factorCtes,
  mapFactorRow,
  productScopeSql,
  scopedMovementsSql,
} from '../health/health.repository';

/** One surcharge bracket, as the fee schedule holds it. */
export interface BracketParam {
  minDays: number;
  maxDays: number | null;
  perCubicFoot: number;
  perUnit: number;
}

export interface AgeRow {
  productId: number;
  sku: string;
  title: string;
  asin: string | null;
  fnsku: string | null;
  price: number | null;
  cubicFeet: number | null;
  sizeTier: string | null;
  location: string;
  locationType: string;
  marketplace: string | null;
  onHand: number;
  reserved: number;
  inbound: number;
  unfulfillable: number;
  /** Units per age bucket: 0–90, 91–180, 181–270, 271–365, 365+. */
  buckets: [number, number, number, number, number];
  /** Units and estimated surcharge per bracket, in the schedule's bracket order. */
  bracketUnits: number[];
  bracketAmounts: number[];
  /** Units reaching 91, 181, 271 and 366 days within the warning window, and the soonest day. */
  approaching: { threshold: number; units: number; daysUntil: number }[];
  oldestReceivedAt: Date | null;
}

export interface StorageRow {
  productId: number;
  sku: string;
  title: string;
  asin: string | null;
  fnsku: string | null;
  length: number | null;
  width: number | null;
  height: number | null;
  dimensionUnit: string;
  weight: number | null;
  weightUnit: string;
  cubicFeet: number | null;
  sizeTier: string | null;
  location: string;
  locationType: string;
  marketplace: string | null;
  onHand: number;
  inbound: number;
  /** Average daily on hand over the days of the month before `asOf` (on hand now if none). */
  averageOnHand: number;
}

export interface ProfitRow {
  productId: number;
  sku: string;
  title: string;
  asin: string | null;
  cubicFeet: number | null;
  sizeTier: string | null;
  weight: number | null;
  weightUnit: string;
  unitsSold: number;
  revenue: number;
  cogs: number;
  /** Units and revenue of Amazon-fulfilled shipments (referral and fulfilment fees apply). */
  amazonUnits: number;
  amazonRevenue: number;
  /** Units received at Amazon locations (inbound shipping applies). */
  amazonReceivedUnits: number;
  /** Σ over the period's days of units on hand at Amazon locations (unit-days, for storage fees), per storage month. */
  unitDaysByMonth: Record<string, number>;
}

export interface CapacityRow {
  location: string;
  marketplace: string | null;
  locationType: string;
  storageType: 'standard' | 'oversize';
  limits: Record<string, number>;
  usedCubicFeet: number;
  /** Projected volume at the end of the next two 30-day periods: on hand + inbound − forecast demand. */
  projected30: number;
  projected60: number;
}

const pageWhere = (params: unknown[], q: ProductScope) => productScopeSql(params, q);

const STORAGE_TYPE_SQL = `CASE WHEN p.size_tier IN ('large_bulky', 'extra_large') THEN 'oversize' ELSE 'standard' END`;

/**
 * A whole report as statements over the same rows in the same order (read side by side through cursors,
 * each on its own connection); `map` turns one row of each into the report's record, or null to leave it out.
 */
export interface ReportStatement<Row> {
  statements: { text: string; params: unknown[] }[];
  map: (rows: Record<string, unknown>[]) => Row | null;
}

/** The row of each statement, checked to be about the same SKU (and location). */
function sameRows(rows: Record<string, unknown>[], keys: string[]): void {
  const first = rows[0]!;
  for (let i = 1; i < rows.length; i++)
    for (const k of keys) if (rows[i]![k] !== first[k]) throw new Error('report statements are out of step');
}

/** The parameters (bounds and rates) of each surcharge bracket, pushed onto `params`. */
function bracketParams(params: unknown[], brackets: readonly BracketParam[]) {
  return brackets.map((b) => {
    const [min, max, perCuft, perUnit] = [b.minDays, b.maxDays, b.perCubicFoot, b.perUnit].map((v) => {
      params.push(v);
      return `$${String(params.length)}`;
    });
    return {
      inBracket: `age >= ${min!}::int AND (${max!}::int IS NULL OR age <= ${max!}::int)`,
      perCuft: perCuft!,
      perUnit: perUnit!,
    };
  });
}

/**
 * Per SKU × location with stock, from all of the account's open layers in one pass (age counted to
 * `asOfParam`): units per age bucket, per surcharge bracket, reaching each threshold within `warnParam`
 * days (and the soonest), and the oldest layer. Only units are summed per layer: a bracket's amount is
 * its units × GREATEST(per cu ft × volume, per unit), the same for every layer of the SKU.
 */
function openLayerSums(
  asOfParam: string,
  warnParam: string | null,
  brackets: { inBracket: string }[],
): string {
  const warn = (t: number) =>
    warnParam === null
      ? ''
      : `coalesce(sum(q) FILTER (WHERE ${String(t)} - age BETWEEN 1 AND ${warnParam}), 0)::int AS w${String(t)},
        min(${String(t)} - age) FILTER (WHERE ${String(t)} - age BETWEEN 1 AND ${warnParam}) AS d${String(t)},`;
  return `SELECT product_id, location_id,
      ${
        warnParam === null
          ? ''
          : `coalesce(sum(q) FILTER (WHERE age <= 90), 0)::int AS b0,
      coalesce(sum(q) FILTER (WHERE age BETWEEN 91 AND 180), 0)::int AS b1,
      coalesce(sum(q) FILTER (WHERE age BETWEEN 181 AND 270), 0)::int AS b2,
      coalesce(sum(q) FILTER (WHERE age BETWEEN 271 AND 365), 0)::int AS b3,
      coalesce(sum(q) FILTER (WHERE age > 365), 0)::int AS b4,`
      }
      ${brackets.map((b, i) => `coalesce(sum(q) FILTER (WHERE ${b.inBracket}), 0)::int AS u${String(i + 1)},`).join(' ')}
      ${[91, 181, 271, 366].map(warn).join(' ')}
      min(received_at) AS oldest
    FROM (
      SELECT x.product_id, x.location_id, x.quantity_remaining AS q, x.received_at, (${asOfParam}::date - (x.received_at AT TIME ZONE 'UTC')::date) AS age
      FROM age_layers x WHERE x.account_id = $1 AND x.quantity_remaining > 0
      OFFSET 0 -- each layer's age computed once, not once per aggregate that reads it
    ) lay
    GROUP BY product_id, location_id`;
}

/** `a1, a2, …`: each bracket's units × GREATEST(per cu ft × volume, per unit) (k = the layer sums, cuft = the volume). */
const bracketAmounts = (brackets: { perCuft: string; perUnit: string }[], k: string, cuft: string) =>
  brackets
    .map(
      (b, i) =>
        `GREATEST(${b.perCuft}::numeric * ${cuft}, ${b.perUnit}::numeric) * coalesce(${k}.u${String(i + 1)}, 0) AS a${String(i + 1)}`,
    )
    .join(', ');

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
  /** Units per age bucket over all locations: 0–90, 91–180, 181–270, 271–365, 365+. */
  buckets: number[];
  /** Units on hand, and units and estimated surcharge per bracket, at Amazon locations (where surcharges apply). */
  amazonOnHand: number;
  bracketUnits: number[];
  bracketAmounts: number[];
  /** Units reaching an age threshold within the warning window (the soonest first). */
  approaching: { threshold: number; units: number; daysUntil: number }[];
  /** The marketplace of its first Amazon location. */
  marketplace: string | null;
}

type AgeSkuSqlRow = {
  sku: string;
  item_on_hand: number;
  item_reserved: number;
  item_inbound: number;
  item_unfulfillable: number;
  amazon_on_hand: number;
  b0: number;
  b1: number;
  b2: number;
  b3: number;
  b4: number;
  [bracketColumn: `${'u' | 'a'}${number}`]: number;
  marketplace: string | null;
  alert_units: number | null;
  alert_threshold: number | null;
  alert_days: number | null;
};

type StorageSqlRow = {
  id: number;
  sku: string;
  title: string;
  asin: string | null;
  fnsku: string | null;
  length: number | null;
  width: number | null;
  height: number | null;
  dimension_unit: string;
  weight: number | null;
  weight_unit: string;
  cubic_feet: number | null;
  size_tier: string | null;
  location: string;
  location_type: string;
  marketplace: string | null;
  on_hand: number;
  inbound: number;
  avg_on_hand: number;
};

function toStorageRow(r: StorageSqlRow): StorageRow {
  return {
    productId: r.id,
    sku: r.sku,
    title: r.title,
    asin: r.asin,
    fnsku: r.fnsku,
    length: r.length,
    width: r.width,
    height: r.height,
    dimensionUnit: r.dimension_unit,
    weight: r.weight,
    weightUnit: r.weight_unit,
    cubicFeet: r.cubic_feet,
    sizeTier: r.size_tier,
    location: r.location,
    locationType: r.location_type,
    marketplace: r.marketplace,
    onHand: r.on_hand,
    inbound: r.inbound,
    averageOnHand: r.avg_on_hand,
  };
}

/**
 * Whole-catalogue report statements: one set-based statement each, rows in SKU × location order, read
 * through a cursor (memory stays flat). They read the ledger by time (stock_movements_time) and the
 * layers in one pass, where pages of SKUs would read them SKU by SKU.
 */
export const reportStatements = {
  /**
   * The inventory-age report, one row per SKU with stock: its locations' units per age bucket (ages to
   * `asOf`), its Amazon locations' units and amounts per surcharge bracket, the soonest threshold its
   * units reach within `warnDays` (earliest day, then location code, then threshold), and its factor inputs.
   */
  age(
    accountId: number,
    q: { asOf: string; brackets: readonly BracketParam[]; warnDays: number },
  ): ReportStatement<{ age: SkuAgeRow; factors: SkuFactorRow }> {
    const params: unknown[] = [accountId, q.asOf, q.warnDays];
    const brackets = bracketParams(params, q.brackets);
    const n = brackets.map((_, i) => String(i + 1));
    // Two statements, one for the factor inputs and one for the layers, every product in SKU order.
    const factors = `WITH ${factorCtes({}, '')} SELECT * FROM sku_excess ORDER BY sku`;
    const layers = `WITH
      lay AS (${openLayerSums('$2', '$3', brackets)}),
      items AS (
        SELECT b.product_id, l.code, l.type = 'amazon_fba' AS amazon, l.marketplace, b.on_hand, b.reserved, b.inbound, b.unfulfillable,
          k.b0, k.b1, k.b2, k.b3, k.b4, ${n.map((i) => `k.u${i}`).join(', ')},
          -- the soonest threshold reached (d is set exactly when units reach it), the lower one on a tie
          CASE a.days WHEN k.d91 THEN k.w91 WHEN k.d181 THEN k.w181 WHEN k.d271 THEN k.w271 WHEN k.d366 THEN k.w366 END AS alert_units,
          CASE a.days WHEN k.d91 THEN 91 WHEN k.d181 THEN 181 WHEN k.d271 THEN 271 WHEN k.d366 THEN 366 END AS alert_threshold,
          a.days AS alert_days
        FROM stock_balances b JOIN locations l ON l.id = b.location_id
        LEFT JOIN lay k ON k.product_id = b.product_id AND k.location_id = b.location_id
        CROSS JOIN LATERAL (SELECT LEAST(k.d91, k.d181, k.d271, k.d366) AS days) a
        WHERE b.account_id = $1 AND (b.on_hand > 0 OR b.inbound > 0 OR b.unfulfillable > 0)
      ),
      per_sku AS (
        SELECT product_id, sum(on_hand)::int AS item_on_hand, sum(reserved)::int AS item_reserved, sum(inbound)::int AS item_inbound,
          sum(unfulfillable)::int AS item_unfulfillable,
          coalesce(sum(b0), 0)::int AS b0, coalesce(sum(b1), 0)::int AS b1, coalesce(sum(b2), 0)::int AS b2, coalesce(sum(b3), 0)::int AS b3, coalesce(sum(b4), 0)::int AS b4,
          coalesce(sum(on_hand) FILTER (WHERE amazon), 0)::int AS amazon_on_hand,
          ${n.map((i) => `coalesce(sum(u${i}) FILTER (WHERE amazon), 0)::int AS u${i}`).join(', ')},
          (array_agg(marketplace ORDER BY code) FILTER (WHERE amazon))[1] AS marketplace,
          ${['alert_units', 'alert_threshold', 'alert_days'].map((c) => `(array_agg(${c} ORDER BY alert_days, code, alert_threshold) FILTER (WHERE alert_units IS NOT NULL))[1] AS ${c}`).join(', ')}
        FROM items GROUP BY product_id
      )
      SELECT p.sku, k.item_on_hand, k.item_reserved, k.item_inbound, k.item_unfulfillable, k.b0, k.b1, k.b2, k.b3, k.b4, k.amazon_on_hand,
        ${n.map((i) => `k.u${i}`).join(', ')}, ${bracketAmounts(brackets, 'k', 'coalesce(p.cubic_feet, 0)')}, k.marketplace,
        k.alert_units, k.alert_threshold, k.alert_days
      FROM products p LEFT JOIN per_sku k ON k.product_id = p.id
      WHERE p.account_id = $1
      ORDER BY p.sku`;
    const unitKeys = q.brackets.map((_, i) => `u${i + 1}` as const);
    const amountKeys = q.brackets.map((_, i) => `a${i + 1}` as const);
    return {
      statements: [
        { text: factors, params: [accountId, q.asOf] },
        { text: layers, params },
      ],
      map: (rows) => {
        sameRows(rows, ['sku']);
        const f = rows[0] as unknown as FactorRowSql;
        const r = rows[1] as unknown as AgeSkuSqlRow;
        if (r.item_on_hand === null) return null;
        return {
          age: {
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
            buckets: [r.b0, r.b1, r.b2, r.b3, r.b4],
            amazonOnHand: r.amazon_on_hand,
            bracketUnits: unitKeys.map((k) => r[k] ?? 0),
            bracketAmounts: amountKeys.map((k) => r[k] ?? 0),
            approaching:
              r.alert_units === null
                ? []
                : [{ units: r.alert_units, threshold: r.alert_threshold!, daysUntil: r.alert_days! }],
            marketplace: r.marketplace,
          },
          factors: mapFactorRow(f),
        };
      },
    };
  },

  /**
   * The storage report: volume and average daily on hand per SKU × location over the days of `month`
   * before `asOf`, and the aged-inventory surcharge (all brackets) of its layers aged to `assessment`.
   */
  storage(
    accountId: number,
    q: { month: string; asOf: string; assessment: string; brackets: readonly BracketParam[] },
  ): ReportStatement<{ storage: StorageRow; surcharge: number }> {
    // Two statements over every balance row in SKU × location order: the volume and average on hand, and the surcharge.
    const items = `WITH span AS (SELECT GREATEST(0, LEAST(($2::date + interval '1 month')::date, $3::date) - $2::date) AS n),
      agg AS (
        SELECT m.product_id, m.location_id, sum(m.delta) AS since_start,
          coalesce(sum(m.delta * (span.n - m.day)) FILTER (WHERE m.day < span.n), 0) AS weighted
        FROM (
          SELECT x.product_id, x.location_id, ((x.occurred_at AT TIME ZONE 'UTC')::date - $2::date) AS day, x.on_hand_delta AS delta
          FROM stock_movements x WHERE x.account_id = $1 AND x.occurred_at >= ($2::date::timestamp AT TIME ZONE 'UTC')
          OFFSET 0
        ) m CROSS JOIN span
        GROUP BY m.product_id, m.location_id
      )
      SELECT p.id, p.sku, p.title, p.asin, p.fnsku, p.length, p.width, p.height, p.dimension_unit, p.weight, p.weight_unit, p.cubic_feet, p.size_tier,
        l.code AS location, l.type AS location_type, l.marketplace, s.on_hand, s.inbound,
        CASE WHEN span.n = 0 THEN s.on_hand
          ELSE GREATEST(0, (s.on_hand - coalesce(agg.since_start, 0)) + coalesce(agg.weighted, 0)::float8 / span.n) END AS avg_on_hand,
        (s.on_hand > 0 OR s.inbound > 0 OR agg.since_start IS NOT NULL) AS included
      FROM products p JOIN stock_balances s ON s.product_id = p.id AND s.account_id = $1
      JOIN locations l ON l.id = s.location_id CROSS JOIN span
      LEFT JOIN agg ON agg.product_id = s.product_id AND agg.location_id = s.location_id
      WHERE p.account_id = $1
      ORDER BY p.sku, l.code`;
    const params: unknown[] = [accountId, q.assessment];
    const brackets = bracketParams(params, q.brackets);
    const surcharges = `WITH aged AS (${openLayerSums('$2', null, brackets)})
      SELECT p.sku, l.code AS location,
        ${brackets.map((b, i) => `GREATEST(${b.perCuft}::numeric * coalesce(p.cubic_feet, 0), ${b.perUnit}::numeric) * coalesce(k.u${String(i + 1)}, 0)`).join(' + ')} AS surcharge
      FROM products p JOIN stock_balances s ON s.product_id = p.id AND s.account_id = $1
      JOIN locations l ON l.id = s.location_id
      LEFT JOIN aged k ON k.product_id = s.product_id AND k.location_id = s.location_id
      WHERE p.account_id = $1
      ORDER BY p.sku, l.code`;
    return {
      statements: [
        { text: items, params: [accountId, `${q.month}-01`, q.asOf] },
        { text: surcharges, params },
      ],
      map: (rows) => {
        sameRows(rows, ['sku', 'location']);
        if (rows[0]!['included'] !== true) return null;
        return {
          storage: toStorageRow(rows[0] as unknown as StorageSqlRow),
          surcharge: Number(rows[1]!['surcharge'] ?? 0),
        };
      },
    };
  },
};

export const reportsRepository = {
  /** The marketplaces of the account's locations. */
  async marketplaces(sql: Sql, accountId: number): Promise<string[]> {
    const rows = await sql.query<{ marketplace: string }>(
      'SELECT DISTINCT marketplace FROM locations WHERE account_id = $1 AND marketplace IS NOT NULL',
      [accountId],
    );
    return rows.map((r) => r.marketplace);
  },

  /**
   * Age buckets, surcharge brackets and approaching thresholds per SKU × location from the open FIFO
   * layers (ages counted to `asOf`), for a page of SKUs. Rows with nothing on hand or inbound are left out.
   */
  async agePage(
    sql: Sql,
    accountId: number,
    q: { asOf: string; brackets: readonly BracketParam[]; warnDays: number } & ProductScope,
  ): Promise<AgeRow[]> {
    const params: unknown[] = [accountId, q.asOf, q.warnDays];
    const where = pageWhere(params, q);
    // Bracket i (1-based): units u_i and amount a_i — GREATEST(per cu ft × volume, per unit) × units — of the
    // layers aged within it; its bounds and rates are scalar parameters (cheap to read once per layer).
    const bracketSums = q.brackets
      .map((b) => {
        const [min, max, perCuft, perUnit] = [b.minDays, b.maxDays, b.perCubicFoot, b.perUnit].map((v) => {
          params.push(v);
          return `$${String(params.length)}`;
        });
        const i = String(q.brackets.indexOf(b) + 1);
        const inBracket = `age >= ${min!}::int AND (${max!}::int IS NULL OR age <= ${max!}::int)`;
        return `sum(q) FILTER (WHERE ${inBracket})::int AS u${i}, sum(GREATEST(${perCuft!}::numeric * cuft, ${perUnit!}::numeric) * q) FILTER (WHERE ${inBracket}) AS a${i},`;
      })
      .join('\n           ');
    const bracketColumns = q.brackets
      .map(
        (_, n) =>
          `coalesce(k.u${String(n + 1)}, 0) AS u${String(n + 1)}, coalesce(k.a${String(n + 1)}, 0) AS a${String(n + 1)},`,
      )
      .join(' ');
    const rows = await sql.query<{
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
      b0: number;
      b1: number;
      b2: number;
      b3: number;
      b4: number;
      [bracketColumn: `${'u' | 'a'}${number}`]: number;
      w91: number;
      d91: number | null;
      w181: number;
      d181: number | null;
      w271: number;
      d271: number | null;
      w366: number;
      d366: number | null;
      oldest: Date | null;
    }>(
      `WITH prod AS MATERIALIZED (
         SELECT p.id, p.sku, p.title, p.asin, p.fnsku, p.price, p.cubic_feet, p.size_tier FROM products p WHERE p.account_id = $1 ${where}
       ),
       items AS MATERIALIZED (
         SELECT s.*, coalesce(prod.cubic_feet, 0) AS cuft
         FROM (${scopedItemsSql}) s JOIN prod ON prod.id = s.product_id
         WHERE s.on_hand > 0 OR s.inbound > 0 OR s.unfulfillable > 0
       )
       SELECT prod.id, prod.sku, prod.title, prod.asin, prod.fnsku, prod.price, prod.cubic_feet, prod.size_tier,
         l.code AS location, l.type AS location_type, l.marketplace, s.on_hand, s.reserved, s.inbound, s.unfulfillable,
         coalesce(k.b0, 0) AS b0, coalesce(k.b1, 0) AS b1, coalesce(k.b2, 0) AS b2, coalesce(k.b3, 0) AS b3, coalesce(k.b4, 0) AS b4,
         ${bracketColumns}
         coalesce(k.w91, 0) AS w91, k.d91, coalesce(k.w181, 0) AS w181, k.d181, coalesce(k.w271, 0) AS w271, k.d271,
         coalesce(k.w366, 0) AS w366, k.d366, k.oldest
       FROM prod JOIN items s ON s.product_id = prod.id
       JOIN locations l ON l.id = s.location_id
       -- per SKU × location, from its open layers (one range of age_layers_open, never the whole account's),
       -- in one pass: buckets, each surcharge bracket's units and amount, approaching thresholds
       CROSS JOIN LATERAL (
           SELECT
           coalesce(sum(q) FILTER (WHERE age <= 90), 0)::int AS b0,
           coalesce(sum(q) FILTER (WHERE age BETWEEN 91 AND 180), 0)::int AS b1,
           coalesce(sum(q) FILTER (WHERE age BETWEEN 181 AND 270), 0)::int AS b2,
           coalesce(sum(q) FILTER (WHERE age BETWEEN 271 AND 365), 0)::int AS b3,
           coalesce(sum(q) FILTER (WHERE age > 365), 0)::int AS b4,
           ${bracketSums}
           coalesce(sum(q) FILTER (WHERE 91 - age BETWEEN 1 AND $3), 0)::int AS w91, min(91 - age) FILTER (WHERE 91 - age BETWEEN 1 AND $3) AS d91,
           coalesce(sum(q) FILTER (WHERE 181 - age BETWEEN 1 AND $3), 0)::int AS w181, min(181 - age) FILTER (WHERE 181 - age BETWEEN 1 AND $3) AS d181,
           coalesce(sum(q) FILTER (WHERE 271 - age BETWEEN 1 AND $3), 0)::int AS w271, min(271 - age) FILTER (WHERE 271 - age BETWEEN 1 AND $3) AS d271,
           coalesce(sum(q) FILTER (WHERE 366 - age BETWEEN 1 AND $3), 0)::int AS w366, min(366 - age) FILTER (WHERE 366 - age BETWEEN 1 AND $3) AS d366,
           min(received_at) AS oldest
           FROM (
             SELECT x.quantity_remaining AS q, x.received_at, ($2::date - (x.received_at AT TIME ZONE 'UTC')::date) AS age, s.cuft
             FROM age_layers x WHERE x.product_id = s.product_id AND x.location_id = s.location_id AND x.quantity_remaining > 0 AND x.account_id = $1
             OFFSET 0
           ) lay
         ) k
       ORDER BY prod.sku, l.code`,
      params,
    );
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
      buckets: [r.b0, r.b1, r.b2, r.b3, r.b4],
      // Bracket i (1-based in SQL) → position i − 1; brackets without units are 0.
      bracketUnits: q.brackets.map((_, i) => r[`u${i + 1}`] ?? 0),
      bracketAmounts: q.brackets.map((_, i) => r[`a${i + 1}`] ?? 0),
      approaching: [
        { threshold: 91, units: r.w91, daysUntil: r.d91 ?? 0 },
        { threshold: 181, units: r.w181, daysUntil: r.d181 ?? 0 },
        { threshold: 271, units: r.w271, daysUntil: r.d271 ?? 0 },
        { threshold: 366, units: r.w366, daysUntil: r.d366 ?? 0 },
      ].filter((w) => w.units > 0),
      oldestReceivedAt: r.oldest,
    }));
  },

  /**
   * Volume and average daily on hand per SKU × location over the days of `month` before `asOf`
   * (the basis of the monthly storage fee), for a page of SKUs.
   */
  async storagePage(
    sql: Sql,
    accountId: number,
    q: { month: string; asOf: string } & ProductScope,
  ): Promise<StorageRow[]> {
    const params: unknown[] = [accountId, `${q.month}-01`, q.asOf];
    const where = pageWhere(params, q);
    const rows = await sql.query<StorageSqlRow>(
      `WITH prod AS MATERIALIZED (
         SELECT p.id, p.sku, p.title, p.asin, p.fnsku, p.length, p.width, p.height, p.dimension_unit, p.weight, p.weight_unit,
           p.cubic_feet, p.size_tier FROM products p WHERE p.account_id = $1 ${where}
       ),
       span AS (SELECT $2::date AS start, GREATEST(0, LEAST(($2::date + interval '1 month')::date, $3::date) - $2::date) AS n),
       mv AS (
         SELECT m.product_id, m.location_id, ((m.occurred_at AT TIME ZONE 'UTC')::date - $2::date) AS day, m.on_hand_delta AS delta
         FROM (${scopedMovementsSql(`($2::date::timestamp AT TIME ZONE 'UTC')`, 'm.product_id, m.location_id, m.occurred_at, m.on_hand_delta')}) m
       ),
       items AS MATERIALIZED (${scopedItemsSql}),
       agg AS MATERIALIZED (
         SELECT mv.product_id, mv.location_id, sum(delta) AS since_start,
           coalesce(sum(delta * (span.n - day)) FILTER (WHERE day < span.n), 0) AS weighted
         FROM mv CROSS JOIN span GROUP BY mv.product_id, mv.location_id
       )
       SELECT prod.*, l.code AS location, l.type AS location_type, l.marketplace, s.on_hand, s.inbound,
         CASE WHEN span.n = 0 THEN s.on_hand
           ELSE GREATEST(0, (s.on_hand - coalesce(agg.since_start, 0)) + coalesce(agg.weighted, 0)::float8 / span.n) END AS avg_on_hand
       FROM prod JOIN items s ON s.product_id = prod.id
       JOIN locations l ON l.id = s.location_id CROSS JOIN span
       LEFT JOIN agg ON agg.product_id = s.product_id AND agg.location_id = s.location_id
       WHERE s.on_hand > 0 OR s.inbound > 0 OR agg.since_start IS NOT NULL
       ORDER BY prod.sku, l.code`,
      params,
    );
    return rows.map(toStorageRow);
  },

  /**
   * Storage utilisation ratio inputs at Amazon locations over the 91 days before `asOf`: average daily
   * stored volume and average daily shipped volume (cubic feet).
   */
  async utilization(
    sql: Sql,
    accountId: number,
    q: { asOf: string },
  ): Promise<{ averageDailyVolume: number; averageDailyShippedVolume: number }> {
    const [row] = await sql.query<{ avg_volume: number | null; shipped_volume: number | null }>(
      `WITH fba AS (SELECT id FROM locations WHERE account_id = $1 AND type = 'amazon_fba'),
       bal AS (
         SELECT s.product_id, s.location_id, s.on_hand FROM stock_balances s JOIN fba ON fba.id = s.location_id WHERE s.account_id = $1
       ),
       mv AS (
         SELECT m.product_id, m.location_id, ((m.occurred_at AT TIME ZONE 'UTC')::date - ($2::date - 91)) AS day, m.on_hand_delta AS delta, m.type
         FROM stock_movements m JOIN fba ON fba.id = m.location_id
         WHERE m.account_id = $1 AND m.occurred_at >= ((($2::date - 91))::timestamp AT TIME ZONE 'UTC')
       ),
       agg AS (
         SELECT product_id, location_id, sum(delta) AS since_start,
           coalesce(sum(delta * (91 - day)) FILTER (WHERE day < 91), 0) AS weighted,
           coalesce(sum(-delta) FILTER (WHERE type = 'shipment' AND day < 91), 0) AS shipped
         FROM mv GROUP BY product_id, location_id
       )
       SELECT sum(GREATEST(0, (b.on_hand - coalesce(a.since_start, 0)) + coalesce(a.weighted, 0)::float8 / 91) * coalesce(p.cubic_feet, 0)) AS avg_volume,
         sum(coalesce(a.shipped, 0) * coalesce(p.cubic_feet, 0)) / 91.0 AS shipped_volume
       FROM bal b JOIN products p ON p.id = b.product_id LEFT JOIN agg a ON a.product_id = b.product_id AND a.location_id = b.location_id`,
      [accountId, q.asOf],
    );
    return { averageDailyVolume: row?.avg_volume ?? 0, averageDailyShippedVolume: row?.shipped_volume ?? 0 };
  },

  /** Volume on hand per location × storage type now, and projected 30 and 60 days out from forecasts. */
  async capacity(sql: Sql, accountId: number): Promise<CapacityRow[]> {
    const rows = await sql.query<{
      location: string;
      marketplace: string | null;
      location_type: string;
      storage_type: 'standard' | 'oversize';
      limits: Record<string, number>;
      used: number;
      p30: number;
      p60: number;
    }>(
      `WITH fc AS (
         SELECT DISTINCT ON (f.product_id, f.location_id) f.product_id, f.location_id,
           (SELECT coalesce(sum(x), 0) FROM unnest(f.mean[(current_date - f.as_of) + 1 : (current_date - f.as_of) + 30]) AS x) AS d30,
           (SELECT coalesce(sum(x), 0) FROM unnest(f.mean[(current_date - f.as_of) + 1 : (current_date - f.as_of) + 60]) AS x) AS d60
         FROM forecasts f WHERE f.account_id = $1 AND f.location_id IS NOT NULL
         ORDER BY f.product_id, f.location_id, f.as_of DESC, f.id DESC
       )
       SELECT l.code AS location, l.marketplace, l.type AS location_type, ${STORAGE_TYPE_SQL} AS storage_type, l.capacity_cubic_feet AS limits,
         sum(s.on_hand * coalesce(p.cubic_feet, 0)) AS used,
         sum(GREATEST(0, s.on_hand + s.inbound - coalesce(fc.d30, 0)) * coalesce(p.cubic_feet, 0)) AS p30,
         sum(GREATEST(0, s.on_hand + s.inbound - coalesce(fc.d60, 0)) * coalesce(p.cubic_feet, 0)) AS p60
       FROM stock_balances s JOIN products p ON p.id = s.product_id JOIN locations l ON l.id = s.location_id
       LEFT JOIN fc ON fc.product_id = s.product_id AND fc.location_id = s.location_id
       WHERE s.account_id = $1 AND l.active
       GROUP BY l.code, l.marketplace, l.type, l.capacity_cubic_feet, ${STORAGE_TYPE_SQL}
       ORDER BY l.code, storage_type`,
      [accountId],
    );
    return rows.map((r) => ({
      location: r.location,
      marketplace: r.marketplace,
      locationType: r.location_type,
      storageType: r.storage_type,
      limits: r.limits,
      usedCubicFeet: r.used,
      projected30: r.p30,
      projected60: r.p60,
    }));
  },

  /**
   * Sales, FIFO cost, Amazon share, Amazon receipts and Amazon unit-days on hand per month, per SKU
   * over [from, to), for a page of SKUs.
   */
  async profitPage(
    sql: Sql,
    accountId: number,
    q: { from: string; to: string } & ProductScope,
  ): Promise<ProfitRow[]> {
    const params: unknown[] = [accountId, q.from, q.to];
    const where = pageWhere(params, q);
    const rows = await sql.query<{
      id: number;
      sku: string;
      title: string;
      asin: string | null;
      cubic_feet: number | null;
      size_tier: string | null;
      weight: number | null;
      weight_unit: string;
      units: number;
      revenue: number;
      cogs: number;
      amazon_units: number;
      amazon_revenue: number;
      amazon_received: number;
      unit_days: Record<string, number> | null;
    }>(
      `WITH prod AS MATERIALIZED (
         SELECT p.id, p.sku, p.title, p.asin, p.cubic_feet, p.size_tier, p.weight, p.weight_unit FROM products p WHERE p.account_id = $1 ${where}
       ),
       fba AS (SELECT id FROM locations WHERE account_id = $1 AND type = 'amazon_fba'),
       sales AS (
         SELECT m.product_id,
           sum(-m.on_hand_delta) FILTER (WHERE m.type = 'shipment') AS units,
           sum(-m.on_hand_delta * coalesce(m.unit_price, 0)) FILTER (WHERE m.type = 'shipment') AS revenue,
           sum(-m.on_hand_delta * coalesce(m.unit_cost, 0)) FILTER (WHERE m.type = 'shipment') AS cogs,
           sum(-m.on_hand_delta) FILTER (WHERE m.type = 'shipment' AND (m.channel = 'amazon' OR (m.channel IS NULL AND m.location_id IN (SELECT id FROM fba)))) AS amazon_units,
           sum(-m.on_hand_delta * coalesce(m.unit_price, 0)) FILTER (WHERE m.type = 'shipment' AND (m.channel = 'amazon' OR (m.channel IS NULL AND m.location_id IN (SELECT id FROM fba)))) AS amazon_revenue,
           sum(m.on_hand_delta) FILTER (WHERE m.type = 'receipt' AND m.location_id IN (SELECT id FROM fba)) AS amazon_received
         FROM stock_movements m JOIN prod ON prod.id = m.product_id
         WHERE m.account_id = $1 AND m.occurred_at >= ($2::date::timestamp AT TIME ZONE 'UTC') AND m.occurred_at < ($3::date::timestamp AT TIME ZONE 'UTC')
         GROUP BY m.product_id
       ),
       days AS (SELECT d::date AS day FROM generate_series($2::date, $3::date - 1, interval '1 day') AS d),
       fba_mv AS (
         SELECT m.product_id, (m.occurred_at AT TIME ZONE 'UTC')::date AS day, sum(m.on_hand_delta) AS delta
         FROM stock_movements m JOIN prod ON prod.id = m.product_id
         WHERE m.account_id = $1 AND m.location_id IN (SELECT id FROM fba) AND m.occurred_at >= ($2::date::timestamp AT TIME ZONE 'UTC')
         GROUP BY m.product_id, (m.occurred_at AT TIME ZONE 'UTC')::date
       ),
       fba_now AS (SELECT s.product_id, sum(s.on_hand) AS on_hand FROM stock_balances s JOIN prod ON prod.id = s.product_id WHERE s.account_id = $1 AND s.location_id IN (SELECT id FROM fba) GROUP BY s.product_id),
       opening AS (
         SELECT n.product_id, n.on_hand - coalesce(since.delta, 0) AS on_hand
         FROM fba_now n LEFT JOIN (SELECT product_id, sum(delta) AS delta FROM fba_mv GROUP BY product_id) since ON since.product_id = n.product_id
       ),
       -- Every day of the period with that day's change (zero on quiet days), grouped rather than joined:
       -- a join against the movement CTE can be planned as a nested loop over it, minutes on a small catalogue.
       daily AS (
         SELECT product_id, day, sum(delta) AS delta FROM (
           SELECT o.product_id, d.day, 0 AS delta FROM opening o CROSS JOIN days d
           UNION ALL
           SELECT x.product_id, x.day, x.delta FROM fba_mv x WHERE x.day < $3::date AND x.product_id IN (SELECT product_id FROM opening)
         ) g GROUP BY product_id, day
       ),
       levels AS (
         SELECT d.product_id, d.day, o.on_hand + sum(d.delta) OVER (PARTITION BY d.product_id ORDER BY d.day) AS level
         FROM daily d JOIN opening o ON o.product_id = d.product_id
       ),
       unit_days AS (
         SELECT product_id, to_char(day, 'YYYY-MM') AS month, sum(GREATEST(0, level)) AS unit_days
         FROM levels GROUP BY product_id, to_char(day, 'YYYY-MM')
       ),
       ud AS (SELECT product_id, json_object_agg(month, unit_days) AS by_month FROM unit_days GROUP BY product_id)
       SELECT prod.*, coalesce(s.units, 0) AS units, coalesce(s.revenue, 0) AS revenue, coalesce(s.cogs, 0) AS cogs,
         coalesce(s.amazon_units, 0) AS amazon_units, coalesce(s.amazon_revenue, 0) AS amazon_revenue,
         coalesce(s.amazon_received, 0) AS amazon_received, ud.by_month AS unit_days
       FROM prod LEFT JOIN sales s ON s.product_id = prod.id LEFT JOIN ud ON ud.product_id = prod.id
       ORDER BY prod.sku`,
      params,
    );
    return rows.map((r) => ({
      productId: r.id,
      sku: r.sku,
      title: r.title,
      asin: r.asin,
      cubicFeet: r.cubic_feet,
      sizeTier: r.size_tier,
      weight: r.weight,
      weightUnit: r.weight_unit,
      unitsSold: r.units,
      revenue: r.revenue,
      cogs: r.cogs,
      amazonUnits: r.amazon_units,
      amazonRevenue: r.amazon_revenue,
      amazonReceivedUnits: r.amazon_received,
      unitDaysByMonth: Object.fromEntries(Object.entries(r.unit_days ?? {}).map(([k, v]) => [k, v])),
    }));
  },

  /** Weekly average selling price and units per SKU over the last `weeks` weeks before `asOf` (price response). */
  async weeklyPrices(
    sql: Sql,
    accountId: number,
    q: { asOf: string; weeks: number; productIds: readonly number[] },
  ): Promise<Map<number, { price: number; units: number }[]>> {
    const rows = await sql.query<{ product_id: number; price: number; units: number }>(
      `SELECT product_id, sum(-on_hand_delta * unit_price) / NULLIF(sum(-on_hand_delta), 0) AS price, sum(-on_hand_delta) AS units
       FROM stock_movements
       WHERE account_id = $1 AND product_id = ANY($4::bigint[]) AND type = 'shipment' AND unit_price IS NOT NULL
         AND occurred_at >= ((($2::date - 7 * $3::int))::timestamp AT TIME ZONE 'UTC') AND occurred_at < ($2::date::timestamp AT TIME ZONE 'UTC')
       GROUP BY product_id, (($2::date - (occurred_at AT TIME ZONE 'UTC')::date) / 7)`,
      [accountId, q.asOf, q.weeks, q.productIds],
    );
    const out = new Map<number, { price: number; units: number }[]>();
    for (const r of rows) {
      if (r.price === null) continue;
      const list = out.get(r.product_id) ?? [];
      list.push({ price: r.price, units: r.units });
      out.set(r.product_id, list);
    }
    return out;
  },
};
