import { resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import type { Stockwise } from '@stockwise/server/stockwise';
import { openStockwise } from '@stockwise/server/stockwise';
import { isDomainError } from '@stockwise/domain/errors';

export interface StorageFlags {
  data: string;
  databaseUrl?: string;
  json?: boolean;
}

/** --data / --database-url / --json, each also from the environment. */
export function withStorage(command: Command): Command {
  return command
    .addOption(new Option('--data <dir>', 'embedded database folder').env('STOCKWISE_DATA').default('./data'))
    .addOption(new Option('--database-url <url>', 'PostgreSQL server instead of the embedded database').env('DATABASE_URL'))
    .addOption(new Option('--json', 'machine-readable output').env('STOCKWISE_JSON'));
}

export async function open(flags: StorageFlags): Promise<Stockwise> {
  return openStockwise(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : { dataDir: resolve(flags.data) });
}

/** Runs `fn` with an open Stockwise and closes it; domain errors become one clear line and exit code 1. */
export async function withStockwise<T>(flags: StorageFlags, fn: (sw: Stockwise) => Promise<T>): Promise<T> {
  const sw = await open(flags);
  try {
    return await fn(sw);
  } finally {
    await sw.close();
  }
}

export function print(flags: { json?: boolean | undefined }, value: unknown, human: string): void {
  process.stdout.write(flags.json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}

export function reportError(error: unknown, json: boolean): never {
  if (isDomainError(error)) {
    const body = { error: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
    process.stderr.write(json ? `${JSON.stringify(body)}\n` : `error: ${error.message}${error.field ? ` (${error.field})` : ''}\n`);
  } else {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
}
