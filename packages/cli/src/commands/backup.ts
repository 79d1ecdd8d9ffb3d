import { resolve } from 'node:path';
import type { Command } from 'commander';
import { backupDatabase, restoreBackup } from '@stockwise/server/platform/backup';
import type { StorageFlags } from '../options';
import { assertNotServed, print, reporting, runAdminCommand, withStockwise, withStorage } from '../options';

/** `backup FILE` and `restore FILE` (README: Backups). */
export function registerBackupCommands(program: Command): void {
  withStorage(
    program
      .command('backup')
      .argument('<file>', 'where to write the backup')
      .description('write a consistent backup of the whole database (a running server writes it itself)'),
  ).action(
    reporting(async (file: string, flags: StorageFlags) => {
      const target = resolve(file);
      const written = flags.databaseUrl
        ? await withStockwise(flags, (sw) =>
            backupDatabase(sw.db, target, { databaseUrl: flags.databaseUrl }),
          )
        : await runAdminCommand(flags, { command: 'backup', file: target });
      print(flags, written, `backup written to ${target} (${String(written.bytes)} bytes)`);
    }),
  );

  withStorage(
    program
      .command('restore')
      .argument('<file>', 'a file written by `stockwise backup`')
      .description('restore a backup into a new data folder, or an empty PostgreSQL database'),
  ).action(
    reporting(async (file: string, flags: StorageFlags) => {
      assertNotServed(flags);
      const source = resolve(file);
      await restoreBackup(
        source,
        flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : { dataDir: resolve(flags.data) },
      );
      // Opening it applies any migration newer than the backup.
      await withStockwise(flags, () => Promise.resolve());
      print(flags, { restored: source }, `restored ${source}`);
    }),
  );
}
