import type { Sql } from '../database';
import { LATE_COMMIT_WINDOW } from './planning-version.repository';

/** Where an account's planning inputs stood when read: the ledger's and the change notes' last ids. */
export interface PlanningMark {
  lastMovement: number;
  /** Movements in the late-commit window below `lastMovement` (as the planning version counts them). */
  recentMovements: number;
  /** The last change note id, or the account's pruned horizon when that is higher (migration 0064). */
  lastChange: number;
  /** The version of the rows of no account (default fee schedules): any change is account-wide. */
  shared: number;
}

/** What changed since a mark: the products whose inputs changed, or `all` (something account-wide). */
export type PlanningChanges = { all: true } | { all: false; productIds: Set<number> };

/**
 * The SKUs whose planning inputs changed since a mark (docs/decisions.md 38): the products of the
 * ledger's movements since, and those the change notes name (migration 0059); `all` when a note is
 * account-wide or the shared version moved. A movement committed late below the mark (inside the
 * late-commit window the planning version watches) widens the read to that window.
 */
export const planningChangesRepository = {
  /** Read before the inputs it marks: a change committed after it is always found by `since`. */
  async mark(sql: Sql, accountId: number): Promise<PlanningMark> {
    const [row] = await sql.query<{
      last: number | null;
      recent: number;
      change: number | null;
      shared: number;
    }>(
      `WITH m AS (SELECT max(id) AS last FROM stock_movements WHERE account_id = $1)
       SELECT m.last,
              (SELECT count(*)::int FROM stock_movements s
                WHERE s.account_id = $1 AND s.id > m.last - $2) AS recent,
              greatest((SELECT max(id) FROM planning_changes WHERE account_id = $1),
                       (SELECT changes_pruned_through FROM account_cache_versions WHERE account_id = $1))
                AS change,
              (SELECT version FROM cache_versions WHERE name = 'planning') AS shared
         FROM m`,
      [accountId, LATE_COMMIT_WINDOW],
      { prepare: true },
    );
    return {
      lastMovement: row?.last ?? 0,
      recentMovements: row?.recent ?? 0,
      lastChange: row?.change ?? 0,
      shared: row?.shared ?? 0,
    };
  },

  async since(sql: Sql, accountId: number, mark: PlanningMark): Promise<PlanningChanges> {
    const [now] = await sql.query<{ recent: number; shared: number; wide: boolean }>(
      `SELECT (SELECT count(*)::int FROM stock_movements
                WHERE account_id = $1 AND id > $2::bigint - $3 AND id <= $2::bigint) AS recent,
              (SELECT version FROM cache_versions WHERE name = 'planning') AS shared,
              EXISTS (SELECT 1 FROM planning_changes
                       WHERE account_id = $1 AND id > $4 AND product_id IS NULL) AS wide`,
      [accountId, mark.lastMovement, LATE_COMMIT_WINDOW, mark.lastChange],
      { prepare: true },
    );
    if (!now || now.wide || now.shared !== mark.shared) return { all: true };
    // Every movement above the mark, and those of the window below it when one committed late there.
    const from =
      now.recent === mark.recentMovements ? mark.lastMovement : mark.lastMovement - LATE_COMMIT_WINDOW;
    // One statement: the notes it reads and the pruned horizon it compares are of the same moment.
    const rows = await sql.query<{ pruned: boolean; product_id: number | null }>(
      `WITH p AS (SELECT coalesce((SELECT changes_pruned_through FROM account_cache_versions
                                    WHERE account_id = $1), 0) > $3 AS pruned),
            c AS (SELECT product_id FROM stock_movements WHERE account_id = $1 AND id > $2
                  UNION
                  SELECT product_id FROM planning_changes
                   WHERE account_id = $1 AND id > $3 AND product_id IS NOT NULL)
       SELECT p.pruned, c.product_id FROM p LEFT JOIN c ON true`,
      [accountId, from, mark.lastChange],
      { prepare: true },
    );
    // Notes above the mark were removed (migration 0064): what changed since is no longer known.
    if (rows[0]?.pruned !== false) return { all: true };
    return {
      all: false,
      productIds: new Set(rows.flatMap((r) => (r.product_id === null ? [] : [r.product_id]))),
    };
  },

  /**
   * Removes every account's change notes older than `olderThanSeconds` (migration 0064), and returns how
   * many. Per account, one statement that holds the account's version row while it moves the pruned
   * horizon up and deletes below it: a statement noting changes holds that row until it commits, so no
   * note of the account is in flight below the horizon, and two workers pruning at once take turns.
   */
  async prune(sql: Sql, olderThanSeconds: number): Promise<number> {
    const accounts = await sql.query<{ account_id: number }>(
      `SELECT DISTINCT account_id FROM planning_changes
        WHERE noted_at < now() - make_interval(secs => $1) ORDER BY 1`,
      [olderThanSeconds],
    );
    let removed = 0;
    for (const { account_id: accountId } of accounts) {
      const rows = await sql.query(
        `WITH h AS (SELECT max(id) AS through FROM planning_changes
                     WHERE account_id = $1 AND noted_at < now() - make_interval(secs => $2)),
              v AS (UPDATE account_cache_versions a
                       SET changes_pruned_through = greatest(a.changes_pruned_through, h.through)
                      FROM h WHERE a.account_id = $1 AND h.through IS NOT NULL
                    RETURNING a.changes_pruned_through AS through)
         DELETE FROM planning_changes c USING v WHERE c.account_id = $1 AND c.id <= v.through RETURNING c.id`,
        [accountId, olderThanSeconds],
      );
      removed += rows.length;
    }
    return removed;
  },
};
