import type { Sql } from '../database';

/** A SKU × location a count file counts, and the quantity it counts. */
export interface CountedPair {
  sku: string;
  location: string;
  counted: number;
}

/**
 * The on hand a count adjusts from, read under the lock the adjustment is then written under (the
 * caller's transaction holds it to its end): two counts of the same SKU × location take turns, and
 * the later computes its adjustment from the earlier's result, never both from the same stale figure.
 */
export const countedBalancesRepository = {
  /**
   * Locks the balance rows of `pairs` and returns their on hand (0 where none), keyed `sku\u0001location`.
   * A pair counted above zero gets its row first (its adjustment needs one; a concurrent count creating
   * it is waited for); a pair counted zero without a row needs no adjustment, so none is created.
   * Rows are locked in key order, as LedgerService locks them, so counts and other writers never deadlock.
   * With `asOf`, a count taken then: the on hand at that instant (the balance less the movements after it).
   */
  async lockOnHand(
    sql: Sql,
    accountId: number,
    pairs: readonly CountedPair[],
    asOf?: Date,
  ): Promise<Map<string, number>> {
    const params = [
      accountId,
      pairs.map((p) => p.sku),
      pairs.map((p) => p.location),
      pairs.map((p) => p.counted),
    ];
    const counted = `unnest($2::text[], $3::text[], $4::int[]) AS t(sku, code, counted)
       JOIN products p ON p.account_id = $1 AND p.sku = t.sku
       JOIN locations l ON l.account_id = $1 AND l.code = t.code`;
    await sql.query(
      `INSERT INTO stock_balances (account_id, product_id, location_id)
       SELECT $1, p.id, l.id FROM ${counted} WHERE t.counted <> 0 ORDER BY p.id, l.id
       ON CONFLICT (product_id, location_id) DO NOTHING`,
      params,
    );
    const later = `(SELECT sum(m.on_hand_delta) FROM stock_movements m WHERE m.account_id = $1
       AND m.product_id = b.product_id AND m.location_id = b.location_id AND m.occurred_at > $5)`;
    const rows = await sql.query<{ sku: string; location: string; on_hand: number }>(
      `SELECT t.sku, t.code AS location, ${asOf ? `(b.on_hand - coalesce(${later}, 0))::int` : 'b.on_hand'} AS on_hand
       FROM ${counted}
       JOIN stock_balances b ON b.account_id = $1 AND b.product_id = p.id AND b.location_id = l.id
       ORDER BY b.product_id, b.location_id FOR UPDATE OF b`,
      asOf ? [...params, asOf] : params,
    );
    return new Map(rows.map((r) => [`${r.sku}\u0001${r.location}`, r.on_hand]));
  },
};
