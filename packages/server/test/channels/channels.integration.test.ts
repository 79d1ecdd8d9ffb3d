import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { seedChannelAccount, shopifyWebhook, signShopify } from '../support/channels-seed';
import { uid } from '../support/factories';
import { client } from '../support/http-client';
import { skuBalance } from '../support/seed';
import { useOwnerApi } from '../support/owner-api';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

const sign = signShopify;

describeEachBackend('Channels: Shopify webhooks, availability per channel and its change feed', (backend) => {
  const t = useOwnerApi(backend);
  const shop = `${uid('shop-')}.myshopify.com`;
  const secret = 'shpss_test_webhook_secret';

  const webhook = (topic: string, body: string, signature = sign(secret, body), domain = shop) =>
    shopifyWebhook(t.app, { shop, secret }, { topic, body, signature, domain });

  beforeAll(async () => {
    await seedChannelAccount(t.api, { shop, secret });
  });

  it('stores the webhook secret sealed (AES-256-GCM), never in clear', async () => {
    const [row] = await t.sw.db.query<{ webhook_secret_enc: string }>(
      'SELECT webhook_secret_enc FROM sales_channels WHERE shop_domain = $1',
      [shop],
    );
    expect(row!.webhook_secret_enc).toMatch(/^v1\./);
    expect(row!.webhook_secret_enc).not.toContain(secret);
  });

  it('a real orders/create payload becomes an order with the right SKUs, quantities, prices, date and full-precision id; a retry creates nothing', async () => {
    const body = fixture('shopify/orders-create.json');
    const first = await webhook('orders/create', body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ topic: 'orders/create', action: 'created' });
    const order = (await t.api.get(`/api/v1/orders/${String(first.body['orderId'])}`)).body;
    expect(order['externalId']).toBe('820982911946154508');
    expect(order['channel']).toBe('shopify');
    expect(order['status']).toBe('reserved');
    expect(order['orderedAt']).toBe('2022-01-01T00:00:00.000Z');
    expect(order['currency']).toBe('USD');
    expect(order['lines']).toMatchObject([
      { sku: 'IPOD2008PINK', quantity: 1, unitPrice: 199, externalLineId: '866550311766439020' },
      { sku: 'IPOD2008BLACK', quantity: 2, unitPrice: 95, externalLineId: '141249953214522974' },
    ]);
    expect(order['unmapped']).toMatchObject([{ externalLineId: '9007199254740993001', reason: 'no SKU' }]);
    const retry = await webhook('orders/create', body);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ action: 'duplicate', orderId: first.body['orderId'] });
    expect(
      (await t.api.get('/api/v1/orders?channel=shopify&externalId=820982911946154508')).body.items,
    ).toHaveLength(1);
    expect(await skuBalance(t.api, 'IPOD2008BLACK')).toMatchObject({ onHand: 20, reserved: 2 });
  });

  it('an order Shopify sold while stock here was short is recorded as pending (200, no retry storm), nothing reserved', async () => {
    const before = await skuBalance(t.api, 'IPOD2008PINK');
    const body = `{"id":820982911946159999,"created_at":"2022-01-02T10:00:00-05:00","currency":"USD","line_items":[{"id":466157049,"sku":"IPOD2008PINK","quantity":${String(before.available + 5)},"price":"199.00"}]}`;
    const res = await webhook('orders/create', body);
    expect(res.status).toBe(200);
    const order = (await t.api.get(`/api/v1/orders/${String(res.body['orderId'])}`)).body;
    expect(order).toMatchObject({ status: 'pending', externalId: '820982911946159999' });
    expect(order['lines']).toMatchObject([
      { sku: 'IPOD2008PINK', quantity: before.available + 5, allocations: [] },
    ]);
    expect(await skuBalance(t.api, 'IPOD2008PINK')).toEqual(before);
    expect((await t.api.post(`/api/v1/orders/${String(res.body['orderId'])}/cancel`)).body).toMatchObject({
      status: 'cancelled',
    });
    expect(await skuBalance(t.api, 'IPOD2008PINK')).toEqual(before);
  });

  it('a tampered or unsigned webhook gets 401 and changes nothing', async () => {
    const body = fixture('shopify/orders-create.json').replace('820982911946154508', '820982911946154509');
    const before = await skuBalance(t.api, 'IPOD2008PINK');
    const tampered = await webhook(
      'orders/create',
      body,
      sign(secret, fixture('shopify/orders-create.json')),
    );
    expect(tampered.status).toBe(401);
    expect(tampered.headers.get('content-type')).toContain('application/problem+json');
    expect((await webhook('orders/create', body, sign('wrong secret', body))).status).toBe(401);
    expect((await webhook('orders/create', body, '')).status).toBe(401);
    expect(
      (await webhook('orders/create', body, sign(secret, body), 'unknown-shop.myshopify.com')).status,
    ).toBe(401);
    expect(
      (await client(t.app).call('POST', '/api/v1/channels/shopify/webhooks', { raw: body })).status,
    ).toBe(401);
    expect((await t.api.get('/api/v1/orders?externalId=820982911946154509')).body.items).toHaveLength(0);
    expect(await skuBalance(t.api, 'IPOD2008PINK')).toEqual(before);
  });

  it('refunds/create with restock_type return brings shipped units back; orders/cancelled releases the rest', async () => {
    const orders = (await t.api.get('/api/v1/orders?externalId=820982911946154508')).body.items as {
      id: number;
    }[];
    const id = orders[0]!.id;
    expect(
      (await t.api.post(`/api/v1/orders/${id}/ship`, { lines: [{ sku: 'IPOD2008PINK', quantity: 1 }] }))
        .status,
    ).toBe(200);
    expect(await skuBalance(t.api, 'IPOD2008PINK')).toMatchObject({ onHand: 19, reserved: 0 });
    const refund = await webhook('refunds/create', fixture('shopify/refunds-create.json'));
    expect(refund.body).toMatchObject({ action: 'refunded', orderId: id });
    expect(await skuBalance(t.api, 'IPOD2008PINK')).toMatchObject({ onHand: 20 });
    const cancelled = await webhook(
      'orders/cancelled',
      fixture('shopify/orders-create.json').replace(
        '"cancelled_at": null',
        '"cancelled_at": "2022-01-02T10:00:00-05:00"',
      ),
    );
    expect(cancelled.body).toMatchObject({ action: 'cancelled', orderId: id });
    expect(await skuBalance(t.api, 'IPOD2008BLACK')).toMatchObject({ onHand: 20, reserved: 0 });
    const after = (await t.api.get(`/api/v1/orders/${id}`)).body;
    expect(after['status']).toBe('shipped');
    expect(
      (after['lines'] as { quantityReturned: number; quantityCancelled: number }[]).map((l) => [
        l.quantityReturned,
        l.quantityCancelled,
      ]),
    ).toEqual([
      [1, 0],
      [0, 2],
    ]);
    expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
  });

  it('availability per channel applies the safety buffer; the change feed reports SKUs whose stock moved since the cursor', async () => {
    const avail = await t.api.get('/api/v1/channels/shopify/availability?sku=MUG-BLUE-12OZ');
    expect(avail.status).toBe(200);
    expect(avail.body['items']).toEqual([
      { sku: 'MUG-BLUE-12OZ', onHand: 30, reserved: 0, available: 30, availableToSell: 28 },
    ]);
    const manual = await t.api.get('/api/v1/channels/manual/availability?sku=MUG-BLUE-12OZ');
    expect((manual.body['items'] as { availableToSell: number }[])[0]!.availableToSell).toBe(30);
    const start = await t.api.get('/api/v1/channels/shopify/availability/changes');
    const cursor = start.body['cursor'] as string;
    expect(cursor).toMatch(/^\d+-\d+$/);
    await t.api.post('/api/v1/orders', {
      channel: 'manual',
      externalId: uid('feed-'),
      lines: [{ sku: 'IPOD2008PINK', quantity: 3 }],
    });
    const changes = await t.api.get(`/api/v1/channels/shopify/availability/changes?cursor=${cursor}`);
    expect(changes.status).toBe(200);
    expect(changes.body['items']).toContainEqual({
      sku: 'IPOD2008PINK',
      onHand: 20,
      reserved: 3,
      available: 17,
      availableToSell: 15,
    });
    const lastId = (c: unknown) => Number(String(c).split('-')[0]);
    expect(lastId(changes.body['cursor'])).toBeGreaterThan(lastId(cursor));
  });
});
