/**
 * Backups of the whole database (docs/architecture.md Backups): the embedded database's data folder as
 * one gzip tarball, PostgreSQL's in `pg_dump`'s custom format. Restoring goes into a fresh place only, so
 * a restore never mixes two databases.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './database';

/** Runs a PostgreSQL client program; a missing program or a failure becomes one clear error. */
function run(program: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'ENOENT'
            ? `${program} is not installed: backups of a PostgreSQL database use PostgreSQL's client programs`
            : `${program}: ${error.message}`,
        ),
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${program} failed (${String(code)}): ${stderr.trim()}`));
    });
  });
}

/** Writes a backup of `db` to `file`: PGlite's tarball, or `pg_dump --format=custom` of `databaseUrl`. */
export async function backupDatabase(
  db: Database,
  file: string,
  options: { databaseUrl?: string | undefined } = {},
): Promise<{ file: string; bytes: number; format: 'pglite-tar-gz' | 'pg_dump-custom' }> {
  if (db.snapshot) {
    const blob = await db.snapshot();
    const bytes = Buffer.from(await blob.arrayBuffer());
    writeFileSync(file, bytes, { mode: 0o600 });
    return { file, bytes: bytes.length, format: 'pglite-tar-gz' };
  }
  if (!options.databaseUrl) throw new Error('a PostgreSQL backup needs the database URL');
  await run('pg_dump', [
    '--format=custom',
    '--no-owner',
    `--file=${file}`,
    `--dbname=${options.databaseUrl}`,
  ]);
  return { file, bytes: readFileSync(file).length, format: 'pg_dump-custom' };
}

/** Restores a PGlite backup into `pgDir`, which must not hold a database yet. */
export async function restorePglite(file: string, pgDir: string): Promise<void> {
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0)
    throw new Error(`${pgDir} already holds a database: restore into a new data folder`);
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const pg = await PGlite.create({ dataDir: pgDir, loadDataDir: new Blob([readFileSync(file)]) });
  await pg.query('SELECT 1');
  await pg.close();
}

/** Restores a `pg_dump` backup into the database at `databaseUrl`, which must be empty. */
export async function restorePostgres(file: string, databaseUrl: string, db: Database): Promise<void> {
  const [tables] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
  );
  if ((tables?.n ?? 0) > 0) throw new Error('the database is not empty: restore into a new database');
  await run('pg_restore', ['--no-owner', '--single-transaction', `--dbname=${databaseUrl}`, file]);
}
