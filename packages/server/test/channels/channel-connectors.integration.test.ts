import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { amazonChannelBody, seedChannelAccount } from '../support/channels-seed';
import { uid } from '../support/factories';
import { localServer } from '../support/local-server';
import { type OwnerApi, useOwnerApi } from '../support/owner-api';
import { findOrder } from '../support/seed';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

/** When the ledger says an order's units left: one instant per shipment movement. */
async function shippedAt(t: OwnerApi, externalId: string): Promise<string[]> {
  const rows = await t.sw.db.query<{ occurred_at: Date }>(
    `SELECT m.occurred_at FROM stock_movements m JOIN orders o ON o.id::text = m.reference_id
     WHERE m.reference_type = 'order' AND m.type = 'shipment' AND o.account_id = $1 AND o.external_id = $2
     ORDER BY m.id`,
    [t.owner.actor.accountId, externalId],
  );
  return rows.map((r) => new Date(r.occurred_at).toISOString());
}

describeEachBackend(
  'Channels: SP-API and Shopify Admin connectors pull orders and push quantities',
  (backend) => {
    const t = useOwnerApi(backend);
    const shop = `${uid('shop-')}.myshopify.com`;
    const secret = 'shpss_test_webhook_secret';

    beforeAll(async () => {
      await seedChannelAccount(t.api, { shop, secret });
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
        const connected = await t.api.post(
          '/api/v1/channels',
          amazonChannelBody(amazon.url, { pushAvailability: true }),
        );
        expect(connected.status).toBe(201);
        expect(connected.body['hasCredentials']).toBe(true);
        const sync = await t.api.post('/api/v1/channels/amazon/sync');
        expect(sync.status).toBe(200);
        expect(sync.body).toMatchObject({
          ordersSeen: 2,
          ordersCreated: 2,
          ordersFailed: [],
          cursor: '2024-05-02T08:00:00.000Z',
        });
        const unshipped = await findOrder(t.api, '902-3159896-1390916', 'amazon');
        expect(unshipped).toMatchObject({
          status: 'reserved',
          orderedAt: '2024-04-20T19:49:35.000Z',
          currency: 'USD',
        });
        expect(unshipped?.['lines']).toMatchObject([
          { sku: 'NABetaASINB00551Q3CS', quantity: 2, unitPrice: 19.99, externalLineId: '05015851154158' },
          // The seller ships it (MFN): from the seller's warehouse, though the channel names FBA-US
          // (docs/decisions.md 47).
          {
            sku: 'MUG-BLUE-12OZ',
            quantity: 1,
            unitPrice: 19.99,
            allocations: [{ location: 'WH', reserved: 1, shipped: 0 }],
          },
        ]);
        const shipped = await findOrder(t.api, '113-8891267-5523401', 'amazon');
        expect(shipped).toMatchObject({
          status: 'shipped',
          lines: [{ sku: 'MUG-BLUE-12OZ', quantity: 1, unitPrice: 19.99, quantityShipped: 1 }],
        });
        // Shipped on Amazon before Stockwise saw it: shipped from available stock, nothing reserved and
        // released for it (docs/decisions.md 35); the open order reserves its two lines.
        const moved = await t.sw.db.query<{ type: string; external_id: string }>(
          `SELECT m.type, o.external_id FROM stock_movements m JOIN orders o ON o.id::text = m.reference_id
           WHERE m.reference_type = 'order' AND o.channel = 'amazon' AND o.account_id = $1 ORDER BY 2, 1`,
          [t.owner.actor.accountId],
        );
        expect(moved.map((m) => `${m.external_id} ${m.type}`)).toEqual([
          '113-8891267-5523401 shipment',
          '902-3159896-1390916 reservation',
          '902-3159896-1390916 reservation',
        ]);
        // At Amazon's date (the Shipped order's LastUpdateDate), not the sync's (docs/decisions.md 45).
        expect(await shippedAt(t, '113-8891267-5523401')).toEqual(['2024-04-22T10:01:44.000Z']);
        expect((await t.api.get('/api/v1/orders?externalId=114-0000001-0000001')).body.items).toHaveLength(0);
        const again = await t.api.post('/api/v1/channels/amazon/sync');
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
        const [row] = await t.sw.db.query<{ credentials_enc: string }>(
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
              { id: 2, sku: '', gift_card: true, quantity: 1, price: '10.00', total_discount: '0.00' },
            ],
            // a cancelled fulfilment, the gift card's, then the SKU line's on 2022-01-30 (and closed later)
            fulfillments: JSON.parse(fixture('shopify/fulfillments.json')) as unknown,
            closed_at: '2022-02-01T00:00:00-05:00',
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
        const connected = await t.api.post('/api/v1/channels', {
          type: 'shopify',
          shopDomain: shop,
          webhookSecret: secret,
          accessToken: 'shpat_token',
          shopifyLocationId: '655441491',
          apiBaseUrl: base,
          safetyBuffer: 2,
          pushAvailability: true,
        });
        expect(connected.status).toBe(201);
        const sync = await t.api.post('/api/v1/channels/shopify/sync');
        expect(sync.status).toBe(200);
        expect(sync.body).toMatchObject({ ordersSeen: 2, ordersCreated: 2 });
        expect(
          (await t.api.get('/api/v1/orders?channel=shopify&externalId=820982911946154999')).body.items,
        ).toHaveLength(1);
        expect((await findOrder(t.api, '450789469', 'shopify'))?.['status']).toBe('shipped');
        // At its earliest successful fulfilment of a SKU line, not the sync's time (docs/decisions.md 45).
        expect(await shippedAt(t, '450789469')).toEqual(['2022-01-30T13:30:00.000Z']);
        expect(sets).toHaveLength(1);
        expect(sets[0]).toContain('"inventory_item_id":9007199254740993555');
        expect(sets[0]).toContain('"location_id":655441491');
      } finally {
        shopify.server.close();
      }
    });
  },
);
