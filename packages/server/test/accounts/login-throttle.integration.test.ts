import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/serve';
import { startServer } from '../../src/serve';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccount, uid } from '../support/factories';
import { client } from '../support/http-client';

/** POST /auth/login over a real socket: the server sees the client's address. */
function loginOverSocket(
  url: string,
  body: unknown,
): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      `${url}/api/v1/auth/login`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(data.length) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const retry: string | undefined = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter: retry });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describeEachBackend(
  'Login throttling per account and per address; scrypt cost upgraded at sign-in',
  (backend) => {
    const ctx = useStockwise(backend);
    let server: RunningServer;
    const log2 = process.env['STOCKWISE_SCRYPT_LOG2_N'];
    const trustProxy = process.env['STOCKWISE_TRUST_PROXY'];

    beforeAll(async () => {
      server = await startServer(ctx.sw, { port: 0, host: '127.0.0.1', worker: false });
    });
    afterAll(async () => {
      process.env['STOCKWISE_SCRYPT_LOG2_N'] = log2;
      process.env['STOCKWISE_TRUST_PROXY'] = trustProxy;
      await server.close();
    });

    const login = (email: string, password: string, headers: Record<string, string> = {}) =>
      client(ctx.app).call('POST', '/api/v1/auth/login', { body: { email, password }, headers });

    it('locks an account after five wrong passwords (429 + Retry-After), even for the right one, and backs off', async () => {
      const owner = await newAccount(ctx.sw);
      for (let i = 1; i <= 5; i++) expect((await login(owner.email, `wrong ${i}`)).status).toBe(401);
      const locked = await login(owner.email, 'wrong 6');
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ code: 'RATE_LIMITED' });
      expect(locked.headers.get('retry-after')).toBe('1');
      expect((await login(owner.email, owner.password)).status).toBe(429);
      // The lock runs out: the next wrong password locks for twice as long.
      await ctx.sw.db.query(`UPDATE login_failures SET locked_until = now() - interval '1 second'`);
      expect((await login(owner.email, 'wrong 7')).status).toBe(401);
      expect((await login(owner.email, owner.password)).headers.get('retry-after')).toBe('2');
      // After it, the right password signs in and forgets the failures.
      await ctx.sw.db.query(`UPDATE login_failures SET locked_until = now() - interval '1 second'`);
      expect((await login(owner.email, owner.password)).status).toBe(200);
      expect((await login(owner.email, 'one typo')).status).toBe(401);
      expect((await login(owner.email, owner.password)).status).toBe(200);
    });

    it('locks a client address that tries many e-mails (behind a trusted proxy: its X-Forwarded-For)', async () => {
      process.env['STOCKWISE_TRUST_PROXY'] = '1';
      const from = { 'X-Forwarded-For': '198.51.100.23' };
      for (let i = 1; i <= 20; i++)
        expect((await login(`${uid('nobody-')}@example.com`, 'guess', from)).status, `attempt ${i}`).toBe(
          401,
        );
      const owner = await newAccount(ctx.sw);
      expect((await login(owner.email, owner.password, from)).status).toBe(429);
      // Another address is not affected.
      expect((await login(owner.email, owner.password, { 'X-Forwarded-For': '198.51.100.24' })).status).toBe(
        200,
      );
      delete process.env['STOCKWISE_TRUST_PROXY'];
    });

    it('over a real socket, the 30th wrong password gets 429', async () => {
      const owner = await newAccount(ctx.sw);
      const statuses: number[] = [];
      let last: { status: number; retryAfter: string | undefined } | undefined;
      for (let i = 1; i <= 30; i++) {
        last = await loginOverSocket(server.url, { email: owner.email, password: `wrong ${i}` });
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses[29]).toBe(429);
      expect(Number(last?.retryAfter)).toBeGreaterThanOrEqual(1);
    });

    it('replaces a hash weaker than the current cost at the next sign-in', async () => {
      const owner = await newAccount(ctx.sw); // hashed at 2^14 (the tests' setting)
      const hashOf = async () =>
        (
          await ctx.sw.db.query<{ h: string }>('SELECT password_hash AS h FROM users WHERE email = $1', [
            owner.email,
          ])
        )[0]!.h;
      expect(await hashOf()).toMatch(/^scrypt\$16384\$8\$1\$/);
      delete process.env['STOCKWISE_SCRYPT_LOG2_N']; // production's default
      expect((await login(owner.email, owner.password)).status).toBe(200);
      expect(await hashOf()).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect((await login(owner.email, owner.password)).status).toBe(200);
      process.env['STOCKWISE_SCRYPT_LOG2_N'] = log2;
    });
  },
);
