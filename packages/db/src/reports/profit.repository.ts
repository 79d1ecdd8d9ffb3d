import type { Sql } from '../database';
import type { ProductScope } from '../health/product-scope';
import { amazonLocationsSql, locationScopeSql, productScopeSql } from '../health/product-scope';
import type { BracketParam } from './layer-sums';
import { bracketAmountSql, layerSums } from './layer-sums';

/**
 * Sales of one SKU from one location on one channel with one order currency: the sale's currency is
 * the order's, else the location's marketplace's, else the product's (the caller resolves it: domain
 * marketplaceCurrency); which Amazon fees they pay follows from the channel and the location's type
 * (domain saleFees), an MCF fee also from the units of their order (split by it).
 */
export interface ProfitSales {
  /** The order's currency; null when the order has none (or the shipment no order). */
  orderCurrency: string | null;
  locationId: number;
  /** The shipping location's type (`amazon_fba`, `warehouse`, `3pl`). */
  locationType: string;
  /** The shipment's sales channel; null for a shipment recorded without one. */
  channel: string | null;
  /** The shipping location's marketplace, as stored. */
  marketplace: string | null;
  /**
   * The units their order shipped from that location, every SKU of it (an MCF order's size, for its
   * fee band: domain saleFulfilmentFee); null for a shipment without an order.
   */
  unitsInOrder: number | null;
  units: number;
  revenue: number;
}

/**
 * Settlement amounts (migration 0040) posted in the period in one currency, signed as Amazon wrote them
 * (fees and refunds negative, reimbursements positive); null when the SKU has none of a kind.
 */
export interface ProfitSettled {
  currency: string;
  fee: number | null;
  refund: number | null;
  reimbursement: number | null;
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
  /** The product's currency: its unit cost's, so COGS's. */
  costCurrency: string;
  /** Per shipping location, channel and order currency; empty when nothing shipped. */
  sales: ProfitSales[];
  /** Σ shipments × FIFO unit cost, in `costCurrency`. */
  cogs: number;
  /** Units received per Amazon location (inbound shipping applies). */
  amazonReceived: { locationId: number; units: number }[];
  /**
   * Σ over the period's days of units on hand (unit-days, for storage fees) per Amazon location and
   * storage month ('YYYY-MM').
   */
  unitDays: { locationId: number; month: string; unitDays: number }[];
  /** Per settlement currency, in currency order. */
  settled: ProfitSettled[];
}

/**
 * The profit page's statement: per SKU, sales per location, channel, currency and order size, FIFO cost, Amazon receipts, Amazon unit-days
 * per location and month, and settled amounts per currency ($2..$3 the period). Per location, so that each
 * is priced by its own marketplace's fee table.
 */
