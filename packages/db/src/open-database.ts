import { join } from 'node:path';
import type { Database } from './database';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

export interface StorageOptions {
  /** PostgreSQL connection string; when set, the server is used instead of the embedded database. */
  databaseUrl?: string | undefined;
  /** Stockwise's data folder (the embedded database lives in its `pg/`); undefined = in memory. */
  dataDir?: string | undefined;
}

export async function openDatabase(options: StorageOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgresDatabase(options.databaseUrl);
  return openPgliteDatabase(options.dataDir === undefined ? undefined : join(options.dataDir, 'pg'));
}
