import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, restorePglite, restorePostgres } from '@stockwise/db/backup';
import type { Database } from '@stockwise/db/database';
import { openDatabase } from '@stockwise/db/open-database';
import { openPostgresDatabase } from '@stockwise/db/postgres-database';
import type { Stockwise } from '../../src/stockwise';
import { openStockwise } from '../../src/stockwise';
import { BACKENDS, TEST_DATABASE_URL } from '../support/backends';
import { locationInput, newAccount, productInput, uid } from '../support/factories';

const scratch = mkdtempSync(join(tmpdir(), 'stockwise-backup-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A seller with products, locations, receipts, shipments and a transfer: every kind of row a ledger holds. */
async function seed(sw: Stockwise): Promise<void> {
  const { actor } = await newAccount(sw);
  await sw.locations.createLocation(actor, locationInput({ code: 'WH1' }));
  await sw.locations.createLocation(actor, locationInput({ code: 'FBA-US', type: 'amazon_fba' }));
  for (const sku of ['MUG', 'CUP']) {
    await sw.catalog.createProduct(actor, productInput({ sku, unitCost: 3 }));
    await sw.ledger.post(actor, [
      { sku, location: 'WH1', request: { type: 'receipt', quantity: 50, unitCost: 3 } },
      { sku, location: 'WH1', toLocation: 'FBA-US', request: { type: 'transfer', quantity: 20 } },
      { sku, location: 'FBA-US', request: { type: 'shipment', quantity: 4 }, unitPrice: 12 },
    ]);
  }
}

/** Every table of the schema with its row count and a digest of all its rows. */
async function contents(db: Database): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ n: number; digest: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`,
    );
    out[name] = `${String(row?.n)}:${row?.digest ?? ''}`;
  }
  return out;
}

describe('backup and restore', () => {
  it('the embedded database: a backup restored into a new data folder holds the same rows in every table', async () => {
    const source = join(scratch, 'source');
    const sw = await openStockwise({ dataDir: source });
    await seed(sw);
    const file = join(scratch, 'stockwise.tar.gz');
    const written = await backupDatabase(sw.db, file);
    expect(written).toMatchObject({ format: 'pglite-tar-gz' });
    expect(written.bytes).toBeGreaterThan(1000);
    const before = await contents(sw.db);
    await sw.close();

    const target = join(scratch, 'target');
    await restorePglite(file, join(target, 'pg'));
    const restored = await openDatabase({ dataDir: target });
    try {
      const after = await contents(restored);
      expect(Object.keys(after).length).toBeGreaterThan(20);
      expect(after['stock_movements']).toMatch(/^[1-9]\d*:/);
      expect(after).toEqual(before);
    } finally {
      await restored.close();
    }
    // A folder that already holds a database is never overwritten.
    await expect(restorePglite(file, join(target, 'pg'))).rejects.toThrow(/already holds a database/);
  });

  // Without a reachable PostgreSQL the backends module has said loudly that this tier is skipped (CI fails).
  it.skipIf(!BACKENDS.some((b) => b.name === 'postgres'))(
    'PostgreSQL: pg_dump / pg_restore into an empty database holds the same rows in every table',
    async () => {
      const names = { from: `backup_from_${uid()}`, to: `backup_to_${uid()}` };
      const urlOf = (name: string) =>
        Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${name}` }).toString();
      const admin = openPostgresDatabase(TEST_DATABASE_URL, { max: 1 });
      await admin.exec(`CREATE DATABASE ${names.from}`);
      await admin.exec(`CREATE DATABASE ${names.to}`);
      try {
        const sw = await openStockwise({ databaseUrl: urlOf(names.from) });
        await seed(sw);
        const file = join(scratch, 'stockwise.pgdump');
        expect(await backupDatabase(sw.db, file, { databaseUrl: urlOf(names.from) })).toMatchObject({
          format: 'pg_dump-custom',
        });
        const before = await contents(sw.db);
        await sw.close();
        const target = openPostgresDatabase(urlOf(names.to), { max: 1 });
        try {
          await restorePostgres(file, urlOf(names.to), target);
          expect(await contents(target)).toEqual(before);
          // A database with tables is never restored into.
          await expect(restorePostgres(file, urlOf(names.to), target)).rejects.toThrow(/not empty/);
        } finally {
          await target.close();
        }
      } finally {
        await admin.exec(`DROP DATABASE IF EXISTS ${names.from} WITH (FORCE)`);
        await admin.exec(`DROP DATABASE IF EXISTS ${names.to} WITH (FORCE)`);
        await admin.close();
      }
    },
  );

  it('the CLI: `stockwise backup` then `stockwise restore` into a new folder', () => {
    const cli = (args: string[]) =>
      execFileSync(process.execPath, ['bin/stockwise.js', ...args, '--json'], {
        cwd: join(__dirname, '../../../..'),
        encoding: 'utf8',
      });
    const from = join(scratch, 'cli-from');
    cli([
      'user',
      'create',
      '--account',
      'Shop',
      '--email',
      'o@example.com',
      '--password',
      'password-1',
      '--data',
      from,
    ]);
    const file = join(scratch, 'cli.tar.gz');
    expect(JSON.parse(cli(['backup', file, '--data', from]))).toMatchObject({ format: 'pglite-tar-gz' });
    const to = join(scratch, 'cli-to');
    expect(JSON.parse(cli(['restore', file, '--data', to]))).toEqual({ restored: file });
    // The restored folder knows the owner: a token can be made for them there.
    const token = JSON.parse(cli(['token', 'create', '--email', 'o@example.com', '--data', to])) as {
      account: string;
    };
    expect(token.account).toBe('Shop');
    // Four CLI processes, each opening (two creating) an embedded database: a minute on a busy machine.
  }, 180_000);
});
