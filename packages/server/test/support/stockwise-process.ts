import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The `stockwise` command as installed (bin/stockwise.js at the repository root). */
export const STOCKWISE_BIN = join(import.meta.dirname, '../../../../bin/stockwise.js');

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

/** Runs one `stockwise` command with `env` added and returns its stdout. */
export async function stockwiseCli(
  args: readonly string[],
  env: Record<string, string>,
  limits: { timeoutMs: number; maxBuffer?: number },
): Promise<string> {
  const { stdout } = await run(process.execPath, [STOCKWISE_BIN, ...args], {
    env: { ...process.env, ...env },
    timeout: limits.timeoutMs,
    ...(limits.maxBuffer ? { maxBuffer: limits.maxBuffer } : {}),
  });
  return stdout;
}

/** The `stockwise user create` arguments for a user of an account; without a role the CLI's default applies. */
export function userArgs(user: {
  account: string;
  email: string;
  password: string;
  role?: string;
}): string[] {
  const role = user.role === undefined ? [] : ['--role', user.role];
  return [
    'user',
    'create',
    '--account',
    user.account,
    '--email',
    user.email,
    '--password',
    user.password,
    ...role,
  ];
}

/** The `stockwise user create` arguments for the owner of a new account. */
export function ownerArgs(user: { account: string; email: string; password: string }): string[] {
  return userArgs({ ...user, role: 'owner' });
}

/**
 * Starts `stockwise serve` on 127.0.0.1:`port` as a child process and resolves once it prints its
 * URL (--json); rejects if it exits first.
 */
export async function startServe(opts: {
  port: number;
  env: Record<string, string>;
  serveArgs?: readonly string[];
  nodeArgs?: readonly string[];
}): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(opts.nodeArgs ?? []),
      STOCKWISE_BIN,
      'serve',
      '--port',
      String(opts.port),
      '--host',
      '127.0.0.1',
      ...(opts.serveArgs ?? []),
      '--json',
    ],
    { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('"url"')) resolve();
    });
    child.once('exit', (code) => {
      reject(new Error(`server exited with ${String(code)}`));
    });
  });
  return child;
}
