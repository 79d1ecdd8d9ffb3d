import type { OrderSizeSummary } from '@stockwise/domain/replenishment/lumpy-demand';
import type { Sql } from '../database';
import { readAllPages, READ_PAGE } from '../pagination';
import { recordedDemandSql } from '../sales/recorded-demand-sql';

export interface ReplenishmentSettings {
  productId: number;
  serviceLevel: number | null;
  reviewDays: number | null;
  minCoverDays: number | null;
  maxCoverDays: number | null;
  allowExcess: boolean;
  /** Buy or send where clearance is advised (docs/formulas.md Held back). */
  buyDespiteClearance: boolean;
  /** Buy although a unit loses money after fees. */
  buyDespiteLoss: boolean;
}

export interface PlanningBalance {
  productId: number;
  locationId: number;
  onHand: number;
  reserved: number;
  inbound: number;
}

/** Reads the restock plan needs in bulk (whole catalogue), and per-SKU planning settings. */
export const replenishmentRepository = {
  /**
   * Every balance row of the account, by SKU and location, read a page per statement (readAllPages);
   * with `productIds`, those products' rows only (in the same order).
   */
  async balances(sql: Sql, accountId: number, productIds?: readonly number[]): Promise<PlanningBalance[]> {
    if (productIds)
      return sql.query<PlanningBalance>(
        `SELECT product_id AS "productId", location_id AS "locationId", on_hand AS "onHand", reserved, inbound
         FROM stock_balances WHERE account_id = $1 AND product_id = ANY($2::bigint[])
         ORDER BY product_id, location_id`,
        [accountId, productIds],
      );
    return readAllPages((after) =>
      sql.query<PlanningBalance>(
        `SELECT product_id AS "productId", location_id AS "locationId", on_hand AS "onHand", reserved, inbound
         FROM stock_balances WHERE account_id = $1 AND (product_id, location_id) > ($2, $3)
         ORDER BY product_id, location_id LIMIT $4`,
        [accountId, after?.productId ?? 0, after?.locationId ?? 0, READ_PAGE],
      ),
    );
  },

  /**
   * Units per selling day (an order) of the given products per location over [from, to), from the
   * ledger's shipments and the sales history (as the forecast reads them): count, total, sum of
   * squares, and each day's units when at most `keepSizes` days sold (docs/formulas.md Lumpy demand).
   */
  async orderSizes(
    sql: Sql,
    accountId: number,
    q: { from: string; to: string; productIds: readonly number[]; keepSizes: number },
  ): Promise<Map<string, OrderSizeSummary>> {
    const out = new Map<string, OrderSizeSummary>();
    if (q.productIds.length === 0) return out;
    const rows = await sql.query<{
      product_id: number;
      location_id: number;
      orders: number;
      units: number;
      sum_squares: number;
      sizes: number[] | null;
    }>(
      `WITH d AS (
         SELECT product_id, location_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, -on_hand_delta AS units
         FROM stock_movements
         WHERE account_id = $1 AND type = 'shipment' AND occurred_at >= $2::date AND occurred_at < $3::date
           AND product_id = ANY($4::bigint[])
         UNION ALL
         SELECT product_id, location_id, day, units
         FROM (${recordedDemandSql({ account: '$1', from: '$2', to: '$3', where: 'product_id = ANY($4::bigint[])' })}) r),
       days AS (
         SELECT product_id, location_id, sum(units)::int AS units FROM d
         GROUP BY product_id, location_id, day HAVING sum(units) > 0)
       SELECT product_id, location_id, count(*)::int AS orders, sum(units)::float8 AS units,
         sum(units::float8 * units)::float8 AS sum_squares,
         CASE WHEN count(*) <= $5 THEN array_agg(units ORDER BY units) END AS sizes
       FROM days GROUP BY product_id, location_id`,
      [accountId, q.from, q.to, q.productIds, q.keepSizes],
    );
    const windowDays = Math.round((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000);
    for (const r of rows)
      out.set(`${r.product_id}:${r.location_id}`, {
        windowDays,
        orders: r.orders,
        units: r.units,
        sumSquares: r.sum_squares,
        sizes: r.sizes ? r.sizes.map(Number) : null,
      });
    return out;
  },

  /** The per-SKU settings of the account, or of `productIds` only. */
  async settings(
    sql: Sql,
    accountId: number,
    productIds?: readonly number[],
  ): Promise<ReplenishmentSettings[]> {
    return sql.query<ReplenishmentSettings>(
      `SELECT product_id AS "productId", service_level AS "serviceLevel", review_days AS "reviewDays",
              min_cover_days AS "minCoverDays", max_cover_days AS "maxCoverDays", allow_excess AS "allowExcess",
              buy_despite_clearance AS "buyDespiteClearance", buy_despite_loss AS "buyDespiteLoss"
         FROM replenishment_settings WHERE account_id = $1
           AND ($2::bigint[] IS NULL OR product_id = ANY($2::bigint[]))`,
      [accountId, productIds ?? null],
    );
  },

  async upsertSettings(sql: Sql, accountId: number, s: ReplenishmentSettings): Promise<void> {
    await sql.query(
      `INSERT INTO replenishment_settings (account_id, product_id, service_level, review_days, min_cover_days, max_cover_days, allow_excess,
         buy_despite_clearance, buy_despite_loss)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (product_id) DO UPDATE SET service_level = EXCLUDED.service_level, review_days = EXCLUDED.review_days,
         min_cover_days = EXCLUDED.min_cover_days, max_cover_days = EXCLUDED.max_cover_days, allow_excess = EXCLUDED.allow_excess,
         buy_despite_clearance = EXCLUDED.buy_despite_clearance, buy_despite_loss = EXCLUDED.buy_despite_loss, updated_at = now()`,
      [
        accountId,
        s.productId,
        s.serviceLevel,
        s.reviewDays,
        s.minCoverDays,
        s.maxCoverDays,
        s.allowExcess,
        s.buyDespiteClearance,
        s.buyDespiteLoss,
      ],
    );
  },
};
