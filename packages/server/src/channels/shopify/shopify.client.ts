import { parseJsonLossless, idText } from '@stockwise/domain/channels/lossless-json';
import {
  shopifyOrderDisposition,
  shopifyOrderToIntake,
  shopifyShippedAt,
} from '@stockwise/domain/channels/shopify/shopify-payloads';
import { isoInstant } from '@stockwise/domain/channels/paging';
import { isDomainError } from '@stockwise/domain/errors';
import type { ChannelConnector, PulledOrder, PullFailure, PullResult } from '../connector';
import { ConnectorError, expectOk, fetchWithRetry, readPages } from '../connector';

export const SHOPIFY_API_VERSION = '2024-07';

export interface ShopifyCredentials {
  shopDomain: string;
  accessToken: string;
  apiBaseUrl?: string | undefined;
  shopifyLocationId?: string | undefined;
}

/** The `rel="next"` URL of a Shopify Link header (cursor-based pagination with page_info). */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** A Shopify order as a sync or a webhook takes it in: a fulfilled one ships at Shopify's date (docs/decisions.md 45). */
export function shopifyPulledOrder(payload: unknown, now: Date): PulledOrder {
  const intake = shopifyOrderToIntake(payload);
  const disposition = shopifyOrderDisposition(payload);
  return disposition === 'ship'
    ? { intake, disposition, shippedAt: shopifyShippedAt(payload, now) }
    : { intake, disposition };
}

/**
 * Shopify Admin REST client: orders from `GET /orders.json` (status=any, updated_at_min = cursor,
 * Link-header pages), inventory to `POST /inventory_levels/set.json` at the configured location with
 * the variant's inventory_item_id found by SKU in `GET /products.json`.
 */
export class ShopifyConnector implements ChannelConnector {
  private readonly base: string;

  constructor(private readonly creds: ShopifyCredentials) {
    this.base = (creds.apiBaseUrl ?? `https://${creds.shopDomain}/admin/api/${SHOPIFY_API_VERSION}`).replace(
      /\/$/,
      '',
    );
  }

  private async get(url: string): Promise<{ body: unknown; next: string | null }> {
    const res = await fetchWithRetry(url, {
      headers: { 'X-Shopify-Access-Token': this.creds.accessToken, Accept: 'application/json' },
    });
    const text = await expectOk(res, `Shopify GET ${new URL(url).pathname}`);
    return { body: parseJsonLossless(text), next: nextLink(res.headers.get('Link')) };
  }

  async pullOrders(cursor: string | null): Promise<PullResult> {
    const params = new URLSearchParams({ status: 'any', limit: '250', order: 'updated_at asc' });
    if (cursor) params.set('updated_at_min', cursor);
    const orders: PulledOrder[] = [];
    const failed: PullFailure[] = [];
    let latest = cursor;
    // Link-header pages: the next page's URL is the token, so a repeated link stops the read.
    const read = await readPages<null>(async (next) => {
      const page = await this.get(next ?? `${this.base}/orders.json?${params.toString()}`);
      const list = (page.body as { orders?: unknown }).orders;
      if (!Array.isArray(list)) throw new ConnectorError('Shopify orders.json: no orders array', null);
      for (const raw of list as Record<string, unknown>[]) {
        const updated = typeof raw['updated_at'] === 'string' ? raw['updated_at'] : null;
        if (updated && (!latest || new Date(updated) > new Date(latest))) latest = updated;
        try {
          orders.push(shopifyPulledOrder(raw, new Date()));
        } catch (error) {
          if (!isDomainError(error)) throw error;
          failed.push({ externalId: idText(raw['id']) ?? '?', code: error.code, message: error.message });
        }
      }
      return { items: [], nextToken: page.next };
    });
    return { orders, failed, stopped: read.stopped, cursor: isoInstant(latest) };
  }

  private async inventoryItems(): Promise<Map<string, string>> {
    const bySku = new Map<string, string>();
    let url: string | null = `${this.base}/products.json?limit=250&fields=id,variants`;
    while (url) {
      const page: { body: unknown; next: string | null } = await this.get(url);
      const products =
        (page.body as { products?: { variants?: { sku?: unknown; inventory_item_id?: unknown }[] }[] })
          .products ?? [];
      for (const p of products) {
        for (const v of p.variants ?? []) {
          const item = idText(v.inventory_item_id);
          if (typeof v.sku === 'string' && v.sku && item) bySku.set(v.sku, item);
        }
      }
      url = page.next;
    }
    return bySku;
  }

  async pushAvailability(items: readonly { sku: string; quantity: number }[]): Promise<number> {
    const location = this.creds.shopifyLocationId;
    if (!location) throw new ConnectorError('set shopifyLocationId on the channel to push inventory', null);
    const bySku = await this.inventoryItems();
    let pushed = 0;
    for (const item of items) {
      const inventoryItemId = bySku.get(item.sku);
      if (!inventoryItemId) continue;
      // Ids go out as JSON number literals with every digit (they may exceed 2^53).
      const body = `{"location_id":${location},"inventory_item_id":${inventoryItemId},"available":${String(item.quantity)}}`;
      const res = await fetchWithRetry(`${this.base}/inventory_levels/set.json`, {
        method: 'POST',
        headers: { 'X-Shopify-Access-Token': this.creds.accessToken, 'Content-Type': 'application/json' },
        body,
      });
      await expectOk(res, `Shopify inventory_levels/set ${item.sku}`);
      pushed += 1;
    }
    return pushed;
  }
}
