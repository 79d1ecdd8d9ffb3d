import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { createStockwise, type Stockwise } from '../../src/stockwise';
import { describeEachBackend } from '../support/backends';
import { newAccount, uid, type TestAccount } from '../support/factories';
import { client } from '../support/http-client';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

type Api = ReturnType<typeof client>;
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 that speaks a channel's published API. */
async function localServer(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

const sign = (secret: string, body: string) =>
  createHmac('sha256', secret).update(body, 'utf8').digest('base64');

async function balance(api: Api, sku: string) {
  const items = (await api.get(`/api/v1/inventory?sku=${encodeURIComponent(sku)}`)).body.items as {
    onHand: number;
    reserved: number;
    available: number;
  }[];
  return items.reduce(
    (s, b) => ({
      onHand: s.onHand + b.onHand,
      reserved: s.reserved + b.reserved,
      available: s.available + b.available,
    }),
    { onHand: 0, reserved: 0, available: 0 },
  );
}

describeEachBackend(
  'Channels: Shopify webhooks, SP-API and Shopify connectors, availability out',
  (backend) => {
    let sw: Stockwise;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    let owner: TestAccount;
    let api: Api;
    const shop = `${uid('shop-')}.myshopify.com`;
    const secret = 'shpss_test_webhook_secret';

    const webhook = (topic: string, body: string, signature = sign(secret, body), domain = shop) =>
      client(app).call('POST', '/api/v1/channels/shopify/webhooks', {
        raw: body,
        headers: {
          'Content-Type': 'application/json',
          'X-Shopify-Topic': topic,
          'X-Shopify-Shop-Domain': domain,
          'X-Shopify-Hmac-Sha256': signature,
          'X-Shopify-Webhook-Id': uid(),
        },
      });

    beforeAll(async () => {
      const opened = await backend.open();
      drop = opened.drop;
      sw = createStockwise(opened.db);
      app = createApp(sw);
      owner = await newAccount(sw);
      api = client(app, owner.token);
      expect(
        (await api.post('/api/v1/locations', { code: 'WH', name: 'Warehouse', type: 'warehouse' })).status,
      ).toBe(201);
      expect(
        (
          await api.post('/api/v1/locations', {
            code: 'FBA-US',
            name: 'Amazon US',
            type: 'amazon_fba',
            marketplace: 'US',
          })
        ).status,
      ).toBe(201);
      for (const sku of ['IPOD2008PINK', 'IPOD2008BLACK', 'MUG-BLUE-12OZ', 'NABetaASINB00551Q3CS']) {
        expect((await api.post('/api/v1/products', { sku, title: sku, unitCost: 5 })).status).toBe(201);
        expect(
          (await api.post('/api/v1/movements', { type: 'receipt', sku, location: 'WH', quantity: 20 }))
            .status,
        ).toBe(201);
      }
      expect(
        (
          await api.post('/api/v1/movements', {
            type: 'receipt',
            sku: 'MUG-BLUE-12OZ',
            location: 'FBA-US',
            quantity: 10,
          })
        ).status,
      ).toBe(201);
      const connected = await api.post('/api/v1/channels', {
        type: 'shopify',
        shopDomain: shop,
        webhookSecret: secret,
        safetyBuffer: 2,
      });
      expect(connected.status).toBe(201);
      expect(connected.body).toMatchObject({
        channel: 'shopify',
        shopDomain: shop,
        hasWebhookSecret: true,
        safetyBuffer: 2,
      });
      expect(JSON.stringify(connected.body)).not.toContain(secret);
    });
    afterAll(async () => {
      await drop();
    });

    it('stores the webhook secret sealed (AES-256-GCM), never in clear', async () => {
      const [row] = await sw.db.query<{ webhook_secret_enc: string }>(
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
      const order = (await api.get(`/api/v1/orders/${String(first.body['orderId'])}`)).body;
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
        (await api.get('/api/v1/orders?channel=shopify&externalId=820982911946154508')).body.items,
      ).toHaveLength(1);
      expect(await balance(api, 'IPOD2008BLACK')).toMatchObject({ onHand: 20, reserved: 2 });
    });

    it('an order Shopify sold while stock here was short is recorded as pending (200, no retry storm), nothing reserved', async () => {
      const before = await balance(api, 'IPOD2008PINK');
      const body = `{"id":820982911946159999,"created_at":"2022-01-02T10:00:00-05:00","currency":"USD","line_items":[{"id":466157049,"sku":"IPOD2008PINK","quantity":${String(before.available + 5)},"price":"199.00"}]}`;
      const res = await webhook('orders/create', body);
      expect(res.status).toBe(200);
      const order = (await api.get(`/api/v1/orders/${String(res.body['orderId'])}`)).body;
      expect(order).toMatchObject({ status: 'pending', externalId: '820982911946159999' });
      expect(order['lines']).toMatchObject([
        { sku: 'IPOD2008PINK', quantity: before.available + 5, allocations: [] },
      ]);
      expect(await balance(api, 'IPOD2008PINK')).toEqual(before);
      expect((await api.post(`/api/v1/orders/${String(res.body['orderId'])}/cancel`)).body).toMatchObject({
        status: 'cancelled',
      });
      expect(await balance(api, 'IPOD2008PINK')).toEqual(before);
    });

    it('a tampered or unsigned webhook gets 401 and changes nothing', async () => {
      const body = fixture('shopify/orders-create.json').replace('820982911946154508', '820982911946154509');
      const before = await balance(api, 'IPOD2008PINK');
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
        (await client(app).call('POST', '/api/v1/channels/shopify/webhooks', { raw: body })).status,
      ).toBe(401);
      expect((await api.get('/api/v1/orders?externalId=820982911946154509')).body.items).toHaveLength(0);
      expect(await balance(api, 'IPOD2008PINK')).toEqual(before);
    });

    it('refunds/create with restock_type return brings shipped units back; orders/cancelled releases the rest', async () => {
      const orders = (await api.get('/api/v1/orders?externalId=820982911946154508')).body.items as {
        id: number;
      }[];
      const id = orders[0]!.id;
      expect(
        (await api.post(`/api/v1/orders/${id}/ship`, { lines: [{ sku: 'IPOD2008PINK', quantity: 1 }] }))
          .status,
      ).toBe(200);
      expect(await balance(api, 'IPOD2008PINK')).toMatchObject({ onHand: 19, reserved: 0 });
      const refund = await webhook('refunds/create', fixture('shopify/refunds-create.json'));
      expect(refund.body).toMatchObject({ action: 'refunded', orderId: id });
      expect(await balance(api, 'IPOD2008PINK')).toMatchObject({ onHand: 20 });
      const cancelled = await webhook(
        'orders/cancelled',
        fixture('shopify/orders-create.json').replace(
          '"cancelled_at": null',
          '"cancelled_at": "2022-01-02T10:00:00-05:00"',
        ),
      );
      expect(cancelled.body).toMatchObject({ action: 'cancelled', orderId: id });
      expect(await balance(api, 'IPOD2008BLACK')).toMatchObject({ onHand: 20, reserved: 0 });
      const after = (await api.get(`/api/v1/orders/${id}`)).body;
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
      expect(await sw.inventory.findImbalances(owner.actor)).toEqual([]);
    });

    it('availability per channel applies the safety buffer; the change feed reports SKUs whose stock moved since the cursor', async () => {
      const avail = await api.get('/api/v1/channels/shopify/availability?sku=MUG-BLUE-12OZ');
      expect(avail.status).toBe(200);
      expect(avail.body['items']).toEqual([
        { sku: 'MUG-BLUE-12OZ', onHand: 30, reserved: 0, available: 30, availableToSell: 28 },
      ]);
      const manual = await api.get('/api/v1/channels/manual/availability?sku=MUG-BLUE-12OZ');
      expect((manual.body['items'] as { availableToSell: number }[])[0]!.availableToSell).toBe(30);
      const start = await api.get('/api/v1/channels/shopify/availability/changes');
      const cursor = start.body['cursor'] as string;
      expect(cursor).toMatch(/^\d+-\d+$/);
      await api.post('/api/v1/orders', {
        channel: 'manual',
        externalId: uid('feed-'),
        lines: [{ sku: 'IPOD2008PINK', quantity: 3 }],
      });
      const changes = await api.get(`/api/v1/channels/shopify/availability/changes?cursor=${cursor}`);
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

    it('SP-API connector: getOrders + getOrderItems from a local server become orders (reserve, ship, skip pending); quantities are pushed', async () => {
      const patched: { sku: string; body: unknown }[] = [];
      const seen: string[] = [];
      const amazon = await localServer((req, body, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        seen.push(`${req.method ?? ''} ${url.pathname}`);
        const send = (status: number, payload: string): true => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(payload);
          return true;
        };
        if (url.pathname === '/auth/o2/token') {
          const form = new URLSearchParams(body);
          if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== 'Atzr|refresh')
            return send(400, '{"error":"invalid_grant"}');
          return send(200, '{"access_token":"Atza|access","token_type":"bearer","expires_in":3600}');
        }
        if (req.headers['x-amz-access-token'] !== 'Atza|access')
          return send(403, '{"errors":[{"code":"Unauthorized"}]}');
        if (url.pathname === '/orders/v0/orders') {
          if (
            url.searchParams.get('MarketplaceIds') !== 'ATVPDKIKX0DER' ||
            !url.searchParams.get('LastUpdatedAfter')
          )
            return send(400, '{"errors":[{"code":"InvalidInput"}]}');
          return send(200, fixture('amazon/getOrders.json'));
        }
        const items = /^\/orders\/v0\/orders\/([^/]+)\/orderItems$/.exec(url.pathname);
        if (items) return send(200, fixture(`amazon/getOrderItems-${decodeURIComponent(items[1]!)}.json`));
        const listing = /^\/listings\/2021-08-01\/items\/SELLER1\/(.+)$/.exec(url.pathname);
        if (listing && req.method === 'PATCH') {
          patched.push({ sku: decodeURIComponent(listing[1]!), body: JSON.parse(body) as unknown });
          return send(200, '{"status":"ACCEPTED"}');
        }
        send(404, '{}');
      });
      try {
        const connected = await api.post('/api/v1/channels', {
          type: 'amazon',
          sellerId: 'SELLER1',
          marketplaceId: 'ATVPDKIKX0DER',
          clientId: 'amzn1.application-oa2-client.x',
          clientSecret: 'secret',
          refreshToken: 'Atzr|refresh',
          endpoint: amazon.url,
          tokenUrl: `${amazon.url}/auth/o2/token`,
          location: 'FBA-US',
        });
        expect(connected.status).toBe(201);
        expect(connected.body['hasCredentials']).toBe(true);
        const sync = await api.post('/api/v1/channels/amazon/sync');
        expect(sync.status).toBe(200);
        expect(sync.body).toMatchObject({
          ordersSeen: 2,
          ordersCreated: 2,
          ordersFailed: [],
          cursor: '2024-05-02T08:00:00Z',
        });
        const unshipped = (
          (await api.get('/api/v1/orders?channel=amazon&externalId=902-3159896-1390916')).body
            .items as Record<string, unknown>[]
        )[0]!;
        expect(unshipped).toMatchObject({
          status: 'reserved',
          orderedAt: '2024-04-20T19:49:35.000Z',
          currency: 'USD',
        });
        expect(unshipped['lines']).toMatchObject([
          { sku: 'NABetaASINB00551Q3CS', quantity: 2, unitPrice: 19.99, externalLineId: '05015851154158' },
          {
            sku: 'MUG-BLUE-12OZ',
            quantity: 1,
            unitPrice: 19.99,
            allocations: [{ location: 'FBA-US', reserved: 1, shipped: 0 }],
          },
        ]);
        const shipped = (
          (await api.get('/api/v1/orders?channel=amazon&externalId=113-8891267-5523401')).body
            .items as Record<string, unknown>[]
        )[0]!;
        expect(shipped).toMatchObject({
          status: 'shipped',
          lines: [{ sku: 'MUG-BLUE-12OZ', quantity: 1, unitPrice: 19.99, quantityShipped: 1 }],
        });
        expect((await api.get('/api/v1/orders?externalId=114-0000001-0000001')).body.items).toHaveLength(0);
        const again = await api.post('/api/v1/channels/amazon/sync');
        expect(again.body).toMatchObject({ ordersCreated: 0 });
        const mug = patched.find((p) => p.sku === 'MUG-BLUE-12OZ');
        expect(mug?.body).toMatchObject({
          patches: [
            {
              op: 'replace',
              path: '/attributes/fulfillment_availability',
              value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 28 }],
            },
          ],
        });
        const [row] = await sw.db.query<{ credentials_enc: string }>(
          `SELECT credentials_enc FROM sales_channels WHERE channel = 'amazon'`,
        );
        expect(row!.credentials_enc).not.toContain('Atzr');
        expect(seen).toContain('POST /auth/o2/token');
      } finally {
        amazon.server.close();
      }
    });

    it('Shopify Admin REST connector: pulls orders over Link-header pages with full-precision ids, pushes inventory_levels/set', async () => {
      const sets: string[] = [];
      const order = JSON.parse(
        fixture('shopify/orders-create.json').replace(/"id": (\d{16,})/g, '"id": "$1"'),
      ) as Record<string, unknown>;
      const page1 = `{"orders":[${fixture('shopify/orders-create.json').replace('820982911946154508', '820982911946154999')}]}`;
      const page2 = JSON.stringify({
        orders: [
          {
            ...order,
            id: 450789469,
            fulfillment_status: 'fulfilled',
            updated_at: '2022-02-01T00:00:00Z',
            line_items: [
              { id: 1, sku: 'IPOD2008PINK', quantity: 1, price: '199.00', total_discount: '0.00' },
            ],
          },
        ],
      });
      let origin = '';
      const shopify = await localServer((req, body, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (req.headers['x-shopify-access-token'] !== 'shpat_token') {
          res.writeHead(401).end('{"errors":"[API] Invalid API key or access token"}');
          return;
        }
        const base = '/admin/api/2024-07';
        if (url.pathname === `${base}/orders.json`) {
          const second = url.searchParams.get('page_info') === 'p2';
          const headers: Record<string, string> = { 'Content-Type': 'application/json' };
          if (!second) headers['Link'] = `<${origin}${base}/orders.json?limit=250&page_info=p2>; rel="next"`;
          res.writeHead(200, headers).end(second ? page2 : page1);
          return;
        }
        if (url.pathname === `${base}/products.json`) {
          res
            .writeHead(200, { 'Content-Type': 'application/json' })
            .end(
              '{"products":[{"id":632910392,"variants":[{"id":808950810,"sku":"IPOD2008PINK","inventory_item_id":9007199254740993555}]}]}',
            );
          return;
        }
        if (url.pathname === `${base}/inventory_levels/set.json` && req.method === 'POST') {
          sets.push(body);
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"inventory_level":{}}');
          return;
        }
        res.writeHead(404).end('{}');
      });
      origin = shopify.url;
      try {
        const base = `${shopify.url}/admin/api/2024-07`;
        const connected = await api.post('/api/v1/channels', {
          type: 'shopify',
          shopDomain: shop,
          webhookSecret: secret,
          accessToken: 'shpat_token',
          shopifyLocationId: '655441491',
          apiBaseUrl: base,
          safetyBuffer: 2,
        });
        expect(connected.status).toBe(201);
        const sync = await api.post('/api/v1/channels/shopify/sync');
        expect(sync.status).toBe(200);
        expect(sync.body).toMatchObject({ ordersSeen: 2, ordersCreated: 2 });
        expect(
          (await api.get('/api/v1/orders?channel=shopify&externalId=820982911946154999')).body.items,
        ).toHaveLength(1);
        const fulfilled = (
          (await api.get('/api/v1/orders?channel=shopify&externalId=450789469')).body.items as Record<
            string,
            unknown
          >[]
        )[0]!;
        expect(fulfilled['status']).toBe('shipped');
        expect(sets).toHaveLength(1);
        expect(sets[0]).toContain('"inventory_item_id":9007199254740993555');
        expect(sets[0]).toContain('"location_id":655441491');
      } finally {
        shopify.server.close();
      }
    });
  },
);
