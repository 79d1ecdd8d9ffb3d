import type { Sql } from '../database';
import { groupBy } from '@stockwise/domain/group-by';

export const excessRepository = {
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
    return groupBy(
      rows.filter((r) => r.price !== null),
      (r) => r.product_id,
      (r) => ({ price: r.price, units: r.units }),
    );
  },
  /** Per SKU × location, the on-hand changes and units shipped per day from `asOf − days` on. */
  async locationWindows(
    sql: Sql,
    accountId: number,
    q: { asOf: string; days: number; productIds: readonly number[] },
  ): Promise<Map<string, LocationWindow>> {
    const rows = await sql.query<{
      product_id: number;
      location_id: number;
      d: number;
      delta: number;
      shipped: number;
    }>(
      `SELECT m.product_id, m.location_id, ((m.occurred_at AT TIME ZONE 'UTC')::date - ($2::date - $3::int)) AS d,
         sum(m.on_hand_delta)::int AS delta,
         coalesce(sum(-m.on_hand_delta) FILTER (WHERE m.type = 'shipment'), 0)::int AS shipped
       FROM stock_movements m
       WHERE m.account_id = $1 AND m.product_id = ANY($4::bigint[])
         AND m.occurred_at >= (($2::date - $3::int)::timestamp AT TIME ZONE 'UTC')
       GROUP BY 1, 2, 3`,
      [accountId, q.asOf, q.days, q.productIds],
    );
    const out = new Map<string, LocationWindow>();
    for (const r of rows) {
      const key = `${r.product_id}:${r.location_id}`;
      const w = out.get(key) ?? { productId: r.product_id, locationId: r.location_id, days: [] };
      w.days.push({ day: r.d, onHandDelta: r.delta, shipped: r.shipped });
      out.set(key, w);
    }
    return out;
  },
};

/** A SKU × location's movements over a window before `asOf`, by day from the window's first day. */
export interface LocationWindow {
  productId: number;
  locationId: number;
  /** On-hand change per day with movements: day 0 is `asOf − days`; days ≥ `days` are on or after `asOf`. */
  days: { day: number; onHandDelta: number; shipped: number }[];
}
