import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/http/app';
import type { RunningServer } from '../../src/serve';
import { startServer } from '../../src/serve';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccount, uid, type TestAccount } from '../support/factories';

/** A raw HTTP/1.1 request (chunked when `chunked`), so the body reaches the server exactly as given. */
function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer; chunked?: boolean },
): Promise<{
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}> {
  return new Promise((resolve, reject) => {
    const headers = {
      ...opts.headers,
      ...(opts.body && !opts.chunked ? { 'Content-Length': String(opts.body.length) } : {}),
    };
    const req = request(url, { method: opts.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          headers: res.headers,
        });
      });
    });
    req.on('error', reject);
    if (opts.body && opts.chunked) {
      for (let i = 0; i < opts.body.length; i += 64 * 1024) req.write(opts.body.subarray(i, i + 64 * 1024));
    } else if (opts.body) req.write(opts.body);
    req.end();
  });
}

describeEachBackend('The API under Node (node-server): bodies read straight from the socket', (backend) => {
  const ctx = useStockwise(backend);
  let server: RunningServer;
  let owner: TestAccount;
  let auth: Record<string, string>;
  const shop = `${uid('node-shop-')}.myshopify.com`;
  const secret = 'shpss_node_http_secret';

  beforeAll(async () => {
    owner = await newAccount(ctx.sw);
    server = await startServer(ctx.sw, { port: 0, host: '127.0.0.1', worker: false });
    auth = { Authorization: `Bearer ${owner.token}`, 'Content-Type': 'application/json' };
    const json = (v: unknown) => Buffer.from(JSON.stringify(v));
    expect(
      (
        await send(`${server.url}/api/v1/locations`, {
          headers: auth,
          body: json({ code: 'WH', name: 'Main', type: 'warehouse' }),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await send(`${server.url}/api/v1/products`, {
          headers: auth,
          body: json({ sku: 'NODE-MUG', title: 'Mug', unitCost: 2 }),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await send(`${server.url}/api/v1/movements`, {
          headers: auth,
          body: json({ type: 'receipt', sku: 'NODE-MUG', location: 'WH', quantity: 10 }),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await send(`${server.url}/api/v1/channels`, {
          headers: auth,
          body: json({ type: 'shopify', shopDomain: shop, webhookSecret: secret }),
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  it('parses JSON sent in chunks and with a UTF-8 byte order mark; malformed JSON is a 400 naming the body', async () => {
    const order = { channel: 'manual', externalId: uid('n-'), lines: [{ sku: 'NODE-MUG', quantity: 1 }] };
    const chunked = await send(`${server.url}/api/v1/orders`, {
      headers: auth,
      body: Buffer.from(JSON.stringify(order)),
      chunked: true,
    });
    expect(chunked.status).toBe(201);
    expect(chunked.body).toMatchObject({ externalId: order.externalId, status: 'reserved' });
    const withBom = await send(`${server.url}/api/v1/orders`, {
      headers: auth,
      body: Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(JSON.stringify({ ...order, externalId: uid('bom-') })),
      ]),
    });
    expect(withBom.status).toBe(201);
    const broken = await send(`${server.url}/api/v1/orders`, {
      headers: auth,
      body: Buffer.from('{"channel": "manual", '),
    });
    expect(broken.status).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a chunked body over the limit with 413 and changes nothing', async () => {
    const before = await send(`${server.url}/api/v1/orders?limit=1`, { method: 'GET', headers: auth });
    const huge = Buffer.from(
      JSON.stringify({
        channel: 'manual',
        externalId: uid('big-'),
        lines: [{ sku: 'NODE-MUG', quantity: 1 }],
        pad: 'x'.repeat(MAX_BODY_BYTES),
      }),
    );
    const res = await send(`${server.url}/api/v1/orders`, { headers: auth, body: huge, chunked: true });
    expect(res.status).toBe(413);
    expect(res.body['code']).toBe('PAYLOAD_TOO_LARGE');
    const after = await send(`${server.url}/api/v1/orders?limit=1`, { method: 'GET', headers: auth });
    expect(after.body['items']).toEqual(before.body['items']);
  });

  it('an Idempotency-Key retry replays the first response (the key hashes the same bytes)', async () => {
    const body = Buffer.from(
      JSON.stringify({
        channel: 'manual',
        externalId: uid('idem-'),
        lines: [{ sku: 'NODE-MUG', quantity: 1 }],
      }),
    );
    const key = uid('key-');
    const first = await send(`${server.url}/api/v1/orders`, {
      headers: { ...auth, 'Idempotency-Key': key },
      body,
    });
    const again = await send(`${server.url}/api/v1/orders`, {
      headers: { ...auth, 'Idempotency-Key': key },
      body,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body['id']).toBe(first.body['id']);
    const other = await send(`${server.url}/api/v1/orders`, {
      headers: { ...auth, 'Idempotency-Key': key },
      body: Buffer.from(
        JSON.stringify({
          channel: 'manual',
          externalId: uid('idem-'),
          lines: [{ sku: 'NODE-MUG', quantity: 1 }],
        }),
      ),
    });
    expect(other.status).toBe(422);
  });

  it('verifies a Shopify webhook against the exact bytes received', async () => {
    const body = Buffer.from(
      `{"id":820982911946150001,"created_at":"2022-01-01T00:00:00Z","currency":"USD","line_items":[{"id":1,"sku":"NODE-MUG","quantity":1,"price":"9.00"}]}`,
    );
    const headers = {
      'Content-Type': 'application/json',
      'X-Shopify-Topic': 'orders/create',
      'X-Shopify-Shop-Domain': shop,
      'X-Shopify-Webhook-Id': uid(),
    };
    const signed = await send(`${server.url}/api/v1/channels/shopify/webhooks`, {
      headers: {
        ...headers,
        'X-Shopify-Hmac-Sha256': createHmac('sha256', secret).update(body).digest('base64'),
      },
      body,
      chunked: true,
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ action: 'created' });
    const tampered = await send(`${server.url}/api/v1/channels/shopify/webhooks`, {
      headers: {
        ...headers,
        'X-Shopify-Hmac-Sha256': createHmac('sha256', 'other').update(body).digest('base64'),
      },
      body,
    });
    expect(tampered.status).toBe(401);
  });
});
