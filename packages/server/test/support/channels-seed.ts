import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import type { createApp } from '../../src/http/app';
import { uid } from './factories';
import { client } from './http-client';
import { FBA_US, receive, seedLocations, WAREHOUSE } from './seed';

type Api = ReturnType<typeof client>;

/** The SKUs of the channel fixtures (test/fixtures/shopify, test/fixtures/amazon). */
export const CHANNEL_SKUS = ['IPOD2008PINK', 'IPOD2008BLACK', 'MUG-BLUE-12OZ', 'NABetaASINB00551Q3CS'];

/**
 * The request body that connects the Amazon channel to a (local) SP-API at `url`: seller SELLER1 on
 * amazon.com (ATVPDKIKX0DER) with the refresh token the fakes accept, its stock at FBA-US.
 */
export const amazonChannelBody = (
  url: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  type: 'amazon',
  sellerId: 'SELLER1',
  marketplaceId: 'ATVPDKIKX0DER',
  clientId: 'amzn1.application-oa2-client.x',
  clientSecret: 'secret',
  refreshToken: 'Atzr|refresh',
  endpoint: url,
  tokenUrl: `${url}/auth/o2/token`,
  location: 'FBA-US',
  ...extra,
});

/**
 * The channel suites' account: WH and FBA-US, the fixtures' SKUs with 20 each at WH (and 10 mugs at
 * FBA-US), and the Shopify shop connected with its webhook secret and a safety buffer of 2.
 */
export async function seedChannelAccount(api: Api, shopify: { shop: string; secret: string }): Promise<void> {
  await seedLocations(api, WAREHOUSE, FBA_US);
  for (const sku of CHANNEL_SKUS) {
    expect((await api.post('/api/v1/products', { sku, title: sku, unitCost: 5 })).status).toBe(201);
    await receive(api, sku, 'WH', 20);
  }
  await receive(api, 'MUG-BLUE-12OZ', 'FBA-US', 10);
  const connected = await api.post('/api/v1/channels', {
    type: 'shopify',
    shopDomain: shopify.shop,
    webhookSecret: shopify.secret,
    safetyBuffer: 2,
  });
  expect(connected.status).toBe(201);
  expect(connected.body).toMatchObject({
    channel: 'shopify',
    shopDomain: shopify.shop,
    hasWebhookSecret: true,
    safetyBuffer: 2,
  });
  expect(JSON.stringify(connected.body)).not.toContain(shopify.secret);
}

/** Shopify's signature of a webhook body: base64 HMAC-SHA256 with the shop's webhook secret. */
export const signShopify = (secret: string, body: string): string =>
  createHmac('sha256', secret).update(body, 'utf8').digest('base64');

/** Sends a Shopify webhook as the shop would: signed with `secret` unless another signature is given. */
export function shopifyWebhook(
  app: ReturnType<typeof createApp>,
  shopify: { shop: string; secret: string },
  message: { topic: string; body: string; signature?: string; domain?: string },
) {
  const { topic, body } = message;
  const signature = message.signature ?? signShopify(shopify.secret, body);
  const domain = message.domain ?? shopify.shop;
  return client(app).call('POST', '/api/v1/channels/shopify/webhooks', {
    raw: body,
    headers: {
      'Content-Type': 'application/json',
      'X-Shopify-Topic': topic,
      'X-Shopify-Shop-Domain': domain,
      'X-Shopify-Hmac-Sha256': signature,
      'X-Shopify-Webhook-Id': uid(),
    },
  });
}
