import { expect, beforeAll, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { uid } from '../support/factories';
import { localServer } from '../support/local-server';
import { receive, seedLocations, WAREHOUSE } from '../support/seed';
import { useOwnerApi } from '../support/owner-api';

describeEachBackend(
  'Channels: changed quantities pushed through the Shopify and SP-API connectors',
  (backend) => {
    const t = useOwnerApi(backend);
    const [A, B, C] = [uid('OUT-A-'), uid('OUT-B-'), uid('OUT-C-')];

    beforeAll(async () => {
      await seedLocations(t.api, WAREHOUSE);
      for (const sku of [A, B, C]) {
        expect((await t.api.post('/api/v1/products', { sku, title: sku, unitCost: 4 })).status).toBe(201);
      }
      await receive(t.api, A, 'WH', 50);
      await receive(t.api, B, 'WH', 50);
      await receive(t.api, C, 'WH', 8);
    });

    it('pushes changed quantities through the Shopify connector (inventory_levels/set) when pushAvailability is on', async () => {
      const sets: Record<string, unknown>[] = [];
      const { url: origin, server } = await localServer((req, body, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (req.headers['x-shopify-access-token'] !== 'shpat_push')
          return void res.writeHead(401).end('{"errors":"[API] Invalid API key or access token"}');
        if (url.pathname.endsWith('/products.json')) {
          return void res
            .writeHead(200, { 'Content-Type': 'application/json' })
            .end(
              `{"products":[{"id":1,"variants":[{"id":2,"sku":"${A}","inventory_item_id":9007199254740993777}]}]}`,
            );
        }
        if (url.pathname.endsWith('/inventory_levels/set.json') && req.method === 'POST') {
          sets.push({ raw: body });
          return void res
            .writeHead(200, { 'Content-Type': 'application/json' })
            .end(
              '{"inventory_level":{"inventory_item_id":9007199254740993777,"location_id":655441491,"available":1}}',
            );
        }
        res.writeHead(404).end('{}');
      });
      const base = `${origin}/admin/api/2024-07`;
      try {
        const shop = `${uid('push-')}.myshopify.com`;
        const connected = await t.api.post('/api/v1/channels', {
          type: 'shopify',
          shopDomain: shop,
          webhookSecret: 'shpss_x',
          accessToken: 'shpat_push',
          shopifyLocationId: '655441491',
          apiBaseUrl: base,
          safetyBuffer: 1,
          pushAvailability: true,
        });
        expect(connected.body).toMatchObject({ pushAvailability: true, availabilityWebhookUrl: null });
        const result = await t.sw.availabilityPush.push(t.owner.actor, 'shopify');
        expect(result.status).toBe('delivered');
        // Only A is listed in the shop; the connector sets it and skips SKUs the shop does not have.
        expect(sets).toHaveLength(1);
        const stockA = (
          (await t.api.get(`/api/v1/channels/shopify/availability?sku=${A}`)).body['items'] as {
            availableToSell: number;
          }[]
        )[0]!.availableToSell;
        expect(sets[0]!['raw']).toBe(
          `{"location_id":655441491,"inventory_item_id":9007199254740993777,"available":${String(stockA)}}`,
        );
        await t.api.post('/api/v1/movements', { type: 'receipt', sku: A, location: 'WH', quantity: 4 });
        expect(await t.sw.availabilityPush.push(t.owner.actor, 'shopify')).toMatchObject({
          status: 'delivered',
          items: 1,
        });
        expect(sets[1]!['raw']).toContain(`"available":${String(stockA + 4)}`);
      } finally {
        server.close();
      }
    });

    it('pushes changed quantities to Amazon through SP-API patchListingsItem (Login with Amazon token, fulfillment_availability)', async () => {
      const patches: { sku: string; marketplaceIds: string | null; body: unknown }[] = [];
      const { url: origin, server } = await localServer((req, body, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const send = (status: number, payload: string): true => {
          res.writeHead(status, { 'Content-Type': 'application/json' }).end(payload);
          return true;
        };
        if (url.pathname === '/auth/o2/token') {
          const form = new URLSearchParams(body);
          return form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'Atzr|push'
            ? send(200, '{"access_token":"Atza|push","token_type":"bearer","expires_in":3600}')
            : send(400, '{"error":"invalid_grant"}');
        }
        if (req.headers['x-amz-access-token'] !== 'Atza|push')
          return send(
            403,
            '{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied."}]}',
          );
        const listing = /^\/listings\/2021-08-01\/items\/SELLER9\/(.+)$/.exec(url.pathname);
        if (listing && req.method === 'PATCH') {
          patches.push({
            sku: decodeURIComponent(listing[1]!),
            marketplaceIds: url.searchParams.get('marketplaceIds'),
            body: JSON.parse(body) as unknown,
          });
          return send(
            200,
            `{"sku":"${decodeURIComponent(listing[1]!)}","status":"ACCEPTED","submissionId":"f1dc2914-75dd-11ea-bc55-0242ac130003","issues":[]}`,
          );
        }
        return send(404, '{"errors":[{"code":"NotFound"}]}');
      });
      const endpoint = origin;
      try {
        const connected = await t.api.post('/api/v1/channels', {
          type: 'amazon',
          sellerId: 'SELLER9',
          marketplaceId: 'A1F83G8C2ARO7P',
          clientId: 'amzn1.application-oa2-client.push',
          clientSecret: 'secret',
          refreshToken: 'Atzr|push',
          endpoint,
          tokenUrl: `${endpoint}/auth/o2/token`,
          safetyBuffer: 0,
          pushAvailability: true,
        });
        expect(connected.body).toMatchObject({ pushAvailability: true, hasCredentials: true });
        expect(await t.sw.availabilityPush.push(t.owner.actor, 'amazon')).toMatchObject({
          status: 'delivered',
          items: 3,
        });
        expect(patches.map((p) => p.sku).sort()).toEqual([A, B, C].sort());
        expect(patches.every((p) => p.marketplaceIds === 'A1F83G8C2ARO7P')).toBe(true);
        await t.api.post('/api/v1/movements', { type: 'shipment', sku: B, location: 'WH', quantity: 2 });
        patches.length = 0;
        expect(await t.sw.availabilityPush.push(t.owner.actor, 'amazon')).toMatchObject({
          status: 'delivered',
          items: 1,
        });
        const available = (
          (await t.api.get(`/api/v1/channels/amazon/availability?sku=${B}`)).body['items'] as {
            availableToSell: number;
          }[]
        )[0]!.availableToSell;
        expect(patches).toEqual([
          {
            sku: B,
            marketplaceIds: 'A1F83G8C2ARO7P',
            body: {
              productType: 'PRODUCT',
              patches: [
                {
                  op: 'replace',
                  path: '/attributes/fulfillment_availability',
                  value: [{ fulfillment_channel_code: 'DEFAULT', quantity: available }],
                },
              ],
            },
          },
        ]);
      } finally {
        server.close();
      }
    });
  },
);
