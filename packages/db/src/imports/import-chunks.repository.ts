import type { Sql } from '../database';

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
};
