import { normalizeShopDomain } from '@stockwise/domain/channels/shopify/shopify-payloads';
import { DomainError } from '@stockwise/domain/errors';
import type { ChannelConnect } from '../channels.schema';
import type { StoredCredentials } from '../connectors';
import { ShopifyConnector } from './shopify.client';

type ShopifyConnect = Extract<ChannelConnect, { type: 'shopify' }>;

/** The shop's myshopify.com domain, refused when it is not one. */
export function shopDomainOf(input: ShopifyConnect): string {
  const shopDomain = normalizeShopDomain(input.shopDomain);
  if (!shopDomain)
    throw new DomainError('VALIDATION_FAILED', 'shopDomain must be a myshopify.com domain', {
      field: 'shopDomain',
    });
  return shopDomain;
}

/** What is sealed for the Admin API; null without an access token (webhooks only). */
export function shopifyCredentials(input: ShopifyConnect, shopDomain: string): StoredCredentials | null {
  if (!input.accessToken) return null;
  return {
    shopDomain,
    accessToken: input.accessToken,
    apiBaseUrl: input.apiBaseUrl,
    shopifyLocationId: input.shopifyLocationId,
  };
}

export function shopifyConnector(creds: Record<string, string | undefined>): ShopifyConnector {
  return new ShopifyConnector({
    shopDomain: creds['shopDomain'] ?? '',
    accessToken: creds['accessToken'] ?? '',
    apiBaseUrl: creds['apiBaseUrl'],
    shopifyLocationId: creds['shopifyLocationId'],
  });
}
