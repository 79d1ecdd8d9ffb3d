import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { movementBody, newGtin13 } from '../support/factories';
import { client } from '../support/http-client';
import { newAccountApi, useOwnerApi } from '../support/owner-api';
import { seedLocations } from '../support/seed';

describeEachBackend('HTTP API foundation', (backend) => {
  const t = useOwnerApi(backend);

  it('answers health without auth and refuses the API without credentials', async () => {
    const anon = client(t.app);
    // The release is the root package.json's, not a constant of its own.
    const manifest = JSON.parse(
      readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string;
    };
    expect((await anon.get('/api/health')).body).toMatchObject({ status: 'ok', version: manifest.version });
    const denied = await anon.get('/api/v1/products');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('content-type')).toContain('application/problem+json');
    expect(denied.body['code']).toBe('UNAUTHENTICATED');
    expect((await client(t.app, 'sw_not-a-real-token-at-all').get('/api/v1/products')).status).toBe(401);
  });

  it('serves an OpenAPI 3.1 document that lists the operations', async () => {
    const doc = await client(t.app).get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body['openapi']).toBe('3.1.0');
    const paths = doc.body['paths'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/products',
        '/api/v1/products/{sku}',
        '/api/v1/movements',
        '/api/v1/inventory',
        '/api/v1/locations',
      ]),
    );
    expect(paths['/api/v1/products']?.['post']).toBeDefined();
  });

  it('creates a location and a product, receives stock and reports it per location', async () => {
    const { api } = t;
    await seedLocations(
      api,
      { code: 'FBA-US', name: 'Amazon US', type: 'amazon_fba', capacityCubicFeet: { standard: 2500 } },
      { code: 'WH1', name: 'Main warehouse', type: 'warehouse' },
    );
    const barcode = newGtin13();
    const product = await api.post('/api/v1/products', {
      sku: 'MUG-1',
      title: 'Blue mug',
      barcode,
      unitCost: 2.5,
      length: 12,
      width: 10,
      height: 8,
      weight: 1,
    });
    expect(product.status).toBe(201);
    expect(product.body).toMatchObject({
      sku: 'MUG-1',
      barcodeKind: 'gtin',
      cubicFeet: 0.555556,
      sizeTier: 'large_standard',
      storageType: 'standard',
    });

    const receipt = await api.post('/api/v1/movements', {
      ...movementBody('receipt', 'MUG-1', 'WH1', 40),
      unitCost: 2.4,
    });
    expect(receipt.status).toBe(201);
    const shipment = await api.post('/api/v1/movements', movementBody('shipment', 'MUG-1', 'WH1', 15));
    expect(shipment.status).toBe(201);

    const inventory = await api.get('/api/v1/inventory?sku=MUG-1');
    expect(inventory.status).toBe(200);
    expect(inventory.body.items).toEqual([
      expect.objectContaining({
        sku: 'MUG-1',
        location: 'WH1',
        onHand: 25,
        reserved: 0,
        available: 25,
        inbound: 0,
        unfulfillable: 0,
      }),
    ]);
    const lookedUp = await api.get(`/api/v1/products/lookup?code=${barcode}`);
    expect(lookedUp.body['sku']).toBe('MUG-1');
  });

  it('refuses a wrong GTIN check digit with 400 naming the field, and stores nothing', async () => {
    const { api } = t;
    const good = newGtin13();
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    const res = await api.post('/api/v1/products', {
      sku: 'BAD-GTIN',
      title: 'x',
      barcode: bad,
      unitCost: 1,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'INVALID_BARCODE', field: 'barcode' });
    expect((await api.get('/api/v1/products/BAD-GTIN')).status).toBe(404);
  });

  it('applies a write once however often it is repeated with the same Idempotency-Key', async () => {
    const { api } = t;
    await api.post('/api/v1/products', { sku: 'IDEM-1', title: 'Idempotent', unitCost: 1 });
    const headers = { 'Idempotency-Key': 'receipt-abc-1' };
    const first = await api.post(
      '/api/v1/movements',
      { type: 'receipt', sku: 'IDEM-1', location: 'WH1', quantity: 7 },
      headers,
    );
    const again = await api.post(
      '/api/v1/movements',
      { type: 'receipt', sku: 'IDEM-1', location: 'WH1', quantity: 7 },
      headers,
    );
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body['batchId']).toBe(first.body['batchId']);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.post(
          '/api/v1/movements',
          { type: 'receipt', sku: 'IDEM-1', location: 'WH1', quantity: 3 },
          { 'Idempotency-Key': 'receipt-abc-2' },
        ),
      ),
    );
    expect(concurrent.every((r) => r.status === 201)).toBe(true);
    const inventory = await api.get('/api/v1/inventory?sku=IDEM-1');
    expect(inventory.body.items?.[0]?.['onHand']).toBe(10);
    const reused = await api.post(
      '/api/v1/movements',
      { type: 'receipt', sku: 'IDEM-1', location: 'WH1', quantity: 8 },
      headers,
    );
    expect(reused.status).toBe(422);
    expect(reused.body['code']).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a shipment beyond available stock with 409 and changes nothing', async () => {
    const { api } = t;
    const res = await api.post('/api/v1/movements', movementBody('shipment', 'MUG-1', 'WH1', 1000));
    expect(res.status).toBe(409);
    expect(res.body['code']).toBe('INSUFFICIENT_STOCK');
    const inventory = await api.get('/api/v1/inventory?sku=MUG-1&location=WH1');
    expect(inventory.body.items?.[0]?.['onHand']).toBe(25);
    expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
  });

  it('keeps the received date through a transfer (age survives)', async () => {
    const { api } = t;
    await api.post('/api/v1/products', { sku: 'AGE-1', title: 'Aged', unitCost: 3 });
    const oldDate = '2026-05-10T00:00:00.000Z';
    for (const occurredAt of [oldDate, '2026-10-01T00:00:00.000Z'])
      await api.post('/api/v1/movements', { ...movementBody('receipt', 'AGE-1', 'WH1', 10), occurredAt });
    const transfer = await api.post('/api/v1/movements', {
      ...movementBody('transfer', 'AGE-1', 'WH1', 12),
      toLocation: 'FBA-US',
    });
    expect(transfer.status).toBe(201);
    const layers = await api.get('/api/v1/inventory/layers?sku=AGE-1&location=FBA-US');
    const items = (layers.body['items'] as { receivedAt: string; quantityRemaining: number }[]).map((l) => [
      l.receivedAt,
      l.quantityRemaining,
    ]);
    expect(items).toEqual([
      [oldDate, 10],
      ['2026-10-01T00:00:00.000Z', 2],
    ]);
    expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
  });

  it('keeps accounts apart: another account sees and changes none of this', async () => {
    const { owner: other, api } = await newAccountApi(t);
    expect((await api.get('/api/v1/products')).body.items).toEqual([]);
    expect((await api.get('/api/v1/products/MUG-1')).status).toBe(404);
    expect((await api.get('/api/v1/inventory')).body.items).toEqual([]);
    expect((await api.get('/api/v1/movements')).body.items).toEqual([]);
    expect((await api.get('/api/v1/locations')).body.items).toEqual([]);
    const users = (await api.get('/api/v1/users')).body.items?.map((u) => u['email']);
    expect(users).toEqual([other.email]);
    expect((await api.patch('/api/v1/products/MUG-1', { title: 'hijacked' })).status).toBe(404);
    expect(
      (await api.post('/api/v1/movements', { type: 'shipment', sku: 'MUG-1', location: 'WH1', quantity: 1 }))
        .status,
    ).toBe(404);
    // Its own SKU and location codes may equal the first account's.
    expect(
      (await api.post('/api/v1/locations', { code: 'WH1', name: 'Mine', type: 'warehouse' })).status,
    ).toBe(201);
    expect((await api.post('/api/v1/products', { sku: 'MUG-1', title: 'My mug' })).status).toBe(201);
    const mine = await t.api.get('/api/v1/products/MUG-1');
    expect(mine.body['title']).toBe('Blue mug');
  });
});
