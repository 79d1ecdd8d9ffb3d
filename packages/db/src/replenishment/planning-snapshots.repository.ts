import type { Sql } from '../database';

/**
 * Which answer a snapshot is: its kind (the cache that keeps it), its cache key, the planning version and
 * the build that computed it.
 */
export interface SnapshotKey {
  kind: string;
  key: string;
  version: string;
  build: string;
}

/**
 * Answers kept per planning version, stored so that they outlive the process (migration 0051,
 * docs/decisions.md 34). The body is the caller's encoding; this only keeps it under its key.
 */
export const planningSnapshotsRepository = {
  /** The body stored under exactly this key, version and build; null when there is none. */
  async find(sql: Sql, accountId: number, k: Omit<SnapshotKey, 'kind'>): Promise<string | null> {
    const rows = await sql.query<{ body: string }>(
      `SELECT body FROM planning_snapshots
        WHERE account_id = $1 AND key = $2 AND version = $3 AND build = $4`,
      [accountId, k.key, k.version, k.build],
      { prepare: true },
    );
    return rows[0]?.body ?? null;
  },

  /** The body stored under this key by this build, of whichever version it was stored; null when none. */
  async findAnyVersion(
    sql: Sql,
    accountId: number,
    k: Omit<SnapshotKey, 'kind' | 'version'>,
  ): Promise<string | null> {
    const rows = await sql.query<{ body: string }>(
      `SELECT body FROM planning_snapshots WHERE account_id = $1 AND key = $2 AND build = $3`,
      [accountId, k.key, k.build],
      { prepare: true },
    );
    return rows[0]?.body ?? null;
  },

  /**
   * Stores the body under its key, and removes the account's rows of the same kind of another version or
   * build: those can never be served again (a version only moves on), so each kind keeps the answers of
   * its latest version. Other kinds' rows stay (migration 0066, docs/decisions.md 52): the planned lines a
   * restart re-plans from (decision 46) outlive a newer IPI overview.
   */
  async store(sql: Sql, accountId: number, k: SnapshotKey, body: string): Promise<void> {
    await sql.query(
      `DELETE FROM planning_snapshots
        WHERE account_id = $1 AND kind = $2 AND (version <> $3 OR build <> $4)`,
      [accountId, k.kind, k.version, k.build],
      { prepare: true },
    );
    await sql.query(
      `INSERT INTO planning_snapshots (account_id, kind, key, version, build, body)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account_id, key)
       DO UPDATE SET kind = EXCLUDED.kind, version = EXCLUDED.version, build = EXCLUDED.build,
                     body = EXCLUDED.body, stored_at = now()`,
      [accountId, k.kind, k.key, k.version, k.build, body],
      { prepare: true },
    );
  },
};
