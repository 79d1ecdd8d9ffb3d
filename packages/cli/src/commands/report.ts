import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { StorageFlags } from '../options';
import { print, reporting, runAdminCommand, withStorage } from '../options';

const KINDS = ['inventory', 'inventory-age', 'excess', 'stranded', 'storage', 'profit'] as const;

interface ReportFlags extends StorageFlags {
  format: 'json' | 'csv' | 'xlsx';
  out?: string;
  asOf?: string;
  month?: string;
  from?: string;
  to?: string;
  account?: string;
}

/** `stockwise report KIND [--format csv|xlsx|json] [--out FILE]`: Seller Central-style reports from the ledger. */
export function registerReportCommands(program: Command): void {
  withStorage(program.command('report').description(`inventory health reports: ${KINDS.join(', ')}`))
    .argument('<kind>', KINDS.join(' | '))
    .addOption(new Option('--format <format>', 'file format').choices(['json', 'csv', 'xlsx']).default('csv'))
    .addOption(
      new Option(
        '--out <file>',
        'write to this file (default: stdout for csv/json, stockwise-KIND-DATE.xlsx for xlsx)',
      ),
    )
    .addOption(new Option('--as-of <date>', 'the day the figures are for (YYYY-MM-DD, default today)'))
    .addOption(new Option('--month <month>', 'storage: the month charged (YYYY-MM)'))
    .addOption(new Option('--from <date>', 'profit: first day'))
    .addOption(new Option('--to <date>', 'profit: day after the last'))
    .addOption(new Option('--account <name>', 'account (default: the first)').env('STOCKWISE_ACCOUNT'))
    .action(
      reporting(async (kind: string, flags: ReportFlags) => {
        if (!(KINDS as readonly string[]).includes(kind))
          throw new Error(`unknown report ${kind}: one of ${KINDS.join(', ')}`);
        const format = flags.json ? 'json' : flags.format;
        const result = await runAdminCommand(flags, {
          command: 'report',
          kind: kind as (typeof KINDS)[number],
          format,
          ...(flags.account ? { account: flags.account } : {}),
          ...(flags.asOf ? { asOf: flags.asOf } : {}),
          ...(flags.month ? { month: flags.month } : {}),
          ...(flags.from ? { from: flags.from } : {}),
          ...(flags.to ? { to: flags.to } : {}),
        });
        if (format === 'json') {
          const text = JSON.stringify(result);
          if (flags.out) {
            writeFileSync(flags.out, `${text}\n`);
            print(
              flags,
              { out: flags.out, rows: (result['rows'] as unknown[]).length },
              `${kind}: ${String((result['rows'] as unknown[]).length)} rows written to ${flags.out}`,
            );
          } else process.stdout.write(`${text}\n`);
          return;
        }
        const bytes = Buffer.from(String(result['contentBase64']), 'base64');
        const out = flags.out ?? (format === 'xlsx' ? String(result['filename']) : undefined);
        if (out) {
          writeFileSync(out, bytes);
          process.stderr.write(
            `${kind} report (${format}, ${String(bytes.length)} bytes) written to ${out}\n`,
          );
        } else process.stdout.write(bytes);
      }),
    );
}
