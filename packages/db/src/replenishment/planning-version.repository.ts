import type { Sql } from '../database';

/**
 * How far below the ledger's last movement id a transaction still in flight may have taken its ids
 * (ids are handed out at insert, rows become visible at commit, not in id order): the number of
 * movements above `last - window` is part of the version, so a late commit there changes it.
 */
export const LATE_COMMIT_WINDOW = 2000;

/**
 * The version of everything the planning position reads, for one account: the ledger's last movement
 * id, how many movements sit in the window below it, the shared `planning` row of `cache_versions`
 * (rows of no account: default fee schedules) and the account's own row of `account_cache_versions`
 * (bumped by every statement changing its catalogue, suppliers, purchase orders, settings, fees,
 * forecasts or settlement amounts; migrations 0025, 0049, 0050), so another account's writes leave it alone. Read before the data
 * it guards, so a cached answer is never newer than its key says only older, which costs one
 * recomputation, never a stale answer.
 */
export const planningVersionRepository = {
  async current(sql: Sql, accountId: number): Promise<string> {
    const rows = await sql.query<{
      last: number | null;
      recent: number;
      shared: number | null;
      own: number | null;
    }>(
      `WITH m AS (SELECT max(id) AS last FROM stock_movements WHERE account_id = $1)
       SELECT m.last,
              (SELECT count(*)::int FROM stock_movements s
                WHERE s.account_id = $1 AND s.id > m.last - $2) AS recent,
              (SELECT version FROM cache_versions WHERE name = 'planning') AS shared,
              (SELECT version FROM account_cache_versions WHERE account_id = $1) AS own
         FROM m`,
      [accountId, LATE_COMMIT_WINDOW],
      { prepare: true },
    );
    const row = rows[0];
    return [row?.last, row?.recent, row?.shared, row?.own].map((v) => String(v ?? 0)).join(':');
  },
};
