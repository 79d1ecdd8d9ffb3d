import type { Sql } from '../database';

export const strandedRepository = {
  /** The listing status of each SKU in a page: after `after` (exclusive) through `through`. */
  async listingStatuses(
    sql: Sql,
    accountId: number,
    range: { after: string | undefined; through: string },
  ): Promise<Map<string, string>> {
    const rows = await sql.query<{ sku: string; listing_status: string }>(
      `SELECT sku, listing_status FROM products WHERE account_id = $1 AND sku <= $2 ${range.after !== undefined ? 'AND sku > $3' : ''}`,
      range.after !== undefined ? [accountId, range.through, range.after] : [accountId, range.through],
    );
    return new Map(rows.map((p) => [p.sku, p.listing_status]));
  },
};
