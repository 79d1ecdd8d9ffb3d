import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, STOCKWISE_BIN, stockwiseCli, userArgs } from '../../server/test/support/stockwise-process';

/** Runs one `stockwise` command with `env` added and returns its stdout. */
const stockwise = (args: string[], env: Record<string, string> = {}) =>
  stockwiseCli(args, env, { timeoutMs: 60_000 });

/** `stockwise user create` on a data folder; without a role the CLI's default applies. */
function createUser(user: {
  account: string;
  email: string;
  password: string;
  role?: string;
  dataDir: string;
}): Promise<string> {
  return stockwise([...userArgs(user), '--data', user.dataDir]);
}

/** The seller's path from outside: the real `stockwise` binary, a real port, an empty data folder. */
describe('stockwise CLI and server, end to end', () => {
  let dataDir: string;
  let server: ChildProcess;
  let base: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'stockwise-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${String(port)}`;
    await stockwise(['migrate', '--data', dataDir, '--json']);
    await createUser({
      account: 'E2E Seller',
      email: 'e2e@example.com',
      password: 'e2e password',
      role: 'owner',
      dataDir,
    });
    server = spawn(
      process.execPath,
      [STOCKWISE_BIN, 'serve', '--port', String(port), '--host', '127.0.0.1', '--json'],
      { env: { ...process.env, STOCKWISE_DATA: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('"url"')) resolve();
      });
      server.once('exit', (code) => {
        reject(new Error(`server exited with ${String(code)}`));
      });
    });
  });

  afterAll(() => {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves health without auth and 401 without a token', async () => {
    expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({
      status: 'ok',
      database: 'pglite',
    });
    const denied = await fetch(`${base}/api/v1/products`);
    expect(denied.status).toBe(401);
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    expect((await fetch(`${base}/api/docs`)).status).toBe(200);
  });

  it('`stockwise user create` and `token create --json` work while the server runs on the same folder, and the token works', async () => {
    // The embedded database has one owner: the CLI hands these commands to the running server.
    await createUser({
      account: 'E2E Seller',
      email: 'second@example.com',
      password: 'second password',
      role: 'manager',
      dataDir,
    });
    const { token } = JSON.parse(
      await stockwise([
        'token',
        'create',
        '--email',
        'second@example.com',
        '--name',
        'e2e',
        '--json',
        '--data',
        dataDir,
      ]),
    ) as { token: string };
    expect(token).toMatch(/^sw_/);
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    expect(
      (
        await fetch(`${base}/api/v1/locations`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ code: 'WH1', name: 'Main', type: 'warehouse' }),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await fetch(`${base}/api/v1/products`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ sku: 'E2E-1', title: 'Mug', barcode: '4006381333931', unitCost: 2 }),
        })
      ).status,
    ).toBe(201);
    const movement = await fetch(`${base}/api/v1/movements`, {
      method: 'POST',
      headers: { ...auth, 'Idempotency-Key': 'e2e-1' },
      body: JSON.stringify({ type: 'receipt', sku: 'E2E-1', location: 'WH1', quantity: 12 }),
    });
    expect(movement.status).toBe(201);
    const inventory = (await (
      await fetch(`${base}/api/v1/inventory?sku=E2E-1`, { headers: auth })
    ).json()) as { items: { onHand: number }[] };
    expect(inventory.items[0]?.onHand).toBe(12);
  });
});

describe('stockwise token create', () => {
  it('prints {"token"} with --json, and the token is accepted by a server on the same data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stockwise-token-'));
    try {
      await createUser({ account: 'T', email: 't@example.com', password: 'token password', dataDir });
      const out = JSON.parse(
        await stockwise(['token', 'create', '--email', 't@example.com', '--name', 'ci', '--json'], {
          STOCKWISE_DATA: dataDir,
        }),
      ) as { token: string };
      expect(out.token).toMatch(/^sw_/);
      const port = await freePort();
      const server = spawn(
        process.execPath,
        [STOCKWISE_BIN, 'serve', '--port', String(port), '--host', '127.0.0.1', '--json', '--data', dataDir],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      await new Promise<void>((resolve) =>
        server.stdout?.on('data', () => {
          resolve();
        }),
      );
      const res = await fetch(`http://127.0.0.1:${String(port)}/api/v1/auth/me`, {
        headers: { Authorization: `Bearer ${out.token}` },
      });
      server.kill('SIGTERM');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ user: { email: 't@example.com' } });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails with a clear message for an unknown email', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stockwise-token-'));
    try {
      await expect(
        stockwise(['token', 'create', '--email', 'nobody@example.com', '--data', dataDir]),
      ).rejects.toMatchObject({
        stderr: expect.stringContaining('no user with email nobody@example.com') as unknown,
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
