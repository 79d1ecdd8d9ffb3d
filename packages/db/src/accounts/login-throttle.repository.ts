import type { Sql } from '../database';

/** Failed sign-ins per key and the lock they earned (the back-off rule is the domain's: login-throttle.ts). */
export const loginThrottleRepository = {
  /** The latest lock among `keys` still in force, if any. */
  async lockedUntil(sql: Sql, keys: readonly string[]): Promise<Date | null> {
    const [row] = await sql.query<{ until: Date | null }>(
      `SELECT max(locked_until) AS until FROM login_failures WHERE key = ANY($1::text[]) AND locked_until > now()`,
      [keys],
    );
    return row?.until ?? null;
  },

  /**
   * Counts one more failure for `key` (from zero again when the last was longer than
   * `forgetAfterSeconds` ago) and returns the new count.
   */
  async recordFailure(sql: Sql, key: string, forgetAfterSeconds: number): Promise<number> {
    const [row] = await sql.query<{ failures: number }>(
      `INSERT INTO login_failures (key, failures) VALUES ($1, 1)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_failures.updated_at < now() - make_interval(secs => $2)
                         THEN 1 ELSE login_failures.failures + 1 END,
         updated_at = now()
       RETURNING failures`,
      [key, forgetAfterSeconds],
    );
    return row?.failures ?? 1;
  },

  async lock(sql: Sql, key: string, seconds: number): Promise<void> {
    await sql.query(
      `UPDATE login_failures SET locked_until = now() + make_interval(secs => $2) WHERE key = $1`,
      [key, seconds],
    );
  },

  async clear(sql: Sql, key: string): Promise<void> {
    await sql.query('DELETE FROM login_failures WHERE key = $1', [key]);
  },

  /** Forgets keys idle for longer than `seconds` (the purge job). */
  async prune(sql: Sql, seconds: number): Promise<number> {
    const rows = await sql.query<{ key: string }>(
      `DELETE FROM login_failures WHERE updated_at < now() - make_interval(secs => $1)
         AND (locked_until IS NULL OR locked_until < now()) RETURNING key`,
      [seconds],
    );
    return rows.length;
  },
};