const pageSql = (where: string, amazonLocations: string) =>
  `WITH prod AS MATERIALIZED (
         SELECT p.id, p.sku, p.title, p.asin, p.cubic_feet, p.size_tier, p.weight, p.weight_unit, p.currency FROM products p WHERE p.account_id = $1 ${where}
       ),
       fba AS (${amazonLocations}),
       sold AS (
         SELECT m.product_id, o.currency AS order_currency, m.location_id, l.type AS location_type, m.channel, l.marketplace,
           ou.units AS units_in_order,
           sum(m.units) AS units,
           sum(m.units * coalesce(m.unit_price, 0)) AS revenue,
           sum(m.units * coalesce(m.unit_cost, 0)) AS cogs
         -- the ledger's shipments, and the sales of orders shipped before Amazon's figures were read, which
         -- moved no stock (docs/decisions.md 47, 53)
         FROM (
           SELECT product_id, location_id, channel, reference_type, reference_id, -on_hand_delta AS units, unit_price, unit_cost
           FROM stock_movements WHERE account_id = $1 AND type = 'shipment'
             AND occurred_at >= ($2::date::timestamp AT TIME ZONE 'UTC') AND occurred_at < ($3::date::timestamp AT TIME ZONE 'UTC')
           UNION ALL
           SELECT product_id, location_id, channel, 'order', order_id::text, units, unit_price, unit_cost
           FROM order_history_shipments WHERE account_id = $1
             AND shipped_at >= ($2::date::timestamp AT TIME ZONE 'UTC') AND shipped_at < ($3::date::timestamp AT TIME ZONE 'UTC')
         ) m JOIN prod ON prod.id = m.product_id
         JOIN locations l ON l.id = m.location_id AND l.account_id = $1
         -- an order's movements name its id as text: compared as a number so the key can be used
         LEFT JOIN orders o ON m.reference_type = 'order' AND o.account_id = $1
           AND o.id = (CASE WHEN m.reference_id ~ '^[0-9]{1,18}$' THEN m.reference_id::bigint END)
         -- the units the order shipped from this location, all its SKUs (its allocations)
         LEFT JOIN LATERAL (
           SELECT sum(a.shipped)::int AS units FROM order_lines ol
           JOIN order_allocations a ON a.order_line_id = ol.id AND a.location_id = m.location_id
           WHERE ol.account_id = $1 AND ol.order_id = o.id
         ) ou ON o.id IS NOT NULL
         GROUP BY m.product_id, o.currency, m.location_id, l.type, m.channel, l.marketplace, ou.units
       ),
       sales AS (
         SELECT product_id, sum(cogs) AS cogs,
           json_agg(json_build_object('orderCurrency', order_currency, 'locationId', location_id,
             'locationType', location_type, 'channel', channel, 'marketplace', marketplace,
             'unitsInOrder', units_in_order, 'units', units, 'revenue', revenue)
             ORDER BY location_id, channel, order_currency, units_in_order) AS by_location
         FROM sold GROUP BY product_id
       ),
       received_at AS (
         SELECT m.product_id, m.location_id, sum(m.on_hand_delta) AS units
         FROM stock_movements m JOIN prod ON prod.id = m.product_id
         WHERE m.account_id = $1 AND m.type = 'receipt' AND m.location_id IN (SELECT id FROM fba)
           AND m.occurred_at >= ($2::date::timestamp AT TIME ZONE 'UTC') AND m.occurred_at < ($3::date::timestamp AT TIME ZONE 'UTC')
         GROUP BY m.product_id, m.location_id
       ),
       received AS (
         SELECT product_id, json_agg(json_build_object('locationId', location_id, 'units', units) ORDER BY location_id) AS by_location
         FROM received_at GROUP BY product_id
       ),
       days AS (SELECT d::date AS day FROM generate_series($2::date, $3::date - 1, interval '1 day') AS d),
       fba_mv AS (
         SELECT m.product_id, m.location_id, (m.occurred_at AT TIME ZONE 'UTC')::date AS day, sum(m.on_hand_delta) AS delta
         FROM stock_movements m JOIN prod ON prod.id = m.product_id
         WHERE m.account_id = $1 AND m.location_id IN (SELECT id FROM fba) AND m.occurred_at >= ($2::date::timestamp AT TIME ZONE 'UTC')
         GROUP BY m.product_id, m.location_id, (m.occurred_at AT TIME ZONE 'UTC')::date
       ),
       fba_now AS (SELECT s.product_id, s.location_id, sum(s.on_hand) AS on_hand FROM stock_balances s JOIN prod ON prod.id = s.product_id WHERE s.account_id = $1 AND s.location_id IN (SELECT id FROM fba) GROUP BY s.product_id, s.location_id),
       opening AS (
         SELECT n.product_id, n.location_id, n.on_hand - coalesce(since.delta, 0) AS on_hand
         FROM fba_now n LEFT JOIN (SELECT product_id, location_id, sum(delta) AS delta FROM fba_mv GROUP BY product_id, location_id) since
           ON since.product_id = n.product_id AND since.location_id = n.location_id
       ),
       -- Every day of the period with that day's change (zero on quiet days), grouped rather than joined:
       -- a join against the movement CTE can be planned as a nested loop over it, minutes on a small catalogue.
       daily AS (
         SELECT product_id, location_id, day, sum(delta) AS delta FROM (
           SELECT o.product_id, o.location_id, d.day, 0 AS delta FROM opening o CROSS JOIN days d
           UNION ALL
           SELECT x.product_id, x.location_id, x.day, x.delta FROM fba_mv x
           WHERE x.day < $3::date AND (x.product_id, x.location_id) IN (SELECT product_id, location_id FROM opening)
         ) g GROUP BY product_id, location_id, day
       ),
       levels AS (
         SELECT d.product_id, d.location_id, d.day,
           o.on_hand + sum(d.delta) OVER (PARTITION BY d.product_id, d.location_id ORDER BY d.day) AS level
         FROM daily d JOIN opening o ON o.product_id = d.product_id AND o.location_id = d.location_id
       ),
       unit_days AS (
         SELECT product_id, location_id, to_char(day, 'YYYY-MM') AS month, sum(GREATEST(0, level)) AS unit_days
         FROM levels GROUP BY product_id, location_id, to_char(day, 'YYYY-MM')
       ),
       ud AS (
         SELECT product_id, json_agg(json_build_object('locationId', location_id, 'month', month, 'unitDays', unit_days)
           ORDER BY location_id, month) AS by_location
         FROM unit_days GROUP BY product_id
       ),
       settled_sums AS (
         SELECT a.product_id, a.currency,
           sum(a.amount) FILTER (WHERE a.kind = 'fee')::float8 AS fee,
           sum(a.amount) FILTER (WHERE a.kind = 'refund')::float8 AS refund,
           sum(a.amount) FILTER (WHERE a.kind = 'reimbursement')::float8 AS reimbursement
         FROM settlement_amounts a JOIN prod ON prod.id = a.product_id
         WHERE a.account_id = $1
           AND a.posted_at >= ($2::date::timestamp AT TIME ZONE 'UTC') AND a.posted_at < ($3::date::timestamp AT TIME ZONE 'UTC')
         GROUP BY a.product_id, a.currency
       ),
       settled AS (
         SELECT product_id, json_agg(json_build_object('currency', currency, 'fee', fee, 'refund', refund,
           'reimbursement', reimbursement) ORDER BY currency) AS by_currency
         FROM settled_sums GROUP BY product_id
       )
       SELECT prod.*, s.by_location AS sales, coalesce(s.cogs, 0) AS cogs,
         rc.by_location AS amazon_received, ud.by_location AS unit_days, st.by_currency AS settled
       FROM prod LEFT JOIN sales s ON s.product_id = prod.id LEFT JOIN received rc ON rc.product_id = prod.id
       LEFT JOIN ud ON ud.product_id = prod.id LEFT JOIN settled st ON st.product_id = prod.id
       ORDER BY prod.sku`;

