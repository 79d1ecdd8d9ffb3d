import { join } from 'node:path';
import { backupDatabase, restorePglite, restorePostgres } from '@stockwise/db/backup';
import type { Database } from '@stockwise/db/database';
import { openDatabase } from '@stockwise/db/open-database';

export { backupDatabase };

/**
 * Restores a backup (README: Backups): into a new data folder's embedded database, or into an empty
 * PostgreSQL database. Migrations newer than the backup apply when Stockwise next opens it.
 */
export async function restoreBackup(
  file: string,
  target: { dataDir: string } | { databaseUrl: string },
): Promise<void> {
  if ('dataDir' in target) {
    await restorePglite(file, join(target.dataDir, 'pg'));
    return;
  }
  const db: Database = await openDatabase({ databaseUrl: target.databaseUrl });
  try {
    await restorePostgres(file, target.databaseUrl, db);
  } finally {
    await db.close();
  }
}
