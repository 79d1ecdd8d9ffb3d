import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import { ROLES } from '@stockwise/domain/accounts/roles';
import { isDomainError } from '@stockwise/domain/errors';
import type { Stockwise } from './stockwise';
import { ownerCommand } from './local-command';
import { PasswordSchema } from './accounts/auth.schema';
import { EmailSchema } from './http/common.schema';
import { RESTOCK_LOCAL_COMMAND, runRestockCommand } from './replenishment/local-commands';
import { REPORT_LOCAL_COMMAND, runReportCommand } from './reports/report-command';
import { runSalesCommand, SALES_LOCAL_COMMANDS } from './imports/local-commands';
import { backupDatabase } from '@stockwise/db/backup';

/**
 * The embedded database has a single owner process. While `stockwise serve` runs on a data folder,
 * CLI commands on the same folder are handed to the server through this local channel: the server
 * writes its URL and a random secret to `<data>/server.json` (mode 0600), the CLI reads it.
 */
export interface ServerHandle {
  pid: number;
  url: string;
  secret: string;
}

const handlePath = (dataDir: string) => join(dataDir, 'server.json');

export function writeServerHandle(dataDir: string, server: { url: string; secret: string }): ServerHandle {
  const handle = { pid: process.pid, ...server };
  writeFileSync(handlePath(dataDir), JSON.stringify(handle), { mode: 0o600 });
  return handle;
}

export function removeServerHandle(dataDir: string): void {
  rmSync(handlePath(dataDir), { force: true });
}

/** The running server of this data folder, if its process is alive. */
export function findRunningServer(dataDir: string): ServerHandle | undefined {
  const path = handlePath(dataDir);
  if (!existsSync(path)) return undefined;
  try {
    const handle = JSON.parse(readFileSync(path, 'utf8')) as ServerHandle;
    process.kill(handle.pid, 0);
    return handle;
  } catch {
    return undefined;
  }
}

export const LocalCommandSchema = z.discriminatedUnion('command', [
  z
    .object({
      command: z.literal('user.create'),
      account: z.string().min(1).max(200),
      email: EmailSchema,
      password: PasswordSchema,
      role: z.enum(ROLES),
      name: z.string().max(200).optional(),
    })
    .strict(),
  z
    .object({ command: z.literal('user.remove'), account: z.string().min(1).max(200), email: EmailSchema })
    .strict(),
  z
    .object({
      command: z.literal('token.create'),
      email: z.string().min(1).max(254),
      name: z.string().min(1).max(100),
      account: z.string().max(200).optional(),
    })
    .strict(),
  ownerCommand('forecast.run', {
    horizon: z.number().int().min(1).max(365).optional(),
    asOf: z.iso.date().optional(),
  }),
  ownerCommand('forecast.get', {
    sku: z.string().min(1).max(100),
    location: z.string().max(32).optional(),
    horizon: z.number().int().min(1).max(365).optional(),
    asOf: z.iso.date().optional(),
  }),
  // The running server writes the embedded database's backup (it owns the data folder).
  z.object({ command: z.literal('backup'), file: z.string().min(1).max(4096) }).strict(),
  RESTOCK_LOCAL_COMMAND,
  REPORT_LOCAL_COMMAND,
  ...SALES_LOCAL_COMMANDS,
]);
export type LocalCommand = z.infer<typeof LocalCommandSchema>;

export async function runLocalCommand(
  sw: Stockwise,
  command: LocalCommand,
): Promise<Record<string, unknown>> {
  switch (command.command) {
    case 'user.create': {
      const m = await sw.auth.createUser(
        command.account,
        { email: command.email, password: command.password, role: command.role, name: command.name },
        { resetPassword: true },
      );
      return { account: m.accountName, accountId: m.accountId, email: m.email, role: m.role };
    }
    case 'user.remove': {
      const removed = await sw.members.removeByEmail(await sw.auth.ownerOf(command.account), command.email);
      return { account: command.account, email: removed.email, removed: true };
    }
    case 'token.create': {
      const t = await sw.auth.createTokenForEmail(command.email, command.name, command.account);
      return { token: t.token, id: t.record.id, account: t.accountName };
    }
    case 'forecast.run': {
      const actor = await sw.auth.ownerOf(command.account);
      return sw.forecasts.run(actor, {
        ...(command.horizon ? { horizon: command.horizon } : {}),
        ...(command.asOf ? { asOf: command.asOf } : {}),
      });
    }
    case 'backup':
      return backupDatabase(sw.db, command.file);
    case 'import.start':
    case 'job.get':
    case 'export':
    case 'channel.add':
      return runSalesCommand(sw, command);
    case 'restock':
      return runRestockCommand(sw, command);
    case 'report':
      return runReportCommand(sw, command);
    case 'forecast.get': {
      const actor = await sw.auth.ownerOf(command.account);
      return sw.forecasts.get(actor, command.sku, {
        location: command.location,
        asOf: command.asOf,
        ...(command.horizon ? { horizon: command.horizon } : {}),
      });
    }
  }
}

/** POST /api/local/cli, accepted only with the secret from server.json. Not part of the public API. */
export function localControlRoutes(sw: Stockwise, secret: string) {
  const app = new Hono();
  const expected = Buffer.from(secret);
  app.post('/cli', async (c) => {
    const given = Buffer.from(c.req.header('X-Stockwise-Local-Secret') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return c.json({ error: 'FORBIDDEN', message: 'not the local CLI' }, 403);
    const parsed = LocalCommandSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success)
      return c.json(
        { error: 'VALIDATION_FAILED', message: parsed.error.issues[0]?.message ?? 'invalid command' },
        400,
      );
    try {
      return c.json(await runLocalCommand(sw, parsed.data), 200);
    } catch (error) {
      if (isDomainError(error))
        return c.json({ error: error.code, message: error.message, field: error.field }, 400);
      throw error;
    }
  });
  return app;
}
