import { anyRow, type Sql } from '../database';

/** The returns an import has booked, by return key (migration 0036). */
export const returnsRepository = {
  /** Claims a return key for this import's line; false when a return with that key was booked before. */
  async claim(
    sql: Sql,
    accountId: number,
    r: { key: string; importId: number; lineNo: number; orderId: number | null },
  ): Promise<boolean> {
    return anyRow(
      sql,
      `INSERT INTO booked_returns (account_id, return_key, import_id, line_no, order_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id, return_key) DO NOTHING RETURNING return_key AS k`,
      [accountId, r.key, r.importId, r.lineNo, r.orderId],
    );
  },
};
