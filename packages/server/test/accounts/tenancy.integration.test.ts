import { beforeAll, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccount, type TestAccount } from '../support/factories';
import { client, documentedOperations, type DocumentedOperation } from '../support/http-client';

/** Distinctive strings that only account A's data contains. */
const MARK = { sku: 'TENANT-A-SKU', code: 'TENANT-A-LOC', title: 'Tenant A secret mug' };

describeEachBackend('Tenancy: one account cannot read or change another through any endpoint', (backend) => {
  const ctx = useStockwise(backend);
  let sw: Stockwise;
  let app: ReturnType<typeof createApp>;
  let a: TestAccount;
  let b: TestAccount;
  const ids: Record<string, string> = {};
  let operations: DocumentedOperation[];

  beforeAll(async () => {
    sw = ctx.sw;
    app = ctx.app;
    a = await newAccount(sw);
    b = await newAccount(sw);
    const api = client(app, a.token);
    await api.post('/api/v1/locations', { code: MARK.code, name: 'A warehouse', type: 'warehouse' });
    await api.post('/api/v1/products', { sku: MARK.sku, title: MARK.title, unitCost: 3 });
    await api.post('/api/v1/movements', { type: 'receipt', sku: MARK.sku, location: MARK.code, quantity: 9 });
    const token = await api.post('/api/v1/tokens', { name: 'a-token' });
    ids['id'] = String(token.body['id']);
    operations = await documentedOperations(api);
  });

  const fill = (path: string) =>
    path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      encodeURIComponent(name === 'sku' ? MARK.sku : name === 'code' ? MARK.code : (ids[name] ?? MARK.sku)),
    );

  it('reads: no GET shows B anything of A', async () => {
    const api = client(app, b.token);
    const gets = operations.filter((o) => o.method === 'GET' && o.path.startsWith('/api/v1/'));
    expect(gets.length).toBeGreaterThan(10);
    for (const op of gets) {
      const query = `?sku=${MARK.sku}&location=${MARK.code}`;
      const res = await api.call('GET', fill(op.path) + query);
      const text = JSON.stringify(res.body);
      // An error may echo the identifier B sent; a success must not contain it.
      if (res.status < 400) expect(text, `${op.path} leaked A's data`).not.toContain(MARK.sku);
      expect(text, `${op.path} leaked A's data`).not.toContain(MARK.title);
      expect(text, `${op.path} leaked A's user`).not.toContain(a.email);
      expect(res.status, op.path).toBeLessThan(500);
    }
  });

  it("writes: B's writes addressed at A's resources change nothing of A", async () => {
    const api = client(app, b.token);
    const before = await client(app, a.token).get(`/api/v1/inventory?sku=${MARK.sku}`);
    for (const op of operations.filter((o) => o.method !== 'GET' && o.path.includes('{'))) {
      const res = await api.call(
        op.method,
        fill(op.path),
        op.hasBody ? { body: { sku: MARK.sku, location: MARK.code, quantity: 1, title: 'hijacked' } } : {},
      );
      expect(res.status, `${op.method} ${op.path}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${op.method} ${op.path}`).toBeLessThan(500);
    }
    // Writes with A's SKU and location in the body.
    expect(
      (
        await api.post('/api/v1/movements', {
          type: 'shipment',
          sku: MARK.sku,
          location: MARK.code,
          quantity: 1,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api.post('/api/v1/movements', {
          type: 'receipt',
          sku: MARK.sku,
          location: MARK.code,
          quantity: 1,
        })
      ).status,
    ).toBe(404);
    const after = await client(app, a.token).get(`/api/v1/inventory?sku=${MARK.sku}`);
    expect(after.body).toEqual(before.body);
    const product = await client(app, a.token).get(`/api/v1/products/${MARK.sku}`);
    expect(product.body['title']).toBe(MARK.title);
    const tokens = await client(app, a.token).get('/api/v1/tokens');
    expect(tokens.body.items?.find((t) => String(t['id']) === ids['id'])?.['revokedAt']).toBeNull();
  });
});
