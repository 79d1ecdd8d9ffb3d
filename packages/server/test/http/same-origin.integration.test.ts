import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, DASHBOARD_CSP } from '../../src/http/app';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccount, uid, type TestAccount } from '../support/factories';
import { client } from '../support/http-client';

/** A chunked upload (no Content-Length) over a real socket: the limit must count the stream itself. */
function chunkedUpload(
  url: string,
  headers: Record<string, string>,
  chunks: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.write('sku,title\n');
    for (let i = 0; i < chunks; i++) req.write(`CHUNK-${String(i).padStart(6, '0')},Chunked product ${i}\n`);
    req.end();
  });
}

describeEachBackend(
  'CSRF: cookie writes from other sites refused; imports need their real types',
  (backend) => {
    const ctx = useStockwise(backend);
    let owner: TestAccount;
    let cookie: string;
    const sku = uid('CSRF-');
    const csv = `sku,title\n${sku},Cross-site product\n`;
    let server: ServerType;
    let url: string;
    const trustProxy = process.env['STOCKWISE_TRUST_PROXY'];

    beforeAll(async () => {
      owner = await newAccount(ctx.sw);
      const login = await client(ctx.app).post('/api/v1/auth/login', {
        email: owner.email,
        password: owner.password,
      });
      cookie = `stockwise_session=${/stockwise_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? ''}`;
      // A 4 KiB import limit, served over a real socket.
      const app = createApp(ctx.sw, { maxImportBytes: 4096 });
      server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
          resolve(s);
        });
      });
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      process.env['STOCKWISE_TRUST_PROXY'] = trustProxy;
      await new Promise((resolve) => server.close(resolve));
    });

    const importAs = (headers: Record<string, string>) =>
      client(ctx.app).call('POST', '/api/v1/imports/products', {
        raw: csv,
        headers: { Cookie: cookie, Host: 'stockwise.local:3000', ...headers },
      });
    const skuExists = async () =>
      (await client(ctx.app, owner.token).get(`/api/v1/products/${encodeURIComponent(sku)}`)).status === 200;

    it('refuses a cookie-authenticated import from a foreign Origin or Sec-Fetch-Site (403), and applies nothing', async () => {
      const attempts: Record<string, string>[] = [
        { Origin: 'https://evil.example', 'Content-Type': 'text/csv' },
        { Origin: 'null', 'Content-Type': 'text/csv' },
        { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'text/csv' },
        { 'Sec-Fetch-Site': 'same-site', Origin: 'http://stockwise.local:3000', 'Content-Type': 'text/csv' },
      ];
      for (const headers of attempts) {
        const res = await importAs(headers);
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(res.body).toMatchObject({ code: 'CROSS_ORIGIN_REQUEST' });
      }
      // Other writes too: a JSON body from a foreign page.
      const product = await client(ctx.app).call('POST', '/api/v1/products', {
        body: { sku, title: 'x' },
        headers: { Cookie: cookie, Origin: 'https://evil.example' },
      });
      expect(product.status).toBe(403);
      expect(await skuExists()).toBe(false);
    });

    it('refuses a form or text/plain import (415) — even from our own origin — and applies nothing', async () => {
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const res = await importAs({ 'Sec-Fetch-Site': 'same-origin', 'Content-Type': type });
        expect(res.status, type).toBe(415);
        expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'Content-Type' });
      }
      expect(await skuExists()).toBe(false);
    });

    it('accepts the same import from our own dashboard (Sec-Fetch-Site or a matching Origin) and from a token', async () => {
      expect((await importAs({ 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'text/csv' })).status).toBe(
        201,
      );
      expect(
        (await importAs({ Origin: 'http://stockwise.local:3000', 'Content-Type': 'text/csv' })).status,
      ).toBe(201);
      expect(await skuExists()).toBe(true);
      const withToken = await client(ctx.app, owner.token).call('POST', '/api/v1/products', {
        body: { sku: uid('TOK-'), title: 'token write' },
        headers: { Origin: 'https://integrations.example' },
      });
      expect(withToken.status).toBe(201);
    });

    it('marks the session cookie Secure behind a trusted TLS proxy only', async () => {
      const login = (headers: Record<string, string>) =>
        client(ctx.app).call('POST', '/api/v1/auth/login', {
          body: { email: owner.email, password: owner.password },
          headers,
        });
      delete process.env['STOCKWISE_TRUST_PROXY'];
      expect((await login({ 'X-Forwarded-Proto': 'https' })).headers.get('set-cookie')).not.toMatch(
        /Secure/i,
      );
      process.env['STOCKWISE_TRUST_PROXY'] = '1';
      expect((await login({ 'X-Forwarded-Proto': 'https' })).headers.get('set-cookie')).toMatch(
        /;\s*Secure/i,
      );
      expect((await login({})).headers.get('set-cookie')).not.toMatch(/Secure/i);
      delete process.env['STOCKWISE_TRUST_PROXY'];
    });

    it('cuts off a chunked upload past the limit (413), counting the stream, not Content-Length', async () => {
      const auth = { Authorization: `Bearer ${owner.token}`, 'Content-Type': 'text/csv' };
      const big = await chunkedUpload(`${url}/api/v1/imports/products?fileName=big.csv`, auth, 400);
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect((await client(ctx.app, owner.token).get('/api/v1/products/CHUNK-000001')).status).toBe(404);
      const small = await chunkedUpload(`${url}/api/v1/imports/products?fileName=small.csv`, auth, 20);
      expect(small.status).toBe(201);
    });

    it('serves security headers, and the dashboard with its Content-Security-Policy', async () => {
      const res = await ctx.app.request('/api/health');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      const dist = mkdtempSync(join(tmpdir(), 'sw-dist-'));
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title>');
      const page = await createApp(ctx.sw, { webDist: dist }).request('/inventory');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
      expect(DASHBOARD_CSP).toContain("frame-ancestors 'none'");
      expect(DASHBOARD_CSP).toContain("script-src 'self' 'wasm-unsafe-eval'");
      rmSync(dist, { recursive: true });
    });
  },
);
