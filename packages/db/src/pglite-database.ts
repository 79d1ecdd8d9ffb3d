import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database';
import { valueParsers } from './database';

/**
 * The data folder holds every seller's data: only its owner may read it — folders 0700, files 0600.
 * Fixed at every start (older versions left PGlite's files 0666), and files created later inherit it
 * through the process umask.
 */
export function restrictDataFolder(dir: string): void {
  const stat = lstatSync(dir, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir)) restrictDataFolder(join(dir, entry));
  } else if ((stat.mode & 0o077) !== 0) chmodSync(dir, stat.mode & 0o700);
}

/** Embedded PostgreSQL (WASM). `dataDir` undefined keeps everything in memory (tests). */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  if (dataDir) {
    process.umask(0o077);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    restrictDataFolder(dataDir);
  }
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: valueParsers });
  if (dataDir) restrictDataFolder(dataDir);
  const asSql = (runner: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      const result = await runner.query<Row>(text, params ? [...params] : []);
      return result.rows;
    },
    async exec(text: string) {
      await runner.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...asSql(pg),
    // PGlite has one connection and serialises transactions itself.
    transaction: (fn) => pg.transaction((tx) => fn(asSql(tx))),
    close: () => pg.close(),
  };
}