export const profitRepository = {
  /**
   * Sales per location and channel, FIFO cost, Amazon receipts and Amazon unit-days on hand per month, per SKU
   * over [from, to), for a page of SKUs.
   */
  async page(
    sql: Sql,
    accountId: number,
    q: { from: string; to: string } & ProductScope,
  ): Promise<ProfitRow[]> {
    const params: unknown[] = [accountId, q.from, q.to];
    const where = productScopeSql(params, q);
    const amazonLocations = amazonLocationsSql(params);
    const rows = await sql.query<{
      id: number;
      sku: string;
      title: string;
      asin: string | null;
      cubic_feet: number | null;
      size_tier: string | null;
      weight: number | null;
      weight_unit: string;
      currency: string;
      sales: ProfitSales[] | null;
      cogs: number;
      amazon_received: ProfitRow['amazonReceived'] | null;
      unit_days: ProfitRow['unitDays'] | null;
      settled: ProfitSettled[] | null;
    }>(pageSql(where, amazonLocations), params);
    return rows.map((r) => ({
      productId: r.id,
      sku: r.sku,
      title: r.title,
      asin: r.asin,
      cubicFeet: r.cubic_feet,
      sizeTier: r.size_tier,
      weight: r.weight,
      weightUnit: r.weight_unit,
      costCurrency: r.currency,
      sales: r.sales ?? [],
      cogs: r.cogs,
      amazonReceived: r.amazon_received ?? [],
      unitDays: r.unit_days ?? [],
      settled: r.settled ?? [],
    }));
  },
  /**
   * The aged-inventory surcharge per SKU on each of `days` (assessment days, 'YYYY-MM-DD'), from the ledger
   * as it stood at the end of that day: the units then on hand at Amazon's locations (or those given) (today's balance −
   * later movements), in the layers then open (FIFO leaves the newest: the layers opened by that day,
   * newest first, up to the units on hand), each aged by its arrival at Amazon
   * (docs/formulas.md#storage-fees-and-the-aged-inventory-surcharge). For a page of SKUs, set-based.
   */
  async surchargesOnDays(
    sql: Sql,
    accountId: number,
    q: {
      days: readonly string[];
      brackets: readonly BracketParam[];
      /** The Amazon locations counted (one marketplace's); Amazon's all when absent. */
      locationIds?: readonly number[] | undefined;
    } & ProductScope,
  ): Promise<{ sku: string; day: string; amount: number }[]> {
    if (q.days.length === 0 || q.brackets.length === 0) return [];
    const params: unknown[] = [accountId, q.days];
    const where = productScopeSql(params, q);
    const amazon = locationScopeSql(params, q.locationIds);
    const sums = layerSums(params, { brackets: q.brackets, warnDays: null });
    const amount = sums.brackets.map((b, i) => bracketAmountSql(b, i, 'k', 'coalesce(prod.cubic_feet, 0)'));
    const endOf = (day: string) => `((${day} + 1)::timestamp AT TIME ZONE 'UTC')`;
    return sql.query<{ sku: string; day: string; amount: number }>(
      `WITH prod AS MATERIALIZED (SELECT p.id, p.sku, p.cubic_feet FROM products p WHERE p.account_id = $1 ${where}),
       amz(id) AS MATERIALIZED (${amazon}),
       days AS (SELECT DISTINCT unnest($2::date[]) AS day),
       level AS MATERIALIZED (
         SELECT b.product_id, b.location_id, d.day, b.on_hand - coalesce((
           SELECT sum(m.on_hand_delta) FROM stock_movements m
           WHERE m.account_id = $1 AND m.product_id = b.product_id AND m.location_id = b.location_id
             AND m.occurred_at >= ${endOf('d.day')}), 0) AS on_hand
         FROM stock_balances b JOIN prod ON prod.id = b.product_id CROSS JOIN days d
         WHERE b.account_id = $1 AND b.location_id IN (SELECT id FROM amz)
       ),
       amz_layers AS MATERIALIZED (
         -- When each layer opened, looked up by its movement's key: a join let the planner scan the whole ledger.
         SELECT x.id, x.product_id, x.location_id, x.quantity_received, x.received_at, x.arrived_at,
           (SELECT sm.occurred_at FROM stock_movements sm WHERE sm.id = x.source_movement_id) AS opened_at
         FROM age_layers x JOIN prod ON prod.id = x.product_id
         WHERE x.account_id = $1 AND x.location_id IN (SELECT id FROM amz)
       ),
       lay AS MATERIALIZED (
         SELECT x.product_id, x.location_id, d.day, x.quantity_received AS qr, x.received_at, x.arrived_at,
           sum(x.quantity_received) OVER (PARTITION BY x.product_id, x.location_id, d.day
             ORDER BY x.arrived_at DESC, x.received_at DESC, x.id DESC) AS cum
         FROM amz_layers x CROSS JOIN days d
         WHERE x.opened_at < ${endOf('d.day')}
       ),
       opened AS (
         SELECT lay.product_id, lay.day, lay.received_at, lay.arrived_at,
           GREATEST(0, LEAST(lay.qr, lv.on_hand - (lay.cum - lay.qr))) AS q,
           (lay.day - (lay.arrived_at AT TIME ZONE 'UTC')::date) AS age
         FROM lay JOIN level lv ON lv.product_id = lay.product_id AND lv.location_id = lay.location_id AND lv.day = lay.day
       ),
       k AS (SELECT product_id, day, ${sums.columns} FROM opened GROUP BY product_id, day)
       SELECT prod.sku, to_char(k.day, 'YYYY-MM-DD') AS day, (${amount.join(' + ')})::float8 AS amount
       FROM k JOIN prod ON prod.id = k.product_id
       ORDER BY prod.sku, k.day`,
      params,
    );
  },
};
