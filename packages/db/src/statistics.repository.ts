import type { Sql } from './database';

/** A table's change threshold: `baseRows` plus `fraction` of its rows (autovacuum's form of rule). */
export interface ChangeRule {
  baseRows: number;
  fraction: number;
}

/** What a table needs: VACUUM (and with it ANALYZE), or ANALYZE alone. */
export interface StaleTables {
  vacuum: string[];
  analyze: string[];
}

const quoted = (tables: readonly string[]) => tables.map((t) => `"${t.replaceAll('"', '""')}"`).join(', ');

/**
 * Planner statistics and visibility maps where nothing keeps them current: PGlite runs no autovacuum
 * daemon, so no autoanalyze either, and a plan made on a table's statistics from when it was empty turns
 * a join of the ledger into nested loops; an append-only table never vacuumed has no page marked
 * all-visible, so its covering indexes are never read alone (docs/architecture.md Storage).
 */
export const statisticsRepository = {
  /**
   * The tables past autovacuum's rules as the statistics collector counts: VACUUM where rows inserted or
   * dead since the last VACUUM pass `vacuum`, ANALYZE (alone) where rows changed since the last ANALYZE
   * pass `analyze`.
   */
  async stale(sql: Sql, rules: { vacuum: ChangeRule; analyze: ChangeRule }): Promise<StaleTables> {
    const rows = await sql.query<{ relname: string; vacuum: boolean }>(
      `SELECT relname,
         (n_ins_since_vacuum > $1::float8 + $2::float8 * n_live_tup
           OR n_dead_tup > $1::float8 + $2::float8 * n_live_tup) AS vacuum
       FROM pg_stat_user_tables
       WHERE schemaname = 'public'
         AND (n_ins_since_vacuum > $1::float8 + $2::float8 * n_live_tup
           OR n_dead_tup > $1::float8 + $2::float8 * n_live_tup
           OR n_mod_since_analyze > $3::float8 + $4::float8 * n_live_tup)
       ORDER BY relname`,
      [rules.vacuum.baseRows, rules.vacuum.fraction, rules.analyze.baseRows, rules.analyze.fraction],
    );
    return {
      vacuum: rows.filter((r) => r.vacuum).map((r) => r.relname),
      analyze: rows.filter((r) => !r.vacuum).map((r) => r.relname),
    };
  },

  /** VACUUM (ANALYZE) the named tables, then ANALYZE the others (names from `stale`, quoted as identifiers). */
  async refresh(sql: Sql, tables: StaleTables): Promise<void> {
    // VACUUM cannot run inside a transaction block: each is its own statement outside one.
    if (tables.vacuum.length > 0) await sql.exec(`VACUUM (ANALYZE) ${quoted(tables.vacuum)}`);
    if (tables.analyze.length > 0) await sql.exec(`ANALYZE ${quoted(tables.analyze)}`);
  },
};
