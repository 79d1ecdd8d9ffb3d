import { arrivedUnitsSql } from '../ledger/movement-sql';
import { recordedDemandSql } from '../sales/recorded-demand-sql';
import type { LedgerDay } from '@stockwise/domain/forecasting/daily-history';
import type { Sql } from '../database';

/** Ledger days of one SKU × location within a window. */
export interface ItemLedgerDays {
  productId: number;
  locationId: number;
  openingOnHand: number;
  days: LedgerDay[];
  /**
   * With a sales history for this item: the window day of the account's last recorded demand (days
   * up to it are sellable from the first sale on, docs/forecasting.md "History and censoring").
   */
  recordedUntil?: number | undefined;
}

export interface DemandWindow {
  /** First day of the window, 'YYYY-MM-DD' (UTC). */
  from: string;
  /** Day after the last day of the window. */
  to: string;
  /** Only these SKUs (all when undefined). */
  productIds?: readonly number[] | undefined;
}

/**
 * Daily sales, on-hand change, arrivals and the time of the last outflow (a share of the UTC day, so
 * a day that sold out part-way is seen) per SKU × location, aggregated in SQL from the ledger and
 * the sales history's demand (one row per item-day that had either), plus the on hand at the start of
 * the window. Non-stock products (postage, fees) are left out.
 */
export const demandRepository = {
  async ledgerDays(sql: Sql, accountId: number, window: DemandWindow): Promise<ItemLedgerDays[]> {
    const some = window.productIds !== undefined;
    const ids = window.productIds ?? [];
    const stocked = `AND product_id NOT IN (SELECT id FROM products WHERE account_id = $1 AND non_stock)`;
    const recorded = recordedDemandSql({
      account: '$1',
      from: '$2',
      to: '$3',
      where: some ? 'product_id = ANY($4::bigint[])' : undefined,
    });
    const openings = await sql.query<{ product_id: number; location_id: number; on_hand: number }>(
      `SELECT product_id, location_id, sum(on_hand_delta)::int AS on_hand FROM stock_movements
       WHERE account_id = $1 AND occurred_at < $2::date ${some ? 'AND product_id = ANY($3::bigint[])' : ''} ${stocked}
       GROUP BY product_id, location_id`,
      some ? [accountId, window.from, ids] : [accountId, window.from],
    );
    const rows = await sql.query<{
      product_id: number;
      location_id: number;
      day: number;
      sold: number;
      delta: number;
      arrived: number;
      recorded: boolean;
      out_at: number | null;
    }>(
      `WITH m AS (
         SELECT product_id, location_id, ((occurred_at AT TIME ZONE 'UTC')::date - $2::date) AS day,
           CASE WHEN type = 'shipment' THEN -on_hand_delta ELSE 0 END AS sold, on_hand_delta AS delta,
           ${arrivedUnitsSql()} AS arrived, false AS recorded,
           CASE WHEN on_hand_delta < 0 THEN extract(epoch FROM occurred_at)::float8 / 86400
             - ((occurred_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01') END AS out_at
         FROM stock_movements
         WHERE account_id = $1 AND occurred_at >= $2::date AND occurred_at < $3::date ${some ? 'AND product_id = ANY($4::bigint[])' : ''}
         UNION ALL
         SELECT product_id, location_id, day - $2::date, units, 0, 0, true, NULL::float8 FROM (${recorded}) r)
       SELECT product_id, location_id, day, sum(sold)::int AS sold, sum(delta)::int AS delta,
         sum(arrived)::int AS arrived, bool_or(recorded) AS recorded, max(out_at) AS out_at
       FROM m WHERE true ${stocked}
       GROUP BY product_id, location_id, day ORDER BY product_id, location_id, day`,
      some ? [accountId, window.from, window.to, ids] : [accountId, window.from, window.to],
    );
    const [last] = await sql.query<{ day: number | null }>(
      `SELECT max(day) - $2::date AS day FROM (${recordedDemandSql({ account: '$1', from: '$2', to: '$3' })}) r`,
      [accountId, window.from, window.to],
    );
    const items = new Map<string, ItemLedgerDays>();
    const item = (productId: number, locationId: number) => {
      const key = `${productId}:${locationId}`;
      let found = items.get(key);
      if (!found) {
        found = { productId, locationId, openingOnHand: 0, days: [] };
        items.set(key, found);
      }
      return found;
    };
    for (const o of openings) item(o.product_id, o.location_id).openingOnHand = o.on_hand;
    for (const r of rows) {
      const it = item(r.product_id, r.location_id);
      if (r.recorded) it.recordedUntil = last?.day ?? undefined;
      it.days.push({
        day: r.day,
        unitsSold: r.sold,
        onHandDelta: r.delta,
        unitsArrived: r.arrived,
        lastOutflowAt: r.out_at ?? undefined,
      });
    }
    return [...items.values()];
  },
};
