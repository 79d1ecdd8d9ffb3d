import { createHash } from 'node:crypto';
import { listMigrations, migrate } from '@stockwise/db/migrate';
import { openPostgresDatabase } from '@stockwise/db/postgres-database';
import { createScratchDatabase, onServer, type ScratchDatabase } from '@stockwise/db/scratch-database';

/** Serialises template making across test processes on one server (any fixed key). */
const TEMPLATE_LOCK = 7264398522;
const TEMPLATE_PREFIX = 'sw_tpl_';

let template: Promise<string> | undefined;

function templateName(): string {
  const hash = createHash('sha1');
  for (const m of listMigrations()) hash.update(`${String(m.version)}\0${m.sql}\0`);
  return `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}`;
}

/**
 * A migrated, empty database kept on the server for this migration set; suites copy it (CREATE
 * DATABASE … TEMPLATE) instead of running every migration. It is built under a name of its own and
 * renamed when done, so a copy never starts from a half-migrated one. Templates of other migration
 * sets are left alone: another checkout's tests may be copying one on the same server.
 */
async function makeTemplate(adminUrl: string): Promise<string> {
  const name = templateName();
  const admin = openPostgresDatabase(adminUrl, { max: 1 });
  try {
    return await admin.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [TEMPLATE_LOCK]);
      const [found] = await tx.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname = $1',
        [name],
      );
      if (found) return name;
      const building = await createScratchDatabase(adminUrl, 'sw_tplbuild_');
      const db = openPostgresDatabase(building.url, { max: 2 });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      // Published whole: a rename, on a connection of its own while this one holds the lock.
      await onServer(adminUrl, `ALTER DATABASE ${building.name} RENAME TO ${name}`);
      return name;
    });
  } finally {
    await admin.close();
  }
}

/** A fresh, migrated, empty PostgreSQL database (a copy of this migration set's template). */
export async function createMigratedScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  template ??= makeTemplate(adminUrl);
  return createScratchDatabase(adminUrl, 'sw_test_', { template: await template });
}
