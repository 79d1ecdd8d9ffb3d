import { resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import type { Stockwise } from '@stockwise/server/stockwise';
import { openStockwise } from '@stockwise/server/stockwise';
import { DomainError, isDomainError } from '@stockwise/domain/errors';
import { parseIsoDate } from '@stockwise/domain/dates/dates';
import type { LocalCommand } from '@stockwise/server/local-control';
import { findRunningServer, runLocalCommand } from '@stockwise/server/local-control';

export interface StorageFlags {
  data: string;
  databaseUrl?: string;
  json?: boolean;
}

/** --data / --database-url / --json, each also from the environment. */
export function withStorage(command: Command): Command {
  return command
    .addOption(new Option('--data <dir>', 'embedded database folder').env('STOCKWISE_DATA').default('./data'))
    .addOption(
      new Option('--database-url <url>', 'PostgreSQL server instead of the embedded database').env(
        'DATABASE_URL',
      ),
    )
    .addOption(new Option('--json', 'machine-readable output').env('STOCKWISE_JSON'));
}

export async function open(flags: StorageFlags): Promise<Stockwise> {
  assertNotServed(flags);
  return openStockwise(
    flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : { dataDir: resolve(flags.data) },
  );
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
    const body = {
      error: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
    };
    process.stderr.write(
      json
        ? `${JSON.stringify(body)}\n`
        : `error: ${error.message}${error.field ? ` (${error.field})` : ''}\n`,
    );
  } else {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
}

/**
 * A command's action whose errors end the command as `reportError` says (one line, JSON with --json,
 * exit code 1). Commander calls the action with the command as `this`; its options are the flags.
 */
export function reporting<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (this: Command, ...args: A) => Promise<void> {
  return async function (this: Command, ...args: A): Promise<void> {
    try {
      await action(...args);
    } catch (error) {
      reportError(error, Boolean(this.opts<{ json?: boolean }>().json));
    }
  };
}

/**
 * Runs an admin command: through the running server when one owns this data folder (the embedded
 * database has a single owner process), otherwise directly on the database.
 */
export async function runAdminCommand(
  flags: StorageFlags,
  command: LocalCommand,
): Promise<Record<string, unknown>> {
  const running = flags.databaseUrl ? undefined : findRunningServer(resolve(flags.data));
  if (!running) return withStockwise(flags, (sw) => runLocalCommand(sw, command));
  const res = await fetch(`${running.url}/api/local/cli`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Stockwise-Local-Secret': running.secret },
    body: JSON.stringify(command),
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok)
    throw new DomainError(
      'VALIDATION_FAILED',
      typeof body['message'] === 'string' ? body['message'] : `server answered ${String(res.status)}`,
      typeof body['field'] === 'string' ? { field: body['field'] } : {},
    );
  return body;
}

/** Refuses to open the embedded database while a server owns it. */
export function assertNotServed(flags: StorageFlags): void {
  if (!flags.databaseUrl && findRunningServer(resolve(flags.data))) {
    throw new DomainError(
      'CONFLICT',
      `a Stockwise server is running on ${resolve(flags.data)}; stop it first`,
    );
  }
}

/** `--as-of`: a calendar date as YYYY-MM-DD, refused with the flag's name otherwise. */
export function isoDateFlag(value: string): string {
  try {
    parseIsoDate(value);
    return value;
  } catch {
    throw new DomainError('VALIDATION_FAILED', `--as-of must be a date as YYYY-MM-DD, got "${value}"`, {
      field: 'asOf',
    });
  }
}
