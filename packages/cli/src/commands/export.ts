import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import type { Command } from 'commander';
import { Option } from 'commander';
import { EXPORT_KINDS, exportCsv } from '@stockwise/server/imports/exports';
import type { ExportKind } from '@stockwise/server/imports/exports';
import { findRunningServer } from '@stockwise/server/local-control';
import type { StorageFlags } from '../options';
import { reporting, runAdminCommand, withStockwise, withStorage } from '../options';

interface ExportFlags extends StorageFlags {
  format: string;
  out?: string;
  account?: string;
}

export function registerExportCommands(program: Command): void {
  withStorage(
    program.command('export').description(`export ${EXPORT_KINDS.join(', ')} as CSV in the import format`),
  )
    .argument('<kind>', EXPORT_KINDS.join(' | '))
    .addOption(new Option('--format <format>', 'file format').choices(['csv']).default('csv'))
    .addOption(new Option('--out <file>', 'write here instead of standard output'))
    .addOption(new Option('--account <name>', 'account (default: the first)').env('STOCKWISE_ACCOUNT'))
    .action(
      reporting(async (kind: string, flags: ExportFlags) => {
        if (!(EXPORT_KINDS as readonly string[]).includes(kind))
          throw new Error(`kind must be one of ${EXPORT_KINDS.join(', ')}`);
        const out = flags.out ? resolve(flags.out) : undefined;
        if (!flags.databaseUrl && findRunningServer(resolve(flags.data))) {
          const result = await runAdminCommand(flags, {
            command: 'export',
            kind: kind as ExportKind,
            ...(out ? { out } : {}),
            ...(flags.account ? { account: flags.account } : {}),
          });
          if (!out) process.stdout.write(String(result['csv']));
          return;
        }
        await withStockwise(flags, async (sw) => {
          const actor = await sw.auth.ownerOf(flags.account);
          const sink = out ? createWriteStream(out) : process.stdout;
          for await (const chunk of exportCsv(sw.tx, actor, kind as ExportKind)) {
            if (!sink.write(chunk)) await once(sink, 'drain');
          }
          if (out) await new Promise<void>((r) => (sink as ReturnType<typeof createWriteStream>).end(r));
        });
      }),
    );
}
