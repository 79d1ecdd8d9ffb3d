import type { Sql } from './database';

/**
 * Planner statistics where nothing keeps them current: PGlite runs no autovacuum daemon, so no
 * autoanalyze either, and a plan made on a table's statistics from when it was empty turns a join of
 * the ledger into nested loops (docs/architecture.md Storage).
 */
export const statisticsRepository = {
  /**
   * The tables whose rows changed since their last ANALYZE by more than `baseRows` plus `fraction` of
   * their rows (the rule autoanalyze applies on a PostgreSQL server), as the statistics collector counts.
   */
  async stale(sql: Sql, rule: { baseRows: number; fraction: number }): Promise<string[]> {
    const rows = await sql.query<{ relname: string }>(
      `SELECT relname FROM pg_stat_user_tables
        WHERE schemaname = 'public' AND n_mod_since_analyze > $1::float8 + $2::float8 * n_live_tup
        ORDER BY relname`,
      [rule.baseRows, rule.fraction],
    );
    return rows.map((r) => r.relname);
  },

  /** ANALYZE the named tables (names from `stale`, quoted as identifiers). */
  async analyze(sql: Sql, tables: readonly string[]): Promise<void> {
    if (tables.length === 0) return;
    await sql.exec(`ANALYZE ${tables.map((t) => `"${t.replaceAll('"', '""')}"`).join(', ')}`);
  },
};
