import type { Sql } from '../database';

/**
 * A whole report as statements over the same rows in the same order (read side by side through cursors,
 * each on its own connection); `map` turns one row of each into the report's record, or null to leave it out.
 */
export interface ReportStatement<Row> {
  statements: { text: string; params: unknown[] }[];
  map: (rows: Record<string, unknown>[]) => Row | null;
}

/** The product and location a report row is about, and the units there. */
export interface ProductAtLocation {
  productId: number;
  sku: string;
  title: string;
  asin: string | null;
  fnsku: string | null;
  cubicFeet: number | null;
  sizeTier: string | null;
  location: string;
  locationType: string;
  marketplace: string | null;
  onHand: number;
  inbound: number;
}

/** The row of each statement, checked to be about the same SKU (and location). */
export function sameRows(rows: Record<string, unknown>[], keys: string[]): void {
  const [first, ...others] = rows;
  for (const row of others)
    for (const k of keys) if (row[k] !== first?.[k]) throw new Error('report statements are out of step');
}

export const reportScopeRepository = {
  /** The marketplaces of the account's locations (whose fee schedules a streamed report looks up first). */
  async marketplaces(sql: Sql, accountId: number): Promise<string[]> {
    const rows = await sql.query<{ marketplace: string }>(
      'SELECT DISTINCT marketplace FROM locations WHERE account_id = $1 AND marketplace IS NOT NULL',
      [accountId],
    );
    return rows.map((r) => r.marketplace);
  },

  /** A page of the account's SKUs in order: after `after` (exclusive), at most `limit`. */
  async skus(
    sql: Sql,
    accountId: number,
    q: { after?: string | undefined; limit: number },
  ): Promise<string[]> {
    const rows = await sql.query<{ sku: string }>(
      `SELECT sku FROM products WHERE account_id = $1 ${q.after !== undefined ? 'AND sku > $3' : ''} ORDER BY sku LIMIT $2`,
      q.after !== undefined ? [accountId, q.limit, q.after] : [accountId, q.limit],
    );
    return rows.map((r) => r.sku);
  },
};
