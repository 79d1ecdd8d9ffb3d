import { REDATED_SHIPMENT } from '@stockwise/domain/ledger/movement-rules';
import type { NonStockRule } from '@stockwise/domain/imports/sales-history';
import { DEFAULT_NON_STOCK_RULE } from '@stockwise/domain/imports/sales-history';
import type { Sql } from '../database';
import { recordedDemandSql } from './recorded-demand-sql';

export interface SalesHistoryDay {
  sku: string;
  day: string;
  units: number;
  revenue: number;
}

export interface StagedSalesSummary {
  lines: number;
  sales: number;
  zeroPrice: number;
  nonStock: number;
  cancellations: number;
  returns: number;
  units: number;
  revenue: number;
  currencies: string[];
}

/**
 * A sales history's demand per SKU × location × day (`sales_demand`), its non-stock products and the
 * account's non-stock rule. Every query takes the account and filters on it.
 */
export const salesHistoryRepository = {
  async nonStockRule(sql: Sql, accountId: number): Promise<NonStockRule> {
    const [row] = await sql.query<NonStockRule>(
      'SELECT codes, prefixes FROM non_stock_rules WHERE account_id = $1',
      [accountId],
    );
    return row ?? DEFAULT_NON_STOCK_RULE;
  },

  async setNonStockRule(sql: Sql, accountId: number, rule: NonStockRule): Promise<void> {
    await sql.query(
      `INSERT INTO non_stock_rules (account_id, codes, prefixes) VALUES ($1, $2::text[], $3::text[])
       ON CONFLICT (account_id) DO UPDATE SET codes = EXCLUDED.codes, prefixes = EXCLUDED.prefixes, updated_at = now()`,
      [accountId, rule.codes, rule.prefixes],
    );
  },

  /** Creates the staged SKUs the catalogue lacks (title of their first line, else the SKU); returns how many. */
  async createProducts(sql: Sql, accountId: number, importId: number): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `WITH firsts AS (
         SELECT DISTINCT ON (data->>'sku') data->>'sku' AS sku, coalesce(data->>'title', data->>'sku') AS title,
           data->>'use' = 'non-stock' AS non_stock
         FROM import_rows WHERE import_id = $2 ORDER BY data->>'sku', line_no),
       made AS (
         INSERT INTO products (account_id, sku, title, non_stock) SELECT $1, sku, title, non_stock FROM firsts
         ON CONFLICT (account_id, sku) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM made`,
      [accountId, importId],
    );
    return row?.n ?? 0;
  },

  /** Flags the products of the staged non-stock lines (the rule matched them); returns how many changed. */
  async markNonStock(sql: Sql, accountId: number, importId: number): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `WITH marked AS (
         UPDATE products SET non_stock = true, updated_at = now()
         WHERE account_id = $1 AND NOT non_stock
           AND sku IN (SELECT data->>'sku' FROM import_rows WHERE import_id = $2 AND data->>'use' = 'non-stock')
         RETURNING 1)
       SELECT count(*)::int AS n FROM marked`,
      [accountId, importId],
    );
    return row?.n ?? 0;
  },

  /**
   * Adds the sale lines staged in [from, to) to the day's demand of their SKU at the location (units
   * net of returns and cancellations, revenue); a later file for the same day adds to it.
   */
  async addDemand(
    sql: Sql,
    accountId: number,
    q: { importId: number; locationId: number; from: number; to: number },
  ): Promise<void> {
    // A line with an order id counts only if no earlier file counted it (sales_history_lines).
    await sql.query(
      `WITH fresh AS (
         INSERT INTO sales_history_lines (account_id, order_id, product_id, day, occurrence, import_id, line_no)
         SELECT $1, r.data->>'orderId', p.id, (r.data->>'day')::date, (r.data->>'occurrence')::int, $2, r.line_no
         FROM import_rows r JOIN products p ON p.account_id = $1 AND p.sku = r.data->>'sku'
         WHERE r.import_id = $2 AND r.line_no >= $4 AND r.line_no < $5 AND r.data->>'use' = 'sale'
           AND r.data->>'orderId' IS NOT NULL
         ON CONFLICT DO NOTHING
         RETURNING line_no)
       INSERT INTO sales_demand AS s (account_id, product_id, location_id, day, units, revenue, lines)
       SELECT $1, p.id, $3, (r.data->>'day')::date, sum((r.data->>'units')::int), sum((r.data->>'revenue')::numeric), count(*)
       FROM import_rows r JOIN products p ON p.account_id = $1 AND p.sku = r.data->>'sku'
       WHERE r.import_id = $2 AND r.line_no >= $4 AND r.line_no < $5 AND r.data->>'use' = 'sale'
         AND (r.data->>'orderId' IS NULL OR r.line_no IN (SELECT line_no FROM fresh))
       GROUP BY p.id, (r.data->>'day')::date
       ON CONFLICT (account_id, product_id, location_id, day) DO UPDATE
         SET units = s.units + EXCLUDED.units, revenue = s.revenue + EXCLUDED.revenue, lines = s.lines + EXCLUDED.lines`,
      [accountId, q.importId, q.locationId, q.from, q.to],
    );
  },

  /**
   * Records the shipped lines of orders Amazon shipped before its stock here was known (sales history, no
   * movement; docs/decisions.md 47): `order_history_shipments`, priced, and costed at the SKU's unit cost
   * (no layer was taken). That row is the one record of those units: forecasting reads it as demand
   * (`recordedDemandSql`), the profit report as sales (decision 59).
   */
  async addOrderDemand(
    sql: Sql,
    accountId: number,
    rows: readonly {
      orderId: number;
      channel: string;
      productId: number;
      locationId: number;
      shippedAt: Date;
      units: number;
      unitPrice: number | null;
    }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO order_history_shipments (account_id, order_id, product_id, location_id, units, unit_price, unit_cost, channel, shipped_at)
       SELECT $1, d.order_id, d.product_id, d.location_id, d.units, d.unit_price, p.unit_cost, d.channel, d.shipped_at
       FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::int[], $6::numeric[], $7::text[], $8::timestamptz[])
         AS d(order_id, product_id, location_id, units, unit_price, channel, shipped_at)
       JOIN products p ON p.account_id = $1 AND p.id = d.product_id`,
      [
        accountId,
        rows.map((r) => r.orderId),
        rows.map((r) => r.productId),
        rows.map((r) => r.locationId),
        rows.map((r) => r.units),
        rows.map((r) => r.unitPrice),
        rows.map((r) => r.channel),
        rows.map((r) => r.shippedAt),
      ],
    );
  },

  /** Staged sales lines an earlier file already counted (same order, SKU, day and occurrence): not added again. */
  async duplicates(sql: Sql, importId: number): Promise<{ lines: number; units: number }> {
    const [row] = await sql.query<{ lines: number; units: number }>(
      `SELECT count(*)::int AS lines, coalesce(sum((r.data->>'units')::int), 0)::int AS units
       FROM import_rows r WHERE r.import_id = $1 AND r.data->>'use' = 'sale' AND r.data->>'orderId' IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM sales_history_lines h WHERE h.import_id = $1 AND h.line_no = r.line_no)`,
      [importId],
    );
    return row ?? { lines: 0, units: 0 };
  },

  /** What the staged lines hold: sales, lines with no price, non-stock lines, cancellations and returns. */
  async stagedSummary(sql: Sql, importId: number): Promise<StagedSalesSummary> {
    const [row] = await sql.query<StagedSalesSummary>(
      `SELECT count(*)::int AS lines,
         (count(*) FILTER (WHERE data->>'use' = 'sale'))::int AS sales,
         (count(*) FILTER (WHERE data->>'use' = 'zero-price'))::int AS "zeroPrice",
         (count(*) FILTER (WHERE data->>'use' = 'non-stock'))::int AS "nonStock",
         (count(*) FILTER (WHERE data->>'use' = 'sale' AND (data->>'cancelled')::boolean))::int AS cancellations,
         (count(*) FILTER (WHERE data->>'use' = 'sale' AND NOT (data->>'cancelled')::boolean AND (data->>'units')::int < 0))::int AS returns,
         coalesce(sum((data->>'units')::int) FILTER (WHERE data->>'use' = 'sale'), 0)::int AS units,
         coalesce(sum((data->>'revenue')::numeric) FILTER (WHERE data->>'use' = 'sale'), 0)::float8 AS revenue,
         coalesce(array_agg(DISTINCT data->>'currency') FILTER (WHERE data->>'currency' IS NOT NULL), '{}') AS currencies
       FROM import_rows WHERE import_id = $1`,
      [importId],
    );
    return row!;
  },

  /** The staged SKUs and the account's SKUs equal to one of them but for case (for case-variant flags). */
  async caseCandidates(sql: Sql, accountId: number, importId: number): Promise<string[]> {
    const rows = await sql.query<{ sku: string }>(
      `WITH staged AS (SELECT DISTINCT data->>'sku' AS sku FROM import_rows WHERE import_id = $2)
       SELECT sku FROM staged
       UNION SELECT p.sku FROM products p WHERE p.account_id = $1 AND lower(p.sku) IN (SELECT lower(sku) FROM staged)`,
      [accountId, importId],
    );
    return rows.map((r) => r.sku);
  },

  /**
   * Daily units and revenue per SKU as forecasting reads them: the recorded demand (a sales history's
   * days, demand-only orders' shipped lines) plus the ledger's shipments (net of nothing: returns are not
   * negative demand there), non-stock SKUs left out; a day whose shipments a re-dating moved away
   * (docs/decisions.md 53), netting to nothing, is no sales day.
   */
  async history(
    sql: Sql,
    accountId: number,
    q: { from: string; to: string; productId?: number | undefined; locationId?: number | undefined },
  ): Promise<SalesHistoryDay[]> {
    return sql.query<SalesHistoryDay>(
      `WITH d AS (
         SELECT product_id, day, units, revenue, false AS redated FROM (${recordedDemandSql({
           account: '$1',
           from: '$2',
           to: '$3',
           where: '($4::bigint IS NULL OR product_id = $4) AND ($5::bigint IS NULL OR location_id = $5)',
         })}) r
         UNION ALL
         SELECT product_id, (occurred_at AT TIME ZONE 'UTC')::date, -on_hand_delta, -on_hand_delta * coalesce(unit_price, 0),
           coalesce(reason = $6, false)
         FROM stock_movements
         WHERE account_id = $1 AND type = 'shipment' AND occurred_at >= $2::date AND occurred_at < $3::date
           AND ($4::bigint IS NULL OR product_id = $4) AND ($5::bigint IS NULL OR location_id = $5))
       SELECT p.sku, to_char(d.day, 'YYYY-MM-DD') AS day, sum(d.units)::int AS units, sum(d.revenue)::float8 AS revenue
       FROM d JOIN products p ON p.account_id = $1 AND p.id = d.product_id AND NOT p.non_stock
       GROUP BY p.sku, d.day HAVING sum(d.units) <> 0 OR NOT bool_or(d.redated) ORDER BY p.sku, d.day`,
      [accountId, q.from, q.to, q.productId ?? null, q.locationId ?? null, REDATED_SHIPMENT],
    );
  },

  /** Products flagged non-stock: kept out of the planning position. */
  async nonStockProductIds(
    sql: Sql,
    accountId: number,
    productIds?: readonly number[],
  ): Promise<Set<number>> {
    const rows = await sql.query<{ id: number }>(
      'SELECT id FROM products WHERE account_id = $1 AND non_stock AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))',
      [accountId, productIds ?? null],
    );
    return new Set(rows.map((r) => r.id));
  },

  /**
   * SKU × location pairs that have recorded demand (planned even before the ledger holds them), in
   * product and location order; of `productIds` only when given.
   */
  async demandItems(
    sql: Sql,
    accountId: number,
    productIds?: readonly number[],
  ): Promise<{ productId: number; locationId: number }[]> {
    return sql.query<{ productId: number; locationId: number }>(
      `SELECT DISTINCT product_id AS "productId", location_id AS "locationId"
        FROM (${recordedDemandSql({ account: '$1', where: '($2::bigint[] IS NULL OR product_id = ANY($2::bigint[]))' })}) r
        ORDER BY 1, 2`,
      [accountId, productIds ?? null],
    );
  },
};
