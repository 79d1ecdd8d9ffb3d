import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Database } from './database';

// Found through the package rather than next to this module: the compiled CLI is one file elsewhere
// (docs/architecture.md), and the SQL files stay in the package.
const migrationsDir = join(
  dirname(createRequire(import.meta.url).resolve('@stockwise/db/package.json')),
  'src',
  'migrations',
);

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Versioned SQL files `NNNN_name.sql`, applied in order, each once. */
export function listMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(join(migrationsDir, file), 'utf8'),
    }));
}

/**
 * Applies pending migrations (those up to `until` only, when given: a migration's tests start from the
 * schema before it); returns the versions applied. Safe when several processes start at once.
 */
export async function migrate(db: Database, options: { until?: number } = {}): Promise<number[]> {
  return db.transaction(async (tx) => {
    // One migrator at a time across processes (no-op cost on PGlite, which has one connection).
    await tx.query('SELECT pg_advisory_xact_lock(7264398521)');
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const migration of listMigrations()) {
      if (done.has(migration.version) || migration.version > (options.until ?? Infinity)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
