import type { Sql } from '../database';

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
