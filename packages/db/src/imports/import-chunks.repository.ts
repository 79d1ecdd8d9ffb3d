import type { Sql } from '../database';

/** One SKU × location's stock buckets as they stand. */
export interface CountedBalance {
  onHand: number;
  reserved: number;
  inbound: number;
  unfulfillable: number;
  allowBackorder: boolean;
}

/** Imports applied in committed chunks of whole staged groups (an order's lines). */
export const importChunksRepository = {
  /** Removes the applied groups — keys in (after, through] — in the transaction that applied them. */
  async deleteStagedKeys(
    sql: Sql,
    importId: number,
    keys: { after: string | null; through: string },
  ): Promise<number> {
    const rows = await sql.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM import_rows WHERE import_id = $1 AND ($2::text IS NULL OR row_key > $2::text) AND row_key <= $3
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [importId, keys.after, keys.through],
    );
    return rows[0]?.n ?? 0;
  },

  /** What the committed chunks changed so far, how many lines they applied and how many they rejected. */
  async saveProgress(
    sql: Sql,
    importId: number,
    p: { result: Record<string, unknown>; appliedThrough: number; rowsRejected: number },
  ): Promise<void> {
    await sql.query(
      'UPDATE imports SET result = $2, applied_through = $3, rows_rejected = $4 WHERE id = $1',
      [importId, JSON.stringify(p.result), p.appliedThrough, p.rowsRejected],
    );
  },

  /** Balances of (sku, location) pairs (zero where none yet) and whether the SKU may be backordered. */
  async balances(
    sql: Sql,
    accountId: number,
    pairs: readonly { sku: string; location: string }[],
  ): Promise<Map<string, CountedBalance>> {
    const rows = await sql.query<CountedBalance & { sku: string; location: string }>(
      `SELECT t.s AS sku, t.l AS location, coalesce(b.on_hand, 0)::int AS "onHand", coalesce(b.reserved, 0)::int AS reserved,
         coalesce(b.inbound, 0)::int AS inbound, coalesce(b.unfulfillable, 0)::int AS unfulfillable,
         p.allow_backorder AS "allowBackorder"
       FROM unnest($2::text[], $3::text[]) AS t(s, l)
       JOIN products p ON p.account_id = $1 AND p.sku = t.s JOIN locations l ON l.account_id = $1 AND l.code = t.l
       LEFT JOIN stock_balances b ON b.product_id = p.id AND b.location_id = l.id`,
      [accountId, pairs.map((p) => p.sku), pairs.map((p) => p.location)],
    );
    return new Map(rows.map(({ sku, location, ...b }) => [`${sku}\u0001${location}`, b]));
  },
};
