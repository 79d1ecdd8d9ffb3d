import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { IMPORT_KINDS } from '@stockwise/domain/imports/import-formats';
import type { ImportKind } from '@stockwise/domain/imports/import-formats';
import { DomainError } from '@stockwise/domain/errors';
import { parseSalesHistoryMapping } from '@stockwise/domain/imports/sales-history';
import { importFile } from '@stockwise/server/imports/import.jobs';
import { findRunningServer } from '@stockwise/server/local-control';
import type { StorageFlags } from '../options';
import { print, reportError, runAdminCommand, withStockwise, withStorage } from '../options';
import { progressBar } from '../progress';

interface ImportFlags extends StorageFlags {
  skipInvalid?: boolean;
  rejects?: string;
  location?: string;
  readAt?: string;
  mapping?: string;
  account?: string;
}

interface ImportOutcome {
  status: string;
  rows: number;
  rejected: number;
  applied: Record<string, unknown>;
  rejectsPath?: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Through the running server (it owns the embedded database): start the import job, follow its progress. */
async function importThroughServer(
  flags: ImportFlags,
  job: { kind: ImportKind; path: string; rejectsPath: string | undefined; mapping: string | undefined },
  bar: ReturnType<typeof progressBar>,
): Promise<ImportOutcome> {
  const account = flags.account ? { account: flags.account } : {};
  const started = await runAdminCommand(flags, {
    command: 'import.start',
    kind: job.kind,
    path: job.path,
    skipInvalid: Boolean(flags.skipInvalid),
    ...(job.rejectsPath ? { rejectsPath: job.rejectsPath } : {}),
    ...(flags.location ? { location: flags.location } : {}),
    ...(flags.readAt ? { readAt: flags.readAt } : {}),
    ...(job.mapping ? { mapping: job.mapping } : {}),
    ...account,
  });
  const jobId = Number(started['jobId']);
  for (;;) {
    const state = await runAdminCommand(flags, { command: 'job.get', jobId, ...account });
    bar.update(
      Number(state['progress'] ?? 0),
      typeof state['progressMessage'] === 'string' ? state['progressMessage'] : String(state['status']),
    );
    if (state['status'] === 'succeeded') return state['result'] as ImportOutcome;
    if (state['status'] === 'failed')
      throw new DomainError(
        'VALIDATION_FAILED',
        typeof state['error'] === 'string' ? state['error'] : 'import failed',
      );
    await sleep(250);
  }
}

/** The --mapping file's JSON text, checked before the file is read (the message names the field). */
function readMapping(path: string | undefined): string {
  if (!path) throw new Error('sales-history needs --mapping <file>: a JSON object naming the columns');
  const full = resolve(path);
  if (!existsSync(full)) throw new Error(`no mapping file ${full}`);
  const text = readFileSync(full, 'utf8');
  parseSalesHistoryMapping(text);
  return text;
}

export function registerImportCommands(program: Command): void {
  withStorage(
    program
      .command('import')
      .description(`import a file: ${IMPORT_KINDS.join(', ')} (formats: README "Imports")`),
  )
    .argument('<kind>', IMPORT_KINDS.join(' | '))
    .argument(
      '<file>',
      'CSV (orders, products, stock, returns) or Amazon flat file (amazon-orders, amazon-inventory, amazon-inventory-age, amazon-returns, amazon-settlement, amazon-shipments)',
    )
    .addOption(
      new Option(
        '--skip-invalid',
        'apply the rows that can be applied; write the others (invalid, unknown SKU or location, not enough stock, …) to a rejects file',
      ),
    )
    .addOption(new Option('--rejects <file>', 'rejects file (default: <file>.rejects.csv)'))
    .addOption(
      new Option(
        '--location <code>',
        'amazon-inventory, amazon-inventory-age: the Amazon location to reconcile; amazon-returns, returns: where returns come back',
      ),
    )
    .addOption(
      new Option(
        '--read-at <instant>',
        'amazon-inventory: when the report was taken (ISO instant, default: now); FBA orders shipped before it are sales history only',
      ),
    )
    .addOption(
      new Option(
        '--mapping <file>',
        'sales-history: a JSON file naming the columns, e.g. {"orderId":"Invoice","date":"InvoiceDate","sku":"StockCode","quantity":"Quantity","unitPrice":"Price","cancelPrefix":"C","createProducts":true}',
      ),
    )
    .addOption(new Option('--account <name>', 'account (default: the first)').env('STOCKWISE_ACCOUNT'))
    .action(async (kind: string, file: string, flags: ImportFlags) => {
      const bar = progressBar(!flags.json);
      try {
        if (!(IMPORT_KINDS as readonly string[]).includes(kind))
          throw new Error(`kind must be one of ${IMPORT_KINDS.join(', ')}`);
        const path = resolve(file);
        if (!existsSync(path)) throw new Error(`no file ${path}`);
        const rejectsPath = flags.skipInvalid ? resolve(flags.rejects ?? `${file}.rejects.csv`) : undefined;
        const mapping = kind === 'sales-history' ? readMapping(flags.mapping) : undefined;
        const job = { kind: kind as ImportKind, path, rejectsPath, mapping };
        const served = !flags.databaseUrl && findRunningServer(resolve(flags.data));
        const result: ImportOutcome = served
          ? await importThroughServer(flags, job, bar)
          : await withStockwise(flags, async (sw) =>
              importFile(sw.imports, await sw.auth.ownerOf(flags.account), {
                ...job,
                skipInvalid: flags.skipInvalid,
                location: flags.location,
                readAt: flags.readAt,
                mapping: mapping === undefined ? undefined : parseSalesHistoryMapping(mapping),
                onProgress: bar.update,
              }),
            );
        bar.stop();
        const human =
          result.status === 'unchanged'
            ? `unchanged: this ${kind} file was imported before`
            : `imported ${result.rows - result.rejected} of ${result.rows} rows${result.rejected ? `; ${result.rejected} rejected → ${result.rejectsPath ?? rejectsPath ?? ''}` : ''}; ${JSON.stringify(Object.fromEntries(Object.entries(result.applied).filter(([k]) => k !== 'differences')))}`;
        print(flags, result, human);
      } catch (error) {
        bar.stop();
        if (error instanceof DomainError && Array.isArray(error.details?.['rejects']) && !flags.json) {
          process.stderr.write(`error: ${error.message}\n`);
          for (const r of (
            error.details['rejects'] as { line: number; field: string; message: string }[]
          ).slice(0, 20))
            process.stderr.write(`  line ${r.line} (${r.field}): ${r.message}\n`);
          process.exit(1);
        }
        reportError(error, Boolean(flags.json));
      }
    });
}
