import type { Sql } from '../database';

/**
 * Reads of Amazon's figures for an Amazon location made from a file (the Manage FBA Inventory report), at
 * the instant the seller says it was taken: with the sync's summaries, the cut-off of decision 47.
 */
export const amazonStockReadsRepository = {
  async record(sql: Sql, accountId: number, read: { locationId: number; readAt: Date; importId: number }) {
    await sql.query(
      'INSERT INTO amazon_stock_reads (account_id, location_id, read_at, import_id) VALUES ($1, $2, $3, $4)',
      [accountId, read.locationId, read.readAt, read.importId],
    );
  },
};
