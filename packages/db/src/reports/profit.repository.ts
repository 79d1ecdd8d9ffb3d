import type { Sql } from '../database';
import type { ProductScope } from '../health/product-scope';
import { amazonLocationsSql, productScopeSql } from '../health/product-scope';
import type { BracketParam } from './layer-sums';
import { bracketAmountSql, layerSums } from './layer-sums';

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
  /**
   * Settlement amounts (migration 0040) posted in the period in the report's currency, signed as Amazon
   * wrote them (fees and refunds negative, reimbursements positive); null when the SKU has none of a kind.
   */
  settled: { fee: number | null; refund: number | null; reimbursement: number | null };
}

/** A shipment sold through Amazon: on the Amazon channel, or without a channel from an Amazon location (CTE fba). */
const AMAZON_SALE = `(m.channel = 'amazon' OR (m.channel IS NULL AND m.location_id IN (SELECT id FROM fba)))`;

export const profitRepository = {
  /**
   * Sales, FIFO cost, Amazon share, Amazon receipts and Amazon unit-days on hand per month, per SKU
   * over [from, to), for a page of SKUs.
   */
  async page(
    sql: Sql,
    accountId: number,
    q: { from: string; to: string; currency: string } & ProductScope,
  ): Promise<ProfitRow[]> {
    const params: unknown[] = [accountId, q.from, q.to, q.currency];
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
      units: number;
      revenue: number;
      cogs: number;
      amazon_units: number;
      amazon_revenue: number;
      amazon_received: number;
      unit_days: Record<string, number> | null;
      settled_fee: number | null;
      settled_refund: number | null;
      settled_reimbursement: number | null;
    }>(
      `WITH prod AS MATERIALIZED (
         SELECT p.id, p.sku, p.title, p.asin, p.cubic_feet, p.size_tier, p.weight, p.weight_unit FROM products p WHERE p.account_id = $1 ${where}
       ),
       fba AS (${amazonLocations}),
       sales AS (
         SELECT m.product_id,
           sum(-m.on_hand_delta) FILTER (WHERE m.type = 'shipment') AS units,
           sum(-m.on_hand_delta * coalesce(m.unit_price, 0)) FILTER (WHERE m.type = 'shipment') AS revenue,
           sum(-m.on_hand_delta * coalesce(m.unit_cost, 0)) FILTER (WHERE m.type = 'shipment') AS cogs,
           sum(-m.on_hand_delta) FILTER (WHERE m.type = 'shipment' AND ${AMAZON_SALE}) AS amazon_units,
           sum(-m.on_hand_delta * coalesce(m.unit_price, 0)) FILTER (WHERE m.type = 'shipment' AND ${AMAZON_SALE}) AS amazon_revenue,
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
       ud AS (SELECT product_id, json_object_agg(month, unit_days) AS by_month FROM unit_days GROUP BY product_id),
       settled AS (
         SELECT a.product_id,
           sum(a.amount) FILTER (WHERE a.kind = 'fee')::float8 AS fee,
           sum(a.amount) FILTER (WHERE a.kind = 'refund')::float8 AS refund,
           sum(a.amount) FILTER (WHERE a.kind = 'reimbursement')::float8 AS reimbursement
         FROM settlement_amounts a JOIN prod ON prod.id = a.product_id
         WHERE a.account_id = $1 AND a.currency = $4
           AND a.posted_at >= ($2::date::timestamp AT TIME ZONE 'UTC') AND a.posted_at < ($3::date::timestamp AT TIME ZONE 'UTC')
         GROUP BY a.product_id
       )
       SELECT prod.*, coalesce(s.units, 0) AS units, coalesce(s.revenue, 0) AS revenue, coalesce(s.cogs, 0) AS cogs,
         coalesce(s.amazon_units, 0) AS amazon_units, coalesce(s.amazon_revenue, 0) AS amazon_revenue,
         coalesce(s.amazon_received, 0) AS amazon_received, ud.by_month AS unit_days,
         st.fee AS settled_fee, st.refund AS settled_refund, st.reimbursement AS settled_reimbursement
       FROM prod LEFT JOIN sales s ON s.product_id = prod.id LEFT JOIN ud ON ud.product_id = prod.id
       LEFT JOIN settled st ON st.product_id = prod.id
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
      settled: { fee: r.settled_fee, refund: r.settled_refund, reimbursement: r.settled_reimbursement },
    }));
  },
  /**
   * The aged-inventory surcharge per SKU on each of `days` (assessment days, 'YYYY-MM-DD'), from the ledger
   * as it stood at the end of that day: the units then on hand at Amazon's locations (today's balance −
   * later movements), in the layers then open (FIFO leaves the newest: the layers opened by that day,
   * newest first, up to the units on hand), each aged by its arrival at Amazon
   * (docs/formulas.md#storage-fees-and-the-aged-inventory-surcharge). For a page of SKUs, set-based.
   */
  async surchargesOnDays(
    sql: Sql,
    accountId: number,
    q: { days: readonly string[]; brackets: readonly BracketParam[] } & ProductScope,
  ): Promise<{ sku: string; day: string; amount: number }[]> {
    if (q.days.length === 0 || q.brackets.length === 0) return [];
    const params: unknown[] = [accountId, q.days];
    const where = productScopeSql(params, q);
    const amazon = amazonLocationsSql(params);
    const sums = layerSums(params, { brackets: q.brackets, warnDays: null });
    const amount = sums.brackets.map((b, i) => bracketAmountSql(b, i, 'k', 'coalesce(prod.cubic_feet, 0)'));
    const endOf = (day: string) => `((${day} + 1)::timestamp AT TIME ZONE 'UTC')`;
    return sql.query<{ sku: string; day: string; amount: number }>(
      `WITH prod AS MATERIALIZED (SELECT p.id, p.sku, p.cubic_feet FROM products p WHERE p.account_id = $1 ${where}),
       amz AS MATERIALIZED (${amazon}),
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
