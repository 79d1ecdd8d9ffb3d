import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from '@stockwise/db/database';
import { listMigrations, migrate } from '@stockwise/db/migrate';
import { openPgliteDatabase } from '@stockwise/db/pglite-database';

/**
 * An empty embedded database costs initdb (seconds of WebAssembly, most of a small suite's time) and
 * every migration. Suites start instead from a snapshot of a freshly migrated one, made once per
 * migration set and PGlite version and kept in the temporary folder for the other test processes.
 * What the suites get is the same database `migrate()` makes: the snapshot is its output.
 */
let template: Promise<Blob> | undefined;

function templatePath(): string {
  // The package exports no package.json: its version is read beside its entry point.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const hash = createHash('sha1').update(readFileSync(join(dirname(entry), '..', 'package.json')));
  for (const m of listMigrations()) hash.update(`${String(m.version)}\0${m.sql}\0`);
  return join(tmpdir(), `stockwise-pglite-migrated-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

async function makeTemplate(): Promise<Blob> {
  const path = templatePath();
  try {
    return new Blob([readFileSync(path)]);
  } catch {
    // Not made yet (or removed): make it, and publish it whole (rename) for concurrent processes.
  }
  const db = await openPgliteDatabase();
  try {
    await migrate(db);
    const snapshot = await db.snapshot!();
    const partial = `${path}.${String(process.pid)}`;
    writeFileSync(partial, Buffer.from(await snapshot.arrayBuffer()));
    renameSync(partial, path);
    return snapshot;
  } finally {
    await db.close();
  }
}

/** A fresh, migrated, empty embedded database. */
export async function openMigratedPglite(): Promise<Database> {
  template ??= makeTemplate();
  return openPgliteDatabase(undefined, { loadDataDir: await template });
}
